"""rareflow from Python: the rare-earth supply-chain engine (data package, balance, stocks,
market simulation, criticality, roadmap planning, reports) with pandas DataFrames in and out.

Units: masses in t REO (tonnes of rare-earth oxide) unless a column says otherwise, flows per
year, prices in USD/kg, years as calendar years. Every DataFrame column that holds a quantity
names its unit ("stock [t REO]"), or, for the data tables and the IAMC long table, carries it
(``df.attrs["units"]``, the ``unit`` column). Bad input raises :class:`InputError` with the
same diagnostics the CLI prints; a run that cannot be done raises :class:`Error`.
"""

from __future__ import annotations

import os
import tempfile
from typing import Callable, Iterable, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _frames
from ._errors import Diagnostic, Error, InputError
from . import _rareflow as _rf

__all__ = [
    "Dataset", "Scenario", "Run", "Diagnostic", "Error", "InputError",
    "load_data", "check_data", "balance", "stocks", "dsm", "load_scenario", "scenario_dict",
    "shipped_scenarios", "simulate", "Sweep", "sweep", "compare", "criticality", "plan", "report",
]

_default = None


def _dataset(ds: Optional["Dataset"]) -> "Dataset":
    global _default
    if ds is not None:
        return ds
    if _default is None:
        _default = load_data()
    return _default


class Dataset:
    """A loaded, validated data package (immutable)."""

    def __init__(self, native):
        self._native = native
        self._tables = None

    name = property(lambda self: self._native.name, doc="package name")
    version = property(lambda self: self._native.version, doc="package version")
    origin = property(lambda self: self._native.origin, doc='"embedded" or the directory')
    base_year = property(lambda self: self._native.base_year, doc="base year of the balance")

    @property
    def tables(self) -> dict:
        """Every table of the package as a DataFrame, by table name. Columns are as in the
        package's csv files; units are in ``df.attrs["units"]`` (column -> unit), types in
        ``df.attrs["types"]``; numbers are floats (NaN where empty)."""
        if self._tables is None:
            self._tables = {t["name"]: _frames.raw_table(t) for t in self._native.raw_tables()}
        return self._tables

    def check(self) -> list:
        """Re-reads the package from its origin and returns every problem as a list of
        :class:`Diagnostic` (empty: the package is valid)."""
        return [Diagnostic(**d) for d in self._native.check()]

    def schema(self) -> pd.DataFrame:
        """Every table and column with type, unit and range (``rareflow data schema``)."""
        return _frames.table(self._native.schema())

    def show(self, what: str = "", year: Optional[int] = None) -> list:
        """Summaries (``rareflow data show``): production (t REO/yr) with shares (%), reserves
        (t REO), deposits, or any table by name."""
        return _frames.tables(self._native.show(what, year or 0))

    def __repr__(self) -> str:
        return f"<rareflow.Dataset {self.name} {self.version} ({self.origin})>"


def load_data(path: Optional[Union[str, os.PathLike]] = None) -> Dataset:
    """Loads a data package directory, or the embedded default package when ``path`` is None.
    Raises :class:`InputError` listing every problem of a broken package."""
    return Dataset(_rf.load_data(None if path is None else os.fspath(path)))


def check_data(path: Optional[Union[str, os.PathLike]] = None) -> list:
    """Every problem of a data package as :class:`Diagnostic` (empty when valid); never raises
    for a broken package."""
    return [Diagnostic(**d) for d in _rf.check_data(None if path is None else os.fspath(path))]


def balance(ds: Optional[Dataset] = None, year: Optional[int] = None,
            region: Optional[str] = None) -> list:
    """Base-year material balance (``rareflow balance``): DataFrames by stage, region and
    element in t REO/yr, with named gaps and the closure per element. ``year`` defaults to the
    package's base year; ``region`` (ISO alpha-3 or ROW) gives one region's lines."""
    ds = _dataset(ds)
    return _frames.tables(_rf.balance(ds._native, year or 0, region or ""))


def stocks(ds: Optional[Dataset] = None, region: Optional[str] = None,
           sector: Optional[str] = None, element: Optional[str] = None,
           years: Tuple[int, int] = (2000, 2050)) -> pd.DataFrame:
    """In-use stocks (t REO), inflow, end of life, collected, recycled and lost (t REO/yr) by
    year and element for the package's default trajectories (``rareflow stocks``), summed over
    the selected region, sector and element."""
    ds = _dataset(ds)
    return _frames.table(_rf.stocks(ds._native, region or "", sector or "", element or "",
                                    int(years[0]), int(years[1])))


def _lifetime_spec(lifetime) -> str:
    if isinstance(lifetime, str):
        return lifetime
    kind, *params = lifetime
    return f"{kind}:" + ",".join(repr(float(p)) for p in params)


