"""What a stretch of words says that the divergence rules compare: its negations, its
modality, the conditions it sets, commitments and deliveries, its verbs of saying (with their
rung), whether it says more than who said it, and the people, places and countries it names
(as lexicon keys, so that another wording of one name is no other name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from readout_compare.lexicon import (
    FRAME_WORDS,
    MODALS,
    MONTHS,
    NEGATIONS,
    TITLES,
    VERB_LADDER,
    WEEKDAYS,
    acronym,
    spelled_out,
    word_key,
)
from readout_compare.normalize import STOPWORDS, WORD, normalize
from readout_compare.quantities import is_month_may


def span_words(text: str) -> list[str]:
    """The normalised words of a span or a sentence, as the rules read them."""
    return list(_word_tuple(text))


@lru_cache(maxsize=16_384)
def _word_tuple(text: str) -> tuple[str, ...]:
    """The normalised words of a text, cached: the same readout sentence and diff spans are
    read again for every pair that involves them."""
    return tuple(normalize(w) for w in WORD.findall(text))


# Verbs of saying of more than one word, on the ladder's rungs.
_SAYING_PHRASES = {("made", "clear"): 2, ("make", "clear"): 2, ("makes", "clear"): 2,
                   ("called", "for"): 2, ("calls", "for"): 2}


def saying(words: list[str]) -> list[tuple[str, int]]:
    """The verbs of saying in a span, with their rung, phrases ("made clear") included."""
    out = [(w, VERB_LADDER[w]) for w in words if w in VERB_LADDER]
    out += [(" ".join(p), rung) for p, rung in _SAYING_PHRASES.items()
            if any(tuple(words[i:i + 2]) == p for i in range(len(words) - 1))]
    return out


# Words that make a claim conditional.
_CONDITION_WORDS = {"depends": "depends", "depend": "depends", "depending": "depends",
                    "contingent": "depends", "conditional": "depends", "conditioned": "depends",
                    "unless": "unless", "if": "if"}


def conditions(words: list[str]) -> frozenset[str]:
    """What a span makes its claim conditional on: the content words after "depends on",
    "determined by", "if", "unless" (up to four)."""
    found: set[str] = set()
    for i, w in enumerate(words):
        marker = w in _CONDITION_WORDS or words[i:i + 2] == ["determined", "by"]
        if marker:
            after = [x for x in words[i + 1:i + 7] if x not in STOPWORDS and x != "by"]
            found.update(word_key(x) for x in after[:4])
            found.add("?")  # a condition, whatever its object
    return frozenset(found)


_COMMITTED = frozenset(["committed", "pledged", "promised", "pledges", "commits", "promises"])
_DELIVERED = frozenset(["sent", "delivered", "shipped", "transferred", "handed"])


def committed(words: list[str]) -> bool:
    return any(w in _COMMITTED for w in words)


def delivered(words: list[str]) -> bool:
    return any(w in _DELIVERED for w in words)


_ATTRIBUTION = frozenset(["said", "says", "say", "told", "according", "added", "adds", "add",
                          "reported", "statement", "readout", "summary"])


def says_something(text: str) -> bool:
    """Whether a span says more than who said it: "the Pentagon said" and "according to the
    statement" do not (function words, words of attribution, the speaker's name)."""
    words = [(m.group(), normalize(m.group())) for m in re.finditer(r"[\w']+", text)]
    if not any(w in _ATTRIBUTION for _, w in words):
        return True
    if any(w in MODALS or w in NEGATIONS for _, w in words):
        return True  # "said there may be", "said it would not"
    return any(
        not (w in STOPWORDS or w in FRAME_WORDS or w in TITLES or w in _ATTRIBUTION
             or raw[:1].isupper())
        for raw, w in words
    )


def negations(words: list[str]) -> int:
    """Negations in a span; "with no" says what "without" says, and neither denies the claim;
    "No 10" (Downing Street) and "No. 5" are numbers."""
    return sum(
        1 for i, w in enumerate(words)
        if (w in NEGATIONS or w.endswith("n't"))
        and not (w == "no" and i and words[i - 1] == "with")
        and not (w in ("no", "no.") and i + 1 < len(words) and words[i + 1][:1].isdigit())
    )


_NOT_MODAL = re.compile(r"\b(?:the|a|his|her|their|its|political|free|good)\s+will\b", re.I)


