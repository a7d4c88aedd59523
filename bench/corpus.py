"""Corpus mode at scale: time, memory, and how well it finds the planted reports.

    python bench/corpus.py [--readouts 200] [--articles 20000] [--workers 0 1 2] [--window 7]
                           [--seed 1]
    python bench/corpus.py --generator msrp --articles 1000   # the older MSRP/STS-B corpus

Writes a corpus (bench/corpusgen.py: readouts and ~30-sentence articles made here, one in ten
reporting a readout, one in ten a near miss about the same officials; or, with ``--generator
msrp``, readouts of five MSRP/STS-B sentences and articles of six), then runs
``readout-compare corpus`` on it as a separate process, once per ``--workers`` value (0 is one
process without Dask; N starts a local Dask cluster of N workers). For each run it prints the wall
time, the peak memory of the whole process tree (summed over the command and its workers,
sampled every 0.2 s), the candidate pairs compared, and retrieval recall (planted reports found)
and precision (the share of pairs kept as reports that are planted reports), and checks that
every run wrote the same pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

from corpusgen import write_corpus


def build_msrp(folder: Path, n_readouts: int, n_articles: int, seed: int = 0) -> dict[str, str]:
    """Readouts of five MSRP/STS-B sentences; two thirds of the articles report one (a sentence
    copied, one paraphrased, among four unrelated sentences)."""
    from synthetic import _pools

    rng = random.Random(seed)
    pairs, singles = _pools()
    rng.shuffle(pairs)
    rng.shuffle(singles)
    (folder / "readouts").mkdir()
    (folder / "articles").mkdir()
    readouts = {}
    for i in range(n_readouts):
        chosen = pairs[5 * i: 5 * i + 5]
        readouts[f"r{i:04d}"] = chosen
        (folder / "readouts" / f"r{i:04d}.txt").write_text(
            "\n\n".join(a for a, _ in chosen) + "\n", encoding="utf-8")
    filler = iter(singles * 4)
    truth = {}
    for j in range(n_articles):
        lines = [next(filler) for _ in range(4)]
        if j % 3:
            rid = rng.choice(sorted(readouts))
            truth[f"a{j:05d}"] = rid
            (a, _), (_, b) = rng.sample(readouts[rid], 2)
            lines[1:1] = [a, b]
        (folder / "articles" / f"a{j:05d}.txt").write_text("\n\n".join(lines) + "\n",
                                                          encoding="utf-8")
    return truth


def measure(args: list[str]) -> tuple[float, int]:
    """Run a command; return its wall time and the peak summed RSS of it and its descendants."""
    start = time.perf_counter()
    proc = subprocess.Popen(args)
    parent = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            for p in [parent, *parent.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.2)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} exited with {proc.returncode}")
    return wall, peak


def costs(readouts: Path, articles: Path) -> None:
    """The cost of each step on its own, in this process: retrieval per article, segmentation per
    article with candidates, comparison per candidate pair."""
    from readout_compare.corpus.shortlist import build_index, shortlist
    from readout_compare.corpus.work import Shared
    from readout_compare.load import load
    from readout_compare.model import Settings
    from readout_compare.pipeline import as_document, compare_account, resolved_settings

    rows = [json.loads(line) for line in readouts.read_text(encoding="utf-8").splitlines()]
    docs = {r["id"]: as_document(load(r["path"]), doc_id="r", label=r["id"]) for r in rows}
    shared = Shared(docs, {}, build_index(docs), None, 20.0, False,
                    resolved_settings(Settings(semantic=False)))
    texts = [load(json.loads(line)["path"])
             for line in articles.read_text(encoding="utf-8").splitlines()]
    start = time.perf_counter()
    found = [shortlist(shared, t.text, None) for t in texts]
    retrieval = time.perf_counter() - start
    start = time.perf_counter()
    segmented = [(as_document(t, doc_id="a1", label="a"), c) for t, c in zip(texts, found) if c]
    segmentation = time.perf_counter() - start
    start = time.perf_counter()
    pairs = 0
    for doc, found_here in segmented:
        for rid in found_here:
            compare_account(docs[rid], doc, shared.settings)
            pairs += 1
    comparison = time.perf_counter() - start
    print(f"costs: retrieval {retrieval / len(texts) * 1000:.2f} ms per article; segmentation "
          f"{segmentation / max(1, len(segmented)) * 1000:.1f} ms per article with candidates "
          f"({len(segmented)} of {len(texts)}); comparison {comparison / max(1, pairs) * 1000:.1f} "
          f"ms per candidate pair ({pairs})")


def _where(workers: int) -> str:
    return f"{workers} local Dask workers" if workers else "one process"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readouts", type=int, default=200)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, nargs="+", default=[0],
                        help="0: one process; N: a local Dask cluster of N workers")
    parser.add_argument("--window", type=int, default=None, help="days after the readout")
    parser.add_argument("--generator", choices=["own", "msrp"], default="own")
    parser.add_argument("--seed", type=int, default=1,
                        help="the corpus: 0 is the one the retrieval and decision rules were "
                        "chosen on (its first 2,000 articles), 1 (the default) is held out")
    parser.add_argument("--costs", action="store_true",
                        help="also time retrieval, segmentation and comparison on their own")
    parser.add_argument("--errors", action="store_true",
                        help="list the planted reports missed and the pairs kept wrongly")
    parser.add_argument("--keep", help="write the corpus and results here instead of a temporary "
                        "folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        start = time.perf_counter()
        if args.generator == "own":
            truth = write_corpus(folder, args.readouts, args.articles, seed=args.seed)
            readouts, articles = folder / "readouts.jsonl", folder / "articles.jsonl"
        else:
            folder.mkdir(parents=True, exist_ok=True)
            truth = build_msrp(folder, args.readouts, args.articles, seed=args.seed)
            readouts, articles = folder / "readouts", folder / "articles"
        print(f"corpus ({args.generator}, seed {args.seed}): {args.readouts} readouts x {args.articles:,} articles, "
              f"{len(truth):,} planted reports; written in {time.perf_counter() - start:.1f} s")
        if args.costs and args.generator == "own":
            costs(readouts, articles)
        runs = {}
        walls = {}
        for workers in args.workers:
            out = folder / f"out-{workers}"
            cmd = [sys.executable, "-m", "readout_compare", "corpus", str(readouts),
                   str(articles), "-o", str(out), "--quiet", "--no-semantic"]
            if workers:
                cmd += ["--workers", str(workers)]
            if args.window is not None:
                cmd += ["--window", str(args.window)]
            wall, peak = measure(cmd)
            walls[workers] = wall
            db = sqlite3.connect(out / "results.sqlite")
            (candidates,) = db.execute("SELECT SUM(candidates) FROM articles").fetchone()
            (segmented,) = db.execute(
                "SELECT COUNT(*) FROM articles WHERE sentences IS NOT NULL").fetchone()
            kept = set(db.execute("SELECT article_id, readout_id FROM pairs WHERE reports = 1"))
            runs[workers] = sorted(db.execute("SELECT * FROM pairs"))
            right = sum(1 for aid, rid in kept if truth.get(aid) == rid)
            print(f"{_where(workers)}: {wall:.1f} s, peak memory {peak / 2**20:,.0f} MB; "
                  f"{candidates:,} candidate pairs compared of "
                  f"{args.readouts * args.articles:,}; recall {right / len(truth):.4f} "
                  f"({right} of {len(truth)} planted reports found); precision "
                  f"{right / len(kept) if kept else 1:.4f} ({len(kept) - right} of {len(kept)} "
                  f"pairs kept are not planted reports)")
            if args.generator == "own":
                print(f"  articles segmented: {segmented:,}")
            if args.errors:
                for aid, rid in sorted(set(truth.items()) - kept):
                    row = db.execute("SELECT reported, reported_verbatim, reported_paraphrase, "
                                     "reported_in_part FROM pairs WHERE article_id = ? AND "
                                     "readout_id = ?", (aid, rid)).fetchone()
                    print(f"  missed {aid} -> {rid}: " + (
                        "not a candidate" if row is None else
                        "{} reported ({} verbatim, {} paraphrase, {} in part)".format(*row)))
                for aid, rid in sorted(kept - set(truth.items())):
                    print(f"  kept wrongly {aid} -> {rid} (planted: {truth.get(aid)})")
            db.close()
        if len({json.dumps(v) for v in runs.values()}) > 1:
            raise SystemExit("the runs wrote different pairs")
        if len(runs) > 1:
            print("every run wrote the same pairs")
            base = args.workers[0]
            for workers in args.workers[1:]:
                print(f"speed-up of {_where(workers)} over {_where(base)}: "
                      f"{walls[base] / walls[workers]:.2f}x")


if __name__ == "__main__":
    main()
