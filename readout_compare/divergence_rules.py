"""The divergences inside one matched pair, read from its word diff: one rule per divergence type
(number, date, negation, modality, entity, reporting verb), each a function of one changed
stretch and the pair around it, run in a fixed order.

Only what changed is examined, so words the two share never count, and readout words the
account did not report are not taken for changes. Rules and limits:
docs/quotes-and-divergences.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from rapidfuzz import fuzz

from readout_compare import quantities
from readout_compare.lexicon import HEDGE_CLASSES, LADDER_NAMES, word_key
from readout_compare.model import DiffOp, Divergence, DivergenceType
from readout_compare.normalize import STOPWORDS
from readout_compare.quote_marks import quote_spans
from readout_compare.wording import (
    acronym_spelled_out,
    committed,
    conditions,
    delivered,
    modal_classes,
    modality,
    name_keys,
    negations,
    offices,
    saying,
    says_something,
    span_words,
)

# A negation counts in a replaced stretch of this many words at most (both sides), and as a
# word or two added or left out: a longer stretch is a rewrite, not a denial.
NEGATION_SPAN = 12
NEGATION_WORDS = 2
# Two names this alike (rapidfuzz ratio, 0-100) are one name spelled two ways.
NAME_VARIANT = 80
# A verb of saying the diff does not set against the other side's is compared only when words
# the pair shares follow it within this many words: it governs what both report.
GOVERNED_WORDS = 12
_POSSESSIVE = re.compile(r"\b[A-Z]\w+['\u2019]s\b")


def pair_divergences(
    diff: tuple[DiffOp, ...], readout_sentence: str, *, elsewhere: frozenset[float] = frozenset(),
    today: str | None = None,
) -> list[Divergence]:
    """Typed divergences in one matched pair, read from its word diff.

    Only what the account says is compared: readout words the account leaves out (a delete,
    as when it reports one clause of a long sentence) change nothing, except a negation the
    account drops from words it otherwise repeats. ``elsewhere``: the numbers of the other
    readout sentences the account sentence reports, which it may take from them. ``today``:
    the readout's day of the week ("mon" … "sun"), when its date is known, so that its "today"
    is compared with the account's weekday.
    """
    pair = _Pair.read(diff, elsewhere)
    found: list[Divergence] = []
    changed: list[_Change] = []
    for i, (tag, r_text, a_text) in enumerate(diff):
        if tag == "equal":
            continue
        change = _Change(diff, i, today, pair)
        rules = _ANY_CHANGE + _REPLACED if change.tag == "replace" else _ANY_CHANGE
        for kind, rule in rules:
            detail = rule(change, pair)
            if detail is not None:
                found.append(Divergence(
                    type=kind,
                    account_text=a_text.strip(),
                    readout_text=r_text.strip(),
                    readout_sentence=readout_sentence,
                    direction=None,
                    detail=detail,
                ))
        changed.append(change)
    verb = _reporting_verb(changed, readout_sentence, _quoted(pair.a_sentence), pair.r_sentence,
                           pair.a_sentence)
    return [*found, verb] if verb else found


@dataclass(frozen=True)
class _Pair:
    """What the rules read of the whole pair: its two sentences, the names and modals each
    has anywhere, and the numbers it may take from other readout sentences."""

    r_sentence: str
    a_sentence: str
    r_keys: dict[str, str]
    a_keys: dict[str, str]
    r_modals: set[str]
    a_modals: set[str]
    elsewhere: frozenset[float]

    @classmethod
    def read(cls, diff: tuple[DiffOp, ...], elsewhere: frozenset[float]) -> _Pair:
        r_sentence = "".join(op[1] for op in diff)
        a_sentence = "".join(op[2] for op in diff)
        # The modals of the whole sentences: one that only moved ("what both sides should do
        # is to maintain …" -> "maintaining … is what both parties should do") is no change.
        return cls(
            r_sentence, a_sentence, _named_anywhere(r_sentence), _named_anywhere(a_sentence),
            modal_classes(modality(span_words(r_sentence), r_sentence)),
            modal_classes(modality(span_words(a_sentence), a_sentence)),
            elsewhere,
        )


# The readout's characters after a changed stretch that a verb of saying there may govern.
AFTER_CHARACTERS = 60


def _named_anywhere(sentence: str) -> dict[str, str]:
    """The names of a whole sentence (name_keys), with the countries it names in lower-case
    words: Spanish, French or German adjectives ("estadounidense", "mexicano") name a country
    as "American" does. A name is found anywhere in a sentence only to rule a change out."""
    keys = name_keys(sentence, True)
    for w in _LOWER_WORD.findall(sentence):
        key = word_key(w)
        if key.startswith("@"):
            keys.setdefault(key, w)
    return keys


_LOWER_WORD = re.compile(r"\b[a-z\u00df-\u00ff][\w\u00c0-\u00ff]*")


class _Change:
    """One changed stretch of the diff (its tag, readout and account words) with its context:
    the shared words around it, whether it starts the sentence, and the readout's weekday."""

    def __init__(self, diff: tuple[DiffOp, ...], i: int, today: str | None,
                 pair: _Pair) -> None:
        tag, self.r_text, self.a_text = diff[i]
        self.r_words, self.a_words = span_words(self.r_text), span_words(self.a_text)
        # Context for words that read differently by their neighbours ("in May").
        self.before = diff[i - 1][1][-16:] if i and diff[i - 1][0] == "equal" else ""
        self.after = (diff[i + 1][1][:8] if i + 1 < len(diff) and diff[i + 1][0] == "equal"
                      else "")
        self.r_raw = self.before + self.r_text + self.after
        self.a_raw = self.before + self.a_text + self.after
        # The account puts only attribution where the readout goes on ("…, the Pentagon
        # said"): the readout's words are left out, not changed.
        self.tag = "delete" if tag == "replace" and not says_something(self.a_text) else tag
        self._diff, self._i, self._today, self._pair = diff, i, today, pair

    @cached_property
    def after_text(self) -> str:
        """The readout's words after the stretch, up to a few: what a verb of saying governs
        (read only for a readout verb of saying)."""
        return self._after(1)

    @cached_property
    def a_after_text(self) -> str:
        """The account's words after the stretch, up to a few."""
        return self._after(2)

    def _after(self, side: int) -> str:
        """The words of one side of the diff (1 the readout's, 2 the account's) after the
        stretch, up to AFTER_CHARACTERS."""
        after = ""
        for op in self._diff[self._i + 1:]:
            after += op[side]
            if len(after) >= AFTER_CHARACTERS:
                break
        return after[:AFTER_CHARACTERS]

    def governs_shared(self, verb: str, side: int) -> bool:
        """Whether words the two sentences share follow the verb of saying closely (within
        :data:`GOVERNED_WORDS` of that side's words): it says what the pair has in common,
        not a clause of its own ("emphasized the need for steps …" added after the readout's
        "met with Lavrov")."""
        words = span_words(self.r_text if side == 1 else self.a_text)
        last = max((k for k, w in enumerate(words) if w == verb.split()[-1]), default=None)
        if last is None:
            return False
        seen = len(words) - last - 1
        for op in self._diff[self._i + 1:]:
            if seen >= GOVERNED_WORDS:
                return False
            op_words = span_words(op[side])
            if op[0] == "equal":
                if any(len(w) > 2 and w not in STOPWORDS
                       for w in op_words[:GOVERNED_WORDS - seen]):
                    return True
            seen += len(op_words)
        return False

    def a_words_unquoted(self, quoted: list[tuple[int, int]]) -> list[str]:
        """The account's words of the stretch that stand outside the ``quoted`` spans of its
        sentence (offsets into the sentence the diff's account side makes)."""
        start = sum(len(op[2]) for op in self._diff[:self._i])
        if not any(lo < start + len(self.a_text) and start < hi for lo, hi in quoted):
            return self.a_words
        kept = "".join(" " if any(lo <= start + k < hi for lo, hi in quoted) else ch
                       for k, ch in enumerate(self.a_text))
        return span_words(kept)

    @cached_property
    def r_first(self) -> bool:
        """Whether the readout side starts the sentence (its first word is no name)."""
        return all(not op[1].strip() for op in self._diff[:self._i])

    @cached_property
    def a_first(self) -> bool:
        return all(not op[2].strip() for op in self._diff[:self._i])

    @cached_property
    def numbers(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """The figures of each side; the digits of a name are none ("G-7", "COVID-19",
        "F-35", "5G")."""
        # Read in the whole sentences: a diff may share the hyphen of "COVID-19" and "G-7".
        return (_figures(quantities.numbers(self.r_words), self._pair.r_sentence),
                _figures(quantities.numbers(self.a_words), self._pair.a_sentence))

    @cached_property
    def dates(self) -> tuple[tuple[object, ...], tuple[object, ...]]:
        """The dates of each side; numbers next to a month, or years on both sides, are dates
        ("October 9" -> "October 19", "the 1951 treaty" -> "the 1952 treaty")."""
        r_dates = quantities.dates(self.r_words, self.r_raw, self._today)
        a_dates = quantities.dates(self.a_words, self.a_raw)
        r_nums, a_nums = self.numbers
        if quantities.dated(self.before, self.r_text, self.a_text, self.after) or (
                quantities.years(r_nums) and quantities.years(a_nums)):
            r_dates, a_dates = r_dates or (("day of", r_nums),), a_dates or (("day of", a_nums),)
        return r_dates, a_dates


# Digits that are part of a name: letters and a hyphen before them ("G-7", "COVID-19", "Su-57"),
# or a generation's "G" after them ("5G").
_NAMED_DIGITS = re.compile(r"(?<![\w-])[A-Za-z]{1,6}-(\d{1,4})(?![\d,.]\d)|\b(\d{1,2})G\b")


# Digits of a date or a time of day in Chinese or Japanese ("2月10日", "2017年", "14時35分"),
# read as the dates they are, not as figures ("約25分間", a duration, stays a figure).
_CJK_DATE_DIGITS = re.compile(r"(\d{1,4})\s*[年月日時号]|時(\d{1,2})分(?!間)")


def _figures(values: tuple[float, ...], raw: str) -> tuple[float, ...]:
    """``values`` without those that the digits of a name in ``raw`` give, or of a date in
    Chinese or Japanese."""
    named = {float(m.group(1) or m.group(2)) for m in _NAMED_DIGITS.finditer(raw)}
    named |= {float(m.group(1) or m.group(2)) for m in _CJK_DATE_DIGITS.finditer(raw)}
    return tuple(v for v in values if v not in named) if named else values


Rule = Callable[[_Change, _Pair], str | None]


def _hedge(c: _Change, p: _Pair) -> str | None:
    """A hedge ("up to", "about", "more than") on a figure that one side has and the other
    not: "up to 150,000 rounds" reported as "150,000 rounds"."""
    r_said, a_said = " ".join(c.r_words), " ".join(c.a_words)
    if (c.tag == "replace" and r_said in HEDGE_CLASSES and a_said in HEDGE_CLASSES
            and re.match(r"\s*\$?\d", c.after)
            and HEDGE_CLASSES.get(r_said, r_said) != HEDGE_CLASSES.get(a_said, a_said)):
        return f"“{r_said}” in the readout, “{a_said}” in the account"
    if c.tag not in ("delete", "insert") or not re.match(
        r"\s*\$?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
        r"fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b)", c.after, re.I
    ):
        return None
    said = r_said if c.tag == "delete" else a_said
    if said not in HEDGE_CLASSES:
        return None
    return (f"“{said}” on the figure in the readout only" if c.tag == "delete"
            else f"“{said}” on the figure in the account only")


def _negation(c: _Change, p: _Pair) -> str | None:
    """A short stretch with a different count of negations."""
    r_neg, a_neg = negations(c.r_words), negations(c.a_words)
    short = len(c.r_words) + len(c.a_words) <= (NEGATION_SPAN if c.tag == "replace"
                                                 else NEGATION_WORDS)
    if r_neg == a_neg or not short:
        return None
    if (negations([w for w in c.r_words if w != "nor"])
            == negations([w for w in c.a_words if w != "nor"])
            and negations(span_words(p.r_sentence)) and negations(span_words(p.a_sentence))):
        # "does not seek conflict nor is it pursuing regime change" -> "is not seeking regime
        # change": a "nor" carries on a negation both sentences hold; it adds none.
        return None
    return "negated in the account only" if a_neg > r_neg else "negated in the readout only"


def _possibility_added(c: _Change, p: _Pair) -> str | None:
    """A few words the account adds that make the claim a possibility ("may")."""
    if (c.tag == "insert" and len(c.a_words) <= 4
            and modality(c.a_words, c.a_raw) == "possibility"
            and not _RELATIVE_MODAL.search(c.a_text)):
        return "plain statement in the readout, possibility in the account"
    return None


def _date(c: _Change, p: _Pair) -> str | None:
    """Dates on both sides that differ, like compared with like."""
    r_dates, a_dates = c.dates
    if (r_dates and a_dates and (r_dates, c.numbers[0]) != (a_dates, c.numbers[1])
            and quantities.same_kind(r_dates, a_dates)):
        return "date or time differs"
    return None


def _number(c: _Change, p: _Pair) -> str | None:
    """Quantities on both sides that differ, in no date and not taken from another readout
    sentence the account sentence reports."""
    r_dates, a_dates = c.dates
    r_nums, a_nums = c.numbers
    if (quantities.years(r_nums) != quantities.years(a_nums)
            or _in_years_span(r_nums, p.r_sentence) or _in_years_span(a_nums, p.a_sentence)):
        return None  # a year ("the 2022-27 period", "by 2027") is no count of anything
    if (r_nums and a_nums and r_nums != a_nums and not (r_dates or a_dates)
            and not set(a_nums) <= p.elsewhere):
        return f"{_fmt(r_nums)} in the readout, {_fmt(a_nums)} in the account"
    return None


# A span of years written with a hyphen, a dash or a slash: "2022-27", "2022\u20132027".
_YEARS_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-\u2013/]\s*(\d\d|(?:19|20)\d\d)\b")


