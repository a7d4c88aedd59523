"""Sentence-pair similarity: does this account sentence report this readout sentence?

Each sentence is profiled once (:class:`Profile`); a pair is described by cheap lexical
features (rapidfuzz measures over normalised text, word and stem overlaps, shared numbers,
the longest run of shared words), and a logistic model turns them into a calibrated
probability that the pair says the same thing. The model's weights are fitted on the MSRP
train split by ``bench/calibrate.py`` and shipped in ``calibration.json`` beside this file.
"""

from __future__ import annotations

import json
import math
import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from readout_compare.evidence import Keyed, clause_keys
from readout_compare.lexicon import NUMBER_WORDS, SCALES
from readout_compare.normalize import STOPWORDS, normalize, raw_and_normal_words

# Number words read as figures by the "numbers" feature: the lexicon's words up to ninety, and
# its scales hundred and thousand. The set is part of the fitted model (calibration.json), so it
# stays as it was fitted ("dozen" and the larger scales are not in it).
_NUMBER_WORDS = {w: str(v) for w, v in NUMBER_WORDS.items() if w != "dozen"} | {
    w: str(SCALES[w]) for w in ("hundred", "thousand")
}


def five_letter_stem(word: str) -> str:
    """A crude stem: the first five letters, a possessive's "'s" off. On news text this
    conflates inflections ("securing"/"secure", "cartels"/"cartel") about as well as a real
    stemmer, at no cost. The paraphrase model was fitted on these stems; the keyed evidence's
    :func:`readout_compare.lexicon.stem` takes inflections off first."""
    word = word.removesuffix("'s")
    return word[:5]


class Profile:
    """What the matcher needs to know about one sentence. The word and stem sets, which the
    candidate index needs for every sentence, are computed at once; the n-gram sets, which
    only scored pairs need, on first use."""

    def __init__(self, sentence: str) -> None:
        pairs = raw_and_normal_words(sentence)
        words = tuple(w for _, w in pairs)
        content = frozenset(w for w in words if w not in STOPWORDS)
        names = frozenset(
            w for i, (r, w) in enumerate(pairs)
            if i > 0 and r[:1].isupper() and w not in STOPWORDS
        )
        self.sentence = sentence
        self.words = words
        self.content = content  # words that are not stopwords
        self.stems = frozenset(five_letter_stem(w) for w in content)  # stems of content words
        self.names = names  # content words written with a capital inside the sentence
        self.claim_words = content - names  # what a claim is made of
        # Stems of content words, in order.
        self.content_stems = tuple(five_letter_stem(w) for w in words if w in content)
        self.numbers = frozenset(
            _NUMBER_WORDS.get(w, w.replace(",", "")) for w in words
            if w[:1].isdigit() or w in _NUMBER_WORDS
        )

    # What is made at once; the rest is cached on first use.
    _MADE = ("sentence", "words", "content", "stems", "names", "claim_words", "content_stems",
             "numbers")

    def __getstate__(self) -> dict[str, object]:
        """Pickled (sent back from a worker process) without the cached n-gram sets and keys,
        which are several times larger and remade on first use."""
        return {name: self.__dict__[name] for name in self._MADE}

    @cached_property
    def keyed(self) -> Keyed:
        """The sentence as keys, for the in-domain evidence (:mod:`readout_compare.evidence`)."""
        return Keyed(self.sentence)

    @cached_property
    def terms(self) -> frozenset[str]:
        """What the candidate index files the sentence under: its content stems and its keys
        (so "pact" finds "agreement")."""
        return self.stems | frozenset(k for k, w in self.keyed.weights.items() if w > 0)

    @cached_property
    def clauses(self) -> tuple[Keyed, ...]:
        """Its clauses as keys, when it has more than one."""
        return tuple(clause_keys(self.sentence))

    @cached_property
    def text(self) -> str:
        """The normalised text."""
        return normalize(self.sentence)

    @cached_property
    def unigrams(self) -> frozenset[tuple[str, ...]]:
        return _word_ngrams(self.words, 1)

    @cached_property
    def bigrams(self) -> frozenset[tuple[str, ...]]:
        return _word_ngrams(self.words, 2)

    @cached_property
    def trigrams(self) -> frozenset[tuple[str, ...]]:
        return _word_ngrams(self.words, 3)

    @cached_property
    def fourgrams(self) -> frozenset[tuple[str, ...]]:
        return _word_ngrams(self.words, 4)

    @cached_property
    def char3(self) -> frozenset[str]:
        return _char_ngrams(self.text, 3)

    @cached_property
    def char4(self) -> frozenset[str]:
        return _char_ngrams(self.text, 4)

    @cached_property
    def char5(self) -> frozenset[str]:
        return _char_ngrams(self.text, 5)


