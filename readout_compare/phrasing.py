"""How a finding is worded, in the texts' own words: a sentence quoted (cut at a word when long),
the words a quotation changes, what a readout sentence says besides the part reported, and whom
a story credits for a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from readout_compare.model import Attribution, DiffOp

EXCERPT_CHARS = 220  # a quoted sentence longer than this is cut at a word, with "…"
# What an account does to a readout statement, by divergence type (a finding's verb phrase).
DIVERGENCE_WORDS = {
    "number": "gives a different figure",
    "date": "gives a different date",
    "negation": "turns a readout statement into its opposite",
    "modality": "changes how firm a readout statement is",
    "entity": "names someone else",
}
# A token of a word diff that holds a letter or digit (a change of punctuation or quotation
# marks alone is not a change of words).
_WORDLIKE = re.compile(r"\w")


def word_changes(ops: Sequence[DiffOp]) -> list[str]:
    """The word changes of a quotation's diff: "urged → ordered", "“firmly” left out"."""
    out = []
    for tag, old, new in ops:
        old, new = old.strip(), new.strip()
        if tag == "equal" or not (_WORDLIKE.search(old) or _WORDLIKE.search(new)):
            continue
        old, new = _words(old), _words(new)
        if old and new:
            if old.lower() != new.lower():
                out.append(f"{old} → {new}")
        elif old:
            out.append(f"{quoted(old)} left out")
        elif new:
            out.append(f"{quoted(new)} added")
    return out[:3]


def _words(text: str) -> str:
    """The text without punctuation at its ends."""
    return text.strip(" \t\n.,;:!?\"'“”‘’()[]")


def rest_of(text: str, part: str) -> str:
    """What a readout sentence says besides the clause reported."""
    rest = text.replace(part, " ", 1)
    rest = re.sub(r"^[\s,;:]*(?:(?:and|but|while|as well as)\b)?\s*", "", rest.strip())
    rest = re.sub(r"[\s,;:]*(?:(?:and|but|while)\s*)?$", "", rest)
    return rest.rstrip(" .;,:")


def credit(attributions: Sequence[Attribution | None]) -> str:
    """Whom the story credits for a claim: the outlets it names first ("credited to the Wall
    Street Journal"), else what it says ("credited only to “the report”"), else its speaker."""
    named: list[str] = []
    generic: list[str] = []
    speakers: list[str] = []
    readout: list[str] = []
    for a in attributions:
        if a is None:
            continue
        if a.is_readout:
            readout.append(a.source)
            continue
        reporter = a.source.split(", according to ", 1)[1].split(",")[0] \
            if ", according to " in a.source else None
        for name in (reporter, a.source if a.kind == "media" else None):
            if name is None:
                continue
            (named if _is_name(name) else generic).append(name)
        if a.kind != "media" and reporter is None:
            speakers.append(a.source)
    if named:
        return "credited to " + join_names(_unique(_with_article(n) for n in named))
    if readout:
        return (f"credited to the readout ({quoted(readout[0])}), which does not say it")
    if generic:
        return "credited only to " + join_names([quoted(g) for g in _unique(generic)])
    if speakers:
        return "attributed to " + join_names(_unique(speakers))
    return "with no source named"


_OUTLETS_WITH_THE = ("Wall Street Journal", "New York Times", "Washington Post", "Associated Press",
                     "Financial Times", "Guardian", "Times", "Economist", "Hill")


def _with_article(name: str) -> str:
    return f"the {name}" if name in _OUTLETS_WITH_THE else name


def _is_name(source: str) -> bool:
    return bool(source) and source[:1].isupper() and not source.lower().startswith("the ")


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def join_names(names: Sequence[str]) -> str:
    """The names as a list in words: "A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def verb_for(accounts: Sequence[str], one: str, many: str) -> str:
    """The verb that agrees with the number of accounts."""
    return one if len(accounts) == 1 else many


def as_sentence(text: str) -> str:
    """The text with a full stop, unless a quotation it ends with ends the sentence."""
    return text if re.search(r"[.!?]”?\)?$", text) else text + "."


def quoted(text: str) -> str:
    """The text in quotation marks, cut at a word past EXCERPT_CHARS."""
    text = " ".join(text.split())
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]  # the sentence's own full stop: the finding's sentence ends it
    if len(text) > EXCERPT_CHARS:
        cut = text.rfind(" ", 0, EXCERPT_CHARS)
        text = text[: cut if cut > 0 else EXCERPT_CHARS].rstrip(" ,;:") + " …"
    return f"“{text}”"