def modality(words: list[str], raw: str) -> str | None:
    """The modality a span expresses: "may" the month and "will" the noun ("the will of the
    people") are not modals."""
    skip = set()
    if is_month_may(raw):
        skip.add("may")
    if _NOT_MODAL.search(raw) and words.count("will") <= len(_NOT_MODAL.findall(raw)):
        skip.add("will")
    if _WOULD_LIKE.search(raw) and words.count("would") <= len(_WOULD_LIKE.findall(raw)):
        skip.add("would")  # "would like to cooperate" wishes; it asserts nothing
    classes = {MODALS[w] for w in words if w in MODALS and w not in skip}
    if not classes:
        return None
    return "/".join(sorted(classes))


_WOULD_LIKE = re.compile(r"\bwould\s+(?:like|love|welcome|appreciate|prefer)\b", re.I)


def modal_classes(found: str | None) -> set[str]:
    """The classes of a :func:`modality` ("certainty/possibility"), none for no modal."""
    return set((found or "").split("/")) - {""}


_CAPITALISED = re.compile(r"\b[A-Z][\w]+(?:['\u2019]s)?\b|\bU\.S\.")
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _after_sentence_end(text: str, at: int) -> bool:
    """Spaces, after an optional closing quote after ".", "!" or "?", come just before ``at``."""
    k = at
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == at:
        return False
    if k > 0 and text[k - 1] in "\"'\u201d\u2019":
        k -= 1
    return k > 0 and text[k - 1] in ".!?"


def name_keys(text: str, at_sentence_start: bool) -> dict[str, str]:
    """The people, places and countries a span names (see :func:`_name_keys_cached`), each
    key mapped to the name as written (folded)."""
    return dict(_name_keys_cached(text, at_sentence_start))


# Days named by their distance from today: capitalised where a sentence or quotation opens.
_DAYS_NAMED = frozenset(["today", "tomorrow", "yesterday", "tonight"])


@lru_cache(maxsize=16_384)
def _name_keys_cached(text: str, at_sentence_start: bool) -> dict[str, str]:
    """The people, places and countries a span names, as lexicon keys, so "Russia's" and
    "Russian", "Zelenskyy" and "Zelensky", "the United States" and "Washington" are one:
    capitalised words that are not titles of office (nor part of one: "Development" in
    "Development Minister"), nor the first word of the sentence. Each key maps to the name
    as written (folded)."""
    out: dict[str, str] = {}
    # Each test looks at the characters next to the word, never at a copy of all the text
    # before it: that was quadratic in a long span of capitalised words.
    # The first word may follow an opening quotation mark or bracket.
    first = len(text) - len(text.lstrip(" \t\n\"'\u201c\u2018\u00ab(["))
    for m in _CAPITALISED.finditer(text):
        if at_sentence_start and m.start() <= first:
            continue
        if _after_sentence_end(text, m.start()):
            continue  # first word of a following sentence
        w = normalize(m.group()).removesuffix("'s")
        after = _NEXT_WORD.match(text, m.end())
        if (after and after.group(1).lower() in TITLES
                and not word_key(w).startswith("@")):
            continue  # part of a title: "Defence Secretary", "Economy Minister"
        if (w in TITLES or w in VERB_LADDER or w in MONTHS or w in WEEKDAYS
                or w in STOPWORDS or w in _DAYS_NAMED):
            continue
        if w in ("u.s", "u.s.", "united", "states", "estados", "unidos", "ee.uu", "ee.uu."):
            out["@us"] = w
            continue
        out[word_key(w)] = w
    return out


_OFFICE = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z]{1,4})+\b")


def offices(text: str) -> set[str]:
    """The parts of offices written as capitals joined by slashes ("HR/VP"): not names."""
    return {part.lower() for m in _OFFICE.finditer(text) for part in m.group().split("/")}


_GROUP_SIZES = {"7": "seven", "8": "eight", "20": "twenty"}
_GROUP_OF = re.compile(r"\bG-?(7|8|20)\b")


def acronym_spelled_out(span: str, other: str) -> bool:
    """The span holds an acronym the other sentence spells out ("EDCA", "Enhanced Defense
    Cooperation Agreement"; "EU", "European Union"; "START", "Strategic Arms Reduction
    Treaty")."""
    other_words = span_words(other)
    group = _GROUP_OF.search(span)
    if group and re.search(rf"\bgroup of {_GROUP_SIZES[group.group(1)]}\b", other, re.I):
        return True  # "G7", "the Group of Seven"
    return any(
        (letters := acronym(tok)) is not None
        and spelled_out(other_words, STOPWORDS, letters, syllables=True) is not None
        for tok in re.findall(r"[\w.]+", span)
    )
