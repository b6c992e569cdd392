#!/usr/bin/python3
"""A mutation fuzzer over rareflow's five input kinds, run against the built CLI.

Each case copies a shipped input, applies one mutation and runs the command that reads it;
the outcome is classified as
  clean error        non-zero exit, a message with file:line[:column]
  error, no location non-zero exit without one
  nonsense accepted  exit 0 on input made nonsense (nan, inf, a huge number, text in a number,
                     a 100 kB value, an exact duplicate row); a number replaced inside free
                     text, a quoted string or a comment counts as "accepted" (see standalone)
  accepted           exit 0 on a mutation that may well be valid (not counted as a defect)
  crash              killed by a signal or aborted (exit >= 128)
  hang               still running after the timeout
Usage: fuzz/mutate.py BIN [--cases N] [--seed S] [--timeout T] [--kinds a,b] [--jobs J]
Prints the outcome table per input kind and writes failing cases to --keep DIR if given.
"""
import argparse
import collections
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = [os.path.join(ROOT, "data/world")]  # --data-dir: the package the binary shipped with
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])")
NONSENSE_NUMBERS = ["nan", "inf", "-inf", "1e308", "1e309", "1e26", "2147483647",
                    "4294969326", "12abc", "20x4"]
LOCATION = re.compile(r"[\w./-]+:\d+(:\d+)?:")


def standalone(line, m):
    """True when number match m is a whole value of its line: outside quotes and comments,
    between separators (line start, , = [ { : before; , ] } # or line end after). A number
    inside free text ("55,431 t in 2024", "dod-mp-2025") stays text when replaced, which is no
    nonsense for the reader to refuse."""
    before = line[:m.start()]
    if before.count('"') % 2 or "#" in before:
        return False
    head, tail = before.rstrip(), line[m.end():].lstrip()
    return (not head or head[-1] in ",=[{:") and (not tail or tail[0] in ",]}#")


def mutate(text, rng):
    """Returns (mutated text, nonsense?)."""
    lines = text.split("\n")
    body = [i for i, l in enumerate(lines) if l.strip() and not l.lstrip().startswith("#")]
    if not body:
        return text + "\x00", False
    kind = rng.choice(["number", "number", "number", "duplicate", "long", "delete_line",
                       "truncate", "flip", "delete_char"])
    if kind == "number":
        spots = [(i, m) for i in body[1:] or body for m in NUMBER.finditer(lines[i])]
        if spots:
            i, m = rng.choice(spots)
            whole = standalone(lines[i], m)
            lines[i] = lines[i][:m.start()] + rng.choice(NONSENSE_NUMBERS) + lines[i][m.end():]
            return "\n".join(lines), whole
        kind = "flip"
    if kind == "duplicate" and len(body) > 1:
        i = rng.choice(body[1:])
        # A csv row repeated exactly; in TOML a repeated key, which is an error anyway.
        lines.insert(i + 1, lines[i])
        return "\n".join(lines), True
    if kind == "long":
        i = rng.choice(body)
        fields = lines[i].split(",")
        k = rng.randrange(len(fields))
        fields[k] = fields[k].replace('"', "") + "x" * 100000
        lines[i] = ",".join(fields)
        return "\n".join(lines), True
    if kind == "delete_line" and len(body) > 1:
        del lines[rng.choice(body)]
        return "\n".join(lines), False
    if kind == "truncate":
        return text[:rng.randrange(len(text))], False
    pos = rng.randrange(len(text))
    if kind == "delete_char":
        return text[:pos] + text[pos + 1:], False
    return text[:pos] + chr(rng.randrange(32, 127)) + text[pos + 1:], False


def scratch():
    return tempfile.mkdtemp(prefix="rf-mutate-")


def case_data(binary, rng):
    d = scratch()
    pkg = os.path.join(d, "pkg")
    shutil.copytree(DATA_DIR[0], pkg)
    name = rng.choice(sorted(f for f in os.listdir(pkg) if f.endswith((".csv", ".toml"))))
    return d, [binary, "data", "check", pkg], os.path.join(pkg, name)


