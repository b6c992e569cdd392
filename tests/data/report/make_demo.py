#!/usr/bin/env python3
"""Writes tests/data/report/demo/: a results directory that exercises every report section.

Real figures: 2024 mine production by country (USGS MCS 2025), USGS oxide prices 2024 (Nd 56,
Dy 260, Tb 810, Ce 1, La 1 USD/kg), EU CRM 2023 SR and EI scores (EU27 perspective). Everything
else (paths after 2024, separation split, flows, plan) is synthetic demo data, made to have
plausible magnitudes only. Deterministic: rerunning gives the same files.
"""
import csv, json, os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo")
os.makedirs(HERE, exist_ok=True)
YEARS = list(range(2024, 2036))
SCEN = ["reference", "export-controls"]
rows = []

def add(s, r, v, u, y, x):
    rows.append(["rareflow", s, r, v, u, y, round(x, 6)])

# Mine production 2024, t REO (USGS MCS 2025), then synthetic growth rates per year.
mine_2024 = {"CHN": 270000, "USA": 45000, "MMR": 31000, "AUS": 13000, "NGA": 13000,
             "THA": 13000, "IND": 2900, "RUS": 2500, "MDG": 2000, "VNM": 300, "MYS": 130}
growth = {"CHN": 0.03, "USA": 0.04, "MMR": -0.02, "AUS": 0.12, "NGA": 0.05, "THA": 0.0,
          "IND": 0.03, "RUS": 0.08, "MDG": 0.06, "VNM": 0.10, "MYS": 0.0}
sep_2024 = {"CHN": 0.89, "MYS": 0.07, "EST": 0.01, "USA": 0.01, "IND": 0.01, "RUS": 0.01}
for s in SCEN:
    for y in YEARS:
        k = y - 2024
        tot = 0.0
        for r, v in mine_2024.items():
            g = growth[r] + (0.03 if s == "export-controls" and r in ("AUS", "USA") and k > 2 else 0)
            val = v * (1 + g) ** k
            tot += val
            add(s, r, "Production|Mine|REO", "t REO/yr", y, val)
        add(s, "World", "Production|Mine|REO", "t REO/yr", y, tot)
        # Separation: China's share falls as plants outside China ramp up (synthetic).
        shift = min(0.25, 0.012 * k * (1.6 if s == "export-controls" else 1.0))
        shares = dict(sep_2024)
        shares["CHN"] -= shift
        shares["MYS"] += shift * 0.35
        shares["USA"] += shift * 0.3
        shares["EST"] += shift * 0.15
        shares["FRA"] = shift * 0.1
        shares["JPN"] = shift * 0.1
        for r, f in shares.items():
            add(s, r, "Production|Separation|REO", "t REO/yr", y, tot * 0.97 * f)

# Oxide prices, USD/kg: 2024 = USGS annual averages (Pr: synthetic, close to Nd).
p2024 = {"Nd": 56.0, "Pr": 60.0, "Dy": 260.0, "Tb": 810.0, "Ce": 1.0, "La": 1.0}
for s in SCEN:
    for el, p in p2024.items():
        for y in YEARS:
            k = y - 2024
            base = p * (1 + 0.025 * k)
            chn = base
            row = base * 1.05
            if s == "export-controls" and el in ("Dy", "Tb") and k >= 1:
                chn = base * 0.9
                row = base * (2.6 if k < 4 else 1.9)
            if s == "export-controls" and el in ("Nd", "Pr") and k >= 1:
                row = base * 1.35
            add(s, "CHN", f"Price|Oxide|{el}", "USD/kg", y, chn)
            add(s, "ROW", f"Price|Oxide|{el}", "USD/kg", y, row)

# Shortfalls, t/yr (synthetic): none in the reference, magnets short under export controls.
for s in SCEN:
    for y in YEARS:
        k = y - 2024
        on = s == "export-controls" and 1 <= k <= 6
        f = (1.0 - abs(k - 3) / 4.0) if on else 0.0
        f = max(f, 0.0)
        for r, sec, v in [("EU27", "EV traction", 2400), ("EU27", "Wind", 1300),
                          ("USA", "EV traction", 1500), ("JPN", "Industrial motors", 700)]:
            add(s, r, f"Shortfall|NdFeB|{sec}", "t magnet/yr", y, v * f)
        for r, v in [("EU27", 40), ("USA", 25)]:
            add(s, r, "Shortfall|Oxide|Dy", "t REO/yr", y, v * f)

