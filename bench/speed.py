"""Measure speed and scale end to end against the speed floors, and write docs/performance.md.

    python bench/speed.py            # everything (about ten minutes on two cores)
    python bench/speed.py --quick    # start-up, small sizes and accounts only
    python bench/speed.py --no-write # print, do not touch docs/performance.md

Every figure is the command line's wall time from process start to the report written (the
median of three runs where the floor says so), with peak memory (the process and its workers),
in a fresh interpreter with bytecode compiled, as a user's installed copy has it. Pairs come from
two generators so that the figures do not rest on one distribution: sentences from MSRP and
STS-B (bench/synthetic.py) and fictional readout and wire sentences from templates
(bench/wiregen.py). On the same pairs, two baselines: difflib's ``HtmlDiff`` (the standard
library's side-by-side HTML diff) and a plain rapidfuzz ``cdist`` similarity matrix.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
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
DOC = ROOT / "docs" / "performance.md"
# The part of DOC this script keeps as it is.
HAND = "## Measured by hand"
CASE = ROOT / "examples" / "hegseth-mexico"
SIZES = ((10, 40), (200, 1000), (2000, 2000), (5000, 5000))
GENERATORS = {
    "MSRP/STS-B sentences": lambda r, a: make_pair(r, a, seed=0)[:2],
    "template readouts and wire copy": lambda r, a: make_wire_pair(r, a, seed=0),
}
FLOORS = {  # seconds (and MB where given), from the speed issue
    "help": 0.1, "case_html": 0.30, "case_json": 0.25, "big": 5.0, "big_mb": 500,
    "ten_accounts": 5.0, "many_accounts": 5.0, "doubling": 2.3, "five_mb": 20.0, "five_mb_mb": 1024,
}

# Runs the CLI in a fresh interpreter and reports its peak memory (and its workers').
WRAPPER = """
import resource, sys
from readout_compare.cli import main
code = 0
try:
    main(sys.argv[1:], prog_name="readout-compare")
except SystemExit as exc:
    code = exc.code or 0
# VmHWM, not RUSAGE_SELF: Linux keeps ru_maxrss across exec, so it would count the memory of
# the benchmark process this one was forked from. Workers are forked from this process.
try:
    with open("/proc/self/status") as fh:
        own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
usage = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"maxrss_kb={usage}", file=sys.stderr)
sys.exit(code)
"""
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# The floors are for the base install: the optional semantic matcher (its own figures are in
# docs/semantic.md) is switched off, so that having it installed does not change these figures.
NO_SEMANTIC = ["--no-semantic"]


def run_cli(args: list[str]) -> tuple[float, dict[str, float], float]:
    """(wall seconds, stage timings, peak MB) of one CLI run."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *args, "--timings", "-q",
                           *NO_SEMANTIC],
                          capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"CLI failed: {proc.stderr.strip()}")
    stages = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)s", proc.stderr)}
    rss = int(re.search(r"maxrss_kb=(\d+)", proc.stderr).group(1)) / 1024
    return wall, stages, rss


