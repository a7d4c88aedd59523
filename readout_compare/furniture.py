"""Furniture: the rules that tell page furniture, datelines, captions, credits, boilerplate and
lead-ins from what a readout or an account says.

The rules are data, in ``data/furniture.tsv`` beside this module: each has a name (reports and
tests refer to it), a scope (what it is matched against) and a regular expression. See the
file's header for the scopes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from readout_compare.lexicon import MONTH_NAMES, word_key

SCOPES = ("unit", "paragraph", "caption", "dateline", "lead-in", "list-lead-in")
_TRAILING = ".!|\u2026 \t\n"


# Unit rules whose match is a line of its own even without closing punctuation: a line they
# match ends its block (layout), as a heading does, instead of running on into the next.
LINE_RULES = frozenset(["date-only", "stamp-line", "timestamp", "byline"])


@dataclass(frozen=True)
class Rule:
    name: str
    scope: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, in file order."""
    text = resources.files("readout_compare").joinpath("data/furniture.tsv").read_text("utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            name, scope, pattern = line.split("\t")
        except ValueError:
            raise RuntimeError(
                f"furniture.tsv line {number}: expected three tab-separated fields"
            ) from None
        if scope not in SCOPES:
            raise RuntimeError(f"furniture.tsv line {number}: unknown scope {scope!r}")
        flags = 0 if scope in ("dateline", "caption") else re.IGNORECASE
        out.append(Rule(name, scope, re.compile(pattern, flags)))
    return tuple(out)


@cache
def _of(scope: str) -> tuple[Rule, ...]:
    return tuple(r for r in rules() if r.scope == scope)


def _first(scope: str, key: str, how: str) -> str | None:
    """The name of the first rule of ``scope`` whose pattern ``how`` ("fullmatch", "match",
    "search") finds ``key``."""
    for rule in _of(scope):
        if getattr(rule.pattern, how)(key):
            return rule.name
    return None


def _flat(text: str) -> str:
    """The text as the rules read it: white space as single spaces, curly apostrophes straight
    (the rules write "what's" once)."""
    return " ".join(text.split()).replace("\u2019", "'")


def unit_rule(unit: str) -> str | None:
    """The name of the rule that makes this unit furniture on its own, if any."""
    key = _flat(unit).rstrip(_TRAILING)
    return _first("unit", key, "fullmatch") if key else "empty"


def present_caption(unit: str) -> bool:
    """Whether a unit is a photo's caption in the present tense: named people (capitalised
    words, with "and" and name particles), then what a photo shows them doing ("speaks",
    "waves", "talks with", "arrives"), no one credited, and a full stop at the end, which a
    headline so written ("Starmer meets Xi in margins of G20 summit") does not have."""
    text = unit.strip().lstrip("\u2022\u00b7 ")
    if _DATED_CAPTION.fullmatch(text) or _MARKED_CAPTION.match(text):
        return True
    # (The photo's credit after it, "[Photo by …]", "(Photo/ANI)", is the caption's too, and
    # ends it as a full stop would.)
    credited = _PHOTO_CREDIT.search(text)
    if credited:
        text = text[:credited.start()].rstrip(" .") + "."
    if not text.endswith("."):
        return False
    text = text[:-1]
    if _PRESENT_CAPTION.fullmatch(text) or _NAMES_CAPTION.fullmatch(text):
        return True
    verbless = _VERBLESS_CAPTION.fullmatch(text)
    return verbless is not None and not _has_verb(verbless.group("where"))


_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"
# A caption with no verb: who, then where, then when ("Prime Minister Suga at a press
# conference after the Japan-U.S. Summit Telephone Talk, January 28, 2021"; "… Joe Biden at the
# Munich Security Conference in February 2015"). A headline does not end on a date.
_DATED_CAPTION = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*\s+|(?:of|the|and|then|de|al|bin|van|von)\s+){2,14}?"
    r"(?:at|during)\s+(?:a|an|the|his|her)\s+(?:[^.!?]|(?<=[A-Z])\.){3,200}?"
    rf"(?:,?\s+(?:on\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\s+in\s+(?:{_MONTH}\s+)?\d{{4}})\.?")
