"""sweep against the CLI's percentiles.csv, reproducibility by seed, and bad options."""

import json
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import rareflow

# China's heavy rare-earth licensing with an uncertain share of normal volumes passing.
SHARE = {"dist": "uniform", "min": 0.2, "max": 0.6}
TOML = '''name = "licensing-range"
base = "baseline"

[[policy]]
kind = "export_licensing"
name = "China licensing of medium and heavy rare earths"
regions = ["CHN"]
stages = ["oxide", "metal", "magnet"]
elements = ["Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"]
start = 2025.26
share = { dist = "uniform", min = 0.2, max = 0.6 }
delay_years = 0.17
source = "test assumption"
'''
YEARS = (2024, 2027)


def licensing_range() -> dict:
    d = rareflow.scenario_dict("china-heavy-ree-licensing")
    d["name"] = "licensing-range"
    d["policy"] = [dict(d["policy"][0], share=dict(SHARE))]
    return d


@pytest.fixture(scope="module")
def swept(ds, tmp_path_factory):
    out = tmp_path_factory.mktemp("sweep")
    start = time.perf_counter()
    s = rareflow.sweep(rareflow.load_scenario(licensing_range(), ds), runs=5, seed=7, years=YEARS,
                       out=out, explain="Price|Oxide|Dy@CHN@2027")
    s.seconds = time.perf_counter() - start
    return s


def test_sweep_equals_cli_percentiles_csv(swept, tmp_path, cli):
    (tmp_path / "s.toml").write_text(TOML)
    cli("sweep", tmp_path / "s.toml", "--runs", 5, "--seed", 7, "--years", "2024..2027",
        "--explain", "Price|Oxide|Dy@CHN@2027", "--out", tmp_path / "cli")
    ref = pd.read_csv(tmp_path / "cli" / "percentiles.csv", keep_default_na=False,
                      na_values={c: [""] for c in ["p5", "p25", "p50", "p75", "p95", "mean"]})
    py = swept.percentiles
    assert list(py.columns) == list(ref.columns)
    assert len(py) == len(ref) > 1000
    for col in ["region", "variable", "unit"]:
        assert (py[col].to_numpy() == ref[col].astype(str).to_numpy()).all(), col
    for col in ["year", "runs"]:
        assert (py[col].to_numpy() == ref[col].to_numpy()).all(), col
    for col in ["p5", "p25", "p50", "p75", "p95", "mean"]:
        a, b = py[col].to_numpy(), ref[col].to_numpy()
        assert (np.isnan(a) == np.isnan(b)).all(), col
        scale = np.maximum(np.abs(b), 1.0)
        assert np.nanmax(np.abs(a - b) / scale) <= 1e-12, col
    # The samples and the sensitivity are the CLI's too, and the package wrote the same files.
    samples = pd.read_csv(tmp_path / "cli" / "samples.csv")
    pd.testing.assert_frame_equal(swept.samples, samples, check_dtype=False, rtol=1e-12)
    explain = pd.read_csv(tmp_path / "cli" / "explain.csv")
    pd.testing.assert_frame_equal(swept.sensitivity, explain, rtol=1e-12)
    assert swept.inputs == ["policy[0].share"] and not swept.failures
    assert 0 < swept.r2 <= 1 + 1e-12
    assert (swept.samples["policy[0].share"].between(0.2, 0.6)).all()
    # percentiles.csv, samples.csv and explain.csv have the CLI's bytes (sweep.json names
    # the scenario as given: "scenario dict" against the file's path).
    for f in ["percentiles.csv", "samples.csv", "explain.csv"]:
        assert (tmp_path / "cli" / f).read_bytes() == (Path(swept.dir) / f).read_bytes(), f
    assert json.loads((Path(swept.dir) / "sweep.json").read_text())["seed"] == 7
    dy = swept.quantiles("Price|Oxide|Dy", "CHN")
    assert list(dy.index) == list(range(2024, 2028))
    assert (dy["p5"] <= dy["p50"]).all() and (dy["p50"] <= dy["p95"]).all()
    assert swept.seconds < 20, swept.seconds


def test_same_seed_same_frames(swept, ds):
    s = rareflow.load_scenario(licensing_range(), ds)
    again = rareflow.sweep(s, runs=5, seed=7, years=YEARS, threads=2,
                           explain="Price|Oxide|Dy@CHN@2027")
    assert again.dir != str(swept.dir)  # out=None: a new temporary directory, kept
    assert (Path(again.dir) / "percentiles.csv").exists()
    shutil.rmtree(again.dir)
    pd.testing.assert_frame_equal(again.percentiles, swept.percentiles, check_exact=True)
    pd.testing.assert_frame_equal(again.samples, swept.samples, check_exact=True)
    pd.testing.assert_frame_equal(again.sensitivity, swept.sensitivity, check_exact=True)
    other = rareflow.sweep(s, runs=5, seed=8, years=YEARS)
    shutil.rmtree(other.dir)
    assert not other.samples.equals(swept.samples)


def test_grid(ds, tmp_path):
    g = rareflow.sweep(licensing_range(), grid=["share=0.2:0.6:3"], years=(2024, 2025),
                       out=tmp_path / "g")
    assert g.mode == "grid"
    assert g.samples["policy[0].share"].tolist() == pytest.approx([0.2, 0.4, 0.6], abs=1e-15)
    assert (tmp_path / "g" / "percentiles.csv").exists()


@pytest.mark.parametrize("kwargs, field, text", [
    (dict(runs=0), "runs", "expected a number of runs >= 1"),
    (dict(runs=-3), "runs", "expected a number of runs >= 1"),
    (dict(threads=0), "threads", "expected a number of threads >= 1"),
    (dict(grid=["shre=0.2,0.3"]), "grid", '(did you mean "share"?)'),
    (dict(explain="Price|Oxide|Dy"), "explain", "expected VARIABLE@REGION@YEAR"),
    (dict(years=(2030, 2024)), "years", "expected first <= last"),
])
def test_bad_options_raise_input_error(ds, tmp_path, kwargs, field, text):
    s = rareflow.load_scenario(licensing_range(), ds)
    with pytest.raises(rareflow.InputError) as e:
        rareflow.sweep(s, out=tmp_path / "x", **{"years": (2024, 2025), "runs": 2, **kwargs})
    assert e.value.diagnostics[0].field == field
    assert text in str(e.value)


def test_scenario_without_distribution(ds, tmp_path):
    with pytest.raises(rareflow.InputError, match="gives no distribution"):
        rareflow.sweep("baseline", runs=2, years=(2024, 2025), out=tmp_path / "n")
