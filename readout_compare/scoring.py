"""Pair scoring: the evidence that an account sentence reports a readout sentence, for each
candidate pair. The paraphrase model's probability (:mod:`readout_compare.similarity`), the
runs of words the two share, and their keyed overlap (:mod:`readout_compare.evidence`: synonyms,
variants, numbers, clauses, the readout's event), gathered in a :class:`Pair` for the match
decision (:mod:`readout_compare.align`) and the in-domain model's features."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from readout_compare.evidence import EventMention, Overlap, Share, event_mention, overlap
from readout_compare.model import Sentence
from readout_compare.similarity import (
    ParaphraseClassifier,
    Profile,
    features,
    longest_common_run,
)

# Readout words count as reproduced in shared runs of this many words or more.
VERBATIM_MIN_RUN = 3


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


def key_spread(profiles: Iterable[Profile]) -> dict[str, int]:
    """In how many of the readout's sentences each key occurs: a word the whole readout uses
    ("optimal solution" throughout a text about algorithms) names its topic, not a claim of
    one sentence."""
    spread: dict[str, int] = defaultdict(int)
    for p in profiles:
        for key in p.keyed.weights:
            spread[key] += 1
    return spread


def score_pairs(
    items: list[tuple[Sentence, Sentence, Profile, Profile]], model: ParaphraseClassifier,
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
        _pair(r_sent, a_sent, r, a, float(score), fragment, spread)
        for (r_sent, a_sent, r, a), score, (_, fragment) in zip(items, scores, runs)
    ]


def _pair(
    r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, score: float, fragment: int,
    spread: dict[str, int],
) -> Pair:
    """The pair with its evidence: how much of each sentence the other reproduces, the keyed
    overlap of the two and of their clauses, the readout's event, and the shared claim keys
    that no other readout sentence has (``spread``)."""
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
    whole, part, part_text, clause_recall = keyed_overlap(r, a)
    return Pair(r_sent, a_sent, score, readout_coverage, account_coverage, fragment, whole,
                part, event_mention(r.keyed, a.keyed), r.keyed.negated != a.keyed.negated,
                part_text, clause_recall, r.keyed.is_event,
                sum(1 for k in whole.matched
                    if r.keyed.weights.get(k) == 1.0 and spread.get(k, 1) <= 1))


def keyed_overlap(
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


# The evidence that an account sentence matched to no single readout sentence still sums up
# the readout ("Trump and Trudeau discussed NAFTA and the Middle East", a lede drawing on
# three readout sentences): how much of it the readout as a whole holds, and how close its
# best single pair came. Fitted on the real news benchmark's dev events
# (bench/calibrate.py --summary).
SUMMARY_FEATURES = (
    "readout_precision", "readout_unmatched_claims", "readout_shared_claims",
    "best_score", "best_precision", "best_recall", "best_domain", "words", "event",
)


def summary_features(whole: Share, pairs: list[Pair], domain: list[float],
                     event: bool) -> list[float]:
    """The sentence's evidence in the order of :data:`SUMMARY_FEATURES`: ``whole``, its keyed
    overlap with the whole readout; ``pairs``, its scored pairs with the readout's sentences,
    and ``domain``, their in-domain probabilities; ``event``, whether it names the readout's
    event."""
    words = len(pairs[0].account.text.split()) if pairs else 0
    return [
        whole.precision,
        min(whole.unmatched_claims, 10) / 10,
        min(whole.shared_claims, 10) / 10,
        max((p.score for p in pairs), default=0.0),
        max((p.overlap.precision for p in pairs), default=0.0),
        max((p.overlap.recall for p in pairs), default=0.0),
        max(domain, default=0.0),
        min(words, 60) / 60,
        float(event),
    ]
