"""What using both cores gains: the 5,000 x 5,000 pair compared in one process and in parallel.

    python bench/parallel.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_pair

from readout_compare import pipeline, workers
from readout_compare.timing import Timings


def run(readout: str, account: str) -> Timings:
    timings = Timings()
    start = time.perf_counter()
    pipeline.compare(readout, [account], timings=timings)
    timings["total"] = time.perf_counter() - start
    return timings


def main() -> None:
    readout, account, _ = make_pair(5000, 5000, seed=0)
    parallel = run(readout, account)
    workers.MAX_WORKERS = 1  # every step in this process
    serial = run(readout, account)
    print("| stage | one process | both cores | gain |")
    print("| --- | --- | --- | --- |")
    for stage in ("segment", "align", "total"):
        print(f"| {stage} | {serial[stage]:.2f} s | {parallel[stage]:.2f} s | "
              f"{serial[stage] / parallel[stage]:.2f}x |")


if __name__ == "__main__":
    main()
