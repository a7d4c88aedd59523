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
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from readout_compare.diff import word_diff
from readout_compare.model import Document, Match, MatchKind, Sentence, Settings
from readout_compare.similarity import Model, Profile, default_model, features, profile

# Share of the readout sentence reproduced in runs of 3+ words for a match to be verbatim.
VERBATIM_COVERAGE = 0.8
VERBATIM_MIN_RUN = 3
# Pairs whose summed rarity of shared stems is below this are not scored at all.
CANDIDATES_PER_SENTENCE = 25


@dataclass(frozen=True)
class Pair:
    """One scored candidate pair, before it is judged a match or not."""

    readout: Sentence
    account: Sentence
    score: float
    readout_coverage: float  # readout words in shared runs of VERBATIM_MIN_RUN+ words
    account_coverage: float  # account words in shared runs, or found in the readout sentence
    fragment: int  # content words (not names) in the longest shared run


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
    """Matches for every body sentence of the account, keyed by account sentence id."""
    model = model or default_model()
    r_sents = readout.body
    a_sents = account.body
    r_prof = readout_profiles or {s.id: profile(s.text) for s in r_sents}
    a_prof = {s.id: profile(s.text) for s in a_sents}
    if stats is not None:
        stats.pairs_possible += len(r_sents) * len(a_sents)
    result: dict[str, tuple[Match, ...]] = {}
    for a_sent, r_ids in candidates(r_sents, r_prof, a_sents, a_prof):
        matches = []
        for r_sent in r_ids:
            pair = score_pair(r_sent, a_sent, r_prof[r_sent.id], a_prof[a_sent.id], model)
            if stats is not None:
                stats.pairs_scored += 1
            kind = judge(pair, settings, model)
            if kind is not None:
                matches.append(
                    Match(
                        readout_sentence=r_sent.id,
                        score=round(pair.score, 3),
                        kind=kind,
                        readout_coverage=round(pair.readout_coverage, 3),
                        account_coverage=round(pair.account_coverage, 3),
                        diff=word_diff(r_sent.text, a_sent.text),
                    )
                )
        matches.sort(key=lambda m: (_KIND_ORDER[m.kind], -m.score))
        result[a_sent.id] = tuple(matches)
    for a_sent in a_sents:
        result.setdefault(a_sent.id, ())
    return result


_KIND_ORDER = {"verbatim": 0, "paraphrase": 1, "partial": 2}


def candidates(
    r_sents: tuple[Sentence, ...],
    r_prof: dict[str, Profile],
    a_sents: tuple[Sentence, ...],
    a_prof: dict[str, Profile],
) -> list[tuple[Sentence, list[Sentence]]]:
    """For each account sentence, the readout sentences worth scoring.

    An inverted index from word stems to readout sentences proposes the readout sentences that
    share at least one content stem, ranked by the summed rarity (idf) of what they share; the
    best :data:`CANDIDATES_PER_SENTENCE` are kept. A pair that shares no content stem cannot be
    a report of the same claim, so nothing is lost by not scoring it.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(r_sents):
        for st in r_prof[s.id].stems:
            index[st].append(i)
    n = max(len(r_sents), 1)
    idf = {st: math.log(1 + n / len(ids)) for st, ids in index.items()}
    out = []
    for a in a_sents:
        weight: dict[int, float] = defaultdict(float)
        for st in a_prof[a.id].stems:
            for i in index.get(st, ()):
                weight[i] += idf[st]
        best = sorted(weight, key=lambda i: -weight[i])[:CANDIDATES_PER_SENTENCE]
        out.append((a, [r_sents[i] for i in sorted(best)]))
    return out


def score_pair(r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, model: Model) -> Pair:
    """Score one candidate pair with both kinds of evidence."""
    score = model.probability(features(a, r))
    matcher = SequenceMatcher(None, r.words, a.words, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    in_runs = sum(b.size for b in blocks if b.size >= VERBATIM_MIN_RUN)
    readout_coverage = in_runs / len(r.words) if r.words else 0.0
    # The account side: words inside shared runs, or content stems the readout sentence has.
    a_content = [w for w in a.words if w in a.content]
    from_readout = sum(1 for w in a_content if _stem(w) in r.stems)
    account_coverage = from_readout / len(a_content) if a_content else 0.0
    fragment = 0
    for b in blocks:
        run = r.words[b.a : b.a + b.size]
        fragment = max(fragment, sum(1 for w in run if w in r.content and w not in r.names))
    return Pair(r_sent, a_sent, score, readout_coverage, account_coverage, fragment)


def _stem(word: str) -> str:
    from readout_compare.similarity import stem

    return stem(word)


def judge(pair: Pair, settings: Settings, model: Model) -> MatchKind | None:
    """Decide whether a scored pair is a match, and of which kind."""
    if pair.readout_coverage >= VERBATIM_COVERAGE:
        return "verbatim"
    if pair.score >= settings.threshold and pair.fragment >= 1:
        return "paraphrase"
    if pair.fragment >= settings.partial_min_words:
        # A quoted or copied fragment: a run of several content words, not just names.
        return "partial"
    if pair.account_coverage >= 0.75 and pair.score >= settings.threshold / 2:
        # Most of what the account sentence says comes from this readout sentence, which
        # says more: a paraphrase of part of it.
        return "partial"
    return None