def _in_years_span(values: tuple[float, ...], sentence: str) -> bool:
    """Whether a figure is the end of a span of years in the sentence ("27" of "2022-27")."""
    ends = {int(m.group(1)) for m in _YEARS_SPAN.finditer(sentence)}
    return any(v == int(v) and int(v) in ends for v in values)


def _entity(c: _Change, p: _Pair) -> str | None:
    """A name for a name: a person, place or country the readout names that the account does
    not name anywhere, where the account names one the readout does not; or a place for a
    place ("in Damascus" -> "in Amman") even when the readout's country is named elsewhere in
    the account ("the Syrian minister")."""
    if not (len(c.r_words) <= 4 and len(c.a_words) <= 4):
        return None  # a rewrite, not a name for a name
    r_span = name_keys(c.r_text, c.r_first)
    gone, new = _other_names(c, p, r_span)
    # A place for a place in words the two share ("met today in Damascus" -> "… in Amman"),
    # not between two rewritten stretches (a sentence reordered: "con su homólogo de Estados
    # Unidos" against "y al pueblo de México").
    places = (bool(r_span) and bool(new) and all(k.startswith("@") for k in {*r_span, *new})
              and any(len(w) > 2 and w not in STOPWORDS for w in span_words(c.before + " " + c.after)))
    # A person for a country or a country for a person ("Putin's attacks" -> "Russia's
    # attacks") names the same side, not another one.
    metonym = bool(gone and new) and (
        all(k.startswith("@") for k in gone) != all(k.startswith("@") for k in new)) and (
        _POSSESSIVE.search(c.r_text) is not None and _POSSESSIVE.search(c.a_text) is not None)
    if ((((gone and new) and not metonym and _only_names_differ(c)) or places)
            and not acronym_spelled_out(c.r_text, p.a_sentence)
            and not acronym_spelled_out(c.a_text, p.r_sentence)):
        return "a different name in the same place"
    return None


