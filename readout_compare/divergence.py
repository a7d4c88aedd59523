"""Divergences: the material differences inside a matched pair, each with both spans.

The pair's word diff (readout -> account) is read op by op; only what changed is examined, so
words the two share never count, and in a partial match the readout words the account did not
report are not taken for changes. Types:

``number``, ``date``, ``negation``, ``modality``, ``reporting_verb`` (with ``direction``
``escalates`` or ``softens`` along :data:`VERB_LADDER`), ``entity``, and ``quote`` (a quotation
presented as the readout's words that is not verbatim). Synonyms, reordering and dropped
articles change none of these and are not divergences. Rules and limits: docs/quotes-and-divergences.md.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from rapidfuzz import fuzz

from readout_compare.lexicon import (
    FOREIGN_MONTHS,
    FRAME_WORDS,
    HEDGE_CLASSES,
    LADDER_NAMES,
    MAX_DIGITS,
    MODALS,
    MONTH_NAMES,
    MONTHS,
    NEGATIONS,
    RELATIVE_DAYS,
    SCALES,
    SPANISH_SCALES,
    TITLES,
    VERB_LADDER,
    WEEKDAYS,
    acronym,
    number_values,
    spelled_out,
    word_key,
)
from readout_compare.model import DiffOp, Divergence, Document, Match, Quote
from readout_compare.normalize import STOPWORDS, WORD, normalize
from readout_compare.workers import parallel_map

# A match that reproduces the whole readout sentence (every word in shared runs).
WHOLE = 0.999
# A negation counts in a replaced stretch of this many words at most (both sides), and as a
# word or two added or left out: a longer stretch is a rewrite, not a denial.
NEGATION_SPAN = 12
NEGATION_WORDS = 2
# Two names this alike (rapidfuzz ratio, 0-100) are one name spelled two ways.
NAME_VARIANT = 80


def find_divergences(
    readout: Document,
    matches: dict[str, tuple[Match, ...]],
    quotes: tuple[Quote, ...],
) -> dict[str, tuple[Divergence, ...]]:
    """Divergences for every matched account sentence, keyed by account sentence id. From
    :data:`PARALLEL_SENTENCES` account sentences, the matched pairs may be read in worker
    processes (each pair is read on its own; :func:`~readout_compare.workers.parallel_map`)."""
    day = document_date(readout)
    today = _DAYS[day.weekday()] if day else None
    items = list(matches.items())
    out: dict[str, list[Divergence]] = {}
    for part in parallel_map(_claims_part, items, (readout, today), size=len(items),
                             least=PARALLEL_SENTENCES):
        out.update(part)
    for q in quotes:
        if q.kind == "title" or q.fidelity == "verbatim":
            continue
        # A quotation of the readout's words, altered or stitched, is a divergence whoever it
        # is credited to. A quotation credited to the readout that is not in it diverges from
        # the readout sentence its sentence reports; with no such sentence there is nothing to
        # hold it against, and the quotations list says it is not in the readout.
        readout_sentence, readout_text = q.readout_sentence, q.readout_text
        credited = q.attribution is not None and q.attribution.is_readout
        if q.fidelity == "not_in_readout" and credited and q.kind == "quotation":
            reported = [m for m in matches.get(q.account_sentence, ()) if m.basis == "claim"]
            if reported:
                readout_sentence = reported[0].readout_sentence
                readout_text = readout.sentence(readout_sentence).text
        elif q.fidelity not in ("altered", "stitched"):
            continue
        if readout_sentence is None or not readout_text:
            continue
        detail = ("quotation credited to the readout is not in it" if q.fidelity ==
                  "not_in_readout" else f"quotation of the readout is {q.fidelity}")
        out.setdefault(q.account_sentence, []).append(
            Divergence(
                type="quote",
                account_text=q.text,
                readout_text=readout_text,
                readout_sentence=readout_sentence,
                detail=detail,
            )
        )
    return {sid: tuple(_dedupe(_within_quotes(ds))) for sid, ds in out.items() if ds}


# From this many account sentences (with their matches, if any), find_divergences may use
# worker processes.
PARALLEL_SENTENCES = 3_000


def _claims_part(
    context: tuple[Document, str | None], items: list[tuple[str, tuple[Match, ...]]]
) -> dict[str, list[Divergence]]:
    readout, today = context
    return _claim_divergences(readout, items, today)


def _claim_divergences(
    readout: Document, items: list[tuple[str, tuple[Match, ...]]], today: str | None
) -> dict[str, list[Divergence]]:
    """The divergences of each account sentence's matched pairs (not of its quotations)."""
    out: dict[str, list[Divergence]] = {}
    for sid, found in items:
        claims = [m for m in found if m.basis == "claim"]  # an event mention reports no words
        whole = [m for m in claims if m.kind == "verbatim" and m.readout_coverage >= WHOLE]
        if whole:
            # It reproduces a readout sentence whole: that is what it reports (words it adds,
            # a "not", a hedge, are read from that pair), and its likeness to other readout
            # sentences is no change to them.
            claims = whole[:1]
        for m in claims:
            # Numbers the account sentence takes from another readout sentence it reports
            # ("$45 million for nutrition, and the rest for health care") are not changes.
            elsewhere = {v for o in claims if o is not m
                         for v in _numbers(_words(readout.sentence(o.readout_sentence).text))}
            out.setdefault(sid, []).extend(
                pair_divergences(m.diff, m.readout_sentence, elsewhere=frozenset(elsewhere),
                                 today=today)
            )
    return out


