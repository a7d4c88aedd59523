"""Align: find which readout sentences each account sentence reports.

The alignment is unordered (accounts reorder), many-to-many (one readout sentence may be reported
by several account sentences, one account sentence may draw on several readout sentences), and
it finds an account sentence that quotes only a fragment of a readout sentence.

Every candidate pair gets two kinds of evidence:

* the calibrated probability from :mod:`readout_compare.similarity` that the two sentences say
  the same thing (the paraphrase decision, fitted on MSRP train);
* the runs of consecutive words the two share, which find verbatim reuse and quoted fragments
  that a whole-sentence score dilutes.

Sharing names is not sharing a claim: the runs that count for a fragment must hold content words
other than names ("Secretary of Defense Pete Hegseth" alone reports nothing).
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from readout_compare.diff import word_diff
from readout_compare.model import KIND_ORDER, Document, Match, MatchKind, Sentence, Settings
from readout_compare.similarity import (
    Model,
    Profile,
    default_model,
    features,
    longest_common_run,
    profile,
)

# Share of the readout sentence reproduced in runs of 3+ words for a match to be verbatim.
VERBATIM_COVERAGE = 0.8
VERBATIM_MIN_RUN = 3
# Candidate pruning for large comparisons (see candidates()); measured in docs/performance.md.
EXHAUSTIVE_PAIRS = 20_000
# Past this many pairs, alignment runs in worker processes, one per core (up to MAX_WORKERS).
PARALLEL_PAIRS = 1_000_000
MAX_WORKERS = 4
COMMON_SHARE = 0.05
COMMON_MIN_DF = 20
MIN_SHARED_WEIGHT = 0.2
CANDIDATES_PER_SENTENCE = 10
RELATIVE_SHARE = 0.5


@dataclass(frozen=True)
class Pair:
    """One scored candidate pair, before it is judged a match or not."""

    readout: Sentence
    account: Sentence
    score: float
    readout_coverage: float  # readout words in shared runs of VERBATIM_MIN_RUN+ words
    account_coverage: float  # account words in shared runs, or found in the readout sentence
    fragment: int  # most content words (not names) that one shared run of words holds


@dataclass
class AlignStats:
    """How much work the alignment did; the regression guard for sub-quadratic cost reads it."""

    pairs_possible: int = 0
    pairs_scored: int = 0


def align(
    readout: Document,
    account: Document,
    settings: Settings,
    *,
    model: Model | None = None,
    stats: AlignStats | None = None,
    readout_profiles: dict[str, Profile] | None = None,
) -> dict[str, tuple[Match, ...]]:
    """Matches for every body sentence of the account, keyed by account sentence id.

    Large comparisons (:data:`PARALLEL_PAIRS` pairs or more) split the account's sentences
    between worker processes, one per core; each scores its share against the whole readout.
    """
    model = model or default_model()
    r_sents = readout.body
    a_sents = account.body
    r_prof = readout_profiles or {s.id: profile(s.text) for s in r_sents}
    total = len(r_sents) * len(a_sents)
    exhaustive = total <= EXHAUSTIVE_PAIRS
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if total >= PARALLEL_PAIRS and workers > 1 and "fork" in mp.get_all_start_methods():
        chunks = [a_sents[i::workers] for i in range(workers)]
        global _WORK
        _WORK = (r_sents, r_prof, settings, model, exhaustive)
        try:
            context = mp.get_context("fork")  # the readout's index is shared, not copied
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                parts = list(pool.map(_align_part, chunks))
        finally:
            _WORK = None
    else:
        parts = [_align_sentences(r_sents, r_prof, a_sents, settings, model, exhaustive)]
    result: dict[str, tuple[Match, ...]] = {}
    for found, scored in parts:
        result.update(found)
        if stats is not None:
            stats.pairs_scored += scored
    if stats is not None:
        stats.pairs_possible += total
    return {s.id: result.get(s.id, ()) for s in a_sents}


# Alignment work handed to forked worker processes (set only while a pool runs).
_WORK: tuple | None = None


def _align_part(a_sents: tuple[Sentence, ...]) -> tuple[dict[str, tuple[Match, ...]], int]:
    assert _WORK is not None
    r_sents, r_prof, settings, model, exhaustive = _WORK
    return _align_sentences(r_sents, r_prof, a_sents, settings, model, exhaustive)


def _align_sentences(
    r_sents: tuple[Sentence, ...],
    r_prof: dict[str, Profile],
    a_sents: tuple[Sentence, ...],
    settings: Settings,
    model: Model,
    exhaustive: bool,
) -> tuple[dict[str, tuple[Match, ...]], int]:
    """(matches per account sentence, pairs scored) for some account sentences."""
    a_prof = {s.id: profile(s.text) for s in a_sents}
    pairs = score_pairs(
        [
            (r_sent, a_sent, r_prof[r_sent.id], a_prof[a_sent.id])
            for a_sent, r_ids in candidates(r_sents, r_prof, a_sents, a_prof, exhaustive)
            for r_sent in r_ids
        ],
        model,
    )
    by_account: dict[str, list[Match]] = defaultdict(list)
    for pair in pairs:
        kind = judge(pair, settings, model)
        if kind is not None:
            by_account[pair.account.id].append(
                Match(
                    readout_sentence=pair.readout.id,
                    score=round(pair.score, 3),
                    kind=kind,
                    readout_coverage=round(pair.readout_coverage, 3),
                    account_coverage=round(pair.account_coverage, 3),
                    diff=word_diff(pair.readout.text, pair.account.text),
                )
            )
    found = {
        a_id: tuple(sorted(ms, key=lambda m: (KIND_ORDER[m.kind], -m.score)))
        for a_id, ms in by_account.items()
    }
    return found, len(pairs)




def candidates(
    r_sents: tuple[Sentence, ...],
    r_prof: dict[str, Profile],
    a_sents: tuple[Sentence, ...],
    a_prof: dict[str, Profile],
    exhaustive: bool,
) -> list[tuple[Sentence, list[Sentence]]]:
    """For each account sentence, the readout sentences worth scoring.

    An inverted index from word stems to readout sentences proposes the readout sentences that
    share a content stem with the account sentence. A pair that shares no content stem cannot
    report the same claim, so nothing is lost by not scoring it; small comparisons (up to
    :data:`EXHAUSTIVE_PAIRS` pairs) score every such pair.

    Larger ones prune, so the cost grows with the text and not with its square: stems in more
    than :data:`COMMON_SHARE` of the readout's sentences are not followed in the index (they
    name no claim), and a readout sentence stays a candidate only if the rarity (idf) of what
    the two share is at least :data:`MIN_SHARED_WEIGHT` of the lighter sentence's own, and its
    Dice share of rarity is at least :data:`RELATIVE_SHARE` of the best candidate's, keeping
    the best :data:`CANDIDATES_PER_SENTENCE`.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(r_sents):
        for st in r_prof[s.id].stems:
            index[st].append(i)
    n = max(len(r_sents), 1)
    idf = {st: math.log(1 + n / len(ids)) for st, ids in index.items()}
    common = max(COMMON_MIN_DF, COMMON_SHARE * n)
    r_weight = [sum(idf[st] for st in r_prof[s.id].stems) for s in r_sents]
    out = []
    for a in a_sents:
        weight: dict[int, float] = defaultdict(float)
        a_total = 0.0
        for st in a_prof[a.id].stems:
            ids = index.get(st, ())
            a_total += idf.get(st, math.log(1 + n))
            if not exhaustive and len(ids) > common:
                continue
            for i in ids:
                weight[i] += idf[st]
        if exhaustive:
            chosen = sorted(weight)
        else:
            # Rank by the Dice share of rarity, which, like the model, favours pairs that share
            # most of what both say over long sentences that share a little of everything.
            share = {i: 2 * w / (a_total + r_weight[i]) for i, w in weight.items()
                     if w >= MIN_SHARED_WEIGHT * min(a_total, r_weight[i])}
            kept = sorted(share, key=lambda i: -share[i])
            if kept:
                floor = RELATIVE_SHARE * share[kept[0]]
                kept = [i for i in kept if share[i] >= floor]
            chosen = sorted(kept[:CANDIDATES_PER_SENTENCE])
        out.append((a, [r_sents[i] for i in chosen]))
    return out