def _only_names_differ(c: _Change) -> bool:
    """The two stretches say the same but for their names: their other content words are the
    same ("Putin's attacks" -> "Russia's attacks"), or there are none ("Damascus" -> "Amman"),
    or both stretches are of two words at most ("northern Gaza" -> "southern Lebanon").
    "conflict in Gaza, the" -> "phone with Israel's" rewrites the stretch; it swaps no name."""
    if len(c.r_words) <= 2 and len(c.a_words) <= 2:
        return True

    def others(text: str) -> set[str]:
        # Its words in lower case (names and titles of office are capitalised).
        return {word_key(w) for w in re.findall(r"\b[a-z][\w'\u2019-]*", text)
                if len(w) > 2 and w.islower() and w not in STOPWORDS}
    return others(c.r_text) == others(c.a_text)


def _other_names(c: _Change, p: _Pair, r_span: dict[str, str]) -> tuple[set[str], set[str]]:
    """The names of the readout's stretch the account has nowhere, and those of the account's
    stretch the readout has nowhere: two spellings of one name ("Gaddafi", "Qaddafi";
    "Zelenskyy", "Zelenskiy") and offices ("HR/VP") left aside."""
    a_span = name_keys(c.a_text, c.a_first)
    gone = {k: w for k, w in r_span.items() if k not in p.a_keys}
    new = {k: w for k, w in a_span.items() if k not in p.r_keys}
    same = {(x, y) for x in gone for y in new if _one_name(gone[x], new[y])}
    titles = offices(c.r_text) | offices(c.a_text)
    return ({x for x in gone if not any(x == a for a, _ in same) and x not in titles},
            {y for y in new if not any(y == b for _, b in same) and y not in titles})


