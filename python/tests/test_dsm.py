"""rareflow.dsm on pandas Series against `rareflow dsm` on the same CSV, and known results."""

import pandas as pd
import pytest

import rareflow
from conftest import cli_csv


def test_inflow_series_equals_cli(tmp_path, cli):
    years = list(range(1990, 2031))
    inflow = pd.Series([100.0 + 7.5 * k + (k % 4) * 0.25 for k in range(len(years))], index=years)
    csv = tmp_path / "inflow.csv"
    csv.write_text("year,value [t]\n" + "".join(f"{y},{v!r}\n" for y, v in inflow.items()))
    py = rareflow.dsm(inflow=inflow, lifetime=("normal", 10, 3), unit="t")
    ref = cli_csv(cli("dsm", "--inflow", csv, "--lifetime", "normal:10,3", "--format", "csv"))
    assert list(py.columns) == list(ref.columns)
    assert len(py) == len(ref) == len(years)
    for col in ref.columns:
        diff = (py[col].astype(float) - ref[col].astype(float)).abs().max()
        assert diff <= 1e-12 * max(1.0, ref[col].abs().max()), col


def test_stock_driven_series_equals_cli(tmp_path, cli):
    stock = pd.Series([10.0, 16.0, 15.0, 11.0, 9.0, 10.0], index=range(2001, 2007))
    csv = tmp_path / "stock.csv"
    csv.write_text("year,value\n" + "".join(f"{y},{v!r}\n" for y, v in stock.items()))
    per_year, cohorts = rareflow.dsm(stock=stock, lifetime="fixed:4",
                                     negative_inflow_correction=True, by_cohort=True)
    text = cli("dsm", "--stock", csv, "--lifetime", "fixed:4", "--negative-inflow-correction",
               "--by-cohort", "--format", "csv")
    ref_year, ref_cohort = (cli_csv(t) for t in text.strip().split("\n\n"))
    pd.testing.assert_frame_equal(per_year, ref_year, check_dtype=False, rtol=1e-12, atol=0)
    pd.testing.assert_frame_equal(cohorts, ref_cohort, check_dtype=False, rtol=1e-12, atol=0)


def test_known_result_fixed_lifetime():
    # Issue 3's hand-computed case: inflow 1..10 t with a fixed 5-year lifetime; a cohort leaves
    # in the year it turns 5, so the stock is the sum of the last five inflows.
    out = rareflow.dsm(inflow=pd.Series(range(1, 11), index=range(2001, 2011)),
                       lifetime=("fixed", 5), unit="t")
    assert out["stock [t]"].tolist() == [1, 3, 6, 10, 15, 20, 25, 30, 35, 40]
    assert out["outflow [t]"].tolist() == [0, 0, 0, 0, 0, 1, 2, 3, 4, 5]


def test_bad_series_names_the_year():
    bad = pd.Series([1.0, 2.0, -3.0], index=[2001, 2002, 2004])
    with pytest.raises(rareflow.InputError) as e:
        rareflow.dsm(inflow=bad, lifetime=("normal", 10))
    fields = [(d.field, d.message) for d in e.value.diagnostics]
    assert ("inflow[2004]", "expected year 2003 (years must be consecutive and increasing), "
            "found 2004") in fields
    assert ("inflow[2004]", "expected a number >= 0, found -3") in fields
    # The lifetime spec is checked with the CLI's parser and message.
    assert any(d.file == "lifetime" and d.field == "sd" for d in e.value.diagnostics)
