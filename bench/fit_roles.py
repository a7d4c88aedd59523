"""Fit the role model (readout_compare/data/roles.json) on labelled units.

    python bench/fit_roles.py [--c C] [--dry-run] [--events FILE] [--out PATH]

Training units are the tool's own units (as segmentation lays them out, with the roles the
furniture rules give them), each labelled with the role of the labelled unit it covers most:
the project's segmentation set (dev and dev-b splits; its held-out split is not used) and the
real-news benchmark's development events (their texts must be in bench/real/texts/). The real
benchmark's held-out events are never read. Prints the grouped cross-validated accuracy for a
few regularisation strengths (documents kept whole in a fold), then fits on everything with the
chosen one and writes the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np
import reallabels as rl
from seglabels import load as load_segmentation
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

from readout_compare import roles, segment

CLASS_WEIGHT = None
OUT = Path(__file__).parent.parent / "readout_compare" / "data" / "roles.json"


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def documents(only: set[str] | None = None) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """(name, text, gold units as (start, end, role)) for every training document; ``only``:
    the real dev events to take (all of them when None), for fitting on some and testing on
    the others."""
    docs = []
    for split in ("dev", "dev-b"):
        for d in load_segmentation(split):
            docs.append((f"seg:{d.id}", d.text, [(g.start, g.end, g.role) for g in d.units]))
    for event_dir in sorted(rl.EVENTS.iterdir()):
        if not (event_dir / "labels.json").exists():
            continue
        event = rl.load_event(event_dir)
        if event.split != "dev" or (only is not None and event.id not in only):
            continue
        for doc in event.docs.values():
            path = rl.text_path(event.id, doc.id)
            if not path.exists() or rl.sha256_file(path) != doc.sha256:
                print(f"skipped {event.id}/{doc.id}: text missing or changed", file=sys.stderr)
                continue
            docs.append((f"real:{event.id}/{doc.id}", rl.read_text(event.id, doc.id),
                         [(u.start, u.end, u.role) for u in doc.units]))
    return docs


def examples(docs):
    X, y, groups = [], [], []
    for name, text, gold in docs:
        laid = segment.laid_out(text)
        units = segment.role_units(text, laid)
        for (_, u, _), feats in zip(laid, roles.features(units)):
            best = max(gold, key=lambda g: _overlap(g[0], g[1], u.start, u.end))
            if _overlap(best[0], best[1], u.start, u.end) == 0:
                continue
            X.append({f: 1 for f in feats})
            y.append(best[2])
            groups.append(name.split("/")[0])  # an event's documents stay in one fold
    return X, np.array(y), np.array(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, help="regularisation strength (default: best by CV)")
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    parser.add_argument("--events", type=Path,
                        help="a file of real dev event names, one a line: fit on these only")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args()
    only = set(args.events.read_text().split()) if args.events else None
    docs = documents(only)
    X, y, groups = examples(docs)
    vec = DictVectorizer(sparse=False)
    M = vec.fit_transform(X)
    print(f"{len(docs)} documents, {len(y)} units: "
          + ", ".join(f"{r} {int((y == r).sum())}" for r in roles.ROLES))
    rule = np.array([next(f.split(":")[1] for f in x if f.startswith("rule:")) for x in X])
    print(f"  the rules alone: accuracy {np.mean(rule == y):.3f}")
    best_c, best_acc = args.c, -1.0
    for c in ([args.c] if args.c else [0.1, 0.3, 1.0, 3.0, 10.0]):
        model = LogisticRegression(C=c, max_iter=5000, class_weight=CLASS_WEIGHT)
        pred = cross_val_predict(model, M, y, groups=groups, cv=GroupKFold(n_splits=5))
        acc = float(np.mean(pred == y))
        print(f"  C={c}: grouped 5-fold accuracy {acc:.3f}")
        if acc > best_acc:
            best_c, best_acc = c, acc
    model = LogisticRegression(C=best_c, max_iter=5000, class_weight=CLASS_WEIGHT).fit(M, y)
    names = vec.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {}
    for k, role in enumerate(model.classes_):
        w = {name: round(float(v), 4) for name, v in zip(names, model.coef_[k]) if abs(v) >= 1e-4}
        w["bias"] = round(w.get("bias", 0.0) + float(model.intercept_[k]), 4)
        weights[str(role)] = dict(sorted(w.items()))
    for role in roles.ROLES:
        weights.setdefault(role, {"bias": -10.0})
    n_real = sum(1 for d in docs if d[0].startswith("real:"))
    fitted_on = (f"{len(y)} units of {len(docs)} documents: the segmentation set's dev and dev-b "
                 f"splits and {n_real} documents of the real-news benchmark's dev events; "
                 f"C={best_c}, grouped 5-fold accuracy {best_acc:.3f}")
    print(f"chose C={best_c}: {fitted_on}")
    if not args.dry_run:
        args.out.write_text(json.dumps({"fitted_on": fitted_on, "weights": weights}, indent=1,
                                       ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