def _one_name(a: str, b: str) -> bool:
    """Two spellings of one name, or a short form and its name: "Joe" and "Joseph" (a table
    of given names), "Alex" and "Alexey" (the shorter, of three letters or more, begins the
    longer)."""
    short, long = sorted((a, b), key=len)
    return (fuzz.ratio(a, b) >= NAME_VARIANT or (len(short) >= 3 and long.startswith(short))
            or _GIVEN_NAMES.get(a, a) == _GIVEN_NAMES.get(b, b))


def _given_names() -> dict[str, str]:
    """Each form of a given name (data/given_names.tsv), mapped to the first form of its line."""
    text = resources.files("readout_compare").joinpath("data/given_names.tsv").read_text("utf-8")
    return {form: line.split("\t")[0] for line in text.splitlines()
            if line.strip() and not line.startswith("#") for form in line.split("\t")}


_GIVEN_NAMES = _given_names()


def _modal(c: _Change, p: _Pair) -> str | None:
    """A modal the readout used, changed or dropped, or a hedge the account adds ("could
    provide" for "provided"); an account's "will" for the readout's plain statement of a plan
    is the same claim, and a modal that only moved in the sentence is no change."""
    r_mod, a_mod = modality(c.r_words, c.r_raw), modality(c.a_words, c.a_raw)
    if _same_ability(c):
        return None  # "were able to" for "could": the same ability in other words
    if ({r_mod, a_mod} == {"possibility", "certainty"} and _CAN & {*c.r_words, *c.a_words}
            and _negated(c.r_text, c.after_text) and _negated(c.a_text, c.a_after_text)):
        # "will not be reopened" for "could not be reopened": ruled out either way ("may not"
        # for "will not" is a hedge, and stays one).
        return None
    dropped_tense = r_mod == "certainty" and a_mod is None  # "would provide" -> "announced"
    if r_mod and a_mod is None and max(len(c.r_words), len(c.a_words)) > MODAL_DROP_WORDS:
        # A modal gone with a whole clause rewritten ("should be held responsible for his
        # actions" -> "accountable," the statement continued): a rewrite, not a hedge removed.
        return None
    moved = modal_classes(r_mod) <= p.a_modals and modal_classes(a_mod) <= p.r_modals
    if not r_mod and a_mod == "possibility" and _RELATIVE_MODAL.search(c.a_text):
        return None  # "efforts that could help achieve" for "efforts conducive to": a noun's
    if not moved and ((r_mod and r_mod != a_mod and not dropped_tense) or (
            not r_mod and a_mod == "possibility")):
        return (f"{r_mod or 'plain statement'} in the readout, "
                f"{a_mod or 'plain statement'} in the account")
    return None


