"""Measure the matcher on externally labelled data and write docs/accuracy.md.

    python bench/accuracy.py            # needs ../shared/data (or READOUT_COMPARE_DATA)

Prints one line per dataset and writes the full tables, a precision-recall plot
(docs/img/msrp-precision-recall.png) and the command to docs/accuracy.md.

Nothing is fitted here: the model and threshold come from readout_compare/calibration.json,
which bench/calibrate.py fits on MSRP train only. Test splits are read for reporting.
"""

from __future__ import annotations

import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import clough_stevenson, cs_source, msrp, sts
from scoring import judge, score_pair

from readout_compare import __version__, compare
from readout_compare.model import Sentence, Settings
from readout_compare.similarity import default_model, profile

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "accuracy.md"
PLOT = ROOT / "docs" / "img" / "msrp-precision-recall.png"


def _sentence(text: str) -> Sentence:
    return Sentence(id="x", text=text, start=0, end=len(text), role="body", paragraph=0)


def pair_decisions(rows: list[tuple[int, str, str]]):
    """For each pair: (label, model score, aligner kind or None)."""
    model = default_model()
    settings = Settings(threshold=model.threshold)
    out = []
    for label, a, b in rows:
        pair = score_pair(_sentence(a), _sentence(b), profile(a), profile(b), model)
        out.append((label, pair.score, judge(pair, settings, model)))
    return out


def metrics(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = float(np.sum(pred & (y == 1)))
    precision = tp / max(float(np.sum(pred)), 1.0)
    recall = tp / max(float(np.sum(y == 1)), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float(np.mean(pred == (y == 1))), "f1": f1,
            "precision": precision, "recall": recall}


def fmt(m: dict[str, float]) -> str:
    return " ".join(f"{k}={m[k]:.3f}" for k in ("accuracy", "f1", "precision", "recall"))


def best_single_scorer() -> tuple[str, float, dict[str, float]]:
    """The best single rapidfuzz scorer with a threshold fitted on train, evaluated on test."""
    from rapidfuzz import fuzz

    from readout_compare.normalize import normalize

    train, test = msrp("train"), msrp("test")
    best = None
    for name in ("ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "WRatio", "QRatio"):
        scorer = getattr(fuzz, name)
        s_tr = np.array([scorer(normalize(a), normalize(b)) for _, a, b in train])
        y_tr = np.array([lbl for lbl, _, _ in train])
        t = max(range(101), key=lambda t: np.mean((s_tr >= t) == (y_tr == 1)))
        acc_tr = float(np.mean((s_tr >= t) == (y_tr == 1)))
        if best is None or acc_tr > best[1]:
            best = (name, acc_tr, t, scorer)
    assert best is not None
    name, _, t, scorer = best
    s_te = np.array([scorer(normalize(a), normalize(b)) for _, a, b in test])
    y_te = np.array([lbl for lbl, _, _ in test])
    return f"fuzz.{name} ≥ {t} (threshold fitted on train)", t, metrics(y_te, s_te >= t)


def pr_curve(y: np.ndarray, scores: np.ndarray, threshold: float) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    order = np.argsort(-scores)
    ys = (y[order] == 1).astype(float)
    tp = np.cumsum(ys)
    precision = tp / np.arange(1, len(ys) + 1)
    recall = tp / ys.sum()
    op = metrics(y, scores >= threshold)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=110)
    ax.plot(recall, precision, color="#1f4e79", lw=2, label="readout-compare model (MSRP test)")
    ax.axhline(np.mean(y == 1), color="#888", ls="--", lw=1, label="always 'paraphrase' (66.5%)")
    ax.plot([op["recall"]], [op["precision"]], "o", color="#a3141d", ms=9,
            label=f"operating point p ≥ {threshold:.2f}: P={op['precision']:.3f} R={op['recall']:.3f}")
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1.01)
    ax.set_ylim(0.5, 1.01)
    ax.set_title("MSRP test: precision against recall")
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    PLOT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(PLOT)


