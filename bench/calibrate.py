"""Fit the sentence-pair model on the MSRP train split and write readout_compare/calibration.json.

    python bench/calibrate.py

Only the train split is read. The regularisation strength and the decision threshold are chosen
by 5-fold cross-validation on train (accuracy), then the model is refitted on all of train.
The test split is for bench/accuracy.py alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import msrp  # noqa: E402

from readout_compare.similarity import FEATURES, features, profile  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "readout_compare" / "calibration.json"


def feature_matrix(rows: list[tuple[int, str, str]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([features(profile(a), profile(b)) for _, a, b in rows])
    y = np.array([label for label, _, _ in rows])
    return x, y


def main() -> None:
    x, y = feature_matrix(msrp("train"))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    best = None
    for c in (0.1, 0.3, 1.0, 3.0, 10.0, 30.0):
        p = cross_val_predict(
            LogisticRegression(C=c, max_iter=10000), x, y, cv=folds, method="predict_proba"
        )[:, 1]
        for t in np.round(np.arange(0.30, 0.71, 0.01), 2):
            acc = float(((p >= t) == y).mean())
            if best is None or acc > best[0] + 1e-9:
                best = (acc, c, float(t))
    assert best is not None
    acc, c, threshold = best
    model = LogisticRegression(C=c, max_iter=10000).fit(x, y)
    OUT.write_text(
        json.dumps(
            {
                "fitted_on": "MSRP train (4,076 pairs), logistic regression, "
                f"C={c} and threshold chosen by 5-fold CV accuracy ({acc:.4f})",
                "features": list(FEATURES),
                "weights": [round(float(w), 6) for w in model.coef_[0]],
                "bias": round(float(model.intercept_[0]), 6),
                "threshold": threshold,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"train 5-fold CV: accuracy={acc:.4f} at C={c} threshold={threshold}; wrote {OUT}")


if __name__ == "__main__":
    main()
