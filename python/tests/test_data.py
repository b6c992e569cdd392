"""load_data, Dataset.tables, check(), balance and stocks on the embedded package."""

import shutil

import pandas as pd
import pytest

import rareflow
from conftest import SOURCE_DIR, assert_same_table, cli_csv


def test_embedded_tables_with_units(ds):
    assert ds.origin == "embedded"
    assert ds.base_year == 2024
    prod = ds.tables["production"]
    assert isinstance(prod, pd.DataFrame)
    # USGS Mineral Commodity Summaries 2025: China mined 270,000 t REO in 2024
    # (data/world/production.csv, source usgs-mcs-2025).
    row = prod[(prod.stage == "mine") & (prod.region == "CHN") & (prod.year == 2024)]
    assert row["value"].tolist() == [270000.0]
    assert row["unit"].tolist() == ["t REO"]
    assert prod["year"].dtype.kind == "i"
    # The manifest declares units per column (here: none on value, the unit is a column).
    assert set(ds.tables) >= {"production", "facilities", "prices", "sources"}
    assert ds.check() == []


def test_check_reports_file_line_column(tmp_path):
    pkg = tmp_path / "pkg"
    shutil.copytree(SOURCE_DIR / "data" / "world", pkg)
    lines = (pkg / "production.csv").read_text().splitlines(keepends=True)
    # Line 3 (CHN 2010) gets a value that is not a number: "x130000".
    assert lines[2].startswith("mine,CHN,2010,all,130000,")
    lines[2] = lines[2].replace(",130000,", ",x130000,")
    (pkg / "production.csv").write_text("".join(lines))
    diags = rareflow.check_data(pkg)
    assert len(diags) >= 1
    d = diags[0]
    assert d.file.endswith("production.csv") and d.line == 3 and d.column == 19
    assert d.field == "value"
    with pytest.raises(rareflow.InputError) as e:
        rareflow.load_data(pkg)
    assert e.value.diagnostics[0] == d


def test_balance_equals_cli(ds, cli):
    py = rareflow.balance(ds, year=2024)
    text = cli("balance", "--year", "2024", "--format", "csv")
    # The CLI's csv holds the same tables separated by blank lines; compare the first one.
    first = cli_csv(text.split("\n\n")[0])
    assert list(py[0].columns) == list(first.columns)
    assert_same_table(py[0], first)


def test_stocks_equals_cli_and_checks_names(ds, cli):
    py = rareflow.stocks(ds, element="Nd", years=(2020, 2030))
    assert py.attrs["units"]["in_use_stock [t REO]"] == "t REO"
    cli_table = cli_csv(cli("stocks", "--element", "Nd", "--years", "2020..2030", "--format", "csv"))
    pd.testing.assert_frame_equal(py, cli_table, check_dtype=False, rtol=1e-12, atol=0)
    with pytest.raises(rareflow.InputError) as e:
        rareflow.stocks(ds, element="Ndd")
    d = e.value.diagnostics[0]
    assert (d.file, d.field) == ("stocks", "element")
    assert 'did you mean "Nd"' in d.message
