#!/usr/bin/env python3
"""Builds the rows of the quota-era history package (data/history/) from the shared history
tables (shared/data/history/*.csv): oxide price points inside and outside China, China's export
quotas (total, light and medium/heavy), export duties, mining quotas, customs exports and mine
production, each row with the id of its source (sources.csv is written from the source texts).
Run from the repo root:
  /usr/bin/python3 tools/history_package.py ../shared/data/history data/history
Only the generated tables are written (prices, policies, observed, sources); the hand-made
tables (ores, supply, parameters) and datapackage.toml are edited by hand. docs/data.md says
how the back-test uses them."""
import csv
import re
import sys

ELEMENTS = ["La", "Ce", "Pr", "Nd", "Sm", "Eu", "Tb", "Dy"]
LIGHT = "La;Ce;Pr;Nd"
HEAVY = "Sm;Eu;Gd;Tb;Dy;Y"
sources = {}


def source_id(text):
    """A stable short id for a source string: first words, year, and a counter if needed."""
    if text in sources:
        return sources[text][0]
    words = re.findall(r"[a-z0-9]+", text.lower())
    year = next((w for w in re.findall(r"\b(19\d\d|20\d\d)\b", text)), "nd")
    base = "h-" + "-".join(words[:3]) + "-" + year
    sid, n = base, 2
    taken = {v[0] for v in sources.values()}
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    sources[text] = (sid, year)
    return sid


def read(folder, name):
    return list(csv.DictReader(open(f"{folder}/{name}", encoding="utf-8")))


def price_rows(folder):
    out = []
    for r in read(folder, "prices.csv"):
        if r["element"] not in ELEMENTS or not r["form"].startswith("oxide"):
            continue
        if r["confidence"] == "unverified" or not r["unit"].startswith("US$/kg"):
            continue
        m = r["market"]
        if any(w in m for w in ("peak", "high", "record")) or "(exceeding)" in r["unit"]:
            continue
        if m.startswith("FOB China") or m.startswith("USGS"):
            market = "outside"
        elif m.startswith("China domestic"):
            market = "inside"
        else:
            continue
        year = r["date"][:4]
        if not year.isdigit() or not 2009 <= int(year) <= 2015:
            continue
        out.append([r["date"], year, r["element"], market, r["value"], source_id(r["source"]),
                    f"{m}; {r['form']}; {r['unit']}"])
    return out


def policy_rows(folder):
    out = []
    for r in read(folder, "policy.csv"):
        y, per, pol = r["year"], r["period"], r["policy"]
        if not y.isdigit() or not 2009 <= int(y) <= 2015 or r["confidence"] == "unverified":
            continue
        sid = source_id(r["source"])
        kind, period = None, "year"
        batch = per in ("H1", "H2", "Q1", "Q2")
        if per == "full year" and pol == "export quota total":
            kind, els = "export_quota", ""
        elif per == "full year" and pol == "export quota: light RE":
            kind, els = "export_quota", LIGHT
        elif per == "full year" and pol == "export quota: medium/heavy RE":
            kind, els = "export_quota", HEAVY
        elif batch and re.fullmatch(r"export quota (first|second|supplementary) batch"
                                    r"(: light RE|: medium/heavy RE| \(corrected\))?", pol):
            if "(corrected)" in pol or ("light RE" in pol and
                                        r["note"].startswith("TMR: MOFCOM total")):
                continue
            kind, period = "export_quota", per
            els = LIGHT if "light RE" in pol else HEAVY if "medium/heavy" in pol else ""
        elif y == "2015" and pol == "export duty still payable (range low)":
            kind, els, period = "export_tax", "all", "Jan-Apr"
        elif pol.startswith("export duty: ") and "alloys" not in pol and "range" not in pol:
            what = pol[len("export duty: "):]
            kind = "export_tax"
            if what.startswith("Y, Eu, Dy, Tb"):
                els = "Y;Eu;Dy;Tb"
            elif what == "La and Ce":
                els = "La;Ce"
            elif what == "Nd":
                els = "Nd"
            else:
                els = "other"
        if kind:
            out.append([y, period, kind, els, r["value"], r["unit"].split(" ")[0], sid,
                        f"{per}: {pol}"])
    for r in read(folder, "production.csv"):
        y, st = r["year"], r["stage"]
        if not y.isdigit() or not 2010 <= int(y) <= 2015 or r["country"] != "China":
            continue
        if r["confidence"] == "unverified" or "first batch" in st:
            continue
        kinds = {"mining quota": "", "mining quota (light RE)": "light",
                 "mining quota (medium/heavy RE)": "heavy"}
        if st in kinds:
            out.append([y, "year", "mining_quota", kinds[st], r["value"], "t", source_id(r["source"]),
                        st])
    return out