# Plan (EU27, synthetic roadmap).
plan = [("Norra Kärr mine", "SWE", 2026, 2032, 2600, "t REO/yr", 780),
        ("Neo Narva separation expansion", "EST", 2025, 2027, 2000, "t REO/yr", 120),
        ("Caremag recycling & separation", "FRA", 2025, 2027, 2000, "t REO/yr", 250),
        ("Magnet plant Narva", "EST", 2025, 2026, 2000, "t magnet/yr", 110),
        ("Fen deposit mine", "NOR", 2027, 2034, 3000, "t REO/yr", 900),
        ("Metal & alloy plant", "FRA", 2026, 2028, 1500, "t metal/yr", 95)]
for s in SCEN:
    for name, reg, d, o, cap, unit, capex in plan:
        add(s, reg, f"Plan|Roadmap|{name}|Capacity", unit, o, cap)
        add(s, reg, f"Plan|Roadmap|{name}|Capex", "USD million", d, capex)
    for el, start, slope in [("Nd", 2, 3.8), ("Pr", 2, 3.6), ("Dy", 0, 2.2), ("Tb", 0, 1.9)]:
        for y in YEARS:
            k = y - 2024
            val = min(95.0, start + slope * max(0, k - 2) * (1.1 if s == "reference" else 0.9))
            add(s, "EU27", f"Self-sufficiency|{el}", "%", y, val)
        for y in range(2030, 2036):
            add(s, "EU27", f"Plan|Goal|Self-sufficiency|{el}", "%", y, 40.0)
    for y in YEARS:
        k = y - 2024
        capex = sum(c for (_, _, d, _, _, _, c) in plan if d <= y < d + 3) / 3.0
        add(s, "EU27", "Cost|Capex", "USD million", y, capex)
        add(s, "EU27", "Cost|Opex", "USD million", y, 20 + 11 * k)
        imp = 900 - 40 * k if s == "reference" else 1400 - 50 * k
        add(s, "EU27", "Cost|Imports", "USD million", y, imp)
        add(s, "EU27", "Cost|Export revenue", "USD million", y, -(5 * k))

# Criticality, EU27 perspective, 2023: EU CRM 2023 (fifth assessment) SR and EI.
crm = {"Dy": (5.6, 7.8), "Tb": (4.9, 6.4), "Er": (5.6, 3.5), "Eu": (5.6, 3.3),
       "Gd": (3.3, 3.3), "Ho": (5.6, 3.2), "Lu": (5.6, 5.0), "Tm": (5.6, 3.2),
       "Yb": (5.6, 3.2), "Y": (3.5, 2.9), "Nd": (4.5, 7.2), "Pr": (3.2, 7.0),
       "Sm": (3.5, 7.7), "Ce": (4.0, 4.9), "La": (3.5, 2.9), "Sc": (2.4, 3.7),
       "HREE": (5.1, 4.2), "LREE": (3.7, 5.9)}
for m, (sr, ei) in crm.items():
    add("reference", "EU27", f"Criticality|SR|{m}", "1", 2023, sr)
    add("reference", "EU27", f"Criticality|EI|{m}", "1", 2023, ei)

