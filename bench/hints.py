"""Paraphrase hints on the labelled matching set: how many of the lexical matcher's misses does
the semantic encoder recover, and how often is a hint right?

    python bench/hints.py [--split dev|heldout|all] [--sweep] [--errors]

Runs compare() on bench/data/matching-*.txt with the semantic extra. A *miss* is a readout unit
that an account reports (in full or in part, by its labels) but that the comparison leaves
omitted. A hint is *right* when the account unit holding its account sentence reports the
hint's readout unit; a miss is *recovered* by a right hint to it. ``--sweep`` prints precision
and recovery on the split for a range of thresholds (choose on dev, report on held-out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from matching import _best, load

from readout_compare import compare, semantic
from readout_compare import hints as hints_module


def collect(split: str) -> list[dict]:
    """Every candidate hint (all cosines, not only those above the threshold), with whether it
    is right, and every miss."""
    saved = hints_module.HINT_THRESHOLD, hints_module.E5_THRESHOLD
    # Keep every best pair; thresholds are applied later.
    hints_module.HINT_THRESHOLD = hints_module.E5_THRESHOLD = -1.0
    rows = []
    try:
        for story in load(split):
            result = compare(story.readout.text, [a.text for a in story.accounts],
                             readout_label="readout", labels=[a.label for a in story.accounts])
            r_map = {}
            for s in result.readout.body:
                u = _best(story.readout.units, s.start, s.end)
                if u is not None:
                    r_map[s.id] = u.id
            for gold, acc in zip(story.accounts, result.accounts):
                reported = {rid for u in gold.units for rid, kind in u.reports.items()
                            if kind in ("full", "part")}
                omitted = {r_map.get(c.readout_sentence) for c in acc.coverage
                           if c.status == "omitted"}
                misses = (reported & omitted) - {None}
                unit_of = {}
                for s in acc.sentences:
                    u = _best(gold.units, s.sentence.start, s.sentence.end)
                    if u is not None:
                        unit_of[s.sentence.id] = u
                found = []
                for h in acc.hints:
                    u = unit_of.get(h.account_sentence)
                    rid = r_map.get(h.readout_sentence)
                    right = bool(u and rid and u.reports.get(rid) in ("full", "part"))
                    found.append({"similarity": h.similarity, "right": right, "readout": rid,
                                  "text": gold.text[u.start:u.end] if u else ""})
                rows.append({"story": story.id, "account": gold.label, "misses": misses,
                             "hints": found})
    finally:
        hints_module.HINT_THRESHOLD, hints_module.E5_THRESHOLD = saved
    return rows


def score(rows: list[dict], threshold: float) -> dict:
    hints = right = misses = recovered = 0
    for row in rows:
        kept = [h for h in row["hints"] if h["similarity"] >= threshold]
        hints += len(kept)
        right += sum(h["right"] for h in kept)
        misses += len(row["misses"])
        recovered += len({h["readout"] for h in kept if h["right"]} & row["misses"])
    return {"hints": hints, "right": right, "precision": right / hints if hints else 1.0,
            "misses": misses, "recovered": recovered,
            "recovery": recovered / misses if misses else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["dev", "heldout", "hints", "all"],
                        help="hints: bench/data/matching-hints.txt, restatements written after "
                        "the threshold was chosen")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    if not semantic.installed():
        raise SystemExit("needs the semantic extra: pip install '.[semantic]'")
    second = semantic.hint_encoder_installed()
    threshold = hints_module.E5_THRESHOLD if second else hints_module.HINT_THRESHOLD
    print(f"hint encoder: {semantic.HINT_MODEL if second else semantic.MODEL}")
    for split in (["dev", "heldout", "hints"] if args.split == "all" else [args.split]):
        rows = collect(split)
        if args.sweep:
            sweep = ((0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.94) if second else
                     (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8))
            for t in sweep:
                r = score(rows, t)
                print(f"{split} threshold {t:.2f}: {r['hints']} hints, precision "
                      f"{r['precision']:.3f}; recovered {r['recovered']}/{r['misses']} misses")
        r = score(rows, threshold)
        print(f"{split} at {threshold}: {r['hints']} hints, precision "
              f"{r['precision']:.3f} ({r['right']}/{r['hints']}); recovered {r['recovered']} of "
              f"{r['misses']} reported readout sentences the lexical matcher misses "
              f"({r['recovery']:.3f})")
        if args.errors:
            for row in rows:
                for h in row["hints"]:
                    if h["similarity"] >= threshold and not h["right"]:
                        print(f"  wrong hint {row['story']}/{row['account']} {h['readout']} "
                              f"{h['similarity']:.2f}: {h['text'][:90]}")


if __name__ == "__main__":
    main()