def profile(sentence: str) -> Profile:
    """Profile a sentence for the matcher."""
    return Profile(sentence)


def _char_ngrams(text: str, n: int) -> frozenset[str]:
    # Every n characters from each position: the regex engine's loop is a quarter quicker
    # than slicing in Python, and n-gram sets are made for every scored sentence.
    return frozenset(_CHAR_NGRAMS[n].findall(text))


_CHAR_NGRAMS = {n: re.compile(rf"(?=(.{{{n}}}))", re.S) for n in (3, 4, 5)}


def longest_common_run(
    a: tuple[str, ...], b: tuple[str, ...], counted: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """(length of the longest run of consecutive words shared by ``a`` and ``b``, the most words
    from ``counted`` that any shared run holds)."""
    if not a or not b:
        return 0, 0
    if not set(zip(a, a[1:])).intersection(zip(b, b[1:])):
        # No shared pair of consecutive words: runs are single words (the common case for
        # candidate pairs, and much cheaper than the table below).
        shared = set(a).intersection(b)
        return (1 if shared else 0), (1 if shared & counted else 0)
    # The run-length table, kept only where the words are equal (a dictionary per word of
    # ``a``, keyed by position in ``b``): the cost of the shared words, not of every cell.
    positions: dict[str, list[int]] = {}
    for j, y in enumerate(b, 1):
        positions.setdefault(y, []).append(j)
    best = best_counted = 0
    prev: dict[int, int] = {}
    prev_c: dict[int, int] = {}
    for x in a:
        found = positions.get(x)
        if found is None:
            prev = prev_c = _NO_RUN
            continue
        cur: dict[int, int] = {}
        cur_c: dict[int, int] = {}
        weight = 1 if x in counted else 0
        for j in found:
            v = cur[j] = prev.get(j - 1, 0) + 1
            c = cur_c[j] = prev_c.get(j - 1, 0) + weight
            if v > best:
                best = v
            if c > best_counted:
                best_counted = c
        prev, prev_c = cur, cur_c
    return best, best_counted


_NO_RUN: dict[int, int] = {}


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


FEATURES = (
    "ratio",
    "token_sort_ratio",
    "token_set_ratio",
    "content_min",
    "content_max",
    "content_f1",
    "stem_min",
    "stem_max",
    "stem_f1",
    "nonname_f1",
    "bigram_dice",
    "lcs_words",
    "run_short",
    "run_long",
    "length_diff",
    "numbers_mismatch",
    "numbers_shared",
    "char3_dice",
    "char4_dice",
    "char5_dice",
    "word1_precision_a",
    "word1_precision_b",
    "word2_precision_a",
    "word2_precision_b",
    "word3_precision_a",
    "word3_precision_b",
    "word4_precision_a",
    "word4_precision_b",
    "unshared_content_min",
    "unshared_content_max",
    "length_words_diff",
)


def features(a: Profile, b: Profile, run: int | None = None) -> list[float]:
    """The pair's features, in the order of :data:`FEATURES`. ``run`` is the longest shared
    run of words, when the caller has it already."""
    shared = len(a.content & b.content)
    pa, pb = _ratio(shared, len(a.content)), _ratio(shared, len(b.content))
    sshared = len(a.stems & b.stems)
    sa, sb = _ratio(sshared, len(a.stems)), _ratio(sshared, len(b.stems))
    an, bn = a.claim_words, b.claim_words  # content words that are not names
    nshared = len(an & bn)
    bigram = _ratio(2 * len(a.bigrams & b.bigrams), len(a.bigrams) + len(b.bigrams))
    if run is None:
        run = longest_common_run(a.words, b.words)[0]
    short, long = sorted((len(a.words), len(b.words)))
    num_union = a.numbers | b.numbers
    grams = []
    for ga, gb in (
        (a.unigrams, b.unigrams), (a.bigrams, b.bigrams), (a.trigrams, b.trigrams),
        (a.fourgrams, b.fourgrams),
    ):
        shared_n = len(ga & gb)
        grams += [_ratio(shared_n, len(ga)), _ratio(shared_n, len(gb))]
    unshared = sorted((len(a.content) - shared, len(b.content) - shared))
    return [
        fuzz.ratio(a.text, b.text) / 100,
        fuzz.token_sort_ratio(a.text, b.text) / 100,
        fuzz.token_set_ratio(a.text, b.text) / 100,
        min(pa, pb),
        max(pa, pb),
        _f1(pa, pb),
        min(sa, sb),
        max(sa, sb),
        _f1(sa, sb),
        _f1(_ratio(nshared, len(an)), _ratio(nshared, len(bn))),
        bigram,
        LCSseq.normalized_similarity(a.words, b.words),
        _ratio(run, short),
        _ratio(run, long),
        _ratio(long - short, long),
        _ratio(len(a.numbers ^ b.numbers), len(num_union)),
        _ratio(len(a.numbers & b.numbers), len(num_union)),
        _dice(a.char3, b.char3),
        _dice(a.char4, b.char4),
        _dice(a.char5, b.char5),
        *grams,
        # Counts, not shares: a sentence that adds several facts is a different claim.
        unshared[0] / 10,
        unshared[1] / 10,
        abs(len(a.words) - len(b.words)) / 20,
    ]


def _word_ngrams(words: tuple[str, ...], n: int) -> frozenset[tuple[str, ...]]:
    if n == 1:
        return frozenset(zip(words))
    if n == 2:
        return frozenset(zip(words, words[1:]))
    if n == 3:
        return frozenset(zip(words, words[1:], words[2:]))
    return frozenset(zip(*(words[i:] for i in range(n))))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return _ratio(2 * len(a & b), len(a) + len(b))


@dataclass(frozen=True)
class Linear:
    """A fitted logistic model over named features: ``p = sigmoid(bias + w · f)``."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    fitted_on: str

    def probability(self, feats: list[float]) -> float:
        return _sigmoid(self.bias + sum(map(operator.mul, self.weights, feats)))


@dataclass(frozen=True)
class ParaphraseClassifier:
    """A logistic model over :func:`features` (or their degree-2 expansion):
    ``p = sigmoid(bias + w · f)``; standardisation is folded into the weights by the
    calibration script, so nothing else is needed to evaluate it."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # the probability above which a pair is called a paraphrase
    fitted_on: str
    expansion: str = "linear"  # or "degree-2"
    # The in-domain decision over scoring.DOMAIN_FEATURES (bench/calibrate.py --domain).
    domain: Linear | None = None
    # Whether a sentence matched to no one readout sentence sums up several
    # (scoring.SUMMARY_FEATURES; bench/calibrate.py --summary).
    summary: Linear | None = None

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """Probabilities for many feature rows at once (plain Python: a linear model over a few
        dozen features needs no numpy, whose import alone costs more than most comparisons)."""
        if self.expansion == "degree-2":
            return _expanded_probabilities(self, rows)
        weights, bias = self.weights, self.bias
        return [_sigmoid(bias + sum(map(operator.mul, weights, row))) for row in rows]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))  # no overflow on odd features