# A possibility in a relative clause the account writes in place of the readout's words
# describes a noun ("all efforts that could help achieve" for "all efforts conducive to"); it
# does not hedge the claim. (One put into the readout's own clause does: "which may have been
# delayed" for "which have been delayed".)
_RELATIVE_MODAL = re.compile(r"(?i)\b(?:that|which|who)\s+(?:could|can|may|might)\b")
# A modal the account leaves out counts in a changed stretch of at most this many words a side
# ("may impose" -> "imposes"); past it, the clause is rewritten.
MODAL_DROP_WORDS = 3
_ABILITY = re.compile(r"\b(?:un)?able(?:\s+to)?\b|\bcapable\s+of\b", re.I)
_CAN = frozenset(["can", "could", "cannot", "can't", "couldn't"])
# How far after a changed modal its "able to" is looked for ("would not be able to attend").
ABILITY_WORDS = 3


_NEGATED_MODAL = re.compile(r"(?i)(?:\b(?:cannot|can't|couldn't|won't|wouldn't|mustn't)\b"
                            r"|n't\s*$|\bnot\s*$)")


def _negated(changed: str, after: str) -> bool:
    """The changed modal is negated: in its own words ("cannot", "won't") or by the "not" that
    follows it in the words the two share ("could" for "will", then "not be reopened")."""
    return bool(_NEGATED_MODAL.search(changed)) or re.match(r"(?i)\s*not\b", after) is not None


