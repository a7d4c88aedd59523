"""What the semantic extra costs: each case run with the extra and with ``--no-semantic``.

    python bench/semantic_speed.py [--runs N] [--quick]

Times are the command line's wall time, process start to report written, the median of N runs
(3 by default) with their least and most, and peak memory (the process and its workers), as
bench/speed.py measures them. The cases: the reference case (examples/hegseth-mexico, to HTML);
four-account comparisons of real news stories (the real-news benchmark's dev events whose texts
are present in bench/real/texts/, which git ignores); and the odd inputs of the issue, against
the reference readout: one sentence of 130,000 characters that is not in the readout, 2 MB of
words with no punctuation, and bench/speed.py's 5 MB account (``--quick`` leaves those two out).
Last, how long the command takes to stop after Ctrl-C while the hint encoder runs.
The machine is shared: the load average (``uptime``) is printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ENV, WRAPPER
from synthetic import _pools, make_accounts, make_long_account

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "hegseth-mexico"
REAL = ROOT / "bench" / "real" / "texts"
REAL_EVENTS = ("state-rubio-lavrov-call-2025-05-17", "whitehouse-biden-sunak-meeting-2023-07-10",
               "kremlin-putin-obama-call-2014-08-01")


def run(args: list[str], semantic: bool) -> tuple[float, float, dict[str, float]]:
    """(wall seconds, peak MB, stage timings) of one CLI run, with or without the extra."""
    import re

    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *args, "--timings", "-q",
                           *([] if semantic else ["--no-semantic"])],
                          capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"CLI failed: {proc.stderr.strip()}")
    mb = int(re.search(r"maxrss_kb=(\d+)", proc.stderr).group(1)) / 1024
    stages = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)s", proc.stderr)}
    return wall, mb, stages


def load() -> str:
    """The load averages over 1, 5 and 15 minutes, as uptime prints them."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(name: str, args: list[str], runs: int) -> dict:
    """Median, least and most wall time and peak memory, with and without the extra, the runs
    alternated so that a change in the machine's load falls on both."""
    run(args, True)  # bytecode compiled, caches warm
    got: dict[bool, list[tuple[float, float, dict]]] = {True: [], False: []}
    for _ in range(runs):
        for semantic in (True, False):
            got[semantic].append(run(args, semantic))
    row = {"case": name, "load": load()}
    for semantic, label in ((True, "with"), (False, "without")):
        walls = [w for w, _, _ in got[semantic]]
        row[label] = (statistics.median(walls), min(walls), max(walls),
                      statistics.median(m for _, m, _ in got[semantic]),
                      statistics.median(s.get("hints", 0.0) for _, _, s in got[semantic]))
    w, wo = row["with"], row["without"]
    print(f"{name}: with the extra {w[0]:.2f} s ({w[1]:.2f}-{w[2]:.2f}), {w[3]:.0f} MB, hints "
          f"{w[4]:.2f} s; without {wo[0]:.2f} s ({wo[1]:.2f}-{wo[2]:.2f}), {wo[3]:.0f} MB; "
          f"x{w[0] / wo[0]:.2f} time, x{w[3] / wo[3]:.2f} memory; load average {row['load']}",
          flush=True)
    return row


def words(n_chars: int, seed: int) -> str:
    """Words of news sentences (MSRP/STS-B), without their punctuation, to ``n_chars``."""
    pairs, singles = _pools()
    pool = [w.strip(".,;:!?\"'()") for s in singles for w in s.split()]
    pool = [w for w in pool if w]
    rng = random.Random(seed)
    out, size = [], 0
    while size < n_chars:
        w = rng.choice(pool)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def interrupt_latency(tmp: str, runs: int) -> list[float]:
    """Seconds from SIGINT to exit while the hint encoder runs (bench/synthetic.py's
    make_accounts: ten accounts of 60 sentences of a 200-sentence readout, which fill the
    160 sentences hints may embed)."""
    readout, accounts = make_accounts(200, 60, 10, seed=3)
    rp = Path(tmp, "ri.txt")
    rp.write_text(readout, encoding="utf-8")
    paths = []
    for n, text in enumerate(accounts):
        paths.append(Path(tmp, f"ai{n}.txt"))
        paths[-1].write_text(text, encoding="utf-8")
    args = ["compare", str(rp), *map(str, paths), "-o", f"{tmp}/i.json"]
    command = [sys.executable, "-m", "readout_compare", *args, "-q"]
    out = []
    for _ in range(runs):
        # When the hints run in this very case: a run timed alone, its stages after the hints
        # and its exit taken off its wall time; the signal goes in the middle of the hints.
        wall, _, stages = run(args, True)
        after = sum(stages.get(k, 0.0) for k in ("groups", "framing", "placement", "render"))
        at = wall - after - 0.05 - stages.get("hints", 0.0) / 2
        proc = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(max(0.0, at))
        sent = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        code = proc.wait()
        if code != 130:
            print(f"  finished before the signal (exit {code}): not counted", flush=True)
            continue
        out.append(time.perf_counter() - sent)
        print(f"  Ctrl-C {stages.get('hints', 0.0) / 2:.2f} s into the hints "
              f"({stages.get('hints', 0.0):.2f} s in all): exit 130 after {out[-1]:.3f} s",
              flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--interrupt-only", action="store_true", help="only the Ctrl-C timing")
    args = parser.parse_args()
    print(f"load average at start: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.interrupt_only:
            latency = interrupt_latency(tmp, args.runs)
            print(f"Ctrl-C during hints: {', '.join(f'{x:.3f}' for x in latency)} s to exit; "
                  f"load average {load()}")
            return
        case = [str(CASE / "readout-pentagon.txt"), str(CASE / "account-nypost.txt"),
                str(CASE / "account-wire.txt")]
        measure("reference case to HTML", ["compare", *case, "-o", f"{tmp}/r.html"], args.runs)
        for event in REAL_EVENTS:
            folder = REAL / event
            if not (folder / "readout.txt").exists():
                print(f"{event}: texts absent (bench/real/README.md), skipped")
                continue
            texts = [str(folder / "readout.txt")] + [str(folder / f"a{i}.txt") for i in range(1, 5)]
            measure(f"four real accounts ({event}) to HTML",
                    ["compare", *texts, "-o", f"{tmp}/e.html"], args.runs)
        readout = str(CASE / "readout-pentagon.txt")
        long_sentence = Path(tmp, "sentence.txt")
        long_sentence.write_text(words(130_000, 1) + ".\n", encoding="utf-8")
        measure("one 130,000-character sentence not in the readout",
                ["compare", readout, str(long_sentence), "-o", f"{tmp}/s.json"], args.runs)
        if not args.quick:
            run_on = Path(tmp, "words.txt")
            run_on.write_text(words(2_000_000, 2) + "\n", encoding="utf-8")
            measure("2 MB of words without punctuation",
                    ["compare", readout, str(run_on), "-o", f"{tmp}/w.json"], args.runs)
            r5, a5 = make_long_account(5_000_000)
            Path(tmp, "r5.txt").write_text(r5, encoding="utf-8")
            Path(tmp, "a5.txt").write_text(a5, encoding="utf-8")
            measure("a 5 MB account (bench/speed.py's)",
                    ["compare", f"{tmp}/r5.txt", f"{tmp}/a5.txt", "-o", f"{tmp}/f.json"],
                    args.runs)
        latency = interrupt_latency(tmp, args.runs)
        if latency:
            print(f"Ctrl-C during hints: median {statistics.median(latency):.3f} s to exit "
                  f"(most {max(latency):.3f} s)")
    print(f"load average at end: {load()}")


if __name__ == "__main__":
    main()
