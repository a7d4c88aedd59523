"""Faults to a running comparison at random moments: how often it stops cleanly, and how fast.

    python bench/signals.py               # 20 trials of each fault
    python bench/signals.py --trials 50

Each trial runs ``readout-compare compare`` in a session of its own on a readout and two large
accounts (the example case repeated, so that segmentation and the two accounts' comparison both
run in worker processes), waits a random time (0.1-4 s, covering start-up, both pools and the
serial stages), then does one of:

* SIGTERM to the process group (what ``timeout``, service managers and ``kill -- -PGID`` do);
* SIGINT to the process group (Ctrl-C on a terminal);
* SIGKILL to one worker process (what the out-of-memory killer does), if one is running;
* SIGKILL to the command itself, then checks that no worker is left 1 s later.

It prints, per fault, how many trials ended with the expected status, the slowest time from the
signal to the command's exit, and how many hung (no exit within 30 s) or left a worker alive.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "examples" / "hegseth-mexico"


def make_inputs(folder: Path) -> list[Path]:
    readout = folder / "readout.txt"
    readout.write_text((CASE / "readout-pentagon.txt").read_text(encoding="utf-8") * 60,
                       encoding="utf-8")
    text = (CASE / "account-wire.txt").read_text(encoding="utf-8")
    accounts = []
    for k in (1, 2):
        account = folder / f"account{k}.txt"
        account.write_text("\n\n".join(text.replace("Hegseth", f"Hegseth {k}-{i}")
                                       for i in range(400)), encoding="utf-8")
        accounts.append(account)
    return [readout, *accounts]


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def trial(inputs: list[Path], out: Path, fault: str, rng: random.Random) -> dict:
    p = subprocess.Popen(
        [sys.executable, "-m", "readout_compare", "compare", *map(str, inputs), "-o", str(out),
         "-q", "--no-semantic"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    end = time.monotonic() + rng.uniform(0.1, 4.0)
    workers: set[int] = set()
    while time.monotonic() < end and p.poll() is None:
        workers |= children(p.pid)
        time.sleep(0.005)
    if p.poll() is not None:
        return {"skipped": True}
    current = {w for w in children(p.pid) if alive(w)}
    workers |= current
    if fault == "SIGKILL to a worker":
        if not current:
            p.kill()
            p.wait()
            return {"skipped": True}
        os.kill(min(current), signal.SIGKILL)
        expected = 1
    elif fault == "SIGKILL to the command":
        p.kill()
        expected = -signal.SIGKILL
    else:
        os.killpg(p.pid, signal.SIGTERM if "TERM" in fault else signal.SIGINT)
        expected = 143 if "TERM" in fault else 130
    sent = time.monotonic()
    hung = False
    try:
        _, err = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        hung = True
        os.killpg(p.pid, signal.SIGKILL)
        _, err = p.communicate()
    took = time.monotonic() - sent
    time.sleep(1.0)
    left = [w for w in workers if alive(w)]
    with contextlib.suppress(ProcessLookupError):
        os.killpg(p.pid, signal.SIGKILL)
    lines = err.decode("utf-8", "replace").strip().splitlines()
    return {"skipped": False, "ok": p.returncode == expected and len(lines) <= 1 and not hung,
            "took": took, "hung": hung, "left": bool(left)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    faults = ["SIGTERM to the group", "SIGINT to the group", "SIGKILL to a worker",
              "SIGKILL to the command"]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_inputs(Path(tmp))
        for fault in faults:
            runs = [trial(inputs, Path(tmp) / "report.json", fault, rng)
                    for _ in range(args.trials)]
            done = [r for r in runs if not r["skipped"]]
            print(f"{fault}: {sum(r['ok'] for r in done)} of {len(done)} as expected "
                  f"({len(runs) - len(done)} skipped: over, or no worker, at that moment); slowest exit "
                  f"{max((r['took'] for r in done), default=0):.2f} s; "
                  f"{sum(r['hung'] for r in done)} hung; "
                  f"{sum(r['left'] for r in done)} left a worker alive")


if __name__ == "__main__":
    main()
