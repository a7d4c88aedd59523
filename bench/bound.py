"""How fast the large speed cases could be on this machine's cores, given the work they do now.

    python bench/bound.py               # three rounds of the three large cases
    python bench/bound.py --rounds 5 --cases 5,000

Each case runs from process start in one process (``os.cpu_count`` reports 1, so no worker
pools), with ``--timings``, and then as users run it, on every core. The one-process run
measures the work itself: its stages, and the start-up and exit around them. The bound is
what that work would take if every stage that runs in parallel (segment, align, classify)
split perfectly between the cores and everything else stayed as it is:

    bound = start-up and exit + serial stages + parallel stages / cores

On a steady machine no split reaches it: parts of the parallel stages are serial (the readout's
profiles, building the documents), and workers repeat some of the readout's work. So a floor
below the bound cannot be met by running the same work in parallel, only by doing less of it.
On this virtual machine the two runs of a case are seconds apart and its speed moves, so a
single run can land below its bound: read the medians, and more than one run of the script. Medians over
the rounds; the cases are bench/speed.py's (bench/versus.py makes their inputs).

Each round also times a loop of plain Python alone and then as two processes at once: the
cores' throughput together, against one. On this virtual machine it is not always the number
of cores, and it moves from minute to minute; it is printed as context, not used in the bound.

It writes docs/speed-bound.md (``--no-write``: print only).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import machine
from versus import cases

PARALLEL_STAGES = ("segment", "align", "classify")
FLOOR = 5.0  # seconds, the speed issue's floor for every case here
ONE_PROCESS = ("import os, sys; os.cpu_count = lambda: 1; from readout_compare.cli import main; "
               "main(sys.argv[1:], prog_name='readout-compare')")
FULL = ("import sys; from readout_compare.cli import main; "
        "main(sys.argv[1:], prog_name='readout-compare')")
BURN = ("import time\nt = time.perf_counter()\nx = 0\nfor i in range(4_000_000):\n"
        "    x += i * i % 7\nprint(time.perf_counter() - t)")
DOC = Path(__file__).resolve().parents[1] / "docs" / "speed-bound.md"


def run(code: str, args: list[str], folder: Path) -> tuple[float, dict[str, float]]:
    """(wall seconds from process start, seconds per stage) of one run of the command."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-P", "-c", code, "compare", *args, "--no-semantic",
                           "-q", "--timings"], check=True, cwd=folder, capture_output=True,
                          text=True)
    wall = time.perf_counter() - start
    line = next(x for x in done.stderr.splitlines() if x.startswith("timings:"))
    return wall, {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)s", line)}


def throughput(cores: int) -> float:
    """How many times one process's work ``cores`` processes of plain Python get done at once."""
    def burn(n: int) -> float:
        procs = [subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE,
                                  text=True) for _ in range(n)]
        return max(float(p.communicate()[0]) for p in procs)

    return cores * burn(1) / burn(cores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cases", nargs="*", default=["5,000", "accounts"],
                        help="words that pick cases by name (default: 5,000 accounts)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the page")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        chosen = {name: a for name, a in cases(tmp).items()
                  if any(w.lower() in name.lower() for w in args.cases)}
        run(FULL, chosen[next(iter(chosen))], tmp)  # bytecode compiled, caches warm
        rows: dict[str, dict[str, list[float]]] = {}
        speedups: list[float] = []
        for r in range(args.rounds):
            speedups.append(throughput(cores))
            print(f"round {r + 1}: {cores} processes at once do {speedups[-1]:.2f} x the work "
                  f"of one", file=sys.stderr)
            for name, a in chosen.items():
                one_wall, stages = run(ONE_PROCESS, a, tmp)
                full_wall, _ = run(FULL, a, tmp)
                parallel = sum(stages.get(s, 0.0) for s in PARALLEL_STAGES)
                serial = sum(stages.values()) - parallel
                rest = one_wall - sum(stages.values())
                row = rows.setdefault(name, {k: [] for k in (
                    "one", "rest", "serial", "parallel", "bound", "full")})
                for k, v in (("one", one_wall), ("rest", rest), ("serial", serial),
                             ("parallel", parallel), ("bound", rest + serial + parallel / cores),
                             ("full", full_wall)):
                    row[k].append(v)
                print(f"round {r + 1}: {name}: one process {one_wall:.2f} s (start-up and exit "
                      f"{rest:.2f}, serial stages {serial:.2f}, parallel stages {parallel:.2f}),"
                      f" bound {row['bound'][-1]:.2f} s, on {cores} cores {full_wall:.2f} s",
                      file=sys.stderr)
    table = [
        f"| case | one process | start-up and exit | serial stages | parallel stages | bound on "
        f"{cores} cores | run on {cores} cores | floor |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in rows.items():
        m = {k: statistics.median(v) for k, v in row.items()}
        table.append(f"| {name} | {m['one']:.2f} s | {m['rest']:.2f} s | {m['serial']:.2f} s | "
                     f"{m['parallel']:.2f} s | {m['bound']:.2f} s | "
                     f"{m['full']:.2f} s | {FLOOR:.0f} s, "
                     f"{'below the bound' if m['bound'] > FLOOR else 'above the bound'} |")
    print("\n".join(table))
    if not args.no_write:
        write_doc(table, args.rounds, cores, speedups)


def write_doc(table: list[str], rounds: int, cores: int, speedups: list[float]) -> None:
    DOC.write_text("\n".join([
        "# How fast the large cases could be",
        "",
        f"Measured by `python bench/bound.py` (it writes this page; medians of {rounds} rounds) "
        f"on {machine()}. Each case runs from "
        "process start once in one process (no worker pools) and once as users run it. The "
        "one-process run's `--timings` split its time into start-up and exit, the stages that "
        "run serially (load, claim groups, framing, placement, render) and those that run in "
        "worker processes for large inputs (segment, align, classify).",
        "",
        f"*Bound on {cores} cores* is the one-process time with the parallel stages divided by "
        f"the number of cores: what the same work would take if those stages split perfectly. "
        "On a steady machine no split reaches it (parts of those stages are serial, and each "
        "worker repeats the readout's side), so a floor below it is out of reach of running the "
        "same work in parallel. This machine is not steady: the two runs of a case are seconds "
        "apart, and a run can land below its bound when the machine was quicker for it. "
        f"The cores are not always worth "
        f"{cores} times one: in each round, {cores} processes of plain Python at once got "
        f"{', '.join(f'{x:.2f}' for x in speedups)} times the work of one done.",
        "",
        *table,
        "",
    ]), encoding="utf-8")


if __name__ == "__main__":
    main()
