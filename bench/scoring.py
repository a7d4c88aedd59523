"""One sentence pair scored and judged as the aligner would, for the benchmarks that measure the
matcher on labelled pairs (bench/accuracy.py): the package scores and decides many candidate
pairs at once, inside ``align()``."""

from __future__ import annotations

from readout_compare.align import decide
from readout_compare.model import MatchKind, Sentence, Settings
from readout_compare.scoring import Pair, score_pairs
from readout_compare.similarity import ParaphraseClassifier, Profile


def score_pair(
    r_sent: Sentence, a_sent: Sentence, r: Profile, a: Profile, model: ParaphraseClassifier
) -> Pair:
    """Score one candidate pair with both kinds of evidence."""
    return score_pairs([(r_sent, a_sent, r, a)], model)[0]


def judge(pair: Pair, settings: Settings, model: ParaphraseClassifier) -> MatchKind | None:
    """The kind of match a scored pair is, or None (see :func:`readout_compare.align.decide`)."""
    decision = decide(pair, settings, model)
    return decision.kind if decision else None
