"""Shared fixtures: the embedded data package, the CLI binary built beside the module, and one
baseline market run (the slowest call, made once per session)."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import rareflow

SOURCE_DIR = Path(os.environ.get("RAREFLOW_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def _cli_path() -> str:
    env = os.environ.get("RAREFLOW_BIN")
    if env:
        return env
    found = shutil.which("rareflow") or str(SOURCE_DIR / "build" / "rareflow")
    return found


@pytest.fixture(scope="session")
def cli():
    """Runs the rareflow CLI; returns stdout (fails the test on a non-zero exit)."""
    path = _cli_path()
    if not Path(path).exists():
        pytest.fail(f"rareflow CLI not found at {path} (set RAREFLOW_BIN)")

    def run(*args, cwd=None):
        r = subprocess.run([path, *map(str, args)], capture_output=True, text=True, cwd=cwd)
        assert r.returncode == 0, r.stderr
        return r.stdout

    return run


def cli_csv(text: str) -> pd.DataFrame:
    # Several tables in one csv: each starts with a "# title" line.
    body = "\n".join(l for l in text.splitlines() if not l.startswith("#"))
    return pd.read_csv(io.StringIO(body))


@pytest.fixture(scope="session")
def ds():
    return rareflow.load_data()


@pytest.fixture(scope="session")
def baseline(ds):
    return rareflow.simulate(rareflow.load_scenario("baseline", ds))


def assert_same_table(py: pd.DataFrame, ref: pd.DataFrame, rtol=1e-12, atol=0.0):
    """A table from the package against the CLI's csv of it: pandas reads empty csv cells as
    NaN where the package keeps "" labels, so empty labels are compared as NaN."""
    py = py.replace("", float("nan")).reset_index(drop=True)
    pd.testing.assert_frame_equal(py, ref, check_dtype=False, rtol=rtol, atol=atol)