def _within_quotes(items: list[Divergence]) -> list[Divergence]:
    """A change inside a misquotation is the misquotation: reported once, as a quote."""
    quoted = [normalize(d.account_text) for d in items if d.type == "quote"]
    return [
        d for d in items
        if d.type == "quote" or not any(
            normalize(d.account_text).strip(' "\'') in q for q in quoted if d.account_text.strip()
        )
    ]


def pair_divergences(
    diff: tuple[DiffOp, ...], readout_sentence: str, *, elsewhere: frozenset[float] = frozenset(),
    today: str | None = None,
) -> list[Divergence]:
    """Typed divergences in one matched pair, read from its word diff.

    Only what the account says is compared: readout words the account leaves out (a delete,
    as when it reports one clause of a long sentence) change nothing, except a negation the
    account drops from words it otherwise repeats. ``today``: the readout's day of the week
    ("mon" … "sun"), when its date is known, so that its "today" is compared with the
    account's weekday.
    """
    found: list[Divergence] = []
    r_verbs: list[tuple[str, int]] = []
    a_verbs: list[tuple[str, int]] = []
    r_sentence = "".join(op[1] for op in diff)
    a_sentence = "".join(op[2] for op in diff)
    r_keys, a_keys = _name_keys(r_sentence, True), _name_keys(a_sentence, True)
    # The modals of the whole sentences: one that only moved ("what both sides should do is to
    # maintain …" -> "maintaining … is what both parties should do") is no change of modality.
    r_modals = set((_modality(_words(r_sentence), r_sentence) or "").split("/")) - {""}
    a_modals = set((_modality(_words(a_sentence), a_sentence) or "").split("/")) - {""}
    for i, (tag, r_text, a_text) in enumerate(diff):
        if tag == "equal":
            continue
        r_words, a_words = _words(r_text), _words(a_text)

        def add(
            kind: str, detail: str = "", direction: str | None = None,
            r_text: str = r_text, a_text: str = a_text,
        ) -> None:
            found.append(
                Divergence(
                    type=kind,  # type: ignore[arg-type]
                    account_text=a_text.strip(),
                    readout_text=r_text.strip(),
                    readout_sentence=readout_sentence,
                    direction=direction,
                    detail=detail,
                )
            )

        # Context for words that read differently by their neighbours ("in May").
        before = diff[i - 1][1][-16:] if i and diff[i - 1][0] == "equal" else ""
        after = diff[i + 1][1][:8] if i + 1 < len(diff) and diff[i + 1][0] == "equal" else ""
        r_raw, a_raw = before + r_text + after, before + a_text + after
        if tag == "replace" and not _says_something(a_text):
            # The account puts only attribution where the readout goes on ("…, the Pentagon
            # said"): the readout's words are left out, not changed.
            tag = "delete"
        hedge = _hedge_change(tag, r_words, a_words, after)
        if hedge:
            add("number", hedge)
        r_neg, a_neg = _negations(r_words), _negations(a_words)
        short = len(r_words) + len(a_words) <= (NEGATION_SPAN if tag == "replace"
                                                 else NEGATION_WORDS)
        if r_neg != a_neg and short:
            add("negation", "negated in the account only" if a_neg > r_neg else
                "negated in the readout only")
        if tag == "insert" and len(a_words) <= 4 and _modality(a_words, a_raw) == "possibility":
            add("modality", "plain statement in the readout, possibility in the account")
        if tag != "replace":
            continue
        r_dates, a_dates = _dates(r_words, r_raw, today), _dates(a_words, a_raw)
        r_nums, a_nums = _numbers(r_words), _numbers(a_words)
        if _dated(before, r_text, a_text, after) or (_years(r_nums) and _years(a_nums)):
            # "October 9" -> "October 19", "the 1951 treaty" -> "the 1952 treaty": a date.
            r_dates, a_dates = r_dates or (("day of", r_nums),), a_dates or (("day of", a_nums),)
        if r_dates and a_dates:
            if (r_dates, r_nums) != (a_dates, a_nums) and _same_kind(r_dates, a_dates):
                add("date", "date or time differs")
        elif (r_nums and a_nums and r_nums != a_nums and not (r_dates or a_dates)
              and not set(a_nums) <= elsewhere):
            add("number", f"{_fmt(r_nums)} in the readout, {_fmt(a_nums)} in the account")
        r_first = all(not op[1].strip() for op in diff[:i])
        a_first = all(not op[2].strip() for op in diff[:i])
        r_span, a_span = _name_keys(r_text, r_first), _name_keys(a_text, a_first)
        # A name the account does not have anywhere, where the account has one the readout
        # does not: another person or country, not another wording of the same one.
        gone = {k: w for k, w in r_span.items() if k not in a_keys}
        new = {k: w for k, w in a_span.items() if k not in r_keys}
        # Two spellings of one name ("Gaddafi", "Qaddafi"; "Zelenskyy", "Zelenskiy").
        same = {(x, y) for x in gone for y in new if fuzz.ratio(gone[x], new[y]) >= NAME_VARIANT}
        offices = _offices(r_text) | _offices(a_text)
        gone = {x for x in gone if not any(x == a for a, _ in same) and x not in offices}
        new = {y for y in new if not any(y == b for _, b in same) and y not in offices}
        swap = len(r_words) <= 4 and len(a_words) <= 4  # a name for a name, not a rewrite
        # A place for a place ("in Damascus" -> "in Amman") even when the readout's country
        # is named elsewhere in the account ("the Syrian minister").
        places = bool(r_span) and bool(new) and all(k.startswith("@") for k in {*r_span, *new})
        # A person for a country or a country for a person ("Putin's attacks" -> "Russia's
        # attacks") names the same side, not another one.
        metonym = bool(gone and new) and (
            all(k.startswith("@") for k in gone) != all(k.startswith("@") for k in new)) and (
            _POSSESSIVE.search(r_text) is not None and _POSSESSIVE.search(a_text) is not None)
        if (swap and (((gone and new) and not metonym) or places)
                and not _spelled_out(r_text, a_sentence) and not _spelled_out(a_text, r_sentence)):
            add("entity", "a different name in the same place")
        r_mod, a_mod = _modality(r_words, r_raw), _modality(a_words, a_raw)
        dropped_tense = r_mod == "certainty" and a_mod is None  # "would provide" -> "announced"
        moved = (set((r_mod or "").split("/")) - {""} <= a_modals
                 and set((a_mod or "").split("/")) - {""} <= r_modals)
        if not moved and ((r_mod and r_mod != a_mod and not dropped_tense) or (
                not r_mod and a_mod == "possibility")):
            # A modal the readout used, changed or dropped, or a hedge the account adds ("could
            # provide" for "provided"); an account's "will" for the readout's plain statement
            # of a plan is the same claim.
            add("modality", f"{r_mod or 'plain statement'} in the readout, "
                f"{a_mod or 'plain statement'} in the account")
        r_verbs += _saying(r_words)
        a_verbs += _saying(a_words)
        vague_r, vague_a = _vague(r_words), _vague(a_words)
        if (vague_r != vague_a and (r_nums or vague_r) and (a_nums or vague_a)
                and not (r_dates or a_dates)):
            add("number", "a figure on one side, only an order of magnitude (“dozens”) on the "
                "other")
        r_cond, a_cond = _conditions(r_words), _conditions(a_words)
        if a_cond and r_words and (not r_cond or not (r_cond & a_cond) - {"?"}):
            # "will be determined by our assessment" -> "depends on new steps": the account
            # makes it conditional on something the readout did not.
            add("modality", "a condition in the account that the readout does not set")
        if _committed(r_words) and _delivered(a_words):
            add("modality", "a commitment in the readout, a delivery in the account")
    if r_verbs and a_verbs:
        r_word, r_level = max(r_verbs, key=lambda v: v[1])
        a_word, a_level = max(a_verbs, key=lambda v: v[1])
        # A stronger verb is a finding; a weaker one only from forceful to neutral ("said"
        # for "reaffirmed" is how news writes).
        if a_level > r_level or r_level - a_level >= 2:
            found.append(
                Divergence(
                    type="reporting_verb",
                    account_text=a_word,
                    readout_text=r_word,
                    readout_sentence=readout_sentence,
                    direction="escalates" if a_level > r_level else "softens",
                    detail=f"{LADDER_NAMES[r_level]} \u2192 {LADDER_NAMES[a_level]}",
                )
            )
    return found


