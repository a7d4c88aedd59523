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

import heapq
import math
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from readout_compare.diff import word_diff
from readout_compare.evidence import EventMention, Overlap, event_mention, overlap
from readout_compare.model import (
    KIND_ORDER,
    Document,
    Match,
    MatchBasis,
    MatchKind,
    Quote,
    Sentence,
    Settings,
)
from readout_compare.similarity import (
    Model,
    Profile,
    default_model,
    features,
    longest_common_run,
    profile,
)
from readout_compare.workers import fork_available, parallel_map, shared

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
# ReadoutIndex.ranked adds with numpy when its terms reach NUMPY_FROM sentences each or more on
# average (numpy costs about a microsecond a term, Python a tenth of one a sentence reached;
# measured with 16, 32 and 48 on 5,000 x 5,000 sentences and on the claims of 10 accounts),
# and then scans all its sums when at least 1/SCAN_BELOW of the sentences are reached
# (np.flatnonzero over 4,845 sums took 14 us, np.unique over 470 ids 38 us, over 50 ids 12 us).
NUMPY_FROM = 32
SCAN_BELOW = 25


@dataclass(frozen=True)
class Pair:
    """One scored candidate pair, before it is judged a match or not."""

    readout: Sentence
    account: Sentence
    score: float
    readout_coverage: float  # readout words in shared runs of VERBATIM_MIN_RUN+ words
    account_coverage: float  # account words in shared runs, or found in the readout sentence
    fragment: int  # most content words (not names) that one shared run of words holds
    overlap: Overlap  # shared keys: synonyms, variants, numbers, acronyms (evidence.py)
    part: Overlap | None  # the best pairing of one clause with the other sentence
    event: EventMention | None  # the account mentions the readout's event (call, meeting)
    negation_mismatch: bool  # one sentence denies, the other does not
    part_text: str | None = None  # the readout clause of `part`, when it is one
    # For each clause of the readout sentence (when it has several), the share of it carried.
    clause_recall: tuple[float, ...] = ()
    event_sentence: bool = False  # the readout sentence reports the event ("X spoke with Y")
    distinctive: int = 0  # shared claim keys found in no other readout sentence


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
    account_profiles: dict[str, Profile] | None = None,
) -> dict[str, tuple[Match, ...]]:
    """Matches for every body sentence of the account, keyed by account sentence id. The
    account sentences' profiles are added to ``account_profiles`` when it is given (not when
    the work was split between worker processes, whose profiles stay there).

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
    if total >= PARALLEL_PAIRS and workers > 1 and fork_available():
        # The account's sentences go out in several parts per worker, taken as workers come
        # free (this machine's two cores do not run at one speed); each worker makes the
        # readout's side once, for all its parts (made here instead, before the fork, it was
        # serial work: 5,000 x 5,000 took 5-10% longer).
        n_parts = workers * PARTS_PER_WORKER
        # Both documents are shared by the fork, not sent: a worker is sent a part's number.
        parts = parallel_map(_align_part, range(n_parts), workers,
                             shared=(r_sents, r_prof, a_sents, n_parts, settings, model,
                                     exhaustive))
    else:
        parts = [_align_sentences(r_sents, r_prof, a_sents, settings, model, exhaustive,
                                  account_profiles)]
    result: dict[str, tuple[Match, ...]] = {}
    for found, scored in parts:
        result.update(found)
        if stats is not None:
            stats.pairs_scored += scored
    if stats is not None:
        stats.pairs_possible += total
    return {s.id: result.get(s.id, ()) for s in a_sents}


def align_across_languages(
    readout: Document, account: Document
) -> dict[str, tuple[Match, ...]]:
    """Matches for an account in another language than the readout: each account sentence
    reports the readout sentence whose meaning the semantic encoder finds closest, when their
    cosine reaches :data:`semantic.CROSS_THRESHOLD`. No words can be compared, so there is no
    diff and no verbatim or partial kind: every match is a paraphrase, and says how it was made."""
    from readout_compare import semantic

    r_sents, a_sents = readout.body, account.body
    rows = semantic.similarities([s.text for s in a_sents], [s.text for s in r_sents])
    out: dict[str, tuple[Match, ...]] = {}
    for a_sent, row in zip(a_sents, rows):
        if not row:
            out[a_sent.id] = ()
            continue
        k = max(range(len(row)), key=row.__getitem__)
        score = row[k]
        out[a_sent.id] = (
            (Match(r_sents[k].id, round(score, 3), "paraphrase", 0.0, 0.0, (), "claim",
                   (f"close in meaning across languages (semantic similarity {score:.2f})",)),)
            if score >= semantic.CROSS_THRESHOLD else ()
        )
    return out


# Parts of the account per worker process in a parallel alignment.
PARTS_PER_WORKER = 8


# The readout's key spread and index, made once in each worker (a fresh fork of the parent,
# where this is never set) for all its parts.
_READOUT_SIDE: tuple[dict[str, int], ReadoutIndex] | None = None


def _align_part(part: int) -> tuple[dict[str, tuple[Match, ...]], int]:
    """Every ``n_parts``-th account sentence from the ``part``-th."""
    global _READOUT_SIDE
    r_sents, r_prof, a_sents, n_parts, settings, model, exhaustive = shared()
    if _READOUT_SIDE is None:
        _READOUT_SIDE = (key_spread(r_prof.values()), ReadoutIndex(r_sents, r_prof))
    return _align_sentences(r_sents, r_prof, a_sents[part::n_parts], settings, model, exhaustive,
                            readout_side=_READOUT_SIDE)


def _align_sentences(
    r_sents: tuple[Sentence, ...],
    r_prof: dict[str, Profile],
    a_sents: tuple[Sentence, ...],
    settings: Settings,
    model: Model,
    exhaustive: bool,
    account_profiles: dict[str, Profile] | None = None,
    *,
    readout_side: tuple[dict[str, int], ReadoutIndex] | None = None,
) -> tuple[dict[str, tuple[Match, ...]], int]:
    """(matches per account sentence, pairs scored) for some account sentences; their profiles
    are left in ``account_profiles`` when given, for the steps after alignment (and taken from
    it when already there: corpus mode compares one article with several readouts).
    ``readout_side``: the readout's key spread and index, when made already."""
    spread, index = readout_side or (key_spread(r_prof.values()),
                                     ReadoutIndex(r_sents, r_prof))
    found: dict[str, tuple[Match, ...]] = {}
    scored = 0
    # Account sentences are profiled and scored a batch at a time, so that the n-gram sets of
    # the pairs scored (about 45 KB a sentence) are freed batch by batch rather than held for
    # the whole account: a 5 MB account peaked above 1 GB. Each account sentence is judged on
    # its own, so the batches change nothing else.
    for k in range(0, len(a_sents), ALIGN_BATCH):
        batch = a_sents[k : k + ALIGN_BATCH]
        batch_found, batch_scored = _align_batch(r_sents, r_prof, batch, settings, model,
                                                 exhaustive, account_profiles, spread, index)
        found.update(batch_found)
        scored += batch_scored
    return found, scored


