"""English-Spanish: does the semantic encoder find each Spanish sentence's English counterpart?

    python bench/crosslang.py [--split dev|heldout|all] [--errors]

Reads bench/data/crosslang.txt (written for this project). For every Spanish sentence with a
counterpart, is that counterpart ranked first among its story's English sentences? And at the
threshold the pipeline uses (semantic.CROSS_THRESHOLD, chosen on the dev stories), how many
Spanish sentences are matched, and rightly: precision and recall of the matches, with
same-topic sentences that have no counterpart as the negatives.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from readout_compare import semantic

DATA = Path(__file__).resolve().parent / "data" / "crosslang.txt"


def load(split: str) -> list[dict]:
    stories, current = [], None
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("### story:"):
            m = re.match(r"### story: (\S+) \((\w+)\)", line)
            current = {"id": m.group(1), "split": m.group(2), "english": {}, "spanish": []}
            stories.append(current)
        elif m := re.match(r"\[(e\d+)\] (.*)", line):
            current["english"][m.group(1)] = m.group(2)
        elif m := re.match(r"\{(\S+) ([tpn])\} (.*)", line):
            current["spanish"].append((m.group(1), m.group(2), m.group(3)))
    return [s for s in stories if split == "all" or s["split"] == split]


def evaluate(stories: list[dict], threshold: float, errors: bool = False) -> dict:
    ranked_first = pairs = matched = right = 0
    best_pairs, best_negatives = [], []
    for story in stories:
        ids = list(story["english"])
        english = [story["english"][i] for i in ids]
        spanish = [text for _, _, text in story["spanish"]]
        sims = semantic.similarities(spanish, english)
        for (gold, _kind, text), row in zip(story["spanish"], sims):
            k = max(range(len(row)), key=row.__getitem__)
            best, score = ids[k], row[k]
            if gold != "-":
                pairs += 1
                ranked_first += best == gold
                best_pairs.append(score)
            else:
                best_negatives.append(score)
            if score >= threshold:
                matched += 1
                right += best == gold
                if errors and best != gold:
                    print(f"  {story['id']}: {text[:60]!r} -> {best} ({score:.2f}), gold {gold}")
            elif errors and gold != "-":
                print(f"  {story['id']}: missed {text[:60]!r} (best {best} {score:.2f}), gold {gold}")
    return {
        "pairs": pairs, "ranked_first": ranked_first,
        "matched": matched, "right": right,
        "precision": right / matched if matched else 1.0, "recall": right / pairs if pairs else 0.0,
        "pair_scores": best_pairs, "negative_scores": best_negatives,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    for split in splits:
        r = evaluate(load(split), semantic.CROSS_THRESHOLD, args.errors)
        lo = min(r["pair_scores"])
        hi = max(r["negative_scores"]) if r["negative_scores"] else float("nan")
        print(f"{split}: counterpart ranked first {r['ranked_first']}/{r['pairs']} "
              f"({r['ranked_first'] / r['pairs']:.3f}); at threshold {semantic.CROSS_THRESHOLD}: "
              f"precision {r['precision']:.3f} ({r['right']}/{r['matched']}), recall "
              f"{r['recall']:.3f}; lowest pair score {lo:.3f}, highest non-pair {hi:.3f}")


if __name__ == "__main__":
    main()