def _words(text: str) -> list[str]:
    return list(_word_tuple(text))


@lru_cache(maxsize=16_384)
def _word_tuple(text: str) -> tuple[str, ...]:
    """The normalised words of a text, cached: the same readout sentence and diff spans are
    read again for every pair that involves them."""
    return tuple(normalize(w) for w in WORD.findall(text))


_MULTIPLIERS = {"double": 2.0, "doubled": 2.0, "twice": 2.0, "triple": 3.0, "tripled": 3.0,
                "treble": 3.0, "quadruple": 4.0, "halve": 0.5, "halved": 0.5}


def _numbers(words: list[str]) -> tuple[float, ...]:
    """The quantities in a run of words, digits and number words alike ("12" and "twelve",
    "25%" and "25 percent", "2.5 million" and "2,500,000", "three hundred ninety" and "390"),
    and multipliers ("double", "triple")."""
    values = [value for _, _, value in number_values(words)]
    values += [_MULTIPLIERS[w] for w in words if w in _MULTIPLIERS]
    return tuple(sorted(values))


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


# Verbs of saying of more than one word, on the ladder's rungs.
_SAYING_PHRASES = {("made", "clear"): 2, ("make", "clear"): 2, ("makes", "clear"): 2,
                   ("called", "for"): 2, ("calls", "for"): 2}


