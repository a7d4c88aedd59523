"""What can be compared between two texts in different languages without comparing words: the
figures, the dates, negation and the names of people, each read in the text's own language.

English, Spanish, French, German, Russian and Chinese are read (the tables are in
``data/languages.json``); another language is read for its digits, years and names only. A
figure is read with its language's separators and scales ("10 000", "10.000", "1,5 milliard",
"1,5 млрд", "10 тыс.", "15亿", "1万") and number words ("trois", "четырёх", "三十"); the day of
a dated month and a year are dates, not figures ("12 mai", "12. Mai", "12 мая", "5月12日");
names in another script are compared by their Latin transliteration (anyascii: "Блинкен" is
"Blinken"; a Chinese rendering by its consonants). The readings give the divergences of a
matched pair (:func:`readout_compare.divergence.cross_language_divergences`: figures and dates),
and the evidence of a match (:func:`correspondences`, :func:`polarity_note`, :func:`same_values`,
used by :func:`readout_compare.align.align_across_languages`); measured by
``bench/languages.py`` (docs/languages.md). Within one language, :mod:`quantities` reads the
numbers and dates of a word diff instead.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import islice

from readout_compare.normalize import CJK
from readout_compare.quantities import is_month_may

YEARS = (1900, 2100)
MAX_DIGITS = 15  # a longer run of digits is an identifier, not a figure

_DIGITS = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"  # 10 000 (French, Russian)
    r"|\d+(?:[.,']\d+)*"
)
_CJK_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_CHINESE_DATE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?", re.UNICODE)
# Thousands written with "mil" in Mexican Spanish: "mil 200" 1,200; "4 mil 500" 4,500; "mil 500
# millones" 1,500 million.
_MEXICAN_THOUSANDS = re.compile(
    r"(?<![\d.,])(?:(\d{1,3})\s+)?\bmil\s+(\d{1,3})(?![\d.,]\d)(\s+mill(?:ones|ón|on)\b)?")
# After a sentence's opening number, what makes it the number of a point: a full stop or a
# bracket, or a space before Chinese or Japanese ("3　両首脳は…").
_POINT_MARK = re.compile(rf"[.)](?!\d)|[ \u3000]+(?=[{CJK}])")
# Counters and units after a Chinese or Japanese numeral ("三国", "两次", "五人", "十分钟").
_COUNTER = re.compile(r"[个個名人国國次年月日天周週项項条條位方点點分秒倍成万亿億千百十件台架艘枚]")
_CJK_DATE_AFTER = re.compile(r"\s*(?:[年月日時时号]|分(?!間|钟|鐘))")
_LABEL_BEFORE = re.compile(r"(?:\b[Nn][Oo]\.?|№|\bn[º°])\s*$")
_LABEL_BEFORE_DIGITS = re.compile(r"\bno\.?\s*(?=\d)")
_LETTER_BEFORE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff](?:[-\u2011]?)$")


@dataclass(frozen=True)
class Reading:
    """What a sentence gives that another language can be compared with."""

    figures: dict[float, str] = field(default_factory=dict)  # value -> as written
    days: dict[tuple[int, int], str] = field(default_factory=dict)  # (month, day) -> as written
    months: dict[int, str] = field(default_factory=dict)
    years: dict[int, str] = field(default_factory=dict)
    weekdays: dict[int, str] = field(default_factory=dict)  # 0 = Monday
    negated: str = ""  # the negating word, if any
    reads_negation: bool = False  # whether the language's negating words are known


@lru_cache(maxsize=1)
def _tables() -> dict:
    text = resources.files("readout_compare").joinpath("data/languages.json").read_text("utf-8")
    return json.loads(text)


def _table(lang: str) -> dict:
    return _tables().get(lang, {})


@lru_cache(maxsize=4096)
def read(text: str, lang: str) -> Reading:
    """The figures, dates and negation of ``text``, read as ``lang`` (an ISO 639-1 code). Kept
    per text: a matched pair is read for its divergences, its notes and its correspondences.
    The reading's dicts are shared: do not change them."""
    table = _table(lang)
    reading = Reading()
    taken = _Taken(len(text))  # spans read as dates (or Mexican thousands), not as figures
    _read_dates(text, lang, table, reading, taken)
    _read_figures(text, lang, table, reading, taken)
    reading = _with_negation(text, lang, table, reading)
    return reading


