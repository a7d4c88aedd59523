"""Fit the sentence-pair model on the MSRP train split and write readout_compare/calibration.json.

    python bench/calibrate.py

Only the train split is read. The model is a logistic regression over the standardised lexical
features (``--expansion degree-2``: over their degree-2 expansion, similarity.expand, which
scores higher in cross-validation but extrapolates badly: see docs/accuracy.md); the
regularisation strength C and the
decision threshold are chosen by 5-fold cross-validation accuracy on train, then the model is
refitted on all of train and the standardisation folded into the weights. The test split is for
bench/accuracy.py alone.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import msrp

from readout_compare.similarity import FEATURES, expand, features, profile

OUT = Path(__file__).resolve().parents[1] / "readout_compare" / "calibration.json"
C_GRID = {"linear": (0.1, 0.3, 1.0, 3.0, 10.0), "degree-2": (0.02, 0.05, 0.1, 0.2, 0.5)}


def feature_matrix(rows: list[tuple[int, str, str]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([features(profile(a), profile(b)) for _, a, b in rows])
    y = np.array([label for label, _, _ in rows])
    return x, y


def pipeline(c: float):
    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=20000))


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expansion", choices=("linear", "degree-2"), default="linear")
    parser.add_argument("--dry-run", action="store_true", help="report CV accuracy, write nothing")
    parser.add_argument("--domain", action="store_true",
                        help="fit only the in-domain decision, on bench/data/matching-dev.txt")
    parser.add_argument("--summary", action="store_true",
                        help="fit only the summary decision, on the real news benchmark's dev "
                        "events (their texts must be in bench/real/texts)")
    parser.add_argument("--events", default=None,
                        help="with --summary or --real: these dev events only (comma-separated; "
                        "for measuring on the others)")
    parser.add_argument("--real", action="store_true",
                        help="with --domain: fit on the real news benchmark's dev pairs too")
    args = parser.parse_args()
    events = args.events.split(",") if args.events else None
    if args.domain:
        fit_domain(args.dry_run, real=args.real, events=events)
        return
    if args.summary:
        fit_summary(args.dry_run, events)
        return
    x, y = feature_matrix(msrp("train"))
    z = expand(x) if args.expansion == "degree-2" else x
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    best = None
    for c in C_GRID[args.expansion]:
        p = cross_val_predict(pipeline(c), z, y, cv=folds, method="predict_proba")[:, 1]
        for t in np.round(np.arange(0.30, 0.71, 0.01), 2):
            acc = float(((p >= t) == y).mean())
            if best is None or acc > best[0] + 1e-9:
                best = (acc, c, float(t))
        print(f"C={c}: best CV accuracy so far {best[0]:.4f}", file=sys.stderr)
    assert best is not None
    acc, c, threshold = best
    if args.dry_run:
        print(f"{args.expansion}: train 5-fold CV accuracy={acc:.4f} at C={c} threshold={threshold}")
        return
    weights, bias = _folded(pipeline(c).fit(z, y))
    previous = json.loads(OUT.read_text("utf-8")) if OUT.exists() else {}
    OUT.write_text(
        json.dumps(
            {
                "domain": previous.get("domain"),
                "summary": previous.get("summary"),
                "fitted_on": f"MSRP train (4,076 pairs): logistic regression ({args.expansion}) "
                f"over {len(FEATURES)} lexical features, C={c} and threshold chosen by 5-fold "
                f"CV accuracy ({acc:.4f})",
                "features": list(FEATURES),
                "expansion": args.expansion,
                "weights": [float(f"{w:.6g}") for w in weights],
                "bias": float(f"{bias:.6g}"),
                "threshold": threshold,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"train 5-fold CV: accuracy={acc:.4f} at C={c} threshold={threshold}; wrote {OUT}")


def _c_by_log_loss(x, y, groups, folds, grid):  # type: ignore[no-untyped-def]
    """(log loss, C, cross-validated probabilities) of the regularisation strength in ``grid``
    whose grouped cross-validated probabilities have the least log loss."""
    fits = []
    for c in grid:
        p = cross_val_predict(pipeline(c), x, y, cv=folds, groups=groups,
                              method="predict_proba")[:, 1]
        p = np.clip(p, 1e-9, 1 - 1e-9)
        fits.append((float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), c, p))
    return min(fits, key=lambda f: f[0])


def _folded(model):  # type: ignore[no-untyped-def]
    """The fitted pipeline's weights and bias with the standardisation folded in, so the
    package evaluates it without the scaler (similarity.Linear)."""
    scaler, lr = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    weights = lr.coef_[0] / scaler.scale_
    bias = float(lr.intercept_[0] - np.sum(lr.coef_[0] * scaler.mean_ / scaler.scale_))
    return weights, bias


def _write_section(name: str, model, features, threshold: float,  # type: ignore[no-untyped-def]
                   fitted_on: str) -> None:
    """Write one fitted linear decision into its section of calibration.json."""
    weights, bias = _folded(model)
    data = json.loads(OUT.read_text("utf-8"))
    data[name] = {
        "fitted_on": fitted_on,
        "features": list(features),
        "weights": [float(f"{w:.6g}") for w in weights],
        "bias": float(f"{bias:.6g}"),
        "threshold": threshold,
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote the {name} section of {OUT}")


# The in-domain decision must be right when it says "reported": the threshold is the lowest
# whose cross-validated precision on the development stories reaches this. With the real news
# benchmark's pairs (most of the rows, and labelled less strictly than the written stories),
# the second: the precision the model fitted on the written stories alone has on those pairs.
DOMAIN_PRECISION = 0.97
DOMAIN_PRECISION_REAL = 0.93


def fit_domain(dry_run: bool, *, real: bool = False, events: list[str] | None = None) -> None:
    """Fit the in-domain decision: a logistic model over scoring.DOMAIN_FEATURES on every pair
    of the development stories (bench/data/matching-dev.txt), label 1 when the account
    sentence reports all or part of the readout sentence. C (by log loss) and the threshold
    (by precision) are chosen by cross-validation grouped by story, so no story is scored by
    a model that saw it. ``real``: the real news benchmark's dev pairs too (real_pairs)."""
    from matching import labelled_pairs
    from sklearn.model_selection import GroupKFold

    from readout_compare.scoring import DOMAIN_FEATURES, domain_features

    rows = [(story, domain_features(p), 1 if label in ("full", "part") else 0)
            for story, p, label in labelled_pairs("dev")]
    if real:
        rows += real_pairs(events)
    x = np.array([f for _, f, _ in rows])
    y = np.array([label for _, _, label in rows])
    groups = [story for story, _, _ in rows]
    # C by cross-validated log loss (the probability is shown to users as the match's
    # confidence, so it should be calibrated), then the threshold by the precision target.
    loss, c, p = _c_by_log_loss(x, y, groups, GroupKFold(n_splits=5),
                                (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0))
    best = None
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        pred = p >= t
        if not pred.any():
            continue
        precision = float((pred & (y == 1)).sum() / pred.sum())
        recall = float((pred & (y == 1)).sum() / (y == 1).sum())
        if precision >= (DOMAIN_PRECISION_REAL if real else DOMAIN_PRECISION) and (best is None or recall > best[0] + 1e-9):
            best = (recall, precision, c, float(t))
    assert best is not None, "no threshold reaches the precision target"
    recall, precision, c, threshold = best
    print(f"domain: {len(rows)} pairs, {int(y.sum())} reports; grouped 5-fold CV "
          f"precision={precision:.3f} recall={recall:.3f} at C={c} threshold={threshold}")
    if dry_run:
        return
    what = "bench/data/matching-dev.txt" + (
        " and the real news benchmark's dev pairs" if real else "")
    _write_section(
        "domain", pipeline(c).fit(x, y), DOMAIN_FEATURES, threshold,
        f"{what} ({len(rows)} pairs, {int(y.sum())} reports): "
        f"logistic regression, C={c} (grouped 5-fold CV log loss {loss:.4f}); threshold is "
        f"the one with the most recall at grouped 5-fold CV "
        f"precision >= {DOMAIN_PRECISION_REAL if real else DOMAIN_PRECISION} (precision {precision:.3f}, recall {recall:.3f})")


