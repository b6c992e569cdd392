#!/usr/bin/env python3
"""Overhead of the Python package on the same run: `rareflow simulate baseline --out DIR` (the
CLI, a whole process) against rareflow.simulate of the baseline in Python (load_data +
load_scenario + simulate + the IAMC DataFrame + write of the same results directory), and the
same in a fresh `python3 -c` process (interpreter start and imports included).
Usage: bench/python_simulate.py [BUILD_DIR] [REPEATS]  (default build, 5). Prints medians."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

build = Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve()
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
sys.path.insert(0, str(build / "python"))
import rareflow  # noqa: E402

PY_RUN = """
import rareflow, sys
run = rareflow.simulate(rareflow.load_scenario("baseline", rareflow.load_data()))
run.iamc
run.write(sys.argv[1])
"""


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main():
    cli = str(build / "rareflow")
    env = dict(os.environ, PYTHONPATH=str(build / "python"), RAREFLOW_PROGRESS="0")
    times = {"cli process": [], "python call": [], "python process": []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeats):  # interleaved, so machine load falls on all three alike
            times["cli process"].append(timed(lambda: subprocess.run(
                [cli, "simulate", "baseline", "--out", f"{tmp}/cli{i}"], check=True,
                stdout=subprocess.DEVNULL, env=env)))

            def call():
                run = rareflow.simulate(rareflow.load_scenario("baseline", rareflow.load_data()))
                run.iamc
                run.write(f"{tmp}/py{i}")

            times["python call"].append(timed(call))
            times["python process"].append(timed(lambda: subprocess.run(
                [sys.executable, "-c", PY_RUN, f"{tmp}/pp{i}"], check=True, env=env)))
    base = statistics.median(times["cli process"])
    print(f"baseline 2024-2050, {repeats} runs each, median wall time:")
    for k, v in times.items():
        m = statistics.median(v)
        print(f"  {k:15s} {m:7.3f} s  ({100 * (m - base) / base:+5.1f} % vs cli)  "
              f"[min {min(v):.3f}, max {max(v):.3f}]")


if __name__ == "__main__":
    main()