# "(Photo) 15th Japan-India Foreign Ministers' Strategic Dialogue": a caption says so.
_MARKED_CAPTION = re.compile(r"\((?:Photo|Photos|Image|Picture|Video)\)\s")


_PRESENT_CAPTION = re.compile(
    r"(?![^.]*\b(?:said|says|told|according|reported|added)\b)(?!The\s)"
    r"(?:[A-Z][\w.'\u2019-]*\s+|(?:of|the|and|de|al|bin|van|von|his|her)\s+){2,14}?"
    r"(?:speaks|arrives|attends|looks on|gestures|shakes hands?|poses|walks|listens|waves|greets|"
    r"sits|stands|addresses|smiles|leaves|departs|gives a|chairs|inspects|is seen|are seen|"
    r"talks with|meets with|welcomes|receives|hosts|pose|attend|arrive|speak|wave|shake hands|"
    r"sit|stand|walk|listen|gesture)\b(?:[^.!?]|(?<=[A-Z])\.){0,250}")
# A caption with no verb at all: who, then where or when they were ("External Affairs Minister
# S Jaishankar and his United States counterpart Marco Rubio during a meeting.", "El presidente
# Fernández durante su charla con la canciller Merkel."), in a few words; or the people alone,
# two named and joined ("UK PM Rishi Sunak and PM Narendra Modi."). A sentence has a verb.
_NAME_WORD = (r"(?:[A-Z][\w.'\u2019-]*|(?:of|the|and|with|his|her|their|its|counterparts?|"
              r"presidente|presidenta|canciller|ministr[oa]|secretari[oa]|primer|mandatari[oa]|de|"
              r"del|el|la|los|y|con|su|sus|bin|van|von|al)(?=\s))")
_VERBLESS_CAPTION = re.compile(
    r"(?![^.]*\b(?:said|says|told|according|reported|added)\b)"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,16}}?,?\s+(?:at|during|durante)\s+"
    r"(?P<where>(?:a|an|the|his|her|their|su|sus|la|el|una|un)\s+(?:[^\s.!?]+\s+){0,11}"
    r"[^\s.!?]+)")
# Verbs a sentence has that a caption's place or time does not ("during the talks agreed to
# …"; not "during a televised address", an adjective after its determiner).
_DETERMINERS = frozenset("a an the his her their".split())
_SENTENCE_VERBS = frozenset("said says told met spoke agreed held is was are were".split())
# (The people alone, two named and joined.)
_NAMES_CAPTION = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*\s+){1,6}[A-Z][\w.'\u2019-]*\s+(?:and|y|e|et|und)\s+"
    r"(?:[A-Z][\w.'\u2019-]*\s+){1,6}[A-Z][\w'\u2019-]*")
# A photo's credit at a caption's end: "[Photo by …/Xinhua]", "(Photo/ANI)", "/ TRT World".
_PHOTO_CREDIT = re.compile(
    r"\s*(?:[\[(](?i:photo|photos|image|file photo|foto)\b[^\])]{0,60}[\])]"
    r"|/\s*[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z][\w]*){0,4})\.?$")


def _has_verb(words: str) -> bool:
    """Whether the words after a caption's "at" or "during" hold a verb: one a sentence has,
    or a word in "-ed" that follows a noun rather than a determiner."""
    tokens = words.split()
    return any(w in _SENTENCE_VERBS or (w.endswith("ed") and len(w) > 3 and w.islower()
                                        and tokens[k - 1] not in _DETERMINERS)
               for k, w in enumerate(tokens) if k)


def paragraph_rule(first_unit: str) -> str | None:
    """The rule that makes a whole paragraph furniture, read from its first unit, or from a
    line of it: a notice that starts on its own line after a line of tags that runs into it
    ("… Office of the Spokesperson Russia\nU.S. Department of State published this content
    on …")."""
    for line in first_unit.split("\n"):
        # "(Reporting by ...; editing by ...)" in parentheses, too.
        found = _first("paragraph", _flat(line).lstrip("(["), "match") if line.strip() else None
        if found:
            return found
    return None