# Account sentences profiled and scored at a time (see _align_sentences).
ALIGN_BATCH = 2000


def _align_batch(
    r_sents: tuple[Sentence, ...],
    r_prof: dict[str, Profile],
    a_sents: tuple[Sentence, ...],
    settings: Settings,
    model: Model,
    exhaustive: bool,
    account_profiles: dict[str, Profile] | None,
    spread: dict[str, int],
    index: ReadoutIndex,
) -> tuple[dict[str, tuple[Match, ...]], int]:
    known = account_profiles if account_profiles is not None else {}
    a_prof = {s.id: known.get(s.id) or profile(s.text) for s in a_sents}
    if account_profiles is not None:
        account_profiles.update(a_prof)
    pairs = score_pairs(
        [
            (r_sent, a_sent, r_prof[r_sent.id], a_prof[a_sent.id])
            for a_sent, r_ids in candidates(r_sents, r_prof, a_sents, a_prof, exhaustive,
                                            index=index)
            for r_sent in r_ids
        ],
        model,
        spread,
    )
    decisions = [decide(pair, settings, model) for pair in pairs]
    _second_look(pairs, decisions, r_prof, a_prof, settings, model)
    by_account: dict[str, list[Match]] = defaultdict(list)
    for pair, decision in zip(pairs, decisions):
        if decision is not None:
            by_account[pair.account.id].append(
                Match(
                    readout_sentence=pair.readout.id,
                    score=round(decision.confidence, 3),
                    kind=decision.kind,
                    basis=decision.basis,
                    evidence=decision.evidence,
                    part=decision.part,
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
    *,
    max_df: int | None = None,
    terms: Callable[[Profile], frozenset[str]] | None = None,
    index: ReadoutIndex | None = None,
) -> list[tuple[Sentence, list[Sentence]]]:
    """For each account sentence, the readout sentences worth scoring.

    An inverted index from word stems to readout sentences proposes the readout sentences that
    share a content stem with the account sentence. A pair that shares no content stem cannot
    report the same claim, so nothing is lost by not scoring it; small comparisons (up to
    :data:`EXHAUSTIVE_PAIRS` pairs) score every such pair.

    Larger ones prune, so the cost grows with the text and not with its square: stems in more
    than :data:`COMMON_SHARE` of the readout's sentences (or ``max_df`` of them, when given)
    are not followed in the index (they name no claim), and a readout sentence stays a candidate only if the rarity (idf) of what
    the two share is at least :data:`MIN_SHARED_WEIGHT` of the lighter sentence's own, and its
    Dice share of rarity is at least :data:`RELATIVE_SHARE` of the best candidate's, keeping
    the best :data:`CANDIDATES_PER_SENTENCE`.
    """
    terms_of = terms or (lambda p: p.terms)
    built = index or ReadoutIndex(r_sents, r_prof, max_df=max_df, terms=terms)
    if not exhaustive:
        return [(a, [r_sents[i] for i in built.ranked(terms_of(a_prof[a.id]))])
                for a in a_sents]
    postings = built.postings
    out = []
    for a in a_sents:
        shared_any = {i for st in terms_of(a_prof[a.id]) for i in postings.get(st, ())}
        out.append((a, [r_sents[i] for i in sorted(shared_any)]))
    return out


class ReadoutIndex:
    """The inverted index of :func:`candidates`: from each term to the readout sentences that
    hold it, with the terms' rarity (idf) and each readout sentence's total; built once and
    queried batch by batch."""

    def __init__(
        self,
        r_sents: tuple[Sentence, ...],
        r_prof: dict[str, Profile],
        *,
        max_df: int | None = None,
        terms: Callable[[Profile], frozenset[str]] | None = None,
    ) -> None:
        terms_of = terms or (lambda p: p.terms)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(r_sents):
            for st in terms_of(r_prof[s.id]):
                postings[st].append(i)
        self.postings = postings
        self.n = n = max(len(r_sents), 1)
        self.idf = idf = {st: math.log(1 + n / len(ids)) for st, ids in postings.items()}
        self.common = max_df if max_df is not None else max(COMMON_MIN_DF, COMMON_SHARE * n)
        # Sums in a fixed order (sets iterate in an order that changes from run to run, and so
        # would the last bits of a float sum and the ranking of ties).
        self.r_weight = [sum(idf[st] for st in sorted(terms_of(r_prof[s.id]))) for s in r_sents]
        self.r_least = [MIN_SHARED_WEIGHT * w for w in self.r_weight]
        self._arrays: tuple | None = None

    def ranked(self, terms: frozenset[str]) -> list[int]:
        """The readout sentences worth scoring for an account sentence with these terms, by
        position, pruned as :func:`candidates` says.

        Each followed term's rarity is added to the sentences filed under it, term by term in
        sorted order, so each sum is the same float whichever way it is made: by numpy when
        the terms reach many sentences (a plain Python loop took 2.2 times as long on
        5,000 x 5,000 sentences), by a Python loop when they reach a few (claim groups: numpy's
        cost per call is then most of the work)."""
        idf, postings, common = self.idf, self.postings, self.common
        unknown = math.log(1 + self.n)
        a_total = 0.0
        followed = []
        for st in sorted(terms):
            a_total += idf.get(st, unknown)
            ids = postings.get(st)
            if ids is not None and len(ids) <= common:
                followed.append(st)
        if not followed:
            return []
        reached = sum(len(postings[st]) for st in followed)
        if reached < NUMPY_FROM * len(followed):
            return self._ranked_in_python(followed, a_total)
        return self._ranked_with_numpy(followed, a_total, reached)

    def _ranked_in_python(self, followed: list[str], a_total: float) -> list[int]:
        idf, postings, r_weight, r_least = self.idf, self.postings, self.r_weight, self.r_least
        weight: dict[int, float] = {}
        for st in followed:
            x = idf[st]
            for i in postings[st]:
                weight[i] = weight.get(i, 0.0) + x
        # Rank by the Dice share of rarity, which, like the model, favours pairs that share
        # most of what both say over long sentences that share a little of everything.
        # (w >= m * min(a, r) is w >= m * a or w >= m * r, without a call per pair.)
        a_least = MIN_SHARED_WEIGHT * a_total
        share = {i: 2 * w / (a_total + r_weight[i]) for i, w in weight.items()
                 if w >= a_least or w >= r_least[i]}
        # The best few; of equal shares, the earlier readout sentence.
        kept = heapq.nlargest(CANDIDATES_PER_SENTENCE, share, key=lambda i: (share[i], -i))
        if kept:
            floor = RELATIVE_SHARE * share[kept[0]]
            kept = [i for i in kept if share[i] >= floor]
        return sorted(kept)

    def _ranked_with_numpy(self, followed: list[str], a_total: float, reached: int) -> list[int]:
        """:meth:`_ranked_in_python`, the same arithmetic in the same order, with arrays."""
        import numpy as np

        if self._arrays is None:
            self._arrays = (
                {st: np.array(ids, dtype=np.intp) for st, ids in self.postings.items()
                 if len(ids) <= self.common},
                np.array(self.r_weight, dtype=np.float64),
                np.array(self.r_least, dtype=np.float64),
            )
        arrays, r_weight, r_least = self._arrays
        idf = self.idf
        weight = np.zeros(len(r_weight), dtype=np.float64)
        for st in followed:
            weight[arrays[st]] += idf[st]
        # The sentences reached, in order: a scan of the sums when many are reached (every
        # rarity is positive), else the postings' ids.
        if reached * SCAN_BELOW >= len(weight):
            touched = np.flatnonzero(weight)
        else:
            touched = np.unique(np.concatenate([arrays[st] for st in followed]))
        w = weight[touched]
        keep = (w >= MIN_SHARED_WEIGHT * a_total) | (w >= r_least[touched])
        ids, w = touched[keep], w[keep]
        if not len(ids):
            return []
        share = 2 * w / (a_total + r_weight[ids])
        # Of equal shares, the earlier readout sentence (ids are in order; the sort is stable).
        best = np.argsort(-share, kind="stable")[:CANDIDATES_PER_SENTENCE]
        best = best[share[best] >= RELATIVE_SHARE * share[best[0]]]
        return sorted(ids[best].tolist())


def score_pair(r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, model: Model) -> Pair:
    """Score one candidate pair with both kinds of evidence."""
    return score_pairs([(r_sent, a_sent, r, a)], model)[0]


def key_spread(profiles) -> dict[str, int]:
    """In how many of the readout's sentences each key occurs: a word the whole readout uses
    ("optimal solution" throughout a text about algorithms) names its topic, not a claim of
    one sentence."""
    spread: dict[str, int] = defaultdict(int)
    for p in profiles:
        for key in p.keyed.weights:
            spread[key] += 1
    return spread


def score_pairs(
    items: list[tuple[Sentence, Sentence, Profile, Profile]], model: Model,
    spread: dict[str, int] | None = None,
) -> list[Pair]:
    """Score many candidate pairs, the model applied to all of them at once. ``spread``: the
    readout's :func:`key_spread` (without it, every key counts as distinctive)."""
    if not items:
        return []
    runs = [longest_common_run(r.words, a.words, r.claim_words) for _, _, r, a in items]
    scores = model.probabilities(
        [features(a, r, run=run) for (_, _, r, a), (run, _) in zip(items, runs)]
    )
    spread = spread or {}
    return [
        _evidence(r_sent, a_sent, r, a, float(score), fragment, spread)
        for (r_sent, a_sent, r, a), score, (_, fragment) in zip(items, scores, runs)
    ]


def _evidence(
    r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, score: float, fragment: int,
    spread: dict[str, int],
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
    whole, part, part_text, clause_recall = _keyed(r, a)
    return Pair(r_sent, a_sent, score, readout_coverage, account_coverage, fragment, whole,
                part, event_mention(r.keyed, a.keyed), r.keyed.negated != a.keyed.negated,
                part_text, clause_recall, r.keyed.is_event,
                sum(1 for k in whole.matched
                    if r.keyed.weights.get(k) == 1.0 and spread.get(k, 1) <= 1))


def _keyed(
    r: Profile, a: Profile, explained: frozenset[str] = frozenset()
) -> tuple[Overlap, Overlap | None, str | None, tuple[float, ...]]:
    """The keyed overlap of the two sentences; of the best pairing of one clause with the
    other sentence (one readout clause reported, or one account clause reporting it), with
    the readout clause's text; and the share of each readout clause the account carries."""
    whole = overlap(r.keyed, a.keyed, explained)
    r_parts = [(overlap(c, a.keyed, explained), c.text) for c in r.clauses]
    parts = r_parts + [(overlap(r.keyed, c, explained), None) for c in a.clauses]
    part, part_text = max(parts, key=lambda p: min(p[0].recall, p[0].precision),
                          default=(None, None))
    return whole, part, part_text, tuple(o.recall for o, _ in r_parts)


def _second_look(
    pairs: list[Pair], decisions: list[Decision | None], r_prof: dict[str, Profile],
    a_prof: dict[str, Profile], settings: Settings, model: Model,
) -> None:
    """An account sentence that mentions the readout's event ("during a Jan. 31 call with
    Mexican officials, he urged ...") also carries a claim; judge its other pairs again with
    the words the event sentence accounts for set aside, so the claim is weighed on its own."""
    events: dict[str, str] = {}
    for pair, decision in zip(pairs, decisions):
        if decision is not None and decision.part == "the event":
            events.setdefault(pair.account.id, pair.readout.id)
    for i, (pair, decision) in enumerate(zip(pairs, decisions)):
        event_id = events.get(pair.account.id)
        if decision is not None or event_id is None or event_id == pair.readout.id:
            continue
        explained = frozenset(r_prof[event_id].keyed.weights)
        whole, part, part_text, _ = _keyed(r_prof[pair.readout.id], a_prof[pair.account.id],
                                           explained)
        pairs[i] = replace(pair, overlap=whole, part=part, part_text=part_text)
        decisions[i] = decide(pairs[i], settings, model)


DOMAIN_FEATURES = (
    "score", "readout_coverage", "fragment", "negation_mismatch", "number_conflict",
    "recall", "precision", "claim_recall", "name_recall", "shared_claims",
    "part_recall", "part_precision", "part_claim_recall", "part_name_recall",
    "part_shared_claims", "distinctive_claims",
)


def domain_features(pair: Pair) -> list[float]:
    """The in-domain evidence of a pair, in the order of :data:`DOMAIN_FEATURES`: the pair's
    scores, then the keyed overlap of the whole sentences and of the best clause pairing
    (the whole again when neither sentence has clauses)."""
    o = pair.overlap
    p = pair.part or o
    return [
        pair.score,
        pair.readout_coverage,
        min(pair.fragment, 5) / 5,
        float(pair.negation_mismatch),
        float(o.number_conflict),
        *(
            value
            for view in (o, p)
            for value in (view.recall, view.precision, view.claim_recall, view.name_recall,
                          min(view.shared_claims, 5) / 5)
        ),
        min(pair.distinctive, 5) / 5,
    ]


# A report in the in-domain sense is a whole report (kind "paraphrase") when it carries this
# share of the readout sentence's weighted keys (evidence.overlap) and this share of the
# account sentence comes from it; otherwise it reports part of it. Chosen on MSRP train,
# whose "paraphrase" means the same claim both ways (docs/accuracy.md).
FULL_RECALL = 0.6
FULL_PRECISION = 0.6
# A clause of the readout sentence of which the account carries less than this share is left
# out, and the report is partial.
CLAUSE_MISSING = 0.34
# An event mention is the account sentence's own claim (it says only that the call took
# place) when it adds at most this many claim words to the readout's event sentence.
EVENT_CLAIM_EXTRA = 1


@dataclass(frozen=True)
class Decision:
    """Why a pair is a match: its kind, what it reports, how sure, and the evidence."""

    kind: MatchKind
    basis: MatchBasis  # "claim": the account reports this content; "event": only the event
    confidence: float
    evidence: tuple[str, ...]
    part: str | None = None  # the readout clause reported, when only one clause is


def judge(pair: Pair, settings: Settings, model: Model) -> MatchKind | None:
    """The kind of match a scored pair is, or None (see :func:`decide`)."""
    decision = decide(pair, settings, model)
    return decision.kind if decision else None


def decide(pair: Pair, settings: Settings, model: Model) -> Decision | None:
    """Decide whether a scored pair is a match, of which kind, and say why (see
    :func:`_decide`). An account sentence that reports the readout's event sentence ("X spoke
    with Y on January 31") but adds a claim of its own reports only the event: its claim is
    not the readout's."""
    decision = _decide(pair, settings, model)
    if (decision is not None and decision.basis == "claim" and pair.event_sentence
            and decision.kind != "verbatim"
            and pair.overlap.unmatched_claims > EVENT_CLAIM_EXTRA):
        said = (f"the same {pair.event.event}: " + "; ".join(pair.event.evidence)
                if pair.event else "names the event this readout sentence announces")
        return replace(decision, kind="partial", basis="event", part="the event",
                       evidence=(said, *decision.evidence))
    return decision


def _decide(pair: Pair, settings: Settings, model: Model) -> Decision | None:
    """Decide whether a scored pair is a match, of which kind, and say why.

    In order: shared runs of words covering the readout sentence (verbatim); the paraphrase
    model fitted on MSRP; the in-domain model over keyed evidence (synonyms, variants, numbers,
    acronyms, clauses; fitted on the development stories); a copied fragment; and last a
    mention of the readout's event (the call, its participants, its date).
    """
    threshold = settings.threshold if settings.threshold is not None else model.threshold
    domain = model.domain
    if domain is not None and domain.names != DOMAIN_FEATURES:
        raise RuntimeError("calibration.json's domain model does not match the feature list; "
                           "re-run bench/calibrate.py --domain")
    p_domain = domain.probability(domain_features(pair)) if domain is not None else 0.0
    # A threshold set by the user (not the fitted one) applies to both models.
    domain_threshold = (domain.threshold if domain is not None and threshold == model.threshold
                        else threshold)
    # Sharing names is not sharing a claim: the in-domain decision needs a shared claim word.
    in_domain = (domain is not None and p_domain >= domain_threshold
                 and pair.overlap.shared_claims >= 1)
    o = pair.overlap
    if pair.readout_coverage >= VERBATIM_COVERAGE:
        return Decision(
            "verbatim", "claim", max(pair.readout_coverage, pair.score, p_domain),
            (f"{pair.readout_coverage:.0%} of the readout sentence's words in shared runs",),
        )
    # A clause of the readout sentence that the account leaves out makes the report partial.
    missing = bool(pair.clause_recall) and min(pair.clause_recall) < CLAUSE_MISSING
    if pair.score >= threshold and pair.fragment >= 1:
        kind: MatchKind = "partial" if missing else "paraphrase"
        return Decision(kind, "claim", max(pair.score, p_domain),
                        (f"paraphrase model {pair.score:.2f}", *_keyed_evidence(pair)),
                        pair.part_text if missing else None)
    if in_domain:
        whole = o.recall >= FULL_RECALL and o.precision >= FULL_PRECISION and not missing
        kind = "paraphrase" if whole else "partial"
        part = pair.part_text if kind == "partial" else None
        return Decision(kind, "claim", p_domain, (f"in-domain model {p_domain:.2f}", *_keyed_evidence(pair)),
                        part)
    if pair.fragment >= settings.partial_min_words:
        # A quoted or copied fragment: a run of several content words, not just names.
        return Decision("partial", "claim", max(pair.score, p_domain),
                        (f"a shared run of {pair.fragment} content words",))
    if pair.event is not None:
        basis: MatchBasis = "claim" if o.unmatched_claims <= EVENT_CLAIM_EXTRA else "event"
        return Decision("partial", basis, max(p_domain, 0.5),
                        (f"the same {pair.event.event}: " + "; ".join(pair.event.evidence),),
                        "the event")
    return None


def _keyed_evidence(pair: Pair) -> tuple[str, ...]:
    o = pair.overlap
    out = [f"carries {o.recall:.0%} of the readout sentence; {o.precision:.0%} of the account "
           "sentence is from it"]
    if o.substitutions:
        out.append("; ".join(f"“{a}” for “{r}”" for r, a in o.substitutions[:6]))
    return tuple(out)


# A quotation this long (in words) of the readout's words reports them.
QUOTE_MIN_WORDS = 3


def with_quotes(
    readout: Document,
    account: Document,
    matches: dict[str, tuple[Match, ...]],
    quotes: tuple[Quote, ...],
) -> dict[str, tuple[Match, ...]]:
    """Make matches agree with quotations: an account sentence that quotes the readout's words
    (verbatim, altered or stitched, three words or more) reports that readout sentence, at
    least in part, whatever the sentence-level evidence said."""
    out = dict(matches)
    for q in quotes:
        if (q.kind == "title" or q.readout_sentence is None or q.fidelity == "not_in_readout"
                or len(q.text.split()) < QUOTE_MIN_WORDS):
            continue
        r_sent = readout.sentence(q.readout_sentence)
        if r_sent.role != "body":
            continue
        have = out.get(q.account_sentence, ())
        if any(m.readout_sentence == r_sent.id and m.basis == "claim" for m in have):
            continue
        a_sent = account.sentence(q.account_sentence)
        share = min(len(q.text.split()) / max(len(r_sent.text.split()), 1), 1.0)
        match = Match(
            readout_sentence=r_sent.id,
            score=round(q.score, 3),
            kind="partial",
            readout_coverage=round(share, 3),
            account_coverage=round(min(len(q.text.split()) / max(len(a_sent.text.split()), 1),
                                       1.0), 3),
            diff=word_diff(r_sent.text, a_sent.text),
            evidence=(f"quotes the readout ({q.fidelity}): “{q.text}”",),
            part=q.readout_text,
        )
        kept = tuple(m for m in have if m.readout_sentence != r_sent.id)
        out[q.account_sentence] = tuple(
            sorted((*kept, match), key=lambda m: (KIND_ORDER[m.kind], -m.score))
        )
    return out