def python_start(n: int = 5) -> tuple[float, float, float]:
    """(median, least, most) wall time of ``python -c pass`` here: what no code of ours costs."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


# The least and most of the runs behind each median, by the label the results use.
SPREAD: dict[str, tuple[float, float]] = {}


def median_wall(args: list[str], n: int = 3, *, label: str = "") -> float:
    """Median wall time of the real entry point (the console script), process start included;
    the least and most of the runs are kept in SPREAD under ``label``."""
    script = Path(sys.executable).with_name("readout-compare")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "readout_compare"]
    subprocess.run(command + args, capture_output=True, env=ENV)  # bytecode compiled, cache warm
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(command + args, capture_output=True, check=True, env=ENV)
        times.append(time.perf_counter() - start)
    SPREAD[label] = (min(times), max(times))
    return statistics.median(times)


def baselines(readout: str, account: str, r_sents: list[str], a_sents: list[str]) -> dict:
    """Seconds for difflib.HtmlDiff over the sentences and a rapidfuzz cdist matrix."""
    from difflib import HtmlDiff

    import numpy as np
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    start = time.perf_counter()
    HtmlDiff(wrapcolumn=80).make_file(r_sents, a_sents)
    htmldiff = time.perf_counter() - start
    start = time.perf_counter()
    matrix = cdist(a_sents, r_sents, scorer=fuzz.ratio, workers=-1, dtype=np.uint8)
    cdist_s = time.perf_counter() - start
    return {"htmldiff": htmldiff, "cdist": cdist_s, "cdist_mb": matrix.nbytes / 2**20}


def agreement(readout_text: str, account_text: str, sample: int = 300) -> tuple[int, int]:
    """(same, sampled): account sentences whose best match is the same with the index's pruning
    as with every pair that shares a content word scored."""
    import random

    from readout_compare import align as align_module
    from readout_compare.align import align
    from readout_compare.model import Settings
    from readout_compare.pipeline import as_document, resolved_settings

    settings = resolved_settings(Settings())
    readout = as_document(readout_text, doc_id="r", label=None)
    account = as_document(account_text, doc_id="a1", label=None)
    rng = random.Random(1)
    chosen = set(rng.sample(range(len(account.body)), min(sample, len(account.body))))
    sub = account.__class__(id=account.id, label=account.label, text=account.text,
                            sentences=tuple(s for k, s in enumerate(account.body) if k in chosen))
    pruned = align(readout, sub, settings)
    saved = align_module.EXHAUSTIVE_PAIRS
    align_module.EXHAUSTIVE_PAIRS = 10**12
    try:
        full = align(readout, sub, settings)
    finally:
        align_module.EXHAUSTIVE_PAIRS = saved

    def best(matches):  # type: ignore[no-untyped-def]
        return matches[0].readout_sentence if matches else None

    return sum(1 for sid in pruned if best(pruned[sid]) == best(full[sid])), len(pruned)


def sentences(path: Path) -> list[str]:
    from readout_compare.pipeline import as_document

    doc = as_document(path.read_text(encoding="utf-8"), doc_id="x", label=None)
    return [s.text for s in doc.body]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    results: dict = {"machine": machine()}
    case = [str(CASE / f) for f in ("readout-pentagon.txt", "account-nypost.txt",
                                    "account-wire.txt")]
    with tempfile.TemporaryDirectory() as tmp:
        results["python"] = python_start()
        results["help"] = median_wall(["--help"], label="help")
        results["case_html"] = median_wall(["compare", *case, "-o", f"{tmp}/case.html",
                                            *NO_SEMANTIC], label="case_html")
        results["case_json"] = median_wall(["compare", *case, "-o", f"{tmp}/case.json",
                                            *NO_SEMANTIC], label="case_json")
        print(f"start-up: --help {results['help']:.3f} s, reference case HTML "
              f"{results['case_html']:.3f} s, JSON {results['case_json']:.3f} s (median of 3)")
        sizes = SIZES[:2] if args.quick else SIZES
        rows = []
        for generator, make in GENERATORS.items():
            for n_r, n_a in sizes:
                readout, account = make(n_r, n_a)
                rp, ap = Path(tmp, "readout.txt"), Path(tmp, "account.txt")
                rp.write_text(readout, encoding="utf-8")
                ap.write_text(account, encoding="utf-8")
                html_wall, stages, rss_html = run_cli(
                    ["compare", str(rp), str(ap), "-o", f"{tmp}/r.html"])
                json_wall, _, rss_json = run_cli(["compare", str(rp), str(ap), "-o", f"{tmp}/r.json"])
                base = baselines(readout, account, sentences(rp), sentences(ap))
                same, sampled = agreement(readout, account)
                row = {"generator": generator, "size": f"{n_r} x {n_a}", "html": html_wall,
                       "json": json_wall, "mb": max(rss_html, rss_json), "stages": stages,
                       "same": same, "sampled": sampled, **base}
                rows.append(row)
                print(f"{generator:>32} {row['size']:>12}: html {html_wall:.2f} s, json "
                      f"{json_wall:.2f} s, peak {row['mb']:.0f} MB; HtmlDiff {base['htmldiff']:.2f} s "
                      f"({base['htmldiff'] / html_wall:.1f}x ours), cdist {base['cdist']:.2f} s; "
                      + " ".join(f"{k}={v:.2f}" for k, v in stages.items()))
        results["sizes"] = rows
        results["accounts"] = accounts_rows(tmp, quick=args.quick)
        if not args.quick:
            results["five_mb"] = five_mb(tmp)
    results["spread"] = dict(SPREAD)
    if not args.no_write:
        write_doc(results)


def accounts_rows(tmp: str, *, quick: bool) -> list[dict]:
    """Several accounts of one readout: 5 and 10 long ones, 75 and 150 short ones."""
    cases = [(200, 1000, 5), (200, 1000, 10), (20, 20, 75), (20, 20, 150)]
    if quick:
        cases = [(20, 20, 75), (20, 20, 150)]
    rows = []
    for n_r, n_a, k in cases:
        readout, accounts = make_accounts(n_r, n_a, k, seed=0)
        folder = Path(tmp, f"acc-{k}")
        folder.mkdir(exist_ok=True)
        Path(folder, "readout.txt").write_text(readout, encoding="utf-8")
        paths = []
        for i, text in enumerate(accounts, 1):
            p = Path(folder, f"a{i}.txt")
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        wall, stages, mb = run_cli(["compare", str(Path(folder, "readout.txt")), *paths,
                                    "-o", f"{tmp}/acc.json"])
        row = {"case": f"{k} accounts x {n_a} sentences, readout {n_r}", "accounts": k,
               "readout": n_r, "sentences": n_a, "json": wall, "mb": mb, "stages": stages}
        rows.append(row)
        print(f"{row['case']}: json {wall:.2f} s, peak {mb:.0f} MB; "
              + " ".join(f"{k}={v:.2f}" for k, v in stages.items()))
    return rows


def five_mb(tmp: str) -> dict:
    """A 5 MB account (MSRP/STS-B paragraphs drawn at random) against a 200-sentence readout."""
    readout, text = make_long_account(5_000_000)
    rp, ap = Path(tmp, "r5.txt"), Path(tmp, "a5.txt")
    rp.write_text(readout, encoding="utf-8")
    ap.write_text(text, encoding="utf-8")
    wall, stages, mb = run_cli(["compare", str(rp), str(ap), "-o", f"{tmp}/five.json"])
    print(f"5 MB account: json {wall:.2f} s, peak {mb:.0f} MB; "
          + " ".join(f"{k}={v:.2f}" for k, v in stages.items()))
    return {"json": wall, "mb": mb, "stages": stages, "chars": len(text)}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}")


def spread(res: dict, label: str) -> str:
    """" (least-most s)" of the runs behind a median, when recorded."""
    low_high = res.get("spread", {}).get(label)
    return f" ({low_high[0]:.3f}-{low_high[1]:.3f} s)" if low_high else ""


def verdict(value: float, floor: float) -> str:
    return "met" if value <= floor else "**not met**"


def write_doc(res: dict) -> None:
    f = FLOORS
    lines = [
        "# Performance",
        "",
        "Measured by `python bench/speed.py` (it writes this page) on " + res["machine"] + ". "
        "Every time is the command line's wall time from process start to the report written, "
        "in a fresh interpreter with compiled bytecode, as an installed copy runs; peak memory "
        "includes worker processes. The optional semantic matcher is switched off "
        "(`--no-semantic`): these are the base install's figures. With it, `python "
        "bench/semantic_speed.py` times each case both ways, alternated, and prints the load "
        "average beside each figure (the 2 cores are shared with other work); its figures and "
        "the bounds on the encoders' work are in [semantic.md](semantic.md).",
        "",
        "## Against the floors",
        "",
        "| what | measured | floor | |",
        "| --- | --- | --- | --- |",
        f"| `readout-compare --help` (median of 3) | {res['help']:.3f} s{spread(res, 'help')} | "
        f"{f['help']} s | {verdict(res['help'], f['help'])} |",
        f"| reference case, 3 documents, to HTML (median of 3) | {res['case_html']:.3f} s"
        f"{spread(res, 'case_html')} | {f['case_html']} s | "
        f"{verdict(res['case_html'], f['case_html'])} |",
        f"| reference case to JSON (median of 3) | {res['case_json']:.3f} s"
        f"{spread(res, 'case_json')} | {f['case_json']} s | "
        f"{verdict(res['case_json'], f['case_json'])} |",
    ]
    for r in res["sizes"]:
        if r["size"] == "5000 x 5000":
            worst = max(r["html"], r["json"])
            lines.append(f"| 5,000 x 5,000 sentences, {r['generator']} (HTML / JSON) | "
                         f"{r['html']:.1f} s / {r['json']:.1f} s, {r['mb']:.0f} MB | "
                         f"{f['big']} s, {f['big_mb']} MB | {verdict(worst, f['big'])} "
                         f"(memory {verdict(r['mb'], f['big_mb'])}) |")
    acc = {row["accounts"]: row for row in res["accounts"]}
    if 10 in acc:
        lines.append(f"| 10 accounts x 1,000 sentences, 200-sentence readout | {acc[10]['json']:.1f} s, "
                     f"{acc[10]['mb']:.0f} MB | {f['ten_accounts']} s | "
                     f"{verdict(acc[10]['json'], f['ten_accounts'])} |")
    if 150 in acc:
        lines.append(f"| 150 short accounts (20 sentences each) | {acc[150]['json']:.1f} s | "
                     f"{f['many_accounts']} s | {verdict(acc[150]['json'], f['many_accounts'])} |")
    for small, big in ((5, 10), (75, 150)):
        if small in acc and big in acc:
            g = acc[big]["json"] / acc[small]["json"]
            lines.append(f"| doubling the accounts ({small} to {big}) | {g:.2f} x the time | "
                         f"{f['doubling']} x | {verdict(g, f['doubling'])} |")
    if "five_mb" in res:
        fm = res["five_mb"]
        lines.append(f"| a 5 MB account ({fm['chars']:,} characters) | {fm['json']:.1f} s, "
                     f"{fm['mb']:.0f} MB | {f['five_mb']} s, 1 GB | "
                     f"{verdict(fm['json'], f['five_mb'])} (memory {verdict(fm['mb'], f['five_mb_mb'])}) |")
    lines += [
        "",
        "The figures in brackets are the quickest and slowest of the three runs behind a "
        "median. Times move from run to run on this virtual machine by a fifth or more with "
        "no change to the code (the same tree timed against itself in alternation differed by "
        "up to 28%), so compare figures from one run of this script, and compare two revisions "
        "with `python bench/versus.py REV`, which times them in alternation, and see "
        "[speed-bound.md](speed-bound.md) (`python bench/bound.py`) for how fast the large "
        "cases could be on these cores with the work they do. In this run, "
        "`python -c pass` alone, which runs none of our code, took "
        f"{res['python'][0]:.3f} s (median of 5; {res['python'][1]:.3f} to "
        f"{res['python'][2]:.3f} s): the start-up floors leave our code "
        f"{f['help'] - res['python'][0]:.3f} s for `--help` and "
        f"{f['case_html'] - res['python'][0]:.3f} s for the reference case to HTML.",
        "",
        "## Sizes, two generators",
        "",
        "Sizes are requested sentences (readout x account). *MSRP/STS-B sentences*: 15% of the "
        "account copies readout sentences, 15% paraphrases them with the other half of an MSRP "
        "or STS-B pair, the rest are unrelated news sentences (bench/synthetic.py). *Template "
        "readouts and wire copy*: fictional readout sentences and wire sentences that copy (15%), "
        "restate (15%) or add claims in the same vocabulary (bench/wiregen.py).",
        "",
        "| generator | size | CLI to HTML | CLI to JSON | peak memory | same best match as scoring every pair | difflib `HtmlDiff` | rapidfuzz `cdist` matrix |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in res["sizes"]:
        lines.append(
            f"| {r['generator']} | {r['size']} | {r['html']:.2f} s | {r['json']:.2f} s | "
            f"{r['mb']:.0f} MB | {r['same'] / r['sampled']:.1%} ({r['same']} of {r['sampled']} sampled) | "
            f"{r['htmldiff']:.2f} s ({r['htmldiff'] / r['html']:.2f} x ours) | "
            f"{r['cdist']:.2f} s ({r['cdist'] / r['html']:.2f} x ours), {r['cdist_mb']:.0f} MB |"
        )
    lines += [
        "",
        "The baselines do less: `HtmlDiff` aligns the two texts in order, line by line, with no "
        "verdicts (it cannot see a reordered or paraphrased sentence); `cdist` fills one "
        "character-level similarity for every pair and decides nothing. They are here as the "
        "floor of what such a comparison costs. The index that proposes candidate pairs prunes "
        "(rare words only, the best ten candidates); *same best match* samples 300 account "
        "sentences and checks that their best readout match is the one found by scoring every "
        "pair that shares a content word.",
        "",
        "## Time per stage (HTML runs)",
        "",
        "| generator | size | load | segment | align | classify | groups | framing | placement | render |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    stage_names = ("load", "segment", "align", "classify", "groups", "framing", "placement", "render")
    for r in res["sizes"]:
        s = r["stages"]
        lines.append(f"| {r['generator']} | {r['size']} | "
                     + " | ".join(f"{s.get(k, 0):.2f} s" for k in stage_names) + " |")
    lines += [
        "",
        "## Several accounts of one readout",
        "",
        "bench/synthetic.make_accounts: each account copies and paraphrases readout sentences, "
        "and a fifth of its other sentences come from a pool of claims that several accounts "
        "share (claims that travel, which the claim groups must find). Accounts of 1,000 "
        "sentences or more are compared in parallel, one worker per core.",
        "",
        "| case | CLI to JSON | peak memory | " + " | ".join(stage_names) + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in stage_names) + " |",
    ]
    for r in res["accounts"]:
        s = r["stages"]
        lines.append(f"| {r['case']} | {r['json']:.2f} s | {r['mb']:.0f} MB | "
                     + " | ".join(f"{s.get(k, 0):.2f}" for k in stage_names) + " |")
    if "five_mb" in res:
        s = res["five_mb"]["stages"]
        lines += [
            "",
            "## A 5 MB account",
            "",
            f"{res['five_mb']['chars']:,} characters of MSRP/STS-B paragraphs against a "
            f"200-sentence readout: {res['five_mb']['json']:.1f} s, {res['five_mb']['mb']:.0f} MB "
            "at peak; " + ", ".join(f"{k} {v:.1f} s" for k, v in s.items()) + ". The text limit "
            "per input is 5,000,000 characters (docs/inputs.md): the largest input measured to "
            "finish within about a minute and a gigabyte here.",
        ]
    text = "\n".join(lines) + "\n"
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if HAND in old:  # the figures measured by hand, each with how it was taken
        text += "\n" + old[old.index(HAND):]
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