def caption_rule(last_unit: str) -> str | None:
    """The rule that makes a paragraph a photo caption, read from its last unit."""
    return _first("caption", _flat(last_unit), "search")


def dateline(text: str, start: int, end: int) -> int:
    """The length of a dateline at ``text[start:end]``'s start, 0 if there is none (a block
    that is only a dateline, "MEXICO CITY —" on its own line, is one whole; so is a line that
    is only a date and time, "2023-03-16 23:00")."""
    if unit_rule(text[start:end]) == "date-only":
        return 0
    for rule in _of("dateline"):
        m = rule.pattern.match(text, start, end)
        if m and m.end() > start:
            return m.end() - start
    m = _PLACE_DATELINE.match(text, start, end)
    if m is None or not (m.group("date") or m.group("sep").strip()):
        return 0
    # A capital, then a colon, a dash or a date, glued to the story: "New Delhi: External
    # Affairs Minister …", "Berlin - Bundeskanzler Friedrich Merz …", "Washington, Jan 14 US
    # Secretary of State …"; not a country ("China:") nor a person ("Biden - who …"). Of two
    # places joined by a slash, the last is the one read.
    last = m.group("place").split()[-1].lower()
    key = word_key(last)
    return m.end() - start if key.startswith("@") and key != "@" + last else 0


# (Two capitals joined by a slash, "Beijing/ Washington:", as Indian agencies write them.)
_PLACE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:\s?/\s?[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?)"
    r"(?P<date>, (?:[A-Z][a-z]{2,8}\.?) \d{1,2}(?:, \d{4})?)?(?P<sep>:\s+|\s+[-\u2013\u2014]\s+|\s+)(?=[A-Z\u201c\"])")


def lead_in_rule(unit: str) -> str | None:
    """The rule that makes this unit a lead-in ("The below is attributable to ...:")."""
    return _first("lead-in", _flat(unit), "fullmatch")


def glued_lead_in(text: str, start: int, end: int) -> int:
    """The length of a lead-in glued to the sentence after it on one line, 0 if there is none:
    "The below is attributable to Spokesperson X: Secretary Y spoke ..." splits at the colon."""
    colon = text.find(":", start, end)
    while colon != -1:
        if colon + 1 < end and text[colon + 1].isspace() and lead_in_rule(text[start : colon + 1]):
            return colon + 1 - start
        colon = text.find(":", colon + 1, end)
    return 0


# The labels some outlets set before a paragraph, as a section's head run into it ("Why it
# matters: …", "The big picture: …" as Axios writes; "What Happened: …" as Benzinga does).
_SECTION_LABEL = re.compile(
    r"(?i:why it matters|the big picture|driving the news|catch up quick|zoom in|zoom out|"
    r"between the lines|what they(?:'|\u2019)re saying|the other side|go deeper|flashback|"
    r"state of play|what(?:'|\u2019)s next|what to watch|the bottom line|by the numbers|"
    r"context|details|background|key quote|reality check|what happened|the latest)\s*:"
    r"(?=\s+[A-Z\d\"\u201c\u2018\u00ab]|\s*$)")


def section_label(text: str, start: int, end: int) -> int:
    """The length of a section's label at ``text[start:end]``'s start ("Why It Matters:"),
    alone or run into its paragraph; 0 if there is none."""
    m = _SECTION_LABEL.match(text, start, end)
    return m.end() - start if m else 0


# A list's lead-in of at most this many words, without a number, introduces the items and says
# nothing itself ("This funding will provide:", "The ministers decided to:").
LIST_LEAD_IN_MAX_WORDS = 14


def is_list_formula(unit: str) -> bool:
    """A lead-in of a list that says nothing itself ("The package includes:")."""
    key = _flat(unit)
    if any(ch.isdigit() for ch in key):
        return False
    if len(key.split()) <= LIST_LEAD_IN_MAX_WORDS:
        return True
    return _first("list-lead-in", key, "fullmatch") is not None