def dsm(inflow: Optional[pd.Series] = None, stock: Optional[pd.Series] = None,
        lifetime=("normal", 10, 3), negative_inflow_correction: bool = False,
        by_cohort: bool = False, unit: Optional[str] = None):
    """The dynamic stock model (``rareflow dsm``) on a pandas Series indexed by consecutive
    years: ``inflow`` (per year) or ``stock`` (at year end), in any one unit (``unit``, else
    ``series.attrs["unit"]``). ``lifetime`` is (kind, p1, p2) in years: ("normal", mean, sd),
    ("foldednormal", mean, sd), ("lognormal", mean, sd), ("weibull", shape, scale) or
    ("fixed", mean), or the CLI's spec text ("normal:10,3"). Returns the per-year DataFrame
    (inflow, outflow, stock, stock change), and with ``by_cohort`` also stock and outflow by
    cohort: ``(per_year, by_cohort)``."""
    if (inflow is None) == (stock is None):
        raise InputError("dsm: expected exactly one of inflow= or stock=",
                         [dict(file="dsm", line=0, column=0, field="inflow/stock",
                               message="expected exactly one of inflow= or stock=",
                               text="dsm: inflow/stock: expected exactly one of inflow= or stock=")])
    series = inflow if inflow is not None else stock
    origin = "stock" if stock is not None else "inflow"
    unit = unit or series.attrs.get("unit", "")
    years = [int(y) for y in series.index]
    values = [float(v) for v in series.to_numpy(dtype="float64")]
    out = _frames.tables(_rf.dsm(years, values, unit, stock is not None, _lifetime_spec(lifetime),
                                 negative_inflow_correction, by_cohort, origin))
    return (out[0], out[1]) if by_cohort else out[0]


class Scenario:
    """A scenario checked against a data package (``load_scenario``)."""

    def __init__(self, native):
        self._native = native

    name = property(lambda self: self._native.name)
    description = property(lambda self: self._native.description)
    chain = property(lambda self: self._native.chain, doc="base first, this scenario last")
    years = property(lambda self: self._native.years, doc="(first, last) simulated year")
    policies = property(lambda self: self._native.policies, doc="(kind, name) of each policy")

    def __repr__(self) -> str:
        return f"<rareflow.Scenario {self.name} {self.years[0]}..{self.years[1]}>"


def shipped_scenarios() -> list:
    """Names of the scenarios compiled into the package (``scenarios/``)."""
    return list(_rf.shipped_scenarios())


def scenario_dict(name_or_path: str) -> dict:
    """A scenario file (or shipped scenario) as a dict with the file's keys, to change and pass
    to :func:`load_scenario` (set ``"name"`` to tell the variant apart)."""
    return _rf.scenario_dict(os.fspath(name_or_path))


def load_scenario(scenario: Union[str, os.PathLike, dict], ds: Optional[Dataset] = None) -> Scenario:
    """A shipped scenario's name, a ``.toml`` path or a dict with the keys of a scenario file,
    checked against ``ds`` (default: the embedded package) with the same checks and messages
    as the CLI; for a dict, each :class:`Diagnostic` names the key path (``policy[0].share``)
    instead of line and column. Raises :class:`InputError`."""
    ds = _dataset(ds)
    if isinstance(scenario, dict):
        return Scenario(_rf.load_scenario_dict(scenario, ds._native))
    return Scenario(_rf.load_scenario(os.fspath(scenario), ds._native))


class Run:
    """Results of a market run (``simulate``), a plan (``plan``) or a results directory."""

    def __init__(self, native):
        self._native = native
        self._iamc = None

    @property
    def title(self) -> str:
        return self._native.title

    @property
    def iamc(self) -> pd.DataFrame:
        """The long IAMC table: model, scenario, region, variable, unit, year, value (the same
        rows as the CLI's results.csv; ``pyam.IamDataFrame(run.iamc)`` reads it)."""
        if self._iamc is None:
            self._iamc = _frames.iamc(self._native.iamc())
        return self._iamc

    @property
    def prices(self) -> pd.DataFrame:
        """Prices in USD/kg by year (rows) and (variable, region) (columns), e.g.
        ``run.prices["Price|Oxide|Dy"]["CHN"]``."""
        p = self.iamc[self.iamc["variable"].str.startswith("Price|")]
        return p.pivot_table(index="year", columns=["variable", "region"], values="value")

    @property
    def flows(self) -> pd.DataFrame:
        """Production, trade, demand and consumption rows of the IAMC table (t/yr, the unit in
        the ``unit`` column)."""
        v = self.iamc["variable"]
        keep = v.str.match(r"^(Production|Trade|Demand|Consumption)\|")
        return self.iamc[keep].reset_index(drop=True)

    @property
    def run_record(self) -> dict:
        """The run record (inputs, data version, solver status of every year) as run.json
        holds it: {"command": ..., "entries": {key: value}}."""
        return self._native.record()

    @property
    def tables(self) -> list:
        """The tables the CLI prints for this run (calibration and summary, or the plan's)."""
        return _frames.tables(self._native.tables())

    def write(self, directory: Union[str, os.PathLike], format: str = "csv") -> None:
        """Writes a results directory (results.csv or results.json, and run.json) that
        ``rareflow report`` and ``rareflow compare`` read."""
        if format not in ("csv", "json"):
            raise ValueError(f'format: expected "csv" or "json", found "{format}"')
        self._native.write(os.fspath(directory), format == "json")

    def __repr__(self) -> str:
        return f"<rareflow.Run {self.title!r}: {len(self.iamc)} rows>"