def _labelled_dev_events(events: list[str] | None) -> Iterator[tuple[Any, list[Any], list[tuple[Any, str]]]]:
    """The real news benchmark's dev events (or ``events`` of them), each as (event, its
    readout's labelled body units as sentences, [(account, its text)] for the accounts in the
    readout's language)."""
    import reallabels as rl

    from readout_compare import language

    for event_dir in sorted((Path(__file__).resolve().parent / "real" / "events").iterdir()):
        event = rl.load_event(event_dir)
        if event.split != "dev" or (events is not None and event.id not in events):
            continue
        texts = {d: rl.read_text(event.id, d) for d in event.docs}
        r_text = texts["readout"]
        r_sents = [_sentence(r_text, u) for u in event.readout.body]
        yield event, r_sents, [(acc, texts[acc.id]) for acc in event.accounts
                               if language.detect(texts[acc.id]) == language.detect(r_text)]


def _sentence(text: str, unit: Any) -> Any:
    """A labelled unit as a body sentence of the package's model."""
    from readout_compare.model import Sentence

    return Sentence(id=unit.id, text=text[unit.start:unit.end], start=unit.start, end=unit.end,
                    role="body", paragraph=0)


def real_pairs(events: list[str] | None) -> list[tuple[str, list[float], int]]:
    """(event, DOMAIN_FEATURES, label) for every pair of a labelled readout body unit and a
    labelled account body unit of the real news benchmark's dev events (the two in one
    language): label 1 when the labeller links the account unit to the readout unit as
    verbatim, paraphrase or partial. Pairs linked only as a mention of the event are left out
    (the event decision, not this one, judges them)."""
    from readout_compare.scoring import domain_features, key_spread, score_pairs
    from readout_compare.similarity import default_model, profile

    model = default_model()
    out = []
    for event, r_sents, accounts in _labelled_dev_events(events):
        r_prof = {s.id: profile(s.text) for s in r_sents}
        spread = key_spread(r_prof.values())
        for acc, a_text in accounts:
            for u in acc.body:
                if u.verdict is None:
                    continue
                a = _sentence(a_text, u)
                a_prof = profile(a.text)
                kinds = dict(u.links)
                items = [(r, a, r_prof[r.id], a_prof) for r in r_sents
                         if kinds.get(r.id) != "event"]
                for (r, *_), pair in zip(items, score_pairs(items, model, spread)):
                    out.append((event.id, domain_features(pair), int(r.id in kinds)))
    return out


