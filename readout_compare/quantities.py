"""Numbers and dates read from words and text: the values a span gives ("twelve" = 12, "2.5
million" = 2,500,000, "10 mil" = 10,000) and the months and days it names, so that matching
and divergences compare what a figure or a date says, not how it is written.

Shared by the steps like the lexicon, whose word lists (number words, scales, months) it reads.
"""

from __future__ import annotations

import datetime
import math
import re

from readout_compare.lexicon import (
    MONTHS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    SCALES,
    SPANISH_NUMBER_WORDS,
    SPANISH_SCALES,
    WEEKDAYS,
)
from readout_compare.model import Document

_ALL_SCALES = SCALES | {k: v for k, v in SPANISH_SCALES.items() if " " not in k}
_ALL_NUMBER_WORDS = NUMBER_WORDS | SPANISH_NUMBER_WORDS
# A decimal comma ("1,5 millones"): a comma followed by one or two digits is no thousands mark.
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
# Thousands marked with dots ("1.000.000", or "2.500 millones" before a Spanish scale).
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
# A numeral with more digits than this is no figure a readout gives (an identifier, a run of
# digits in hostile text); reading it would overflow a float.
MAX_DIGITS = 18


def number_values(words: list[str]) -> list[tuple[int, int, float]]:
    """Numbers read from a sequence of lower-case words, as (first word, end, value):
    "2.1", "billion" -> 2.1e9; "three", "hundred", "ninety" -> 390; "10,000" -> 10000."""
    out = []
    i = 0
    while i < len(words):
        start = _number_at(words, i)
        if start is None:
            i += 1
            continue
        value, j = _scaled(words, *start)
        if math.isfinite(value):  # "9 billion billion …" past what a float holds is no figure
            out.append((i, j, value))
        i = max(j, i + 1)
    return out


def _number_at(words: list[str], i: int) -> tuple[float, int] | None:
    """The number that starts at word ``i``, before any scale that follows it, with the index
    of the word after it (a scale alone is read as 1 and left to :func:`_scaled`)."""
    w = words[i].rstrip("%")
    if (w in _ALL_SCALES and (len(w) > 3 or w == "mil") and w != "hundred"
            and (i == 0 or not _is_number(words[i - 1]))):
        return 1.0, i  # "a million", "un millón", "mil": the scale alone
    if _NUMBER.match(w) and sum(ch.isdigit() for ch in w) <= MAX_DIGITS:
        value = _numeral(w, i + 1 < len(words) and words[i + 1] in SPANISH_SCALES)
        return None if value is None else (value, i + 1)
    if w == "half" and i + 2 < len(words) and words[i + 1] == "a" and words[i + 2] in SCALES:
        return 0.5, i + 2  # "half a billion"
    if w in _ALL_NUMBER_WORDS:
        return _number_words(words, i, w)
    return None


def _numeral(w: str, spanish_scale_next: bool) -> float | None:
    """The value of a numeral written in digits: "10,000", "1,5" (a decimal comma), "1.000.000"
    and "2.500" before a Spanish scale (thousands marked with dots)."""
    if _DECIMAL_COMMA.match(w):
        number = w.replace(",", ".")
    elif _DOTTED_THOUSANDS.match(w) and (w.count(".") > 1 or spanish_scale_next):
        number = w.replace(".", "")
    else:
        number = w.replace(",", "")
    try:
        return float(number)
    except ValueError:
        return None


def _number_words(words: list[str], i: int, first: str) -> tuple[float, int]:
    """A number in words from word ``i`` (``first``, without "%"): "three hundred ninety",
    "twenty-one" read as "twenty", "one", "veinte y dos"."""
    words_of = _ALL_NUMBER_WORDS
    part, j = float(words_of[first]), i + 1
    while j < len(words):
        nxt = words[j]
        if nxt in words_of and words_of[nxt] < 10 <= part and part % 10 == 0:
            part += words_of[nxt]
        elif nxt == "hundred":
            part *= 100
        elif nxt in words_of and part >= 100 and part % 100 == 0:
            part += words_of[nxt]
        elif nxt in ("and", "y") and j + 1 < len(words) and words[j + 1] in words_of:
            pass
        else:
            break
        j += 1
    return part, j


def _scaled(words: list[str], value: float, j: int) -> tuple[float, int]:
    """``value`` times the scales from word ``j`` on ("million", "mil millones"), with the index
    of the word after them."""
    while (j < len(words) and words[j].rstrip("%") in _ALL_SCALES
           and words[j] != "hundred"):
        value *= _ALL_SCALES[words[j].rstrip("%")]
        j += 1
    return value, j


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word.rstrip("%"))) or word in _ALL_NUMBER_WORDS


