"""Evidence that an account sentence reports a readout sentence, beyond shared words.

Each sentence is read once into :class:`Keyed`: its content words as keys from
:mod:`readout_compare.lexicon` (so "pact" meets "agreement", "Oslo" meets "Norway", "three
hundred ninety" meets "390"), each key weighed by what it is: a claim word counts 1, a name
0.5, a title or a word of attribution nothing. :func:`overlap` compares two keyed sentences:
how much of the readout sentence the account sentence carries (recall), how much of the
account sentence comes from it (precision), and which substitutions made the match, so every
match can say why it was made. :func:`event_mention` finds an account sentence that reports
the readout's event itself (who spoke with whom, when): the call, its participants, its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from readout_compare.lexicon import (
    EVENT_ANY,
    EVENT_MENTION_PAIRS,
    EVENT_MENTION_PREFIXES,
    EVENT_MENTION_WORDS,
    EVENT_WORDS,
    FRAME_WORDS,
    MONTH_NAMES,
    MONTHS,
    NEGATIONS,
    TIME_WORDS,
    TITLES,
    acronym,
    spelled_out,
    word_key,
)
from readout_compare.normalize import KEY_TOKEN, STOPWORDS, cjk_pairs, is_cjk_run, simplified
from readout_compare.quantities import number_key, number_values

# A token for keys: words with inner hyphens and apostrophes, and numbers with their points.
# Hyphenated words written as one word as often as two ("cease-fire", "co-production").
_JOINED_PREFIXES = frozenset(
    ["cease", "co", "anti", "non", "pre", "post", "re", "multi", "inter", "counter", "cross", "self", "semi", "sub", "ex", "vice", "mid", "pro", "over", "under", "de"]
)
# Readout sentences that report the event: "X spoke with Y", "X met", "X hosted Y".
_EVENT_VERBS = frozenset(
    ["spoke", "met", "meets", "hosted", "hosts", "visited", "traveled", "travelled", "received", "talked", "convened"]
)
_CLAUSE = re.compile(
    r";|:|,\s+(?=(?:and|while|but|which|including|as well as|where|after|saying)\b)"
    r"|\s+and\s+(?=(?:the|he|she|they|it|his|her|their|for|to|announced|agreed|welcomed|"
    r"thanked|discussed|called|urged|expressed|stressed|said)\b)"
)
WEIGHT = {"claim": 1.0, "name": 0.5}


@dataclass(frozen=True)
class Token:
    raw: str
    key: str
    kind: str  # "claim", "name", "frame" (titles, attribution, time) or "stop"


class Keyed:
    """A sentence as keys, for :func:`overlap` and :func:`event_mention`."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Each word without its final full stop (_strip_point, called only for a word that has
        # one), then folded to lowercase with straight apostrophes and no final point (except
        # "u.s."): written out here, as it runs for every word of every account.
        raws = [r for r in (_strip_point(r) if r[-1:] == "." else r
                            for r in KEY_TOKEN.findall(text)) if r]
        if any(is_cjk_run(r) for r in raws):  # Chinese or Japanese: by character pairs
            raws = [p for r in raws for p in (cjk_pairs(simplified(r)) if is_cjk_run(r) else (r,))]
        lower = []
        for r in raws:
            low = r.lower()
            if "\u2019" in low:
                low = low.replace("\u2019", "'")
            if low[-1:] == "." and not low.startswith("u."):
                low = low.rstrip(".")
            lower.append(low)
        tokens, dates = _tokens_and_dates(raws, lower)
        # "the United States", "the European Union": the country, once.
        self.tokens = tuple(_merge_phrases(tokens))
        self.dates = frozenset(dates)
        split: list[str] = []
        for r in lower:
            if "-" in r or "." in r:
                split.extend(w for w in _WORD_PARTS.split(r) if w)
            elif r:
                split.append(r)
        self.words = tuple(split)
        self.event = _event(lower)
        self.anchored = any(w in TIME_WORDS for w in lower)  # "today", "on Tuesday"
        self.negated = any(w in NEGATIONS or w.endswith("n't") for w in lower)

    @cached_property
    def weights(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for t in self.tokens:
            w = WEIGHT.get(t.kind, 0.0)
            if w > out.get(t.key, 0.0):
                out[t.key] = w
        return out

    @cached_property
    def acronyms(self) -> tuple[str, ...]:
        return tuple(k for k in self.weights if k.startswith("^"))

    @cached_property
    def is_event(self) -> bool:
        return is_event_sentence(self)

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(t.key for t in self.tokens if t.kind == "name")

    def spelled_out(self, letters: str) -> tuple[int, int] | None:
        """The words (start, end) whose initials are ``letters``, if any."""
        return spelled_out(self.words, STOPWORDS, letters)

    @cached_property
    def word_keys(self) -> tuple[str, ...]:
        return tuple(word_key(w) for w in self.words)


def _tokens_and_dates(raws: list[str],
                      lower: list[str]) -> tuple[list[Token], set[tuple[int, int]]]:
    """The tokens of a sentence's words (``raws`` as written, ``lower`` folded), a number
    written in several words one token, and the dates it gives as (month, day)."""
    numbers = {i: (j, v) for i, j, v in number_values(lower)}
    tokens: list[Token] = []
    dates: set[tuple[int, int]] = set()
    i = 0
    while i < len(raws):
        if i in numbers:
            j, value = numbers[i]
            tokens.append(Token(" ".join(raws[i:j]), number_key(value), "claim"))
            if i and lower[i - 1] in MONTHS and value <= 31:
                dates.add((MONTHS[lower[i - 1]], int(value)))
            if j < len(lower) and lower[j] in MONTHS and value <= 31:
                dates.add((MONTHS[lower[j]], int(value)))
            i = j
            continue
        tokens += _word_tokens(raws[i], lower[i], i > 0)
        i += 1
    return tokens, dates


_WORD_PARTS = re.compile(r"[-.]")
_ABBREVIATIONS = frozenset(["jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "mr.", "dr.", "st."])


def _strip_point(raw: str) -> str:
    """A word's final full stop is punctuation, unless the word is an abbreviation."""
    if not raw.endswith(".") or raw.count(".") >= 2 or raw.lower() in _ABBREVIATIONS:
        return raw
    return raw[:-1]


@lru_cache(maxsize=65536)
def _word_tokens(raw: str, low: str, inside: bool) -> tuple[Token, ...]:
    """The tokens of one word as written (``inside``: not the sentence's first word)."""
    letters = acronym(raw)
    if letters and low not in ("us", "u.s", "u.s.", "usa", "uk", "u.k."):
        return (Token(raw, "^" + letters, "claim"),)
    if low in ("u.s", "u.s.", "us") and raw[:1] == "U":
        return (Token(raw, "@us", "name"),)
    kind = _kind(raw, low, 1 if inside else 0)
    return tuple(Token(raw, word_key(part), kind) for part in _parts(low))


def _parts(low: str) -> list[str]:
    if "-" not in low:
        return [low]
    pieces = [p for p in low.split("-") if p]
    if len(pieces) == 2 and pieces[0] in _JOINED_PREFIXES:
        return ["".join(pieces)]
    return pieces


def _kind(raw: str, low: str, index: int) -> str:
    base = low.removesuffix("'s")
    if base in MONTHS:
        return "claim"
    if low in STOPWORDS or base in STOPWORDS:
        return "stop"
    if base in FRAME_WORDS or base in TIME_WORDS or base in TITLES:
        return "frame"
    if raw[:1].isupper() and (index > 0 or word_key(base).startswith("@")):
        return "name"
    if word_key(base).startswith("@"):
        return "name"
    return "claim"


def _merge_phrases(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if out and out[-1].raw.lower() == "united" and t.raw.lower() in ("states", "nations",
                                                                         "kingdom"):
            key = {"states": "@us", "nations": "^un", "kingdom": "@uk"}[t.raw.lower()]
            out[-1] = Token("United " + t.raw, key, "name")
            continue
        out.append(t)
    return out


def _event(lower: list[str]) -> str | None:
    """The kind of event a sentence names ("call" or "meeting"), if it names one."""
    for w in lower:
        kind = EVENT_WORDS.get(w)
        if kind:
            return kind
    return None


def is_event_sentence(k: Keyed) -> bool:
    """A readout sentence that reports the event itself: "X spoke today with Y", "X hosted
    Minister Y", "X traveled to Warsaw to meet Y" (an event verb followed closely by "with"
    or a name), not "X visited the site of a new plant"."""
    if len(k.names) < 2:
        return False
    tokens = re.findall(r"[\w']+", k.text)
    for i, w in enumerate(tokens):
        if w.lower() in _EVENT_VERBS:
            after = tokens[i + 1 : i + 5]
            if any(x.lower() == "with" or x[:1].isupper() for x in after):
                return True
    return False


def only_the_event(r: Keyed, a: Keyed) -> bool:
    """Whether the account sentence shares nothing of the readout sentence's claim but the
    event: who spoke or met (names, offices), that they did, and when ("Merz spoke with Trump
    on Thursday" against "Chancellor Merz and President Trump spoke by phone this evening").
    Such a report mentions the call; it does not carry a point of the readout."""
    shared = overlap(r, a).matched
    named = _named_within(r) | _named_within(a)
    return not any(t.kind == "claim" and t.key in shared and not _of_the_event(t)
                   and t.raw.lower() not in named for t in r.tokens)


def _named_within(k: Keyed) -> frozenset[str]:
    """Capitalised words a sentence has after its first word, in lower case: a name that
    opens the other sentence ("Vladimir Putin had a telephone conversation …" against "…
    Russian President Vladimir Putin held …") is a name there too, not a claim word."""
    return frozenset(t.raw.lower() for t in k.tokens[1:] if t.raw[:1].isupper())


def _of_the_event(t: Token) -> bool:
    low = t.raw.lower()
    return (t.key.startswith("#") or low in EVENT_MENTION_WORDS or t.key in EVENT_MENTION_PAIRS
            or (len(low) >= 5 and low[:5] in EVENT_MENTION_PREFIXES))


@dataclass(frozen=True)
class Overlap:
    recall: float  # weighted share of the readout sentence's keys the account carries
    precision: float  # weighted share of the account sentence's keys found in the readout
    shared_claims: int  # claim keys (not names) the two share
    unmatched_claims: int  # claim keys of the account sentence not in the readout sentence
    claim_recall: float  # share of the readout sentence's claim keys (not names) carried
    name_recall: float  # share of the readout sentence's names and countries carried (1 if none)
    number_conflict: bool  # both give numbers, and none agree
    acronyms: tuple[tuple[str, str], ...]  # (readout words, account words) matched as acronyms
    matched: frozenset[str] = frozenset()  # the keys shared
    readout: Keyed | None = field(default=None, repr=False, compare=False)
    account: Keyed | None = field(default=None, repr=False, compare=False)

    @property
    def substitutions(self) -> tuple[tuple[str, str], ...]:
        """(readout word, account word) pairs matched by key though written differently:
        the evidence a match shows ("pact" for "agreement")."""
        subs = list(self.acronyms)
        if self.readout is None or self.account is None:
            return tuple(subs)
        r_raw = {t.key: t.raw for t in self.readout.tokens if t.kind in WEIGHT}
        for t in self.account.tokens:
            if (t.kind in WEIGHT and t.key in self.matched and t.key[0] in "~@#"
                    and t.key in r_raw and r_raw[t.key].lower() != t.raw.lower()
                    and (r_raw[t.key], t.raw) not in subs):
                subs.append((r_raw[t.key], t.raw))
        return tuple(subs)


class Share(NamedTuple):
    """How much of an account sentence a long text holds (:func:`share_found`)."""

    precision: float  # weighted share of the account sentence's keys found in the text
    shared_claims: int  # claim keys (not names) the two share
    unmatched_claims: int  # claim keys of the account sentence not in the text


def share_found(r: Keyed, a: Keyed, explained: frozenset[str] = frozenset()) -> Share:
    """What :func:`overlap` says of the account's side, for a long ``r`` (a whole readout):
    ``explained`` keys are left out of the account's side whatever ``r`` holds, and only the
    account's keys are weighed, so the cost is the account sentence's length, not the
    readout's (acronyms are not resolved against initials)."""
    name = WEIGHT["name"]
    aw = {k: w for k, w in a.weights.items() if k not in explained}
    for key in aw:
        if key in a.names or key in r.names:
            aw[key] = min(aw[key], name)
    matched = [k for k in aw if k in r.weights]
    a_total = sum(aw.values())
    a_hit = sum(aw[k] for k in matched)

    def r_weight(k: str) -> float:
        return min(r.weights[k], name) if (k in r.names or k in a.names) else r.weights[k]

    return Share(
        precision=a_hit / a_total if a_total else 0.0,
        shared_claims=sum(1 for k in matched if aw[k] == 1.0 or r_weight(k) == 1.0),
        unmatched_claims=sum(1 for k, w in aw.items() if w == 1.0 and k not in r.weights),
    )


def overlap(r: Keyed, a: Keyed, explained: frozenset[str] = frozenset()) -> Overlap:
    """What the two sentences share, by key, with acronyms resolved against initials.
    ``explained``: keys of the account sentence that another readout sentence accounts for
    (its event sentence), left out of the account's side unless ``r`` has them too."""
    rw, aw = _weights(r, a, explained)
    matched = set(rw) & set(aw)
    subs = _match_acronyms(r, a, rw, aw, matched)
    r_total = sum(rw.values())
    a_total = sum(aw.values())
    r_hit = sum(w for k, w in rw.items() if k in matched)
    a_hit = sum(w for k, w in aw.items() if k in matched)
    shared_claims = sum(1 for k in matched if rw.get(k) == 1.0 or aw.get(k) == 1.0)
    return Overlap(
        recall=r_hit / r_total if r_total else 0.0,
        precision=a_hit / a_total if a_total else 0.0,
        shared_claims=shared_claims,
        unmatched_claims=sum(1 for k, w in aw.items() if w == 1.0 and k not in matched),
        claim_recall=_share([k for k, w in rw.items() if w == 1.0], matched, 0.0),
        name_recall=_share([k for k, w in rw.items() if w == WEIGHT["name"]], matched, 1.0),
        number_conflict=bool(_numbers(rw) and _numbers(aw) and not _numbers(rw) & _numbers(aw)),
        acronyms=tuple(subs),
        matched=frozenset(matched),
        readout=r,
        account=a,
    )


def _weights(r: Keyed, a: Keyed,
             explained: frozenset[str]) -> tuple[dict[str, float], dict[str, float]]:
    """The weight of each key of the readout sentence and of the account sentence, for
    :func:`overlap`."""
    rw = dict(r.weights)
    aw = {k: w for k, w in a.weights.items() if k not in explained or k in rw}
    # A word written as a name on either side (a sentence's first word is ambiguous) is a
    # name on both.
    for key in (r.names | a.names):
        for w in (rw, aw):
            if key in w:
                w[key] = min(w[key], WEIGHT["name"])
    return rw, aw


def _match_acronyms(r: Keyed, a: Keyed, rw: dict[str, float], aw: dict[str, float],
                    matched: set[str]) -> list[tuple[str, str]]:
    """An acronym on one side, spelled out on the other: the acronym and the words of its
    spelling-out join ``matched``, and the acronym weighs nothing on the spelled-out side.
    The (readout words, account words) so matched, as written."""
    subs: list[tuple[str, str]] = []
    for x, y, x_w, y_w in ((r, a, rw, aw), (a, r, aw, rw)):
        for key in x.acronyms:
            if key in x_w and key not in matched and (run := y.spelled_out(key[1:])):
                lo, hi = run
                matched.add(key)
                spelled = {y.word_keys[i] for i in range(lo, hi)}
                matched |= spelled & set(y_w)
                y_w[key] = 0.0
                pair = (_raw(x, key), " ".join(y.words[lo:hi]))  # as written: "POWs"
                subs.append(pair if x is a else pair[::-1])
    return subs


def _share(keys: list[str], matched: set[str], empty: float) -> float:
    return sum(1 for k in keys if k in matched) / len(keys) if keys else empty


def _numbers(weights: dict[str, float]) -> set[str]:
    return {k for k in weights if k.startswith("#") and k not in ("#1", "#2")}


@dataclass(frozen=True)
class EventMention:
    event: str  # "call" or "meeting"
    evidence: tuple[str, ...]  # what ties the account's mention to the readout's event


def event_mention(r: Keyed, a: Keyed) -> EventMention | None:
    """The account sentence mentions the readout sentence's event: an event word and two
    ties from the participants (names, countries) and the date."""
    if r.event is None or a.event is None or not r.is_event:
        return None
    if r.event != a.event and EVENT_ANY not in (r.event, a.event):
        return None  # a call is not a meeting: another event
    names = (r.names | a.names) & set(r.weights) & set(a.weights)
    # A participant named counts 1, a country 0.5 (many sentences name it), the date 1.5
    # (one event a day), a day only relative ("today", "on Tuesday") 0.5; 2 are needed. The
    # ties are said with the words as they stand in the two sentences.
    people = [k for k in sorted(names) if not k.startswith("@")]
    countries = [k for k in sorted(names) if k.startswith("@")]
    weight = len(people) + 0.5 * len(countries)
    said: list[str] = []
    same: list[str] = []
    for k in people + countries:
        r_words, a_words = _raw(r, k), _raw(a, k)
        if _bare(r_words) == _bare(a_words):
            same.append(_strip_possessive(a_words))
        else:
            said.append(f"“{r_words}” = “{a_words}”")
    if r.dates & a.dates:
        month, day = sorted(r.dates & a.dates)[0]
        r_date, a_date = _date(r, month, day), _date(a, month, day)
        said.append(f"both give the date {a_date}" if r_date == a_date
                    else f"“{r_date}” = “{a_date}”")
        weight += 1.5
    elif r.anchored and (a.anchored or a.dates):
        said.append("the same day")
        weight += 0.5
    if weight < 2:
        return None
    if same:
        said.insert(0, "both name " + ", ".join(same))
    return EventMention(r.event, tuple(said))


def _raw(k: Keyed, key: str) -> str:
    """The words of a sentence that make a key, as written."""
    return next((t.raw for t in k.tokens if t.key == key), key)


def _date(k: Keyed, month: int, day: int) -> str:
    """A date as the sentence writes it ("January 31", "Jan. 31", "31 January")."""
    name = MONTH_NAMES[month - 1]
    m = re.search(rf"\b({name[:3]}[a-z]*\.?\s+0?{day}\b|0?{day}\s+{name[:3]}[a-z]*\.?)",
                  k.text, re.IGNORECASE)
    return m.group(0) if m else f"{name.title()} {day}"


def _strip_possessive(words: str) -> str:
    return words.removesuffix("'s").removesuffix("’s")


def _bare(words: str) -> str:
    return _strip_possessive(words.lower())


def clauses(text: str) -> list[str]:
    """The clauses of a sentence, split where news joins two claims: at semicolons, at ", and"
    or ", including", and at "and" before a new subject or verb."""
    parts = [p.strip(" ,") for p in _CLAUSE.split(text)]
    return [p for p in parts if len(p.split()) >= 3]


# A clause must make a claim of its own: this many claim words, or it joins its neighbour
# ("In both calls, the Secretary and his counterparts reaffirmed ..." is one clause).
CLAUSE_MIN_CLAIMS = 2


def clause_keys(text: str) -> list[Keyed]:
    """The clauses of a sentence as keys, when it has more than one that makes a claim."""
    parts = clauses(text)
    if len(parts) < 2:
        return []
    merged: list[Keyed] = []
    pending = ""
    for p in parts:
        p = f"{pending} {p}".strip() if pending else p
        keyed = Keyed(p)
        if sum(1 for w in keyed.weights.values() if w == 1.0) < CLAUSE_MIN_CLAIMS:
            pending = p
            continue
        merged.append(keyed)
        pending = ""
    if pending and merged:
        merged[-1] = Keyed(f"{merged[-1].text} {pending}")
    return merged if len(merged) > 1 else []