def summary_rows(events: list[str] | None) -> list[tuple[str, list[float], int]]:
    """(event, SUMMARY_FEATURES, label) for every labelled account body unit of the real
    news benchmark's dev events that no single readout unit accounts for and that carries
    align.SUMMARY_MIN_SHARE of its words from the readout (the units as
    labelled, the readout and account in one language): label 1 when the labeller says the
    unit reports the readout (supported or divergent)."""
    from readout_compare.align import SUMMARY_MIN_SHARE, _second_look, decide, summary_evidence
    from readout_compare.model import Settings
    from readout_compare.scoring import key_spread, score_pairs
    from readout_compare.similarity import default_model, profile

    model, settings = default_model(), Settings()
    out = []
    for event, r_sents, accounts in _labelled_dev_events(events):
        r_prof = {s.id: profile(s.text) for s in r_sents}
        whole = profile(" ".join(s.text for s in r_sents))
        spread = key_spread(r_prof.values())
        for acc, a_text in accounts:
            # A unit whose only links are mentions of the event is left out: its labellers
            # went both ways, and the scorer accepts either verdict for it.
            gold = {u.id: u.verdict in ("supported", "divergent")
                    for u in acc.body if u.verdict is not None
                    and not (u.links and all(kind == "event" for _, kind in u.links))}
            a_sents = [_sentence(a_text, u) for u in acc.body if u.id in gold]
            a_prof = {s.id: profile(s.text) for s in a_sents}
            pairs = score_pairs([(r, a, r_prof[r.id], a_prof[a.id])
                                 for a in a_sents for r in r_sents], model, spread)
            decisions = [decide(p, settings, model) for p in pairs]
            _second_look(pairs, decisions, r_prof, a_prof, settings, model)
            for a_id, (*_, share, feats) in summary_evidence(pairs, decisions, whole, r_prof,
                                                             a_prof, settings, model).items():
                if a_id in gold and share >= SUMMARY_MIN_SHARE:
                    out.append((event.id, feats, int(gold[a_id])))
    return out


# The summary decision turns "not in the readout" into "reports the readout"; the threshold is
# the one with the most cross-validated accuracy on the units it judges whose precision
# reaches this (a wrong summary costs as much as a missed one, and a reader trusts "reports").
SUMMARY_PRECISION = 0.84


def fit_summary(dry_run: bool, events: list[str] | None) -> None:
    """Fit the summary decision (align._summaries): a logistic model over
    scoring.SUMMARY_FEATURES, C by log loss and the threshold by SUMMARY_PRECISION, both by
    cross-validation grouped by event."""
    from sklearn.model_selection import GroupKFold

    from readout_compare.scoring import SUMMARY_FEATURES

    rows = summary_rows(events)
    x = np.array([f for _, f, _ in rows])
    y = np.array([label for _, _, label in rows])
    groups = [e for e, _, _ in rows]
    _, c, p = _c_by_log_loss(x, y, groups, GroupKFold(n_splits=min(6, len(set(groups)))),
                             (0.03, 0.1, 0.3, 1.0, 3.0))
    best = None
    for t in np.round(np.arange(0.30, 0.96, 0.01), 2):
        pred = p >= t
        if not pred.any():
            continue
        precision = float((pred & (y == 1)).sum() / pred.sum())
        accuracy = float((pred == y).mean())
        if precision >= SUMMARY_PRECISION and (best is None or accuracy > best[0] + 1e-9):
            best = (accuracy, precision, float(t), int(pred.sum()))
    assert best is not None, "no threshold reaches the precision target"
    accuracy, precision, threshold, called = best
    base = float((y == 0).mean())
    summary = (f"{len(rows)} units of {len(set(groups))} events, {int(y.sum())} report the "
               f"readout; grouped CV at C={c}, threshold {threshold}: {called} called summaries, "
               f"precision {precision:.3f}, accuracy {accuracy:.3f} (all 'not in the readout': "
               f"{base:.3f})")
    print("summary:", summary)
    if dry_run:
        return
    _write_section(
        "summary", pipeline(c).fit(x, y), SUMMARY_FEATURES, threshold,
        "the real news benchmark's dev account units that no single readout unit accounts for "
        f"(bench/calibrate.py --summary): {summary}")


if __name__ == "__main__":
    main()
