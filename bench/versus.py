"""Time this working tree against an earlier revision, on the same machine, in alternation.

    python bench/versus.py a6c37c2              # two rounds of every case
    python bench/versus.py a6c37c2 --rounds 3 --cases reference big

This virtual machine's speed drifts by a fifth or more within minutes, so figures from
separate runs of bench/speed.py cannot tell a change of a tenth from noise. Here each case runs
once with the earlier revision and once with this tree, back to back, round after round, and
the table gives each side's median and their ratio. The earlier revision is checked out into a
temporary git worktree and run from source (``PYTHONPATH``), as this tree is; both run the
command line from process start with ``--no-semantic``, so they differ only in the package's
code. The cases are bench/speed.py's: the reference case, 5,000 x 5,000 sentences from both
generators, 10 accounts of 1,000 sentences, and the 5 MB account.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_accounts, make_long_account, make_pair
from wiregen import make_wire_pair

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "hegseth-mexico"


def cases(tmp: Path) -> dict[str, list[str]]:
    """Each case's command-line arguments (after ``compare``), its inputs written to tmp."""
    out: dict[str, list[str]] = {}
    ref = [str(CASE / f) for f in ("readout-pentagon.txt", "account-nypost.txt",
                                   "account-wire.txt")]
    out["reference, HTML"] = [*ref, "-o", str(tmp / "ref.html")]
    out["reference, JSON"] = [*ref, "-o", str(tmp / "ref.json")]
    for name, (readout, account) in {
        "5,000 x 5,000 MSRP/STS-B, HTML": make_pair(5000, 5000, seed=0)[:2],
        "5,000 x 5,000 template/wire, HTML": make_wire_pair(5000, 5000, seed=0),
    }.items():
        stem = "msrp" if "MSRP" in name else "wire"
        (tmp / f"{stem}-r.txt").write_text(readout, encoding="utf-8")
        (tmp / f"{stem}-a.txt").write_text(account, encoding="utf-8")
        out[name] = [str(tmp / f"{stem}-r.txt"), str(tmp / f"{stem}-a.txt"), "-o",
                     str(tmp / f"{stem}.html")]
    readout, accounts = make_accounts(200, 1000, 10, seed=0)
    (tmp / "acc-r.txt").write_text(readout, encoding="utf-8")
    paths = []
    for i, text in enumerate(accounts, 1):
        (tmp / f"acc-{i}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp / f"acc-{i}.txt"))
    out["10 accounts x 1,000, JSON"] = [str(tmp / "acc-r.txt"), *paths, "-o",
                                        str(tmp / "acc.json")]
    readout, text = make_long_account(5_000_000)  # as bench/speed.py's 5 MB account
    (tmp / "five-r.txt").write_text(readout, encoding="utf-8")
    (tmp / "five-a.txt").write_text(text, encoding="utf-8")
    out["5 MB account, JSON"] = [str(tmp / "five-r.txt"), str(tmp / "five-a.txt"), "-o",
                                 str(tmp / "five.json")]
    return out


def _env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    return env


def check_tree(tree: Path, folder: Path) -> None:
    """Fail unless ``python -m readout_compare`` run as run() runs it imports ``tree``'s copy
    (the current folder would come first on the path, and an editable install after it)."""
    found = subprocess.run([sys.executable, "-P", "-c",
                            "import readout_compare; print(readout_compare.__file__)"],
                           check=True, env=_env(tree), cwd=folder, capture_output=True,
                           text=True).stdout.strip()
    if not Path(found).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"{tree} is not the copy imported (got {found})")


def run(tree: Path, args: list[str], folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-P", "-m", "readout_compare", "compare", *args,
                    "--no-semantic", "-q"], check=True, env=_env(tree), cwd=folder,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", help="the earlier revision (a commit, tag or branch)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cases", nargs="*", default=[],
                        help="words that pick cases by name (reference, 5,000, accounts, 5 MB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        old = tmp / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old),
                        args.revision], check=True)
        try:
            chosen = {name: a for name, a in cases(tmp).items()
                      if not args.cases or any(w.lower() in name.lower() for w in args.cases)}
            for tree in (old, ROOT):  # the right copy; bytecode compiled, caches warm
                check_tree(tree, tmp)
                run(tree, chosen[next(iter(chosen))], tmp)
            times: dict[str, dict[str, list[float]]] = {n: {"old": [], "new": []} for n in chosen}
            for r in range(args.rounds):
                for name, a in chosen.items():
                    for side, tree in (("old", old), ("new", ROOT)):
                        times[name][side].append(run(tree, a, tmp))
                    print(f"round {r + 1}: {name}: {args.revision} {times[name]['old'][-1]:.2f} s,"
                          f" this tree {times[name]['new'][-1]:.2f} s", file=sys.stderr)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                           check=False)
    print(f"| case | {args.revision} (median of {args.rounds}) | this tree | ratio |")
    print("| --- | --- | --- | --- |")
    for name, t in times.items():
        o, n = statistics.median(t["old"]), statistics.median(t["new"])
        print(f"| {name} | {o:.2f} s | {n:.2f} s | {n / o:.2f} |")


if __name__ == "__main__":
    main()