def _expanded_probabilities(
    model: ParaphraseClassifier, rows: list[list[float]]
) -> list[float]:
    """The degree-2 evaluator (bench/calibrate.py --expansion degree-2; not shipped)."""
    import numpy as np

    x = expand(np.asarray(rows, dtype=np.float64).reshape(len(rows), len(model.names)))
    z = np.clip(x @ np.asarray(model.weights, dtype=np.float64) + model.bias, -50.0, 50.0)
    return [float(v) for v in 1.0 / (1.0 + np.exp(-z))]


def expand(x):  # type: ignore[no-untyped-def]
    """Degree-2 polynomial expansion without the constant: the features, then every product
    f_i * f_j with i <= j, in scikit-learn's PolynomialFeatures order (a numpy array)."""
    import numpy as np

    n = x.shape[1]
    i, j = np.triu_indices(n)
    return np.hstack([x, x[:, i] * x[:, j]])


@lru_cache(maxsize=1)
def default_model() -> ParaphraseClassifier:
    """The calibrated model shipped with the package."""
    data = json.loads(
        resources.files("readout_compare").joinpath("calibration.json").read_text("utf-8")
    )
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError("calibration.json does not match the feature list; re-run calibrate")
    return ParaphraseClassifier(
        names=tuple(data["features"]),
        weights=tuple(data["weights"]),
        bias=data["bias"],
        threshold=data["threshold"],
        fitted_on=data["fitted_on"],
        expansion=data.get("expansion", "linear"),
        domain=_linear(data["domain"]) if data.get("domain") else None,
        summary=_linear(data["summary"]) if data.get("summary") else None,
    )


def _linear(data: dict) -> Linear:
    return Linear(
        names=tuple(data["features"]),
        weights=tuple(data["weights"]),
        bias=data["bias"],
        threshold=data["threshold"],
        fitted_on=data["fitted_on"],
    )