def _same_ability(c: _Change) -> bool:
    """One side says "could" or "can", the other "(was, would not be) able to": an ability
    either way, not a change of modality. The "able" may follow the changed word in the words
    the two share ("could" for "would", then "not be able to attend" in the readout only)."""
    r_side = c.r_text + " " + " ".join(c.after_text.split()[:ABILITY_WORDS])
    a_side = c.a_text + " " + " ".join(c.a_after_text.split()[:ABILITY_WORDS])
    return bool((_CAN & set(c.r_words) and (_ABILITY.search(c.a_raw) or _ABILITY.search(a_side)))
                or (_CAN & set(c.a_words) and (_ABILITY.search(c.r_raw)
                                               or _ABILITY.search(r_side))))


def _vague_figure(c: _Change, p: _Pair) -> str | None:
    """A figure on one side where the other gives only an order of magnitude."""
    r_dates, a_dates = c.dates
    r_nums, a_nums = c.numbers
    vague_r, vague_a = quantities.vague_count(c.r_words), quantities.vague_count(c.a_words)
    if (vague_r != vague_a and (r_nums or vague_r) and (a_nums or vague_a)
            and not (r_dates or a_dates)):
        return "a figure on one side, only an order of magnitude (“dozens”) on the other"
    return None


def _condition(c: _Change, p: _Pair) -> str | None:
    """The account makes the claim conditional on something the readout did not ("will be
    determined by our assessment" -> "depends on new steps")."""
    r_cond, a_cond = conditions(c.r_words), conditions(c.a_words)
    if a_cond and c.r_words and (not r_cond or not (r_cond & a_cond) - {"?"}):
        return "a condition in the account that the readout does not set"
    return None


