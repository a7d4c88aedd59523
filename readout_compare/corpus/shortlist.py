"""The shortlist: the readouts an article may report, found through an index of the readouts'
sentences by their rare words, so that the work grows with the shortlisted pairs, not with
readouts x articles (docs/corpus.md)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from readout_compare.model import Document
from readout_compare.normalize import STOPWORDS, words

if TYPE_CHECKING:
    from readout_compare.corpus.work import Shared

# Words are weighted by how few readout sentences hold them: log(N / df) / log(N), 1 for a word
# in one sentence of N; a word in more than COMMON_SHARE of them (and more than COMMON_MIN)
# weighs nothing: it names no readout in particular. An article sentence scores against a
# readout sentence the weight of the words they share; each readout sentence keeps its best
# score if that is at least SENTENCE_FLOOR, and a readout scores the sum over its sentences. A
# readout is on the shortlist when it scores at least MIN_SCORE and at least RATIO of the
# article's best readout. Chosen on bench/corpusgen.py's seed 0, checked on seed 1
# (docs/corpus.md).
COMMON_SHARE = 0.05
COMMON_MIN = 10
SENTENCE_FLOOR = 1.0
MIN_SCORE = 4.5
RATIO = 0.6


@dataclass
class Index:
    """Readout sentences by the words they hold, with each word's weight."""

    readout_of: list[str]  # readout id of each indexed sentence
    postings: dict[str, list[int]]  # word: indexed sentences that hold it
    weight: dict[str, float]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


# Cheap sentence ends for retrieval only (the comparison itself segments properly).
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")


def build_index(readouts: dict[str, Document]) -> Index:
    """Every body sentence of every readout, by its content words."""
    readout_of: list[str] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for rid, doc in readouts.items():
        for sentence in doc.body:
            for w in set(content_words(sentence.text)):
                postings[w].append(len(readout_of))
            readout_of.append(rid)
    n = max(len(readout_of), 2)
    limit = max(COMMON_MIN, COMMON_SHARE * n)
    weight = {w: math.log(n / len(ids)) / math.log(n) for w, ids in postings.items()
              if len(ids) <= limit}
    return Index(readout_of, {w: postings[w] for w in weight}, weight)


def retrieval_scores(index: Index, text: str) -> dict[str, float]:
    """Each readout's score: the sum over its sentences of their best match in the text."""
    best: dict[int, float] = defaultdict(float)
    for rough in _ROUGH_SENTENCE_END.split(text):
        shared: dict[int, float] = defaultdict(float)
        for w in set(content_words(rough)):
            weight = index.weight.get(w)
            if weight:
                for i in index.postings[w]:
                    shared[i] += weight
        for i, score in shared.items():
            if score > best[i]:
                best[i] = score
    scores: dict[str, float] = defaultdict(float)
    for i, score in best.items():
        if score >= SENTENCE_FLOOR:
            scores[index.readout_of[i]] += score
    return scores


def shortlist(shared: Shared, text: str, when: str | None) -> dict[str, float]:
    """The readouts an article may report, with their scores: those whose sentences share enough
    rare words with the article's, close to the best such readout, and (when both dates are
    known and a window is set) dated within the window. In order of readout id."""
    return shortlist_by_scores(shared, retrieval_scores(shared.index, text), when)


def shortlist_by_scores(shared: Shared, scores: dict[str, float],
                        when: str | None) -> dict[str, float]:
    """:func:`shortlist` from the article's retrieval scores."""
    if shared.window is not None and when:
        scores = {rid: v for rid, v in scores.items()
                  if _within(shared.items[rid].date, when, shared.window)}
    if not scores:
        return {}
    top = max(scores.values())
    return {rid: scores[rid] for rid in sorted(scores)
            if scores[rid] >= MIN_SCORE and scores[rid] >= RATIO * top}


def left_out_by_window(shared: Shared, scores: dict[str, float], when: str | None,
                       kept: dict[str, float]) -> list[str]:
    """The readouts that would have been on the shortlist without ``--window`` and are not, each
    as ``ID (N days before|after)``, so that a run can say what the window left out."""
    if shared.window is None or not when:
        return []
    without = shortlist_by_scores(replace(shared, window=None), scores, when)
    out = []
    for rid in without:
        if rid not in kept and not _within(shared.items[rid].date, when, shared.window):
            days = (date.fromisoformat(when) - date.fromisoformat(shared.items[rid].date)).days
            out.append(f"{rid} ({abs(days)} days {'after' if days >= 0 else 'before'})")
    return out


def _within(readout_date: str | None, article_date: str, window: int) -> bool:
    if not readout_date:
        return True
    days = (date.fromisoformat(article_date) - date.fromisoformat(readout_date)).days
    return 0 <= days <= window
