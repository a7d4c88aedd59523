"""Corpus mode at scale: candidate pairs and time as the collections grow.

    python bench/corpus.py [--readouts 200] [--articles 1000] [--workers N]

Builds readouts of five news sentences each from the MSRP and STS-B pools (bench/synthetic.py)
and articles of six: two thirds of the articles report one readout (one of its sentences copied,
one given as the other half of its paraphrase pair, among four unrelated sentences), one third
report none. Prints the candidate pairs the index proposed against all
readouts x articles, the share of true reports found, and the wall time.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from synthetic import _pools

from readout_compare.corpus import Run, run


def build(folder: Path, n_readouts: int, n_articles: int, seed: int = 0) -> dict[str, str]:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readouts", type=int, default=200)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth = build(folder, args.readouts, args.articles)
        start = time.perf_counter()
        counts = run(Run(str(folder / "readouts"), str(folder / "articles"),
                         str(folder / "out"), workers=args.workers, semantic=False))
        wall = time.perf_counter() - start
        db = sqlite3.connect(folder / "out" / "results.sqlite")
        (candidates,) = db.execute("SELECT SUM(candidates) FROM articles").fetchone()
        found = set(db.execute("SELECT article_id, readout_id FROM pairs WHERE reports = 1"))
        right = sum(1 for pair in found if truth.get(pair[0]) == pair[1])
    print(f"{args.readouts} readouts x {args.articles} articles "
          f"({args.readouts * args.articles:,} pairs): {candidates:,} candidate pairs compared; "
          f"{right} of {len(truth)} true reports found, {len(found) - right} other reporting "
          f"pairs; {wall:.1f} s{f' on {args.workers} Dask workers' if args.workers else ''} "
          f"({counts['pairs']} reporting pairs)")


if __name__ == "__main__":
    main()