def _saying(words: list[str]) -> list[tuple[str, int]]:
    """The verbs of saying in a span, with their rung, phrases ("made clear") included."""
    out = [(w, VERB_LADDER[w]) for w in words if w in VERB_LADDER]
    out += [(" ".join(p), rung) for p, rung in _SAYING_PHRASES.items()
            if any(tuple(words[i:i + 2]) == p for i in range(len(words) - 1))]
    return out


# A count given only as an order of magnitude: "dozens of officials" for "about 30".
_VAGUE = frozenset(["dozens", "scores", "hundreds", "thousands", "millions", "billions",
                    "several", "numerous"])


def _vague(words: list[str]) -> bool:
    return any(w in _VAGUE for w in words)


# Words that make a claim conditional.
_CONDITION_WORDS = {"depends": "depends", "depend": "depends", "depending": "depends",
                    "contingent": "depends", "conditional": "depends", "conditioned": "depends",
                    "unless": "unless", "if": "if"}


def _conditions(words: list[str]) -> frozenset[str]:
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


def _committed(words: list[str]) -> bool:
    return any(w in _COMMITTED for w in words)


def _delivered(words: list[str]) -> bool:
    return any(w in _DELIVERED for w in words)


def _dates(words: list[str], raw: str, today: str | None = None) -> tuple[object, ...]:
    """The months and days a span names; "today", "yesterday" and "tomorrow" become days of
    the week when the readout's date (``today``, a weekday) is known."""
    out: list[object] = []
    for w in words:
        key = w.rstrip(".")
        if key in _SHIFT and today in _DAYS:
            out.append(("day", _DAYS[(_DAYS.index(today) + _SHIFT[key]) % 7]))
            continue
        if key in MONTHS and (key != "may" or _is_month_may(raw)):
            out.append(("month", MONTHS[key]))
        elif key in WEEKDAYS or key in RELATIVE_DAYS:
            out.append(("day", key[:3]))
    return tuple(out)


