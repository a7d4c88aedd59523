"""Write every report and benchmark figure a refactor must leave unchanged, or compare them.

    python bench/same_reports.py write DIR     # reports and figures of this checkout into DIR
    python bench/same_reports.py check DIR     # the same again, compared byte for byte with DIR

A change that only moves code (a split module, a renamed function) must not change what the
tool says. This writes, from the checkout it runs in:

- the reports (HTML, JSON, Markdown, CSV) of the two bundled examples, with the commands
  their READMEs give;
- the reports of every real-news benchmark event of the dev split whose texts are present
  (bench/real/texts/, rebuilt as bench/real/README.md says); held-out events are left out,
  since they are run once per release;
- a corpus-mode run over the examples (its SQLite store is left out: it records times);
- the figures printed by the benchmarks on the project's own sets and on real dev
  (bench/segmentation.py, attribution.py, divergences.py, hints.py, languages.py,
  matching.py --no-msrp, real.py).

``check`` writes the same into a temporary folder and lists every file that differs, with
the first differing line (the time a report was made is masked: it is all two runs may differ in); it exits 1 when any does. Run ``write`` on the commit before the
change (``git worktree add /tmp/before HEAD`` and run it there), then ``check`` after it.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("html", "json", "md", "csv")
# When a report was made is the one thing two runs may differ in: it is masked before comparing.
MADE_AT = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?\+00:00")
BENCHES = [
    ["segmentation.py", "--split", "all"],
    ["attribution.py", "--split", "all"],
    ["divergences.py", "--split", "all"],
    ["hints.py", "--split", "all"],
    ["languages.py", "--split", "dev"],
    ["matching.py", "--split", "all", "--no-msrp"],
    ["real.py", "--split", "dev"],
]


def _run(args: list[str], out: Path | None = None, ok: tuple[int, ...] = (0,)) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="0")
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    if out is not None:
        out.write_text(done.stdout, "utf-8")
    return done.stdout


def _compare(out: Path, name: str, inputs: list[str], extra: list[str], lexical: bool = True) -> None:
    """Every format, lexical only where that can compare the inputs; one JSON report with the
    semantic extra (where installed: it adds hints)."""
    for fmt in FORMATS:
        _run([sys.executable, "-m", "readout_compare", "compare", *inputs, *extra, "-q",
              *(["--no-semantic"] if lexical else []), "-o", str(out / f"{name}.{fmt}")])
    if lexical:
        _run([sys.executable, "-m", "readout_compare", "compare", *inputs, *extra, "-q",
              "-o", str(out / f"{name}.semantic.json")])


def _dev_events() -> list[Path]:
    """The texts folder of each dev event whose texts are all present and as labelled."""
    sys.path.insert(0, str(ROOT / "bench"))
    import reallabels as rl
    events = []
    for d in sorted((rl.ROOT / "events").iterdir()):
        event = rl.load_event(d)
        paths = [rl.text_path(event.id, doc) for doc in event.docs]
        if event.split == "dev" and all(p.exists() and rl.sha256_file(p) == event.docs[p.stem].sha256
                                        for p in paths):
            events.append(paths[0].parent)
    return events


def write(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    ex = "examples/hegseth-mexico"
    _compare(out, "hegseth-mexico",
             [f"{ex}/readout-pentagon.txt", f"{ex}/account-nypost.txt", f"{ex}/account-wire.txt"],
             ["--label", "Pentagon readout", "--label", "New York Post", "--label", "Wire report"])
    tr = "examples/two-readouts"
    _compare(out, "two-readouts", [f"{tr}/readout-english.txt", f"{tr}/readout-spanish.txt"],
             ["--symmetric", "--label", "State Department (English)",
              "--label", "Foreign ministry (Spanish)"], lexical=False)
    for texts in _dev_events():
        accounts = sorted((str(p.relative_to(ROOT)) for p in texts.glob("a*.txt")),
                          key=lambda p: int(Path(p).stem[1:]))
        _compare(out, f"real-{texts.name}", [str((texts / "readout.txt").relative_to(ROOT)), *accounts], [],
                 lexical=False)
    with tempfile.TemporaryDirectory() as tmp:
        readouts, articles = Path(tmp) / "readouts", Path(tmp) / "articles"
        readouts.mkdir()
        articles.mkdir()
        (readouts / "pentagon.txt").write_bytes((ROOT / ex / "readout-pentagon.txt").read_bytes())
        for name in ("account-nypost.txt", "account-wire.txt"):
            (articles / name).write_bytes((ROOT / ex / name).read_bytes())
        _run([sys.executable, "-m", "readout_compare", "corpus", str(readouts), str(articles),
              "--no-semantic", "-q", "--csv", "-o", str(Path(tmp) / "corpus")])
        for p in sorted((Path(tmp) / "corpus").rglob("*")):
            if p.is_file() and p.suffix != ".sqlite":
                name = str(p.relative_to(Path(tmp) / "corpus")).replace("/", "__")
                (out / f"corpus__{name}").write_bytes(p.read_bytes())
    for bench in BENCHES:
        # exit 1: a bench's figures fell below its target; they are still its figures
        _run([sys.executable, f"bench/{bench[0]}", *bench[1:]], out / f"bench-{bench[0]}.txt", ok=(0, 1))


def check(before: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        now = Path(tmp)
        write(now)
        names = sorted({p.name for p in before.iterdir() if p.name != "DONE"} | {p.name for p in now.iterdir()})
        differ = 0
        for name in names:
            a, b = before / name, now / name
            if not a.exists() or not b.exists():
                print(f"{name}: only {'after' if b.exists() else 'before'}")
                differ += 1
            elif MADE_AT.sub(b"<time>", a.read_bytes()) != MADE_AT.sub(b"<time>", b.read_bytes()):
                differ += 1
                diff = list(difflib.unified_diff(a.read_text("utf-8", "replace").splitlines(),
                                                 b.read_text("utf-8", "replace").splitlines(), n=0, lineterm=""))
                print(f"{name}: differs: {' | '.join(diff[2:5])[:300]}")
        print(f"{len(names)} files compared, {differ} differ")
        return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if argv[0] == "write":
        write(Path(argv[1]))
        (Path(argv[1]) / "DONE").touch()  # a complete set, for whoever waits on it
        return 0
    return check(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
