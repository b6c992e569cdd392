#!/usr/bin/env python3
"""Extracts USGS mine production (by country and year) and USGS oxide prices from the shared
reference table into rows of the data package (production.csv mine rows, prices.csv).
Where several MCS editions give a country-year, the newest edition wins (MCS 2025 > 2024 >
older copies); 'superseded' rows are skipped. Run from the repo root:
  python3 tools/extract_usgs.py ../shared/data/world/usgs_country_statistics.csv
It prints CSV rows; docs/data.md says how the package uses them."""
import csv
import sys

ISO = {"United States": "USA", "Australia": "AUS", "Brazil": "BRA", "Burma (Myanmar)": "MMR",
       "China": "CHN", "India": "IND", "Madagascar": "MDG", "Malaysia": "MYS", "Nigeria": "NGA",
       "Russia": "RUS", "Thailand": "THA", "Vietnam": "VNM", "Canada": "CAN", "Greenland": "GRL",
       "South Africa": "ZAF", "Tanzania": "TZA", "Other": "ROW"}
PRICE = {"cerium": "Ce", "dysprosium": "Dy", "europium": "Eu", "lanthanum": "La",
         "neodymium": "Nd", "terbium": "Tb"}


def edition(src):
    if "MCS 2025" in src:
        return 3, "usgs-mcs-2025"
    if "MCS 2024" in src:
        return 2, "usgs-mcs-2024"
    return 1, "usgs-mcs-older"


def main(path):
    best = {}
    prices = []
    for r in csv.DictReader(open(path)):
        if r["metric"] == "mine_production" and r["country"] in ISO and r["value"] not in ("", "NA"):
            rank, sid = edition(r["source"])
            key = (ISO[r["country"]], int(r["year"]))
            if key not in best or rank > best[key][0]:
                best[key] = (rank, sid, float(r["value"]))
        if r["metric"].startswith("price_oxide_"):
            el = PRICE[r["metric"][len("price_oxide_"):]]
            prices.append((el, "oxide", int(r["year"]), float(r["value"])))
        if r["metric"] == "price_mischmetal":
            prices.append(("mischmetal", "metal", int(r["year"]), float(r["value"])))
    print("# production (mine)")
    for (iso, year), (_, sid, v) in sorted(best.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"mine,{iso},{year},{v:g},{sid},")
    print("# prices")
    for el, form, year, v in sorted(prices, key=lambda p: (p[2], p[0])):
        sid = "usgs-prices-2024" if year >= 2020 else "usgs-mcs-older"
        print(f"{el},{form},{year},{v:g},{sid}")


if __name__ == "__main__":
    main(sys.argv[1])