def _dated(before: str, r_text: str, a_text: str, after: str) -> bool:
    """A month right before or after a changed number: the number is a day ("October 9" ->
    "October 19"), not a figure further on ("since late June and … 100,000 homes")."""
    prev = re.search(r"([A-Za-z]+)\.?\s*$", before)
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    starts = all(re.match(r"\s*\d", t) for t in (r_text, a_text))
    ends = all(re.search(r"\d\s*$", t) for t in (r_text, a_text))
    return bool((prev and starts and prev.group(1).lower() in MONTHS)
                or (nxt and ends and nxt.group(1).lower() in MONTHS))


def _years(values: tuple[float, ...]) -> bool:
    return bool(values) and all(v == int(v) and 1900 <= v <= 2100 for v in values)


def _same_kind(r: tuple[object, ...], a: tuple[object, ...]) -> bool:
    """Both give a month, or both a day of the week: "today" and "on Tuesday", or "June 12"
    and "Thursday", may be the same day, so only like is compared with like."""
    kinds = {k for k, _ in r} & {k for k, _ in a}  # type: ignore[misc]
    relative = {("day", "tod"), ("day", "yes"), ("day", "tom")}
    return bool(kinds) and not (set(r) & relative or set(a) & relative)


_MONTH_MAY = re.compile(r"(?<![.!?]\s)\bMay\b(?=\s+\d|\s*,?\s+\d{4})|\b(?:in|since|until|of|last|next|early|late|mid-|on)\s+May\b|\b\d{1,2}(?:st|nd|rd|th)?\s+May\b")


_OFFICE = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z]{1,4})+\b")


def _offices(text: str) -> set[str]:
    """The parts of offices written as capitals joined by slashes ("HR/VP"): not names."""
    return {part.lower() for m in _OFFICE.finditer(text) for part in m.group().split("/")}


def _is_month_may(raw: str) -> bool:
    return bool(_MONTH_MAY.search(raw))


_ATTRIBUTION = frozenset(["said", "says", "told", "according", "added", "reported", "statement",
                          "readout", "summary"])


def _says_something(text: str) -> bool:
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


# Hedges on a figure, by what they say of it: dropping one states the figure as exact, and
# "more than" and "over" say the same.


def _hedge_class(words: list[str]) -> str:
    """What a hedge says of the figure: "more than" and "over" say the same."""
    said = " ".join(words)
    return HEDGE_CLASSES.get(said, said)


def _hedge_change(tag: str, r_words: list[str], a_words: list[str], after: str) -> str | None:
    """A hedge ("up to", "about", "more than") on a figure that one side has and the other
    not: "up to 150,000 rounds" reported as "150,000 rounds"."""
    if (tag == "replace" and " ".join(r_words) in HEDGE_CLASSES
            and " ".join(a_words) in HEDGE_CLASSES and re.match(r"\s*\$?\d", after)
            and _hedge_class(r_words) != _hedge_class(a_words)):
        return f"“{' '.join(r_words)}” in the readout, “{' '.join(a_words)}” in the account"
    if tag not in ("delete", "insert") or not re.match(
        r"\s*\$?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
        r"fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b)", after, re.I
    ):
        return None
    words = r_words if tag == "delete" else a_words
    if " ".join(words) not in HEDGE_CLASSES:
        return None
    said = " ".join(words)
    return (f"“{said}” on the figure in the readout only" if tag == "delete"
            else f"“{said}” on the figure in the account only")


def _negations(words: list[str]) -> int:
    """Negations in a span; "with no" says what "without" says, and neither denies the claim."""
    return sum(
        1 for i, w in enumerate(words)
        if (w in NEGATIONS or w.endswith("n't")) and not (w == "no" and i and words[i - 1] == "with")
    )