def score_pair(r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, model: Model) -> Pair:
    """Score one candidate pair with both kinds of evidence."""
    return score_pairs([(r_sent, a_sent, r, a)], model)[0]


def score_pairs(
    items: list[tuple[Sentence, Sentence, Profile, Profile]], model: Model
) -> list[Pair]:
    """Score many candidate pairs, the model applied to all of them at once."""
    if not items:
        return []
    runs = [longest_common_run(r.words, a.words, r.claim_words) for _, _, r, a in items]
    scores = model.probabilities(
        [features(a, r, run=run) for (_, _, r, a), (run, _) in zip(items, runs)]
    )
    return [
        _evidence(r_sent, a_sent, r, a, float(score), run, fragment)
        for (r_sent, a_sent, r, a), score, (run, fragment) in zip(items, scores, runs)
    ]


def _evidence(
    r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, score: float, run: int,
    fragment: int,
) -> Pair:
    # Readout words inside runs of VERBATIM_MIN_RUN+ words that the account shares.
    if len(r.words) < VERBATIM_MIN_RUN:
        # A one- or two-word readout "sentence" ("TV.", a stray heading) is reproduced only by
        # an account sentence that says just that, not by every sentence containing the word.
        readout_coverage = 1.0 if r.words and r.words == a.words else 0.0
    else:
        covered = [False] * len(r.words)
        for i in range(len(r.words) - VERBATIM_MIN_RUN + 1):
            if r.words[i : i + VERBATIM_MIN_RUN] in a.trigrams:
                covered[i : i + VERBATIM_MIN_RUN] = [True] * VERBATIM_MIN_RUN
        readout_coverage = sum(covered) / len(r.words)
    # The account side: content words whose stems the readout sentence has.
    from_readout = sum(1 for st in a.content_stems if st in r.stems)
    account_coverage = from_readout / len(a.content_stems) if a.content_stems else 0.0
    return Pair(r_sent, a_sent, score, readout_coverage, account_coverage, fragment)


def judge(pair: Pair, settings: Settings, model: Model) -> MatchKind | None:
    """Decide whether a scored pair is a match, and of which kind."""
    threshold = settings.threshold if settings.threshold is not None else model.threshold
    if pair.readout_coverage >= VERBATIM_COVERAGE:
        return "verbatim"
    if pair.score >= threshold and pair.fragment >= 1:
        return "paraphrase"
    if pair.fragment >= settings.partial_min_words:
        # A quoted or copied fragment: a run of several content words, not just names.
        return "partial"
    if pair.account_coverage >= 0.75 and pair.score >= threshold / 2:
        # Most of what the account sentence says comes from this readout sentence, which
        # says more: a paraphrase of part of it.
        return "partial"
    return None
