"""Segmentation accuracy on the labelled set (bench/data/segmentation-*.txt).

    python bench/segmentation.py [--split dev|dev-b|heldout|all] [--errors] [--write-docs]

Prints, per split: unit-boundary precision, recall and F1 (the set of unit starts and ends,
as character offsets into the raw text), exact-unit F1, and role accuracy (a gold unit counts
as right only when a predicted unit has exactly its span and its role). ``--write-docs``
rewrites the figures table in docs/segmentation.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from seglabels import load

from readout_compare.segment import segment

DOCS = Path(__file__).parent.parent / "docs" / "segmentation.md"


def evaluate(split: str, show_errors: bool = False) -> dict[str, float]:
    docs = load(split)
    tp_b = n_pred_b = n_gold_b = 0
    tp_u = n_pred_u = n_gold_u = 0
    roles_right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        pred = segment(doc.text, doc_id="d", label=doc.id).sentences
        p_spans = {(s.start, s.end): s.role for s in pred}
        g_spans = {(g.start, g.end): g.role for g in doc.units}
        p_b = {x for span in p_spans for x in span}
        g_b = {x for span in g_spans for x in span}
        tp_b += len(p_b & g_b)
        n_pred_b += len(p_b)
        n_gold_b += len(g_b)
        tp_u += len(p_spans.keys() & g_spans.keys())
        n_pred_u += len(p_spans)
        n_gold_u += len(g_spans)
        for span, role in g_spans.items():
            got = p_spans.get(span)
            confusion[(role, got or "(no such unit)")] += 1
            if got == role:
                roles_right += 1
            elif show_errors:
                print(f"  {doc.id}: {role} -> {got}: {' '.join(doc.text[span[0]:span[1]].split())[:90]!r}")
        if show_errors:
            for span in p_spans.keys() - g_spans.keys():
                print(f"  {doc.id}: extra unit {p_spans[span]}: "
                      f"{' '.join(doc.text[span[0]:span[1]].split())[:90]!r}")
    p_b, r_b = tp_b / n_pred_b, tp_b / n_gold_b
    p_u, r_u = tp_u / n_pred_u, tp_u / n_gold_u
    return {
        "documents": len(docs),
        "units": n_gold_u,
        "boundary_precision": p_b,
        "boundary_recall": r_b,
        "boundary_f1": 2 * p_b * r_b / (p_b + r_b),
        "unit_f1": 2 * p_u * r_u / (p_u + r_u) if p_u + r_u else 0.0,
        "role_accuracy": roles_right / n_gold_u,
        "roles": dict(Counter(g.role for d in docs for g in d.units)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "dev-b", "heldout", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list every wrong unit")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    splits = ["dev", "dev-b", "heldout"] if args.split == "all" else [args.split]
    rows = []
    for split in splits:
        if args.errors:
            print(f"{split}:")
        r = evaluate(split, args.errors)
        line = (f"{split}: documents={r['documents']} units={r['units']} "
                f"boundary_precision={r['boundary_precision']:.3f} "
                f"boundary_recall={r['boundary_recall']:.3f} boundary_f1={r['boundary_f1']:.3f} "
                f"unit_f1={r['unit_f1']:.3f} role_accuracy={r['role_accuracy']:.3f}")
        print(line)
        rows.append((split, r))
    if args.write_docs:
        table = ["| split | documents | units | boundary P | boundary R | boundary F1 | unit F1 | role accuracy |",
                 "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for split, r in rows:
            table.append(
                f"| {split} | {r['documents']} | {r['units']} | {r['boundary_precision']:.3f} | "
                f"{r['boundary_recall']:.3f} | {r['boundary_f1']:.3f} | {r['unit_f1']:.3f} | "
                f"{r['role_accuracy']:.3f} |")
        text = DOCS.read_text("utf-8")
        new = re.sub(r"<!-- seg-figures -->.*<!-- /seg-figures -->",
                     "<!-- seg-figures -->\n" + "\n".join(table) + "\n<!-- /seg-figures -->",
                     text, flags=re.DOTALL)
        DOCS.write_text(new, "utf-8")


if __name__ == "__main__":
    main()
