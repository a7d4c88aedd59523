"""Candidate search: for each account sentence, the readout sentences worth scoring, found
through an inverted index of the readout (:class:`ReadoutIndex`), pruned for large comparisons
so that the cost grows with the texts and not with their product."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable

from readout_compare.model import Sentence
from readout_compare.similarity import Profile

# Candidate pruning for large comparisons (see candidates()); measured in docs/performance.md.
EXHAUSTIVE_PAIRS = 20_000
COMMON_SHARE = 0.05
COMMON_MIN_DF = 20
MIN_SHARED_WEIGHT = 0.2
CANDIDATES_PER_SENTENCE = 10
RELATIVE_SHARE = 0.5
# ReadoutIndex.ranked adds with numpy when its terms reach NUMPY_FROM sentences each or more on
# average (numpy's cost is per term, Python's per sentence reached), and then scans all its sums
# when at least 1/SCAN_BELOW of the sentences are reached, else gathers the ids it reached
# (both chosen by measurement: docs/performance.md).
NUMPY_FROM = 32
SCAN_BELOW = 25


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
    are not followed in the index (they name no claim), and a readout sentence stays a
    candidate only if the rarity (idf) of what the two share is at least
    :data:`MIN_SHARED_WEIGHT` of the lighter sentence's own, and its Dice share of rarity is
    at least :data:`RELATIVE_SHARE` of the best candidate's, keeping the best
    :data:`CANDIDATES_PER_SENTENCE`.
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
        the terms reach many sentences, by a Python loop when they reach a few (claim groups:
        numpy's cost per call is then most of the work)."""
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