def case_scenario(binary, rng):
    d = scratch()
    src = rng.choice(sorted(os.path.join(ROOT, "scenarios", f)
                            for f in os.listdir(os.path.join(ROOT, "scenarios"))))
    f = os.path.join(d, os.path.basename(src))
    shutil.copy(src, f)
    return d, [binary, "simulate", f, "--years", "2024..2026", "--out", os.path.join(d, "out")], f


def case_plan(binary, rng):
    d = scratch()
    srcs = [os.path.join(ROOT, "tests/data/plan", f)
            for f in os.listdir(os.path.join(ROOT, "tests/data/plan"))]
    src = rng.choice(sorted(srcs))
    f = os.path.join(d, os.path.basename(src))
    shutil.copy(src, f)
    return d, [binary, "plan", f, "--out", os.path.join(d, "out")], f


def case_dsm(binary, rng):
    d = scratch()
    src = rng.choice([os.path.join(ROOT, "tests/data/mfa", f) for f in
                      ("inflow_1_10.csv", "stock_decline.csv")])
    f = os.path.join(d, "series.csv")
    shutil.copy(src, f)
    flag = "--stock" if "stock" in src else "--inflow"
    return d, [binary, "dsm", flag, f, "--lifetime", "normal:12,3"], f


def case_results(binary, rng):
    d = scratch()
    res = os.path.join(d, "demo")
    shutil.copytree(os.path.join(ROOT, "tests/data/report/demo"), res)
    name = rng.choice(sorted(f for f in os.listdir(res) if f.endswith((".csv", ".json"))))
    return d, [binary, "report", res, "--out", os.path.join(d, "r.html")], os.path.join(res, name)


KINDS = {"data package": case_data, "scenario": case_scenario, "plan": case_plan,
         "dsm csv": case_dsm, "results dir": case_results}


def run_case(binary, kind, seed, timeout, keep):
    rng = random.Random(seed)
    d, cmd, target = KINDS[kind](binary, rng)
    try:
        with open(target, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        mutated, nonsense = mutate(text, rng)
        with open(target, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(mutated)
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=d)
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode < 0 or p.returncode >= 128:
                outcome = "crash"
            elif p.returncode == 0:
                outcome = "nonsense accepted" if nonsense else "accepted"
            else:
                outcome = "clean error" if LOCATION.search(err) else "error, no location"
        except subprocess.TimeoutExpired:
            outcome, err = "hang", ""
        if keep and outcome in ("crash", "hang", "nonsense accepted", "error, no location"):
            dst = os.path.join(keep, f"{kind.replace(' ', '_')}-{seed}-{outcome.split(',')[0].replace(' ', '_')}")
            os.makedirs(dst, exist_ok=True)
            shutil.copy(target, dst)
            with open(os.path.join(dst, "stderr.txt"), "w") as fh:
                fh.write(" ".join(cmd) + "\n" + err[:4000])
        return kind, outcome
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--cases", type=int, default=100, help="cases per input kind")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--keep", default="")
    ap.add_argument("--data-dir", default=DATA_DIR[0])
    a = ap.parse_args()
    DATA_DIR[0] = os.path.abspath(a.data_dir)
    kinds = [k for k in a.kinds.split(",") if k]
    counts = {k: collections.Counter() for k in kinds}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(run_case, os.path.abspath(a.binary), k, a.seed * 100003 + i, a.timeout,
                          a.keep) for k in kinds for i in range(a.cases)]
        for f in concurrent.futures.as_completed(futs):
            kind, outcome = f.result()
            counts[kind][outcome] += 1
    cols = ["clean error", "error, no location", "nonsense accepted", "accepted", "crash", "hang"]
    print("| input kind | cases | " + " | ".join(cols) + " |")
    print("|---|---:|" + "---:|" * len(cols))
    total = collections.Counter()
    for k in kinds:
        total.update(counts[k])
        print(f"| {k} | {sum(counts[k].values())} | " +
              " | ".join(str(counts[k][c]) for c in cols) + " |")
    print(f"| all | {sum(total.values())} | " + " | ".join(str(total[c]) for c in cols) + " |")


if __name__ == "__main__":
    main()
