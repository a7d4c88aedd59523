"""Attribution: the words around a claim or a quotation that say whose words they are.

"the readout continued", "he said during a “Fox & Friends” interview", "Trump wrote on Truth
Social", "according to people briefed on the call", "the Wall Street Journal reported". A
quotation attributed to someone other than the readout is reported as coming from that source.
The patterns are English newswire conventions; see docs/quotes-and-divergences.md for limits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readout_compare import lexicon
from readout_compare.model import Attribution, Document, Sentence

# The verbs that tie words to their source, as one regular-expression alternation.
SPEECH_VERBS = "|".join(lexicon.SPEECH_VERBS)
_NAME = r"(?:[A-Z][\w\u2019'.&-]*)(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w\u2019'.&-]*)*"
_SUBJECT = (
    rf"(?:(?i:the|a|an|his|her|their|its)\s+(?:[\w\u2019'-]+\s+){{0,12}}?[\w\u2019'-]+"
    r"|(?i:people|officials|sources|aides|diplomats|analysts|experts|several|some|two|three|"
    r"others|one)\s+(?:[\w\u2019'-]+\s+){0,8}?[\w\u2019'-]+"
    rf"|{_NAME}|he|she|they|it|we|I)"
)
_AFTER_VERB = r"(?:\s+(?:on|in|during|to|at|via)\s+[^,.;:\u201c\u201d\"]*?(?:[\u201c\"][^\u201d\"]*[\u201d\"][^,.;:]*?)?(?=[,.;:]|\s+when\b|\s+after\b|$))?"

_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<src>[^,.;:\u201c\u201d\"]+)")
_CITING = re.compile(r"\bciting\s+(?P<src>[^,.;:\u201c\u201d\"]+)")
_SUBJECT_VERB = re.compile(
    # "Hegseth, however, insisted": one parenthetical adverb may stand between.
    rf"(?P<src>{_SUBJECT})(?:,\s*(?:however|though|meanwhile|too|also|instead),)?\s+"
    rf"(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?P<verb>{SPEECH_VERBS})\b"
    + _AFTER_VERB
)
_VERB_SUBJECT = re.compile(
    rf"\b(?P<verb>said|says|wrote|added|continued|reported)\s+(?P<src>(?:the\s+)?{_NAME})"
)
_REPORTEDLY = re.compile(r"\breportedly\b|\bis said to\b|\bwas said to\b", re.IGNORECASE)
_READOUT_WORDS = re.compile(
    r"\b(readout|summary|statement|release|communiqu[eé]|transcript|read-out)\b", re.IGNORECASE
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def attribute_quote(text: str, sentence: Sentence, q_start: int, q_end: int) -> Attribution | None:
    """The attribution of the quotation at text[q_start:q_end] within its sentence: the nearest
    attribution after the quote ("...," the readout continued), else the nearest before it."""
    found = _candidates(sentence.text)
    if not found:
        return None
    rel_start, rel_end = q_start - sentence.start, q_end - sentence.start
    after = [f for f in found if f[0] >= rel_end - 1 and f[0] - rel_end < 80]
    before = [f for f in found if f[1] <= rel_start + 1]
    if after:
        nearest = min(after, key=lambda f: f[0])[2]
    elif before:
        nearest = max(before, key=lambda f: f[1])[2]
    else:
        nearest = found[0][2]
    readout = next((f[2] for f in found if f[2].is_readout), None)
    if readout is not None and not nearest.is_readout:
        # "According to the readout, the Secretary said his “...”": the speaker's words as the
        # readout gives them.
        return Attribution(
            text=f"{readout.text} … {nearest.text}",
            source=f"{nearest.source}, according to the readout",
            is_readout=True,
        )
    return nearest


def attribute_sentences(account: Document) -> dict[str, Attribution]:
    """The attribution each body sentence of the account carries, where it carries one."""
    out = {}
    body = [s for s in account.sentences if s.role == "body"]
    for i, s in enumerate(body):
        found = _candidates(s.text)
        if found:
            # "according to" and "citing" name the source more surely than a verb of saying.
            best = min(found, key=lambda f: (f[3], f[0]))[2]
            out[s.id] = resolve_pronoun(best, body[max(i - 3, 0) : i])
    return out


def _candidates(original: str) -> list[tuple[int, int, Attribution, int]]:
    """Every attribution in a sentence: (start, end, attribution, priority)."""
    text = blank_quotes(original)
    out: list[tuple[int, int, Attribution, int]] = []
    leads = list(_SUBJECT_VERB.finditer(text))
    for pattern in (_ACCORDING, _CITING):
        for m in pattern.finditer(text):
            src = _clean(m.group("src"))
            phrase = _clean(original[m.start() : m.end()])
            lead = max((x for x in leads if x.end() < m.start()), key=lambda x: x.start(),
                       default=None)
            if pattern is _CITING and lead:
                # "the Wall Street Journal reported on Friday, citing people briefed on the call"
                lead_src = _clean(lead.group("src"))
                whole = _clean(original[lead.start() : m.end()])
                out.append((lead.start(), m.end(), _make(whole, f"{lead_src}, citing {src}"), 0))
            else:
                out.append((m.start(), m.end(), _make(phrase, src), 0))
    for pattern in (_SUBJECT_VERB, _VERB_SUBJECT):
        for m in pattern.finditer(text):
            src = _clean(m.group("src"))
            if src.lower() in ("that", "which", "this", "who"):
                continue
            phrase = _clean(original[m.start() : m.end()])
            out.append((m.start(), m.end(), _make(phrase, src), 1))
    rep = _REPORTEDLY.search(text)
    if rep:
        out.append(
            (rep.start(), rep.end(),
             Attribution(text=rep.group(0), source="unnamed sources (reportedly)", is_readout=False),
             2)
        )
    return sorted(out, key=lambda f: f[0])


_SUBJECT_NAME = re.compile(
    r"^(?:[A-Z][\w.\u2019'-]*\s+){0,4}?(?P<name>[A-Z][a-z][\w\u2019'-]*)"
    r"(?=,|\s+(?:has|had|is|was|said|says|told|also|then|later|[a-z]+ed)\b)"
)


def resolve_pronoun(attribution: Attribution, earlier: Sequence[Sentence]) -> Attribution:
    """"he said" -> "he (Hegseth)": the subject of the nearest earlier sentence that opens with
    a name. Only he and she are resolved; the guess is shown beside the pronoun, never instead
    of it."""
    if attribution.source.lower() not in ("he", "she"):
        return attribution
    for s in reversed(earlier[-3:]):
        m = _SUBJECT_NAME.match(s.text.lstrip("\u201c\"' "))
        if m and m.group("name").lower() not in ("the", "that", "this", "it", "on", "in"):
            return Attribution(
                text=attribution.text,
                source=f"{attribution.source} ({m.group('name')})",
                is_readout=attribution.is_readout,
            )
    return attribution


def _make(phrase: str, source: str) -> Attribution:
    # A sentence's full stop is not part of the name ("said Ambassador Smith."), "U.S." keeps its.
    source = re.sub(r"(?<=[a-z]{2})\.$", "", source)
    phrase = re.sub(r"(?<=[a-z]{2})\.$", "", phrase)
    source = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.IGNORECASE) if not source.islower() else source
    is_readout = bool(_READOUT_WORDS.search(source))
    return Attribution(text=phrase, source=source, is_readout=is_readout)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,;:\u00a0")


def blank_quotes(text: str) -> str:
    """The text with quoted stretches replaced by spaces (offsets kept)."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    text = re.sub(r"\u201c[^\u201d]*(\u201d|$)", blank, text)
    return re.sub(r'"[^"]*("|$)', blank, text)