_POSSESSIVE = re.compile(r"\b[A-Z]\w+['\u2019]s\b")
_NOT_MODAL = re.compile(r"\b(?:the|a|his|her|their|its|political|free|good)\s+will\b", re.I)


def _modality(words: list[str], raw: str) -> str | None:
    """The modality a span expresses: "may" the month and "will" the noun ("the will of the
    people") are not modals."""
    skip = set()
    if _is_month_may(raw):
        skip.add("may")
    if _NOT_MODAL.search(raw) and words.count("will") <= len(_NOT_MODAL.findall(raw)):
        skip.add("will")
    classes = {MODALS[w] for w in words if w in MODALS and w not in skip}
    if not classes:
        return None
    return "/".join(sorted(classes))


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


def _name_keys(text: str, at_sentence_start: bool) -> dict[str, str]:
    return dict(_name_keys_cached(text, at_sentence_start))


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
    first = len(text) - len(text.lstrip())
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
                or w in STOPWORDS):
            continue
        if w in ("u.s", "u.s.", "united", "states"):
            out["@us"] = w
            continue
        out[word_key(w)] = w
    return out


def _spelled_out(span: str, other: str) -> bool:
    """The span holds an acronym the other sentence spells out ("EDCA", "Enhanced Defense
    Cooperation Agreement"; "EU", "European Union")."""
    other_words = _words(other)
    return any(
        (letters := acronym(tok)) is not None
        and spelled_out(other_words, STOPWORDS, letters) is not None
        for tok in re.findall(r"[\w.]+", span)
    )


def _fmt(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:g}" for v in values)


def _dedupe(items: list[Divergence]) -> list[Divergence]:
    seen = set()
    out = []
    for d in items:
        key = (d.type, d.account_text, d.readout_text)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def across_languages(
    readout: Document, account: Document, matches: dict[str, tuple[Match, ...]]
) -> dict[str, tuple[Divergence, ...]]:
    """What can be compared without words in common: the figures. A matched pair diverges when
    each side has a figure the other lacks (years and the day of a dated month left aside, since
    "12 de marzo de 2026" and "March 12" say the same)."""
    text = {s.id: s.text for s in readout.sentences}
    out: dict[str, tuple[Divergence, ...]] = {}
    for sid, found in matches.items():
        a_text = next((s.text for s in account.sentences if s.id == sid), "")
        for m in found:
            r_figures, a_figures = _figures(text[m.readout_sentence]), _figures(a_text)
            only_r, only_a = r_figures.keys() - a_figures.keys(), a_figures.keys() - r_figures.keys()
            if r_figures and a_figures and only_r and only_a:
                out[sid] = (Divergence(
                    "number", _show(only_a, a_figures), _show(only_r, r_figures),
                    m.readout_sentence, detail="across languages: the figures differ",
                ),)
    return out


# A scale after a figure, in English or Spanish ("40 million", "10 mil", "2.500 millones").
_SCALE_AFTER = re.compile(r"\s+(mil\s+millones|thousand|million|billion|trillion|mil|millones|"
                          r"millón|millon|billones|billón|billon)\b", re.IGNORECASE)


def _figures(text: str) -> dict[float, str]:
    """The figures of a text, by value (with the scale written after them) to their digits."""
    out = {}
    for m in _FIGURE.finditer(text):
        raw = m.group()
        if sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
            continue  # no figure (lexicon.MAX_DIGITS): as a float it would be infinity
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
            value = float(re.sub(r"[.,]", "", raw))  # 5,000 and 5.000 (Spanish) alike
        else:
            value = float(raw.replace(",", "."))
        if value.is_integer() and 1900 <= value <= 2100:
            continue  # a year
        near = text[max(0, m.start() - 12): m.end() + 14].lower()
        if value <= 31 and any(month in near for month in _ALL_MONTHS):
            continue  # the day of a dated month
        scale = _SCALE_AFTER.match(text, m.end())
        if scale:
            value *= SPANISH_SCALES.get(" ".join(scale.group(1).lower().split()),
                                        SCALES.get(scale.group(1).lower(), 1))
        out[value] = raw
    return out


_ALL_MONTHS = tuple(MONTH_NAMES) + tuple(FOREIGN_MONTHS)


def _show(values: set[float], raw: dict[float, str]) -> str:
    return ", ".join(raw[v] for v in sorted(values))
