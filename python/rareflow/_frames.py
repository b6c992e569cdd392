"""Tables from the engine as pandas DataFrames. Column names carry their unit as the CLI's csv
does ("stock [t REO]"); the title, notes and units are kept in ``DataFrame.attrs``."""

from __future__ import annotations

import pandas as pd

IAMC_COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]


def table(t: dict) -> pd.DataFrame:
    names = [f"{n} [{u}]" if u else n for n, u in zip(t["columns"], t["units"])]
    df = pd.DataFrame(t["rows"], columns=names)
    df.attrs["title"] = t["title"]
    df.attrs["notes"] = list(t["notes"])
    df.attrs["units"] = {n: u for n, u in zip(names, t["units"]) if u}
    return df


def tables(ts: list) -> list:
    return [table(t) for t in ts]


def raw_table(t: dict) -> pd.DataFrame:
    """A data-package table: plain column names, units in ``attrs['units']``."""
    df = pd.DataFrame(dict(zip(t["columns"], t["values"])), columns=t["columns"])
    df.attrs["title"] = t["name"]
    df.attrs["description"] = t["description"]
    df.attrs["file"] = t["file"]
    df.attrs["units"] = {n: u for n, u in zip(t["columns"], t["units"]) if u}
    df.attrs["types"] = dict(zip(t["columns"], t["types"]))
    return df


def iamc(columns: dict) -> pd.DataFrame:
    df = pd.DataFrame(columns, columns=IAMC_COLUMNS)
    df["year"] = df["year"].astype("int64")
    df["value"] = df["value"].astype("float64")
    return df
