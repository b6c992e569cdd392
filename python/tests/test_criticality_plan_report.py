"""criticality, plan and report on the embedded data, against the CLI where it prints tables."""

import pandas as pd
import pytest

import rareflow
from conftest import assert_same_table, cli_csv


def _cli_tables(text):
    return [cli_csv(t) for t in text.strip().split("\n\n")]


@pytest.mark.parametrize("method", ["eu", "usgs"])
def test_criticality_equals_cli(ds, cli, method):
    py = rareflow.criticality(ds, perspective="EU27", method=method)
    ref = _cli_tables(cli("criticality", "--perspective", "EU27", "--method", method,
                          "--format", "csv"))
    assert len(py) == len(ref)
    for a, b in zip(py, ref):
        assert_same_table(a, b)


def test_criticality_rejects_unknown_method(ds):
    with pytest.raises(rareflow.Error, match=r"method: expected eu, usgs or model, found \"ue\""):
        rareflow.criticality(ds, method="ue")


def test_plan_matches_cli(ds, cli):
    steps = []
    run = rareflow.plan("russia-2035", ds=ds, reference=False,
                        progress=lambda step, n, what: steps.append((step, n, what)))
    assert steps == [(0, 1, "solving: optimised")]
    ref = _cli_tables(cli("plan", "russia-2035", "--no-reference", "--format", "csv"))
    assert len(run.tables) == len(ref)
    # Same model, same solver: the same roadmap, objective (million USD) and every other table.
    for a, b in zip(run.tables, ref):
        assert_same_table(a, b, rtol=1e-9, atol=1e-9)
    assert run.iamc["variable"].str.startswith("Plan|").any()


def test_report_writes_html(baseline, ds, tmp_path):
    out = rareflow.report([baseline], tmp_path / "report.html", ds=ds)
    html = (tmp_path / "report.html").read_text()
    assert out.endswith("report.html")
    assert html.startswith("<!DOCTYPE html>") and "baseline" in html
