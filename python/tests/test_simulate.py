"""simulate against the CLI's results.csv, the run's views, progress and the GIL."""

import threading
import time

import pandas as pd

import rareflow
from conftest import cli_csv


def test_baseline_equals_cli_results_csv(baseline, tmp_path, cli):
    cli("simulate", "baseline", "--out", tmp_path / "cli")
    ref = pd.read_csv(tmp_path / "cli" / "results.csv", keep_default_na=False)
    py = baseline.iamc
    assert list(py.columns) == ["model", "scenario", "region", "variable", "unit", "year", "value"]
    assert len(py) == len(ref) > 1000
    for col in ["model", "scenario", "region", "variable", "unit"]:
        assert (py[col].to_numpy() == ref[col].astype(str).to_numpy()).all(), col
    assert (py["year"].to_numpy() == ref["year"].to_numpy()).all()
    scale = ref["value"].abs().clip(lower=1.0)
    assert ((py["value"] - ref["value"]).abs() / scale).max() <= 1e-12
    # The run record is run.json's.
    import json
    rec = json.loads((tmp_path / "cli" / "run.json").read_text())
    assert baseline.run_record["entries"]["market.years"] == rec["entries"]["market.years"]


def test_run_views(baseline, tmp_path):
    p = baseline.prices
    assert p.index.min() == 2024 and p.index.max() == 2050
    assert (p[("Price|Oxide|Dy", "CHN")] > 0).all()
    f = baseline.flows
    assert set(f["variable"].str.split("|").str[0]) == {"Production", "Trade", "Demand",
                                                         "Consumption"}
    assert baseline.run_record["command"] == "simulate"
    assert baseline.run_record["entries"]["scenario"] == "baseline"
    assert [t.attrs["title"] for t in baseline.tables]
    baseline.write(tmp_path / "out")
    again = rareflow.compare(baseline, str(tmp_path / "out"))
    assert again  # the written directory reads back and compares


def test_progress_and_gil_released(ds):
    s = rareflow.load_scenario("baseline", ds)
    years = []
    ticks = [0, 0]  # ticks of a second thread: total, and those while the solver ran
    solving = threading.Event()
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks[0] += 1
            if solving.is_set():
                ticks[1] += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    try:
        solving.set()
        run = rareflow.simulate(s, years=(2024, 2030), progress=lambda y, a, b: years.append((y, a, b)))
        solving.clear()
    finally:
        stop.set()
        t.join()
    assert years == [(y, 2024, 2030) for y in range(2024, 2031)]
    assert run.iamc["year"].max() == 2030
    # With the GIL held for the whole solve the thread could only run between progress calls
    # (7); released, it ticks about once a millisecond while the market solves.
    assert ticks[1] > 20, ticks


def test_compare_licensing_with_baseline(baseline, ds):
    lic = rareflow.simulate(rareflow.load_scenario("china-heavy-ree-licensing", ds))
    tables = rareflow.compare(baseline, lic, years=(2026, 2026))
    assert tables and all(isinstance(t, pd.DataFrame) for t in tables)
    # Same run on both sides: every B - A difference is zero.
    same = rareflow.compare(baseline, baseline)
    for t in same:
        for c in t.columns:
            if c.startswith("B - A"):
                assert (t[c].fillna(0) == 0).all()