def number_key(value: float) -> str:
    """The key a number is matched by, whichever way it is written: "#390"."""
    return "#" + (str(int(value)) if value == int(value) else repr(value))


_MULTIPLIERS = {"double": 2.0, "doubled": 2.0, "twice": 2.0, "triple": 3.0, "tripled": 3.0,
                "treble": 3.0, "quadruple": 4.0, "halve": 0.5, "halved": 0.5}


def numbers(words: list[str]) -> tuple[float, ...]:
    """The quantities in a run of words, digits and number words alike ("12" and "twelve",
    "25%" and "25 percent", "2.5 million" and "2,500,000", "three hundred ninety" and "390"),
    and multipliers ("double", "triple")."""
    values = [value for _, _, value in number_values(words)]
    values += [_MULTIPLIERS[w] for w in words if w in _MULTIPLIERS]
    return tuple(sorted(values))


def years(values: tuple[float, ...]) -> bool:
    """Whether every value is a year (1900-2100)."""
    return bool(values) and all(v == int(v) and 1900 <= v <= 2100 for v in values)


# A count given only as an order of magnitude: "dozens of officials" for "about 30".
_VAGUE = frozenset(["dozens", "scores", "hundreds", "thousands", "millions", "billions",
                    "several", "numerous"])


def vague_count(words: list[str]) -> bool:
    """Whether a span gives a count only as an order of magnitude ("dozens", "several")."""
    return any(w in _VAGUE for w in words)


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DATE_IN_TEXT = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(\d{1,2}),\s+(\d{4})\b"
)


def document_date(doc: Document) -> datetime.date | None:
    """The readout's date: from its provenance (a page's published date), else the first
    "Month D, YYYY" in its opening lines."""
    if doc.source.date:
        try:
            return datetime.date.fromisoformat(doc.source.date[:10])
        except ValueError:
            pass
    m = _DATE_IN_TEXT.search(doc.text[:400])
    if m:
        try:
            return datetime.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            return None
    return None


def weekday(doc: Document) -> str | None:
    """The document's day of the week ("mon" … "sun"), when its date is known."""
    day = document_date(doc)
    return _DAYS[day.weekday()] if day else None


def dates(words: list[str], raw: str, today: str | None = None) -> tuple[object, ...]:
    """The months and days a span names; "today", "yesterday" and "tomorrow" become days of
    the week when the readout's date (``today``, a weekday) is known."""
    out: list[object] = []
    for w in words:
        key = w.rstrip(".")
        if key in _SHIFT and today in _DAYS:
            out.append(("day", _DAYS[(_DAYS.index(today) + _SHIFT[key]) % 7]))
            continue
        if key in MONTHS and (key != "may" or is_month_may(raw)):
            out.append(("month", MONTHS[key]))
        elif key in WEEKDAYS or key in RELATIVE_DAYS:
            out.append(("day", key[:3]))
    return tuple(out)


def dated(before: str, r_text: str, a_text: str, after: str) -> bool:
    """A month right before or after a changed number: the number is a day ("October 9" ->
    "October 19"), not a figure further on ("since late June and … 100,000 homes")."""
    prev = re.search(r"([A-Za-z]+)\.?\s*$", before)
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    starts = all(re.match(r"\s*\d", t) for t in (r_text, a_text))
    ends = all(re.search(r"\d\s*$", t) for t in (r_text, a_text))
    return bool((prev and starts and prev.group(1).lower() in MONTHS)
                or (nxt and ends and nxt.group(1).lower() in MONTHS))


def same_kind(r: tuple[object, ...], a: tuple[object, ...]) -> bool:
    """Both give a month, or both a day of the week: "today" and "on Tuesday", or "June 12"
    and "Thursday", may be the same day, so only like is compared with like."""
    kinds = {k for k, _ in r} & {k for k, _ in a}  # type: ignore[misc]
    relative = {("day", "tod"), ("day", "yes"), ("day", "tom")}
    return bool(kinds) and not (set(r) & relative or set(a) & relative)


_MONTH_MAY = re.compile(r"(?<![.!?]\s)\bMay\b(?=\s+\d|\s*,?\s+\d{4})|\b(?:in|since|until|of|last|next|early|late|mid-|on)\s+May\b|\b\d{1,2}(?:st|nd|rd|th)?\s+May\b")


def is_month_may(raw: str) -> bool:
    """Whether "May" in a text is the month ("in May", "May 5"), not the modal."""
    return bool(_MONTH_MAY.search(raw))