with open(os.path.join(HERE, "results.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["model", "scenario", "region", "variable", "unit", "year", "value"])
    for r in rows:
        v = r[6]
        r[6] = repr(float(v)) if v != int(v) else str(int(v))
        w.writerow(r)

json.dump({"command": "demo", "entries": {
    "base_year": "2024", "data_version": "world-2025.1 (demo)", "scenarios": ",".join(SCEN),
    "seed": "42", "solver": "Clp 1.17 (demo)", "title": "rareflow demo report"}},
    open(os.path.join(HERE, "run.json"), "w"), indent=2)

# Base-year chain flows, t REO per element (synthetic routing of the USGS 2024 mine output).
share = {  # element shares of REO by mine region (rough deposit-type averages; synthetic)
    "bast": {"La": 0.33, "Ce": 0.49, "Pr": 0.043, "Nd": 0.12, "Dy": 0.0008, "Tb": 0.0002},
    "ion": {"La": 0.25, "Ce": 0.03, "Pr": 0.06, "Nd": 0.22, "Dy": 0.04, "Tb": 0.008},
    "mon": {"La": 0.23, "Ce": 0.45, "Pr": 0.05, "Nd": 0.18, "Dy": 0.008, "Tb": 0.002}}
kind = {"CHN": "bast", "USA": "bast", "MMR": "ion", "AUS": "mon", "NGA": "mon", "THA": "mon",
        "IND": "mon", "RUS": "mon", "MDG": "ion"}
to_sep = {"CHN": {"CHN": 1.0}, "USA": {"CHN": 0.8, "USA": 0.2}, "MMR": {"CHN": 1.0},
          "AUS": {"MYS": 0.85, "CHN": 0.15}, "NGA": {"CHN": 1.0}, "THA": {"CHN": 1.0},
          "IND": {"IND": 1.0}, "RUS": {"RUS": 0.6, "EST": 0.4}, "MDG": {"CHN": 1.0}}
LOSS = 0.03
flows = []
sep_in = {}
for r, kd in kind.items():
    for el, sh in share[kd].items():
        m = mine_2024[r] * sh
        for dest, f in to_sep[r].items():
            flows.append(("Mine", r, "Separation", dest, el, m * f))
            sep_in[(dest, el)] = sep_in.get((dest, el), 0.0) + m * f
metal_in = {}
for (sreg, el), v in sorted(sep_in.items()):
    out = v * (1 - LOSS)
    flows.append(("Separation", sreg, "End use", "Losses", el, v * LOSS))
    if el in ("Nd", "Pr", "Dy", "Tb"):
        to_metal = 0.8
        dest = "CHN" if sreg in ("CHN", "MYS", "USA") else ("JPN" if sreg == "IND" else sreg)
        if sreg == "MYS":
            dest = "JPN"
        flows.append(("Separation", sreg, "Metal", dest, el, out * to_metal))
        metal_in[(dest, el)] = metal_in.get((dest, el), 0.0) + out * to_metal
        flows.append(("Separation", sreg, "End use", "Other uses", el, out * (1 - to_metal)))
    else:
        uses = {"Catalysts": 0.45, "Polishing & glass": 0.35, "Metallurgy & batteries": 0.2}
        for u, f in uses.items():
            flows.append(("Separation", sreg, "End use", u, el, out * f))
mag_in = {}
for (mreg, el), v in sorted(metal_in.items()):
    dest = {"CHN": "CHN", "JPN": "JPN", "RUS": "RUS", "EST": "EST", "USA": "CHN"}.get(mreg, mreg)
    flows.append(("Metal", mreg, "Magnet", dest, el, v))
    mag_in[(dest, el)] = mag_in.get((dest, el), 0.0) + v
sectors = {"EV traction": 0.3, "Wind": 0.12, "Consumer electronics": 0.2,
           "Industrial motors": 0.28, "Other magnets": 0.1}
for (greg, el), v in sorted(mag_in.items()):
    for sec, f in sectors.items():
        flows.append(("Magnet", greg, "End use", sec, el, v * f))
with open(os.path.join(HERE, "flows.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["from_stage", "from_node", "to_stage", "to_node", "element", "value", "unit"])
    for a, b, c, d, el, v in flows:
        w.writerow([a, b, c, d, el, repr(v), "t REO"])

with open(os.path.join(HERE, "sources.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "title", "publisher", "year", "address", "confidence"])
    w.writerow(["usgs-mcs-2025", "Mineral Commodity Summaries 2025: Rare Earths", "U.S. Geological Survey",
                "2025", "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf", "reported"])
    w.writerow(["eu-crm-2023", "Study on the Critical Raw Materials for the EU 2023", "European Commission",
                "2023", "https://doi.org/10.2873/725585", "reported"])
    w.writerow(["demo", "Synthetic demo values (paths after 2024, flows, plan)", "rareflow tests",
                "2025", "", "assumption"])