def simulate(scenario: Union[Scenario, str, dict], years: Optional[Tuple[int, int]] = None,
             warm_start: bool = True,
             progress: Optional[Callable[[int, int, int], None]] = None) -> Run:
    """The yearly market equilibrium of a scenario (``rareflow simulate``) over ``years``
    (first, last; default: the scenario's, 2024..2050 for the shipped ones). ``progress(year,
    first, last)`` is called after each solved year. The GIL is released while solving, so
    other Python threads run meanwhile."""
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    first, last = (None, None) if years is None else (int(years[0]), int(years[1]))
    return Run(_rf.simulate(scenario._native, first, last, warm_start, progress))


class Sweep:
    """Results of :func:`sweep`: the percentiles of every output over the runs, each run's
    input values, and the sensitivity ranking when ``explain`` was given. The files
    ``rareflow sweep`` writes (percentiles.csv, samples.csv, sweep.json, runs.bin, ...) are in
    ``.dir``."""

    def __init__(self, native: dict, directory: str):
        self._native = native
        self.dir = directory
        self.scenario = native["scenario"]
        self.mode = native["mode"]
        self.inputs = list(native["inputs"])
        self.failures = [tuple(f) for f in native["failures"]]
        self.r2 = native["r2"]
        self.explain_note = native["explain_note"]
        self._percentiles = None
        self._samples = None

    @property
    def percentiles(self) -> pd.DataFrame:
        """One row per output (region, variable, unit, year, as in the IAMC table): ``runs``
        (runs that gave a value), p5, p25, p50, p75, p95 (numpy's default interpolation) and
        mean over the runs, in the row's ``unit`` (USD/kg for prices, t/yr for flows). The
        same values as percentiles.csv; NaN where no run gave a value."""
        if self._percentiles is None:
            df = pd.DataFrame(self._native["percentiles"],
                              columns=["region", "variable", "unit", "year", "runs", "p5", "p25",
                                       "p50", "p75", "p95", "mean"])
            df["year"] = df["year"].astype("int64")
            df["runs"] = df["runs"].astype("int64")
            for c in ["p5", "p25", "p50", "p75", "p95", "mean"]:
                df[c] = df[c].astype("float64")
            self._percentiles = df
        return self._percentiles

    @property
    def samples(self) -> pd.DataFrame:
        """Each run's input values (one column per input, in the input's own unit, e.g. a
        share 0..1 or a start year) and ``status`` ("ok" or "failed: why"), as samples.csv."""
        if self._samples is None:
            df = pd.DataFrame([list(v) for v in self._native["values"]], columns=self.inputs,
                              dtype="float64")
            df.insert(0, "run", range(len(df)))
            failed = dict(self.failures)
            df["status"] = ["failed: " + failed[r] if r in failed else "ok" for r in df["run"]]
            self._samples = df
        return self._samples

    @property
    def sensitivity(self) -> pd.DataFrame:
        """With ``explain``: the inputs ranked by the share of the target's variance they
        explain: ``src`` (standardized regression coefficient, dimensionless) and ``share``
        (src squared, 0..1), as explain.csv; ``.r2`` is the regression's R^2. Empty
        otherwise (``.explain_note`` says why when it cannot be computed)."""
        return pd.DataFrame(self._native["sensitivity"], columns=["input", "src", "share"])

    def quantiles(self, variable: str, region: str) -> pd.DataFrame:
        """p5..p95 and mean of one output by year (rows), e.g.
        ``s.quantiles("Price|Oxide|Dy", "CHN")`` in USD/kg."""
        p = self.percentiles
        rows = p[(p["variable"] == variable) & (p["region"] == region)]
        return rows.set_index("year")[["p5", "p25", "p50", "p75", "p95", "mean"]]

    def __repr__(self) -> str:
        return (f"<rareflow.Sweep {self.scenario}: {len(self.samples)} runs ({self.mode}), "
                f"{len(self.percentiles)} outputs, in {self.dir}>")