def _commitment(c: _Change, p: _Pair) -> str | None:
    """What the readout says was committed, the account says was delivered."""
    if committed(c.r_words) and delivered(c.a_words):
        return "a commitment in the readout, a delivery in the account"
    return None


# The rules, in the order a pair's divergences are listed: on every changed stretch, then on
# replaced stretches only (words the account leaves out or adds are no changed figure or name).
_ANY_CHANGE: tuple[tuple[DivergenceType, Rule], ...] = (
    ("number", _hedge), ("negation", _negation), ("modality", _possibility_added),
)
_REPLACED: tuple[tuple[DivergenceType, Rule], ...] = (
    ("date", _date), ("number", _number), ("entity", _entity), ("modality", _modal),
    ("number", _vague_figure), ("modality", _condition), ("modality", _commitment),
)


def _reporting_verb(changed: list[_Change], readout_sentence: str,
                    quoted: list[tuple[int, int]], r_sentence: str = "",
                    a_sentence: str = "") -> Divergence | None:
    """The strongest verb of saying of the readout's replaced stretches against the account's:
    a stronger verb is a finding; a weaker one only from forceful to neutral ("said" for
    "reaffirmed" is how news writes). The account's verbs are its own, outside its quotation
    marks: a verb it quotes ("Austin also “called for Palestinian leaders to condemn
    terrorism”") is the quoted words', and the quotation is judged as such.

    A word diff often does not put the two verbs face to face: "also stressed the need for
    dialogues" against "also discussed the importance of substantive dialogue" comes out as
    "stressed" added and "discussed" replaced by other words. So a stronger verb is also read
    from all the ``changed`` stretches (added words on the account's side, left-out words on
    the readout's): only as an escalation, a verb the readout sentence says nowhere as
    strongly; a weaker verb the account adds is most often its attribution ("…, officials
    said")."""
    replaced = [c for c in changed if c.tag == "replace"]
    found = _verb_change(replaced, quoted, r_sentence, a_sentence, softens=True)
    if found is None:
        found = _verb_change(changed, quoted, r_sentence, a_sentence, softens=False)
    if found is None:
        return None
    (r_word, r_level), (a_word, a_level) = found
    return Divergence(
        type="reporting_verb",
        account_text=a_word,
        readout_text=r_word,
        readout_sentence=readout_sentence,
        direction="escalates" if a_level > r_level else "softens",
        detail=f"{LADDER_NAMES[r_level]} \u2192 {LADDER_NAMES[a_level]}",
    )


def _verb_change(changes: list[_Change], quoted: list[tuple[int, int]], r_sentence: str,
                 a_sentence: str, softens: bool
                 ) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """The readout's and the account's strongest verbs of saying in ``changes``, when the
    account's is stronger (or, with ``softens``, two rungs weaker)."""
    r_verbs = [_weighted(v, c) for c in changes for v in saying(c.r_words)
               if not _modifies_a_noun(v[0], c.r_raw) and (softens or c.governs_shared(v[0], 1))]
    a_verbs = [v for c in changes for v in saying(c.a_words_unquoted(quoted))
               if not _modifies_a_noun(v[0], c.a_raw) and (softens or c.governs_shared(v[0], 2))]
    if not (r_verbs and a_verbs):
        return None
    r_word, r_level = max(r_verbs, key=lambda v: v[1])
    a_word, a_level = max(a_verbs, key=lambda v: v[1])
    if not (a_level > r_level or (softens and r_level - a_level >= 2)):
        return None
    if a_level > r_level and _strongest_saying(r_sentence) >= a_level:
        # The readout sentence says it as strongly elsewhere ("China calls on Ukraine and
        # Russia to find a solution …, said Wang" -> "Wang urged"): the verb is the story's
        # word for that one, not a stronger one.
        return None
    if _said_by_the_document(a_word, a_sentence):
        # "The Kremlin emphasised Putin's hope …": the verb tells how the statement put it,
        # not what its principal did; the readout's own verb is not changed.
        return None
    return (r_word, r_level), (a_word, a_level)