def observed_rows(folder):
    out = []
    for r in read(folder, "trade.csv"):
        if r["flow"].startswith("China exports of rare earths (customs") and r["year"].isdigit():
            out.append([r["year"], "exports", "CHN", r["value"], "t", source_id(r["source"]),
                        r["confidence"]])
    for r in read(folder, "production.csv"):
        if r["stage"] != "mine production" or not r["year"].isdigit():
            continue
        if r["confidence"] == "unverified" or not r["unit"].startswith("t REO"):
            continue
        region = {"China": "CHN", "World": "World"}.get(r["country"])
        if region and 2009 <= int(r["year"]) <= 2015:
            out.append([r["year"], "mine_production", region, r["value"], "t REO",
                        source_id(r["source"]), r["confidence"]])
    return out


# Rows of the shared tables that the hand-made tables (supply.csv, parameters.csv) cite: their
# sources are registered so that sources.csv holds them; the ids are printed.
CITED = [("supply_response.csv", "item", "Molycorp Project Phoenix Phase 1 target rate"),
         ("supply_response.csv", "item", "Lynas LAMP Phase 1 nameplate"),
         ("production.csv", "stage", "mine production", "India", "2010"),
         ("trade.csv", "flow", "Japan RE imports from China", None, "2009"),
         ("demand.csv", "sector", "total (growth rate)", "China", "2005-2010"),
         ("demand.csv", "sector", "total (growth rate)", "Rest of world", "2005-2010")]
HAND = [("castor-hedrick-2006", "Castor and Hedrick (2006), Rare earth elements, in Industrial "
         "Minerals and Rocks (element distributions, as in data/world/sources.csv)", "2006",
         "reported"),
        ("assumption-backtest", "rareflow assumption for the quota-era back-test (see "
         "docs/model_calibration.md, section 7)", "2026", "assumption"),
        ("fitted-backtest", "rareflow: parameter fitted to the 2010-2015 observations of this "
         "package (docs/model_calibration.md, section 7)", "2026", "assumption")]


def cite(folder):
    for file, col, text, *rest in CITED:
        for r in read(folder, file):
            if r[col] != text:
                continue
            if rest and rest[0] and r.get("country", r.get("region")) != rest[0]:
                continue
            if len(rest) > 1 and r["year"] != rest[1]:
                continue
            print(f"{file}: {text}: {source_id(r['source'])}")
            break


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(src, dst):
    prices = price_rows(src)
    policies = policy_rows(src)
    observed = observed_rows(src)
    cite(src)
    write(f"{dst}/prices.csv", ["date", "year", "element", "market", "usd_per_kg", "source", "note"],
          prices)
    write(f"{dst}/policies.csv", ["year", "period", "kind", "elements", "value", "unit", "source", "note"],
          policies)
    write(f"{dst}/observed.csv", ["year", "series", "region", "value", "unit", "source", "note"],
          observed)
    write(f"{dst}/sources.csv", ["id", "title", "year", "confidence"],
          [[sid, text, year if year != "nd" else "", "reported"]
           for text, (sid, year) in sorted(sources.items(), key=lambda kv: kv[1][0])] +
          [list(h) for h in HAND])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