def correlation(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    def ranks(v: np.ndarray) -> np.ndarray:
        order = np.argsort(v, kind="mergesort")
        r = np.empty(len(v))
        r[order] = np.arange(len(v))
        # average ties
        for value in np.unique(v):
            idx = v == value
            if idx.sum() > 1:
                r[idx] = r[idx].mean()
        return r

    pearson = float(np.corrcoef(x, y)[0, 1])
    spearman = float(np.corrcoef(ranks(x), ranks(y))[0, 1])
    return pearson, spearman


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main() -> None:
    t0 = time.perf_counter()
    model = default_model()
    lines: list[str] = []

    # MSRP
    decisions = pair_decisions(msrp("test"))
    y = np.array([d[0] for d in decisions])
    scores = np.array([d[1] for d in decisions])
    kinds = [d[2] for d in decisions]
    full = np.array([k in ("verbatim", "paraphrase") for k in kinds])
    any_match = np.array([k is not None for k in kinds])
    model_only = scores >= model.threshold
    m_full = metrics(y, full)
    print(f"msrp test: {fmt(m_full)}")
    single_name, _, m_single = best_single_scorer()
    pr_curve(y, scores, model.threshold)

    # STS-B news rows
    sts_rows = sts("test", ("main-news",))
    sts_dec = pair_decisions([(0, a, b) for _, a, b in sts_rows])
    gold = np.array([g for g, _, _ in sts_rows])
    pearson, spearman = correlation(np.array([d[1] for d in sts_dec]), gold)
    print(f"sts-b test (news, {len(sts_rows)} pairs): pearson={pearson:.3f} spearman={spearman:.3f}")

    # Clough & Stevenson
    shares: dict[str, list[float]] = defaultdict(list)
    for _file, task, category, text in clough_stevenson():
        acc = compare(cs_source(task), [text]).accounts[0]
        body = [s for s in acc.sentences if s.status]
        matched = sum(1 for s in body if s.status != "not_in_readout")
        shares[category].append(matched / len(body) if body else 0.0)
    derived = shares["cut"] + shares["light"] + shares["heavy"]
    cs_auc = auc(derived, shares["non"])
    thresholds = sorted(set(derived + shares["non"]))
    best_t = max(thresholds, key=lambda t: sum(d >= t for d in derived) + sum(n < t for n in shares["non"]))
    cs_acc = (sum(d >= best_t for d in derived) + sum(n < best_t for n in shares["non"])) / (
        len(derived) + len(shares["non"]))
    fixed_acc = (sum(d >= 0.5 for d in derived) + sum(n < 0.5 for n in shares["non"])) / (
        len(derived) + len(shares["non"]))
    print(f"clough-stevenson: auc={cs_auc:.3f} accuracy_at_0.5={fixed_acc:.3f} "
          + " ".join(f"{c}={np.mean(shares[c]):.3f}" for c in ("cut", "light", "heavy", "non")))
    elapsed = time.perf_counter() - t0

    # Examples of failures on MSRP test, for the docs.
    test_rows = msrp("test")
    fp = [(s, r) for s, r, d, f in zip(scores, test_rows, y, full) if f and d == 0]
    fn = [(s, r) for s, r, d, f in zip(scores, test_rows, y, full) if not f and d == 1]
    fp.sort(key=lambda t: -t[0])
    fn.sort(key=lambda t: t[0])

    lines += [
        "# Accuracy",
        "",
        "How often readout-compare is right. Real news comes first: real readouts and the real "
        "stories that report them, labelled by hand (the section below, written by "
        "`bench/real.py`); every accuracy claim of the project is judged there. Then the "
        "matcher on the project's own labelled readouts and accounts (the in-domain section, "
        "written by `bench/matching.py`), and on data nobody on this project labelled "
        "(`../shared/data/`, see its README), the out-of-domain check. Everything fitted (feature weights, decision thresholds) was "
        "fitted on training or development splits only by `bench/calibrate.py`; test and "
        "held-out splits are read only for reporting.",
        "",
        "The sections after the real-news one are produced by:",
        "",
        "```sh",
        "pip install '.[bench]' && python bench/calibrate.py && python bench/accuracy.py",
        "```",
        "",
        f"readout-compare {__version__}, Python {platform.python_version()}, {elapsed:.0f} s. "
        f"Model: {model.fitted_on}; threshold p ≥ {model.threshold}.",
        "",
        "## MSRP test (1,725 pairs)",
        "",
        "The sentence-pair decision of the aligner: a pair counts as the account sentence "
        "reporting the readout sentence when the aligner calls it `verbatim` or `paraphrase` "
        "(a whole report; see [alignment.md](alignment.md)). MSRP's label is whether the two "
        "sentences are paraphrases, so that is the decision it measures.",
        "",
        "| decision | accuracy | F1 | precision | recall |",
        "| --- | --- | --- | --- | --- |",
        _row("**aligner: verbatim or paraphrase (default)**", m_full),
        _row("calibrated model alone (p ≥ threshold)", metrics(y, model_only)),
        _row("aligner, partial matches counted too", metrics(y, any_match)),
        _row(f"best single rapidfuzz scorer: {single_name}", m_single),
        _row("always 'paraphrase'", metrics(y, np.ones_like(y, dtype=bool))),
        "",
        "Published reference points (accuracy / F1): Mihalcea et al. 2006 70.3 / 81.3; "
        "Qiu et al. 2006 72.0 / 81.6; Wan et al. 2006 75.6 / 83.0 (the best classic lexical "
        "systems); large fine-tuned transformers about 90.",
        "",
        "Counting partial matches lowers accuracy on MSRP by design: MSRP labels a pair where one "
        "sentence carries extra facts as *not* a paraphrase, which is exactly what the aligner's "
        "`partial` kind reports (a readout sentence reported only in part).",
        "",
        f"![Precision against recall on MSRP test, with the operating point marked](img/{PLOT.name})",
        "",
        "### Is the score a probability?",
        "",
        "The paraphrase model's score is its probability that the pair is a paraphrase (a "
        "match's `score` in a report is its confidence: the larger of this and the in-domain "
        "model's probability, see alignment.md). On MSRP test, the share of pairs labelled "
        "paraphrase among those given each paraphrase-model score:",
        "",
        "| score | pairs | labelled paraphrase |",
        "| --- | --- | --- |",
        *_reliability(y, scores),
        "",
        "## STS Benchmark, news rows (test split)",
        "",
        f"Correlation between the model's score and the human similarity score (0–5) on the "
        f"{len(sts_rows)} `main-news` pairs of the test split: **Pearson {pearson:.3f}, "
        f"Spearman {spearman:.3f}**. The model is trained for a yes/no decision, not a graded "
        "score, so this says how well its probability orders pairs by similarity.",
        "",
        "## Clough & Stevenson: how much of each answer comes from its source",
        "",
        "Each of the 95 short answers is compared with its Wikipedia source text as if the source "
        "were the readout; the share of the answer's sentences matched to the source:",
        "",
        "| category | answers | mean share matched | min | max |",
        "| --- | --- | --- | --- | --- |",
    ]
    for c in ("cut", "light", "heavy", "non"):
        v = shares[c]
        lines.append(f"| {c} | {len(v)} | {np.mean(v):.3f} | {min(v):.3f} | {max(v):.3f} |")
    lines += [
        "",
        f"Separating derived answers (cut, light, heavy) from independently written ones (non): "
        f"**AUC {cs_auc:.3f}**; accuracy {fixed_acc:.3f} with the fixed rule \"half or more of the "
        f"sentences matched\"; {cs_acc:.3f} at the best threshold on this same data "
        f"({best_t:.2f}, in-sample and so optimistic).",
        "",
        "## Known failure modes",
        "",
        "Examples from MSRP test (the label is MSRP's; the score is the model's probability):",
        "",
        "**Matched, but MSRP says not a paraphrase**: one side adds or changes a fact in "
        "otherwise shared wording. The divergence rules catch some of these (numbers, dates); "
        "others read as a full report.",
        "",
    ]
    for s, (_, a, b) in fp[:3]:
        lines += [f"- p={s:.2f}: “{a}” / “{b}”"]
    lines += [
        "",
        "**Missed, though MSRP says paraphrase**: the same content in different words, which a "
        "lexical matcher cannot see; such a readout sentence would be reported as omitted.",
        "",
    ]
    for s, (_, a, b) in fn[:3]:
        lines += [f"- p={s:.2f}: “{a}” / “{b}”"]
    lines += [
        "",
        "Other limits to keep in mind:",
        "",
        "- A verbatim quotation inside a longer sentence gets a low paraphrase-model score; it "
        "is found by shared runs of words instead (see alignment.md), and its match's score is "
        "at least the share of the readout sentence it reproduces.",
        "- Names are not evidence of a claim: two sentences about the same people but different "
        "claims are kept apart. Names count only towards the event (who spoke with whom, when), "
        "and a match on the event alone does not make the account's claim the readout's.",
        "- The in-domain model matches more of what independently written texts on the same "
        "topic say alike (Clough & Stevenson's `non` answers above): on a comparison of two "
        "texts about one narrow subject, read a `partial` match's evidence before printing it.",
        "- The model was fitted on MSRP news pairs; on other registers (transcripts, legal text) "
        "the calibration may drift.",
        "",
        "## What was tried",
        "",
        "Chosen by 5-fold cross-validation accuracy on MSRP train (test untouched):",
        "",
        "| model | CV accuracy on train |",
        "| --- | --- |",
        "| logistic regression, 18 features (rapidfuzz measures, word and stem overlap, runs, numbers) | 0.754 |",
        "| + character 3–5-gram Dice, word 1–4-gram precision both ways, unshared content counts, WRatio (33 features) | 0.763 |",
        "| gradient-boosted trees (HistGradientBoosting) on the 33 features | 0.761 |",
        "| logistic regression over the degree-2 expansion of the 33 features (594 terms) | 0.776 |",
        "| logistic regression, the 33 features, standardised | 0.762 |",
        "| **the same without `partial_ratio` and `WRatio` (31 features; default)** | **0.761** |",
        "",
        "The degree-2 model scored best in cross-validation but was rejected on the reference "
        "case: outside MSRP's range of sentence pairs (an account sentence twice as long as the "
        "readout sentence, sharing names and a date) its products extrapolate, and it gave the "
        "wire's \"unilateral action\" sentence p = 1.00 against the readout's opening sentence and "
        "the Post's collusion sentence p = 0.77 against the readout's priority sentence, both "
        "wrong. The linear model is monotone in every feature and kept the reference case right. "
        "Gradient-boosted trees did not help in cross-validation and would have needed a tree "
        "evaluator in the package. (`python bench/calibrate.py --expansion degree-2 --dry-run` "
        "repeats the degree-2 experiment on the current features.) The two rapidfuzz scorers that look for "
        "the best-matching substring (`partial_ratio`, and `WRatio`, which calls it) were dropped: "
        "they cost about 30 µs of the 65 µs a pair took, and cross-validation did not miss them "
        "(0.761 against 0.762, within a fold's noise). Adding character- and word-level LCS "
        "(rapidfuzz `LCSseq`) did not help either (0.761).",
        "",
    ]
    # The real-news section is bench/real.py's (--write-docs, and the history of its held-out
    # runs written by hand); the in-domain section is bench/matching.py's; keep both.
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    real = old.find("## Real news")
    if real >= 0:
        end = old.find("\n## In-domain", real)
        section = old[real:end + 1] if end >= 0 else old[real:] + "\n"
        at = lines.index("The sections after the real-news one are produced by:")
        lines[at:at] = [*section.rstrip("\n").split("\n"), ""]
    start = old.find("## In-domain")
    if start >= 0:
        end = old.find("\n## ", start + 1)
        section = old[start:end + 1] if end >= 0 else old[start:] + "\n"
        at = lines.index("## MSRP test (1,725 pairs)")
        lines[at:at] = [*section.rstrip("\n").split("\n"), ""]
    DOC.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)} and {PLOT.relative_to(ROOT)}", file=sys.stderr)


def _reliability(y: np.ndarray, scores: np.ndarray) -> list[str]:
    rows = []
    edges = [0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001]
    for lo, hi in zip(edges, edges[1:]):
        sel = (scores >= lo) & (scores < hi)
        if sel.any():
            rows.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {int(sel.sum())} | "
                        f"{float(np.mean(y[sel] == 1)):.1%} |")
    return rows


def _row(name: str, m: dict[str, float]) -> str:
    return (f"| {name} | {m['accuracy']:.1%} | {100 * m['f1']:.1f} | {m['precision']:.3f} | "
            f"{m['recall']:.3f} |")


if __name__ == "__main__":
    main()