# A body, a document or a spokesperson as the subject of the account's verb of saying.
_DOCUMENT_SUBJECT = re.compile(
    r"(?:Kremlin|[Ss]tatement|[Rr]eadout|[Rr]elease|White House|[Mm]inistry|Department|"
    r"Downing Street|Pentagon|[Oo]ffice|[Ss]pokes(?:person|man|woman)|[Pp]ress service|"
    r"[Cc]ommuniqu[eé])(?:\s+\w+){0,2}?\s+(?:also\s+|further\s+)?$")


def _said_by_the_document(verb: str, sentence: str) -> bool:
    """Whether the account's verb of saying has a body, a document or a spokesperson for its
    subject ("The Kremlin emphasised …", "a spokesman stressed …")."""
    m = re.search(rf"(?i)\b{re.escape(verb)}\b", sentence)
    return m is not None and _DOCUMENT_SUBJECT.search(sentence[max(0, m.start() - 80):m.start()]) is not None


# A readout that "calls on" someone to act urges them (as a story's verb, "called on" for the
# readout's "asked" is how news writes, and no stronger).
_CALLS_ON = re.compile(r"(?i)\b(?:calls?|called)\s+(?:on|upon)\b")


def _strongest_saying(sentence: str) -> int:
    """The rung of the strongest verb of saying anywhere in a readout sentence."""
    rungs = [rung for _, rung in saying(span_words(sentence))]
    if _CALLS_ON.search(sentence):
        rungs.append(2)
    return max(rungs, default=0)


def _modifies_a_noun(word: str, text: str) -> bool:
    """Whether a verb of saying stands as an adjective after a determiner ("the continued
    commitment", "a reported deal"), not as the verb of the sentence."""
    return re.search(rf"(?i)\b(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+"
                     rf"{re.escape(word)}\b", text) is not None


# Verbs that state a view: followed by "the importance of" or "the need for", the readout
# already stresses ("expressed the importance of peace" is what "underscored the importance of
# peace" says; "reiterated the President's call for" is what "stressed" it says). A verb of
# exchange ("discussed the importance of") states no view.
_STATING = frozenset(
    "stated expressed expresses noted notes reiterated reiterates reiterate reaffirmed "
    "reaffirms reaffirm affirmed acknowledged said says added adds".split())
# ("said it was important to …", "added that it was essential …" state the importance too.)
_STRESSED_OBJECTS = frozenset(
    "importance need necessity urgency urgent call calls important essential vital crucial "
    "necessary imperative".split())
# How far after the verb its object is looked for ("expressed concern regarding the urgent
# need"): the words of a short phrase.
STATED_OBJECT_WORDS = 5


def _quoted(sentence: str) -> list[tuple[int, int]]:
    """The quoted spans of a sentence, marks included, as (start, end) offsets."""
    if not any(mark in sentence for mark in "\"\u201c\u201d\u00ab\u00bb"):
        return []
    return [(q.start - 1, q.end + 1) for q in quote_spans(sentence)]


def _weighted(verb: tuple[str, int], c: _Change) -> tuple[str, int]:
    """A readout verb with its rung, raised to the emphatic rung when it states the importance
    of, or the need for, what follows it."""
    word, rung = verb
    if rung >= 2 or word not in _STATING or word not in c.r_words:
        return verb
    following = [*c.r_words[c.r_words.index(word) + 1:], *span_words(c.after_text)]
    stated = following[:STATED_OBJECT_WORDS]
    return (word, 2) if _STRESSED_OBJECTS.intersection(stated) else verb


def _fmt(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:g}" for v in values)