class _Taken:
    """The characters of a text already read as part of a date, each looked up in one step."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def add(self, span: tuple[int, int]) -> None:
        self._mask[span[0]:span[1]] = b"\x01" * (span[1] - span[0])

    def at(self, i: int) -> bool:
        return bool(self._mask[i])


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _read_dates(text: str, lang: str, table: dict, reading: Reading,
                taken: _Taken) -> None:
    if lang in ("zh", "ja"):
        for m in _CHINESE_DATE.finditer(text):
            month = _small(m.group(2))
            if not 1 <= month <= 12:
                continue
            reading.months[month] = m.group()
            if m.group(3):
                day = _small(m.group(3))
                if 1 <= day <= 31:
                    reading.days[(month, day)] = m.group()
            if m.group(1):
                reading.years[int(m.group(1))] = m.group(1)
            taken.add(m.span())
        for m in re.finditer(r"(\d{4})年", text):
            reading.years[int(m.group(1))] = m.group(1)
            taken.add(m.span())
        for key, day in table.get("weekdays", {}).items():
            for m in re.finditer(key, text):
                reading.weekdays[day] = key
                taken.add(m.span())  # 周四 is Thursday, not four
        return
    months = table.get("months", {})
    weekdays = table.get("weekdays", {})
    words = _words(text)
    for w in words:
        key = w.group().lower().rstrip(".")
        if key in months and (key != "may" or _may_is_month(text, w)):
            month = months[key]
            reading.months[month] = w.group()
            for value, span in _days_beside(text, w):
                reading.days[(month, value)] = text[min(span[0], w.start()):max(span[1], w.end())]
                taken.add(span)
        elif key in weekdays:
            reading.weekdays[weekdays[key]] = w.group()
    for m in re.finditer(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)", text):
        year = int(m.group(1))
        if YEARS[0] <= year <= YEARS[1]:
            reading.years[year] = m.group(1)
            taken.add(m.span())


_JOIN = r"\s*(?:and|und|et|y|и|to|bis|au|al|-|\u2013)\s*"
_DAYS_BEFORE = re.compile(
    rf"(?<![\d.,])(?:(\d{{1,2}})\.?{_JOIN})?(\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+|of\s+)?$")
_DAYS_AFTER = re.compile(rf"\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:{_JOIN}(\d{{1,2}})(?:st|nd|rd|th)?)?(?![\d.,]\d)")


def _days_beside(text: str, month: re.Match[str]) -> list[tuple[int, tuple[int, int]]]:
    """The days of the month written right before the month ("12 mai", "12. Mai", "12 de
    mayo", "12 мая", "7. und 8. April") or right after it ("May 12", "April 7 and 8"), each with
    its span."""
    window = max(0, month.start() - 20)
    before = _DAYS_BEFORE.search(text, window, month.start())
    found = before or _DAYS_AFTER.match(text, month.end())
    if not found:
        return []
    return [(int(found.group(g)), found.span(g)) for g in (1, 2)
            if found.group(g) and 1 <= int(found.group(g)) <= 31]


def _may_is_month(text: str, w: re.Match[str]) -> bool:
    return is_month_may(text[max(0, w.start() - 12):w.end() + 8])


def _read_figures(text: str, lang: str, table: dict, reading: Reading,
                  taken: _Taken) -> None:
    scales = table.get("scales", {})
    if lang == "es":
        for m in _MEXICAN_THOUSANDS.finditer(text):
            value = (int(m.group(1) or 1) * 1000 + int(m.group(2))) * (
                1_000_000 if m.group(3) else 1)
            reading.figures[float(value)] = m.group()
            taken.add(m.span())
    for m in _DIGITS.finditer(text):
        if taken.at(m.start()):
            continue
        raw = m.group()
        if _LETTER_BEFORE.search(text[max(0, m.start() - 2):m.start()]):
            continue  # part of a name: G20, F-35, Su-57, COVID-19
        if re.match(r"[A-Z]", text[m.end():m.end() + 1]):
            continue  # 5G, 3D
        if _LABEL_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
            continue  # a number that names: No. 10 (Downing Street), № 5
        if not text[:m.start()].strip() and _POINT_MARK.match(text, m.end()):
            continue  # the number of a point: "3　両首脳は…", "2. The leaders …"
        if lang in ("zh", "ja") and _CJK_DATE_AFTER.match(text, m.end()):
            continue  # a date or a time of day: "28日", "午後11時5分" ("42分間" is a figure)
        value = _numeral(raw)
        if value is None:
            continue
        end = m.end()
        if lang in ("zh", "ja"):
            unit = re.match(r"\s*([万亿千百]+)", text[end:])
            if unit:
                value *= _cjk_scale(unit.group(1))
                end += unit.end()
        else:
            value, end = _scaled(text, end, value, scales)
        if math.isfinite(value):  # "9 billion billion …" past what a float holds is no figure
            reading.figures[value] = text[m.start():end]
    if lang in ("zh", "ja"):
        for m in _CJK_NUMERAL.finditer(text):
            if taken.at(m.start()) or not re.search(r"[一二两三四五六七八九十]", m.group()):
                continue
            if m.group() in table.get("not_numbers", ()) or any(
                    text.startswith(word, max(0, m.start() - 1)) or text.startswith(word, m.start())
                    for word in table.get("not_numbers", ())):
                continue
            if len(m.group()) == 1 and not _COUNTER.match(text, m.end()):
                continue  # one numeral character with no counter after it: part of a name (晋三)
            value = _chinese_number(m.group())
            if value is not None and value > 1:
                before = text[max(0, m.start() - 2):m.start()]
                if re.search(r"\d[.]?$", before):
                    continue  # the scale of a figure in digits, read above
                reading.figures.setdefault(value, m.group())
        return
    words = table.get("number_words", {})
    if words:
        for w in _words(text):
            key = w.group().lower()
            if key in words and not taken.at(w.start()):
                value, _ = _scaled(text, w.end(), float(words[key]), scales)
                if math.isfinite(value):
                    reading.figures.setdefault(value, w.group())


def _numeral(raw: str) -> float | None:
    """A numeral's value: "10,000", "10.000", "10 000" are ten thousand; "1,5" and "1.5" one
    and a half (a separator followed by exactly three digits marks thousands)."""
    if sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
        return None
    compact = re.sub(r"[ \u00a0\u202f']", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        compact = re.sub(r"[.,]", "", compact)
    else:
        compact = compact.replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _scaled(text: str, end: int, value: float, scales: dict) -> tuple[float, int]:
    """``value`` times the scale words written after it ("1,5 milliard", "2 mil millones",
    "10 тыс.")."""
    while True:
        m = re.match(r"[ \u00a0\u202f]*([^\W\d_]+\.?)", text[end:])
        if not m:
            return value, end
        key = m.group(1).lower()
        factor = scales.get(key) or scales.get(key.rstrip("."))
        if not factor:
            return value, end
        value *= factor
        end += m.end()


def _cjk_scale(units: str) -> float:
    factor = 1.0
    for ch in units:
        factor *= {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}[ch]
    return factor


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _chinese_number(s: str) -> float | None:
    """A number in Chinese characters: "三" 3, "十五" 15, "两千" 2000, "一百五十万" 1,500,000."""
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch in ("万", "亿"):
            section += digit or 0
            total = (total + section) * (10_000 if ch == "万" else 100_000_000)
            section, digit = 0, None
            if total >= 10**MAX_DIGITS * 1000:
                return None  # "一亿亿亿…": no figure, and past what a float holds
        else:
            return None
    return float(total + section + (digit or 0))


def _small(s: str) -> int:
    if s.isdigit():
        return int(s)
    value = _chinese_number(s)
    return int(value) if value is not None else 0


def _with_negation(text: str, lang: str, table: dict, reading: Reading) -> Reading:
    negations = table.get("negation", [])
    if not negations:
        return reading
    reading = replace(reading, reads_negation=True)
    exceptions = table.get("not_negation", [])
    lowered = _LABEL_BEFORE_DIGITS.sub(" ", text.lower())
    for phrase in exceptions:
        lowered = lowered.replace(phrase, " " * len(phrase))
    if lang in ("zh", "ja"):
        word = next((n for n in negations if n in lowered), "")
    else:
        tokens = re.findall(r"[^\W\d_]+(?:n't)?|n't", lowered)
        stems = tuple(n[:-1] for n in negations if n.endswith("*"))
        word = next((t for t in tokens if t in negations or (t.startswith(stems) and stems)
                     or (t.endswith("n't") and "n't" in negations)), "")
    if not word:
        return reading
    return replace(reading, negated=word)


# Two capitalised words are one name in two scripts when their Latin spellings are this close
# (rapidfuzz ratio, 0-100; "Blinken" and "Блинкеном", read "Blinkenom", 88) and begin alike.
NAME_SIMILARITY = 85
# At most this many capitalised words of each sentence are compared (each pair is a fuzzy
# comparison: a hostile sentence of thousands of capitalised words must not take minutes).
MAX_NAMES = 100
_CAPITALISED = re.compile(r"(?<![\w.])[A-ZÀ-ÞА-ЯЁ][^\W\d_]{2,}")


def correspondences(r_text: str, r_lang: str, a_text: str, a_lang: str) -> list[tuple[str, str]]:
    """The words of two sentences in two languages that say the same thing, as written on each
    side: figures, dates, years and days of the week of the same value ("40 million" = "40
    millones", "March 12" = "12 de marzo"), and names spelt alike once both are in Latin
    letters ("Blinken" = "Блинкен")."""
    r, a = read(r_text, r_lang), read(a_text, a_lang)
    out: list[tuple[str, str]] = []
    for r_said, a_said in ((r.figures, a.figures), (r.days, a.days), (r.years, a.years),
                           (r.weekdays, a.weekdays)):
        out += [(r_said[key], a_said[key]) for key in r_said if key in a_said]
    return out + _same_names(r_text, a_text)


def polarity_note(r_text: str, r_lang: str, a_text: str, a_lang: str) -> str | None:
    """A note for a reader when one of two matched sentences is negated and the other not ("not
    negated in the readout; negated in the account (“не”)"), where both languages' negating
    words are known; None otherwise. A note, not a divergence: a negation is often worded
    without a negating word in the other language ("unsafe" for "не безопасно")."""
    r, a = read(r_text, r_lang), read(a_text, a_lang)
    if not (r.reads_negation and a.reads_negation) or bool(r.negated) == bool(a.negated):
        return None
    side, word = ("readout", r.negated) if r.negated else ("account", a.negated)
    return f"negated in the {side} only (\u201c{word}\u201d): check whether the meaning differs"


def same_values(r_text: str, r_lang: str, a_text: str, a_lang: str) -> bool:
    """Whether two sentences give a figure or a date of the same value."""
    r, a = read(r_text, r_lang), read(a_text, a_lang)
    return any(r_said.keys() & a_said.keys() for r_said, a_said in (
        (r.figures, a.figures), (r.days, a.days), (r.weekdays, a.weekdays)))


def _same_names(r_text: str, a_text: str) -> list[tuple[str, str]]:
    from anyascii import anyascii
    from rapidfuzz import fuzz

    if _CJK_RUN.search(a_text) or _CJK_RUN.search(r_text):
        return _same_names_in_characters(r_text, a_text)

    a_names = [(m.group(), anyascii(m.group()).lower())
               for m in islice(_CAPITALISED.finditer(a_text), MAX_NAMES) if m.start()]
    out = []
    for m in islice(_CAPITALISED.finditer(r_text), MAX_NAMES):
        if not m.start():
            continue  # a sentence's first word is capitalised whatever it is
        latin = anyascii(m.group()).lower()
        same = next((said for said, other in a_names if other[:1] == latin[:1]
                     and fuzz.ratio(latin, other) >= NAME_SIMILARITY), None)
        if same is not None and (m.group(), same) not in out:
            out.append((m.group(), same))
    return out


# Chinese writes a foreign name by sound, a character a syllable ("布林肯" for Blinken): its
# pinyin (anyascii) is compared with the English spelling by their consonants, after folding
# the sounds the two spellings render differently (r and l, ng and n, sh and s, ...). A name
# pairs with a run of 2-5 characters whose consonants are this close (rapidfuzz ratio).
CONSONANT_SIMILARITY = 90
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_FOLDS_LATIN = (("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"), ("q", "k"), ("v", "w"),
                ("r", "l"))
_FOLDS_PINYIN = (("ng", "n"), ("zh", "j"), ("sh", "s"), ("ch", "k"), ("x", "s"), ("q", "k"),
                 ("r", "l"))
MIN_CONSONANTS = 3  # "Lin" or "Rubio" (l, b) are too short to tell by
# Characters of a text looked at for names (the encoders read no more of a sentence either).
MAX_NAME_CHARACTERS = 2_000


def _consonants(latin: str, folds: tuple[tuple[str, str], ...]) -> str:
    word = re.sub(r"[^a-z]", "", latin.lower())
    for a, b in folds:
        word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


def _same_names_in_characters(r_text: str, a_text: str) -> list[tuple[str, str]]:
    """Names of one text in Latin or Cyrillic letters found in the other's Chinese characters."""
    from anyascii import anyascii
    from rapidfuzz import fuzz

    latin_text, cjk_text = (r_text, a_text) if _CJK_RUN.search(a_text) else (a_text, r_text)
    windows = []
    for run in islice(_CJK_RUN.finditer(cjk_text[:MAX_NAME_CHARACTERS]), MAX_NAMES):
        chars = run.group()
        windows += [(chars[i:j], _consonants(anyascii(chars[i:j]), _FOLDS_PINYIN))
                    for i in range(len(chars)) for j in range(i + 2, min(i + 5, len(chars)) + 1)]
    out = []
    for m in islice(_CAPITALISED.finditer(latin_text), MAX_NAMES):
        if not m.start():
            continue
        name = _consonants(anyascii(m.group()), _FOLDS_LATIN)
        if len(name) < MIN_CONSONANTS:
            continue
        spelling = m.group().lower()
        # The closest consonants first; among equals, the run whose whole pinyin is closest to
        # the spelling ("布伦南" rather than "布伦" or "布伦南年内" for Brennan).
        scored = [(fuzz.ratio(name, sound), fuzz.ratio(spelling, anyascii(chars).lower()), chars)
                  for chars, sound in windows
                  if sound[:1] == name[:1] and sound[-1:] == name[-1:]
                  and abs(len(sound) - len(name)) <= 1]
        best = max(scored, default=None)
        if best and best[0] >= CONSONANT_SIMILARITY:
            pair = (m.group(), best[2]) if latin_text is r_text else (best[2], m.group())
            if pair not in out:
                out.append(pair)
    return out