def sweep(scenario: Union[Scenario, str, dict], runs: int = 100, seed: int = 1, threads: int = 1,
          out: Optional[Union[str, os.PathLike]] = None,
          years: Optional[Tuple[int, int]] = None, grid: Optional[Union[str, Sequence[str]]] = None,
          explain: Optional[str] = None, keep_runs: bool = False) -> Sweep:
    """The market run many times with the scenario's distributions sampled (``rareflow
    sweep``): ``runs`` runs from ``seed`` (same seed, same results, whatever ``threads``), over
    ``years`` (first, last; default the scenario's). ``grid`` (e.g. ``["share=0.2:0.6:5"]`` or
    ``["policy[0].share=0.2,0.4"]``) runs every point of a grid of named inputs instead of
    sampling. ``explain`` ("VARIABLE@REGION@YEAR", e.g. "Price|Oxide|Dy@CHN@2030") ranks the
    inputs by the share of that output's variance they explain. Files go to ``out`` (a new
    temporary directory when None, kept; see ``.dir``); ``keep_runs`` also writes runs.csv.
    Outputs are in the IAMC units (prices USD/kg, flows t/yr). The GIL is released while the
    runs solve. Bad options (runs or threads < 1, an unknown grid input, a scenario without a
    distribution) raise :class:`InputError`. A sweep of a dict scenario cannot be replayed
    with ``simulate --replay`` (sweep.json names no file)."""
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    first, last = (None, None) if years is None else (int(years[0]), int(years[1]))
    directory = tempfile.mkdtemp(prefix="rareflow-sweep-") if out is None else os.fspath(out)
    if isinstance(grid, str):
        grid = [grid]
    native = _rf.sweep(scenario._native, int(runs), int(seed), int(threads), directory, first,
                       last, list(grid or []), explain or "", bool(keep_runs))
    return Sweep(native, directory)


def _results(x, ds, years):
    if isinstance(x, Run):
        return x._native
    first, last = (None, None) if years is None else (int(years[0]), int(years[1]))
    return _rf.results_of(_dataset(ds)._native, os.fspath(x), first, last)


def compare(a, b, years: Optional[Tuple[int, int]] = None, ds: Optional[Dataset] = None) -> list:
    """Differences in key results (oxide prices in USD/kg by region group, China's production
    shares in %, shortfalls in t/yr) between two runs: each a :class:`Run`, a results directory
    or a scenario (name or .toml, run now over ``years``). DataFrames with A, B and B - A per
    year (``years`` given: those years; else every common year)."""
    ra, rb = _results(a, ds, years), _results(b, ds, years)
    shown = [] if years is None else list(range(int(years[0]), int(years[1]) + 1))
    return _frames.tables(_rf.compare(ra, rb, shown))


def criticality(ds: Optional[Dataset] = None, perspective: str = "EU27", method: str = "eu",
                year: Optional[int] = None, scenario: Optional[str] = None) -> list:
    """Supply risk of every rare earth for a region or bloc (``rareflow criticality``):
    method "eu" (EU CRM: SR and EI, dimensionless, with every intermediate term), "usgs"
    (USGS-style score) or "model" (shortfall in t and price change in % under the disruption
    ``scenario``, from two market runs)."""
    ds = _dataset(ds)
    return _frames.tables(_rf.criticality(ds._native, perspective, method, year or 0, scenario or ""))


def plan(plan: Union[str, os.PathLike], evaluate: bool = False, ds: Optional[Dataset] = None,
         time_limit: Optional[float] = None, gap: Optional[float] = None,
         reference: bool = True,
         progress: Optional[Callable[[int, int, str], None]] = None) -> Run:
    """The least-cost roadmap of a plan file or embedded plan (``rareflow plan``; costs in
    million USD, capacities in t/yr, self-sufficiency in %), next to the reference strategy;
    with ``evaluate`` the roadmap is also simulated in the market. ``time_limit`` in seconds
    per solve, ``gap`` a relative optimality gap (0..1). ``progress(step, steps, what)`` is
    called before each step. Returns a :class:`Run` (``.tables``, ``.iamc``)."""
    return Run(_rf.plan(os.fspath(plan), _dataset(ds)._native, evaluate, time_limit or 0.0,
                        -1.0 if gap is None else float(gap), reference, progress))


def report(runs: Union[Run, str, Iterable], path: Union[str, os.PathLike],
           ds: Optional[Dataset] = None, title: Optional[str] = None) -> str:
    """One self-contained HTML report (or an xlsx workbook when ``path`` ends in .xlsx) of
    runs and results directories, with the data package's base-year view. Returns the path."""
    items = [runs] if isinstance(runs, (Run, str, os.PathLike)) else list(runs)
    natives = [r._native if isinstance(r, Run) else os.fspath(r) for r in items]
    _rf.report(natives, os.fspath(path), _dataset(ds)._native, title or "")
    return os.fspath(path)
