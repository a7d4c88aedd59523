"""Segment: split a text into units (sentences, list items, headings, furniture) with exact
offsets, and tell claims from headings, lead-ins and page furniture.

The text is first cut into blocks (paragraphs and list items) by :mod:`readout_compare.layout`,
which reads hard-wrapped lines back into paragraphs. Within a block:

* a dateline ("WASHINGTON (AP) —") and a lead-in glued to the first sentence ("The below is
  attributable to Spokesperson X:") are split off;
* sentence boundaries come from syntok (chosen over pysbd on the evidence in
  docs/segmentation.md: as accurate on news text here, and faster), with a full
  stop directly followed by a capital ("on Tuesday.The Secretary") also a boundary, and text in
  Chinese or Japanese split at its full-width stops;
* a quotation that holds several sentences gives one unit a sentence;
* a sentence that opens a list of items separated by semicolons ("...includes: two NASAMS;
  up to 150,000 rounds; and ...") is split into its lead-in and its items.

Roles come from the furniture rules (:mod:`readout_compare.furniture`) and the layout: a lone
short line without closing punctuation is a heading; list items are body sentences whose
``context`` names the list's lead-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from syntok import segmenter as _syntok

from readout_compare import furniture, roles
from readout_compare.layout import TERMINAL, Block, blocks, ends_sentence
from readout_compare.lexicon import TITLE_ABBREVIATIONS
from readout_compare.model import Document, Role, Sentence, Source
from readout_compare.workers import parallel_map

# A lone line without closing punctuation and with at most this many words is a heading.
HEADING_MAX_WORDS = roles.HEADING_MAX_WORDS
# A full stop, ! or ? directly followed by a capitalised word, after a lower-case word of two
# letters or more: a boundary that scraped text lost its space at ("on Tuesday.The").
# Also a boundary syntok does not see: a Russian full stop after a word of three lower-case
# letters, before a capitalised word ("… Д.Трампом. Разговор"), a full stop inside a German or
# French quotation that closes before the next sentence ("…der Ukraine.“ Sie vereinbarten"), and
# one after a closing guillemet ("… gouvernance ». Margaret Ellison").
_MISSED_BOUNDARY = re.compile(
    r"(?<=[a-z]{2}[.!?])[\u201d\u2019)]?(?=[\"\u201c]?[A-Z][a-z])"
    r"|(?<=[а-яё]{3}[.!?])(?=\s+[«\"]?[А-ЯЁ][а-яё])"
    r"|(?<=[.!?])(?P<closer2>[\u201c\u00bb])(?=\s+[A-ZÄÖÜÀ-ÝА-ЯЁ])"
    r"|(?<=\u00bb[.!?])(?=\s+[\u00ab\"]?[A-ZÀ-ÝА-ЯЁ])"
    # Arabic and Persian, which have no capitals: a full stop (or "؟") after a word of three
    # letters or more, then the next sentence's letter, with or without a space between
    # ("…في المنطقة.وكانت المملكة …", run together by a scraper).
    r"|(?<=[\u0600-\u06ff]{3}[.!?\u061f])(?=\s*[\u00ab\"\u201c]?[\u0621-\u064a\u067e-\u06cc])"
)
# A day's number and a full stop at a sentence's end, and a German month's name at the next
# sentence's start: syntok cut a German date ("am 12." | "Mai").
_DAY_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.\s*$")
_GERMAN_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b")
# An abbreviated title or office syntok takes for a sentence's end ("State Dept." | "Spokesperson
# Tammy Bruce", "Rep." | "Ana Ruiz"), before a capitalised word that is not one that opens
# sentences ("… the Defense Dept. The ministry …" stays two).
_TITLE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(sorted(w.capitalize() for w in TITLE_ABBREVIATIONS)) + r")\.\s*$")
_SENTENCE_OPENER = re.compile(
    r"(?:The|A|An|It|He|She|They|We|I|This|That|These|Those|In|On|At|But|And|Or|So|If|As|"
    r"When|While|After|Before|Then|There|Its|His|Her|Their|Our)\b")
# Chinese, Japanese and Korean text: its characters, and its sentences (compiled on first use:
# the character class alone costs a few milliseconds to compile, and most text has none).
_CJK_FIRST = "\u3040"
_CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
# (Korean ends a sentence with a full stop, as English does: "…만났다. 미국 …"; a full stop after
# anything but a Hangul syllable, or not before a space, is inside a sentence.)
_CJK_SENTENCE = (r"(?:[^\u3002\uff01\uff1f!?.]|(?<![\uac00-\ud7a3])\.|"
                 r"\.(?![\u201d\u2019\"\u300d)]*(?:\s|$)))+"
                 r"(?:(?:[\u3002\uff01\uff1f!?]+|\.)[\u300d\u300f\u201d\u2019\uff09)\"]*|$)")
# Items of an inline list: at least this many parts separated by semicolons after a colon.
MIN_INLINE_ITEMS = 3
_LAST_ITEM = re.compile(r"\s*(?:and|or)\b")


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    kind: str  # "sentence", "dateline", "lead-in", "item", "list-lead-in", "label"


def segment(
    text: str, *, doc_id: str, label: str, source: Source | None = None
) -> Document:
    """Split ``text`` into a :class:`Document` of units, each with its role."""
    return segment_texts([(text, doc_id, label, source)])[0]


# From this many characters in all, texts may be segmented in worker processes.
PARALLEL_CHARS = 200_000


def segment_texts(items: list[tuple[str, str, str, Source | None]]) -> list[Document]:
    """:func:`segment` for several (text, id, label, source) at once. Large texts
    (:data:`PARALLEL_CHARS` in all) are segmented in worker processes
    (:func:`~readout_compare.workers.parallel_map`), since segmentation is pure Python: the
    paragraphs of all the texts go to the workers together, in runs taken as workers come free,
    so that a longer text or a slower core leaves no worker idle (one text per worker waited
    for the longest). Each paragraph's units and roles depend on that paragraph alone."""
    texts = [text for text, *_ in items]
    paragraphs = [
        (k, list(group))
        for k, text in enumerate(texts)
        for _, group in groupby(blocks(text), key=lambda b: b.paragraph)
    ]
    laid_out: list[list[tuple[int, _Unit, Role]]] = [[] for _ in items]
    for part in parallel_map(_lay_out_paragraphs, paragraphs, texts,
                             size=sum(map(len, texts)), least=PARALLEL_CHARS):
        for k, units in part:
            laid_out[k] += units
    return [_document(text, doc_id, label, source, units)
            for (text, doc_id, label, source), units in zip(items, laid_out)]


def _document(
    text: str, doc_id: str, label: str, source: Source | None,
    laid_out: list[tuple[int, _Unit, Role]],
) -> Document:
    laid_out = _decided(text, laid_out)
    sentences: list[Sentence] = []
    lead_id: str | None = None
    for n, (paragraph_no, unit, role) in enumerate(laid_out):
        unit_text = text[unit.start : unit.end]
        sid = f"{doc_id}-{n + 1}"
        opens_list = (
            unit.kind != "item"
            and unit_text.endswith(":")
            and n + 1 < len(laid_out)
            and laid_out[n + 1][1].kind == "item"
        )
        if opens_list and role != "furniture":
            # A list's lead-in, also where a blank line stands between it and its items.
            role = "lead-in" if furniture.is_list_formula(unit_text) else "body"
        sentences.append(
            Sentence(
                id=sid,
                text=unit_text,
                start=unit.start,
                end=unit.end,
                role=role,
                paragraph=paragraph_no,
                context=lead_id if unit.kind == "item" else None,
                marker=_item_marker(text, unit.start) if unit.kind == "item" else None,
            )
        )
        if opens_list:
            lead_id = sid
        elif unit.kind != "item":
            lead_id = None
    return Document(
        id=doc_id, label=label, text=text, sentences=tuple(sentences), source=source or Source()
    )


# A list item's number or letter: "1." / "1)", "(a)" / "a)", "(iv)" (layout.LIST_MARKER
# without its bullets and dashes).
_NUMBERED = re.compile(r"\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}\)")


def _item_marker(text: str, start: int) -> str | None:
    """The number or letter that opens the line of an item starting at ``start``, if the item
    starts its line after one (the first sentence of an item)."""
    # Looked for only just before the item (an indent and a marker), not back to the start of
    # a long line holding many inline items.
    window = max(start - 40, 0)
    line_start = text.rfind("\n", window, start) + 1 or window
    before = text[line_start:start].strip()
    return before if _NUMBERED.fullmatch(before) else None


def role_units(text: str, laid_out: list[tuple[int, _Unit, Role]]) -> list[roles.Unit]:
    """What the role decision reads of each laid-out unit."""
    return [roles.Unit(text[u.start : u.end], p, u.kind, r) for p, u, r in laid_out]


def _decided(
    text: str, laid_out: list[tuple[int, _Unit, Role]]
) -> list[tuple[int, _Unit, Role]]:
    """The units with the roles the role model gives them, a paragraph that is all furniture
    (a credit line, a caption, a disclaimer) made one unit."""
    decided = roles.decide(role_units(text, laid_out))
    introduced = False  # inside a list that a lead-in ending in ":" introduces
    for n, (_, unit, rule_role) in enumerate(laid_out):
        # A list's lead-in and its items are told by the structure (_document), not by the
        # model: "The package includes:" and then "Two NASAMS;".
        if unit.kind != "item":
            introduced = (rule_role != "furniture" and n + 1 < len(laid_out)
                          and laid_out[n + 1][1].kind == "item" and text[unit.end - 1] == ":")
        if introduced and rule_role != "furniture":
            decided[n] = rule_role
        elif (unit.kind == "item" and n + 1 < len(laid_out)
              and _section_head(text[unit.start:unit.end],
                                text[laid_out[n + 1][1].start:laid_out[n + 1][1].end])):
            decided[n] = "heading"  # "1. Bilateral Relations" above its numbered points
    decided = _appeal_block(text, laid_out, decided)
    decided = _unintroduced_lists(text, laid_out, decided)
    out: list[tuple[int, _Unit, Role]] = []
    for paragraph_no, group in groupby(zip(laid_out, decided), key=lambda x: x[0][0]):
        items = list(group)
        if len(items) == 2 and items[0][0][1].kind == "dateline":
            # A dateline and one line after it: two units (a date stamp above a site's name).
            out += [(p, u, role) for (p, u, _), role in items]  # type: ignore[misc]
            continue
        if (len(items) > 1 and all(role == "furniture" for _, role in items)
                and furniture.paragraph_rule(text[items[0][0][1].start:items[0][0][1].end])
                not in _NOTICES_BY_SENTENCE):
            # One unit a line: a caption's sentences are one piece of furniture, its credit on
            # the next line ("(Photo: …)") or a page's lines of details another.
            for line in _by_line(text, [u for (_, u, _), _ in items]):
                out.append((paragraph_no, _Unit(line[0].start, line[-1].end, "furniture"),
                            "furniture"))
        else:
            tail = _caption_tail(text, items)
            out += [(p, u, role) for (p, u, _), role in items[:tail]]  # type: ignore[misc]
            for line in _by_line(text, [u for (_, u, _), _ in items[tail:]]):
                out.append((paragraph_no, _Unit(line[0].start, line[-1].end, "furniture"),
                            "furniture"))
    return out


def _caption_tail(text: str, items: list) -> int:  # type: ignore[type-arg]
    """Where the caption glued after a paragraph's sentences starts (see _caption_start): the
    caption and its credit are one piece of furniture, as a caption paragraph is. The
    paragraph's length when it ends in no caption."""
    n = len(items)
    while n and items[n - 1][1] == "furniture":
        n -= 1
    tail = [text[u.start:u.end] for (_, u, _), _ in items[n:]]
    for k, unit_text in enumerate(tail[:-1]):
        if furniture.present_caption(unit_text) and furniture.caption_rule(tail[-1]):
            return n + k
    return len(items)


# Paragraph rules of a distributor's notice under a readout it reprints ("U.S. Department of
# State published this content on … Distributed via Public Technologies (PUBT) … If you
# believe …"): its sentences stay units, as fact-checkers label them, where a caption's
# sentences are one piece of furniture.
_NOTICES_BY_SENTENCE = frozenset(["public-release", "syndication-responsibility"])


def _by_line(text: str, units: list[_Unit]) -> list[list[_Unit]]:
    """The units in runs that share a line of the text. A unit that is furniture by a rule of
    its own (a credit after a caption, "Required fields are marked *" after "Your email address
    will not be published.") starts a run of its own, as the credit on the next line does; "All
    rights reserved." goes on the copyright notice it ends."""
    runs: list[list[_Unit]] = []
    for u in units:
        rule = furniture.unit_rule(text[u.start:u.end])
        if (runs and "\n" not in text[runs[-1][-1].end : u.start]
                and (rule is None or rule in _NOTICE_ENDS)):
            runs[-1].append(u)
        else:
            runs.append([u])
    return runs


# Unit rules of the last words of a notice, which stay with it.
_NOTICE_ENDS = frozenset(["rights-reserved"])


# A numbered section head ("1. Bilateral Relations") is at most this many words.
SECTION_HEAD_WORDS = 6


def _section_head(item: str, after: str) -> bool:
    """An item that names the section below it ("1. Bilateral Relations", then "1. Minister
    Hayashi welcomed …"): a few words in Title Case without closing punctuation, followed by a
    full sentence, not by another item of its kind (a package's "Stinger Missiles")."""
    words = item.split()
    return (0 < len(words) <= SECTION_HEAD_WORDS and item.rstrip()[-1] not in TERMINAL + ";:,"
            and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
            and after.rstrip()[-1:] in TERMINAL and len(after.split()) >= 8)


_SMALL_WORDS = frozenset("and of the for on in to with at a an".split())


# The outlet speaking to its reader in the first person plural ("we need reporters on the
# ground"), outside any quotation.
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Ww]e're|[Ww]e've)\b")  # not "US"
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]")


def _unintroduced_lists(text: str, laid_out: list[tuple[int, _Unit, Role]],
                        decided: list[Role]) -> list[Role]:
    """A list that follows the story's sentences with nothing to introduce it, its items
    without closing punctuation, is the page's (related stories' headlines, a section's links:
    "- US appeals court scraps plea deal", "- World"), not the story's: a list the story gives
    has a lead-in ("The package includes:") or a heading above it, or items that are
    sentences."""
    n = 0
    last = -1  # the last unit before n that is not furniture
    while n < len(laid_out):
        if laid_out[n][1].kind != "item":
            if decided[n] != "furniture":
                last = n
            n += 1
            continue
        end = n
        while end < len(laid_out) and laid_out[end][1].kind == "item" \
                and laid_out[end][0] == laid_out[n][0]:
            end += 1
        # Items a paragraph each, one after another ("• World", "• Brazil", "• Joe Biden").
        while end < len(laid_out) and laid_out[end][1].kind == "item" \
                and laid_out[end][0] == laid_out[end - 1][0] + 1:
            end += 1
        items = [text[u.start:u.end].rstrip() for _, u, _ in laid_out[n:end]]
        before = text[laid_out[last][1].start:laid_out[last][1].end].rstrip() if last >= 0 else ""
        after_story = decided[last] == "body" and ends_sentence(before) if before else False
        tags = not before.endswith(":") and all(_TAG.fullmatch(item) for item in items)
        if (end - n >= UNINTRODUCED_LIST_ITEMS and (after_story or tags)
                and not any(item[-1:] in TERMINAL + ";:," for item in items)):
            decided[n:end] = ["furniture"] * (end - n)
        else:
            kept = [k for k in range(n, end) if decided[k] != "furniture"]
            last = kept[-1] if kept else last
        n = end
    return decided


# A list of at least this many items can be a page's links (_unintroduced_lists).
UNINTRODUCED_LIST_ITEMS = 2
# A page's tag or section link (an item's words, its marker apart): at most three words, each
# capitalised (or a number), no verb ("World", "UNITED STATES", "Jair Bolsonaro"): a list of
# them with no lead-in says nothing.
_TAG = re.compile(r"(?:[A-Z\d][\w.'\u2019&-]*)(?: [A-Z\d][\w.'\u2019&-]*){0,2}")


def _appeal_block(text: str, laid_out: list[tuple[int, _Unit, Role]],
                  decided: list[Role]) -> list[Role]:
    """A site's appeal to its reader runs over several paragraphs ("Your support helps us …",
    then "we need reporters on the ground", "We believe quality journalism …"): the paragraphs
    next to an appeal line (the reader-appeal rule) in which the outlet says "we", and no one
    is quoted, are the appeal's too, paragraph after paragraph."""
    paragraphs: dict[int, list[int]] = {}
    for n, (p, _, _) in enumerate(laid_out):
        paragraphs.setdefault(p, []).append(n)
    order = list(paragraphs)

    def unit_text(n: int) -> str:
        return text[laid_out[n][1].start : laid_out[n][1].end]

    # (Only the units the rules made furniture are read again: an appeal line is one of them.)
    appeal = {p for p, ns in paragraphs.items()
              if any(laid_out[n][2] == "furniture"
                     and furniture.unit_rule(unit_text(n)) == "reader-appeal" for n in ns)}
    if not appeal:
        return decided

    def we_voice(p: int) -> bool:
        texts = [unit_text(n) for n in paragraphs[p]]
        return (any(_WE.search(t) for t in texts)
                and not any(_QUOTE_MARK.search(t) for t in texts))

    block = set(appeal)
    for step in (1, -1):
        for i, p in (enumerate(order) if step == 1 else reversed(list(enumerate(order)))):
            j = i - step
            if p not in block and 0 <= j < len(order) and order[j] in block and we_voice(p):
                block.add(p)
    out = list(decided)
    for p in block:
        for n in paragraphs[p]:
            out[n] = "furniture"
    return out


def _lay_out(text: str, paragraphs: list[list[Block]]) -> list[tuple[int, _Unit, Role]]:
    """(paragraph number, unit, role) for every unit of the given paragraphs, in order."""
    laid_out: list[tuple[int, _Unit, Role]] = []
    for group in paragraphs:
        units = [u for block in group for u in _units(text, block)]
        laid_out += [(group[0].paragraph, u, r) for u, r in zip(units, _roles(text, units))]
    return laid_out


def laid_out(text: str) -> list[tuple[int, _Unit, Role]]:
    """Every unit of ``text`` with its paragraph and the role the rules give it, before the
    role model decides (what ``bench/fit_roles.py`` fits the model on)."""
    return _lay_out(text, [list(g) for _, g in groupby(blocks(text), key=lambda b: b.paragraph)])


def _lay_out_paragraphs(
    texts: list[str], paragraphs: Sequence[tuple[int, list[Block]]]
) -> list[tuple[int, list[tuple[int, _Unit, Role]]]]:
    """:func:`_lay_out` for some paragraphs, each of the text it is numbered with."""
    return [(k, _lay_out(texts[k], [group])) for k, group in paragraphs]


MAX_DATELINES = 2


def _units(text: str, block: Block) -> Iterator[_Unit]:
    """The units of one block, in order."""
    start, end = block.start, block.end
    # A dateline, and one after it (" date 2026-01-16 MEXICO CITY — …": a stamp, then the
    # story's own dateline).
    for _ in range(MAX_DATELINES):
        dateline = furniture.dateline(text, start, end)
        if not dateline:
            break
        yield from (_Unit(s, e, "dateline") for s, e in _trimmed(text, start, start + dateline))
        start += dateline
        if start >= end:
            return
    label = furniture.section_label(text, start, end)
    if label:
        yield from (_Unit(s, e, "label") for s, e in _trimmed(text, start, start + label))
        start += label
        if start >= end or not text[start:end].strip():
            return
    glued = furniture.glued_lead_in(text, start, end)
    if glued:
        yield from (_Unit(s, e, "lead-in") for s, e in _trimmed(text, start, start + glued))
        start += glued
    # A quotation of several sentences gives a unit a sentence, as fact-checkers label them
    # (bench/real/README.md); quotes.py finds the quotation over the whole text.
    opening = True  # no sentence of the story's own yet in this block
    for s, e in _with_furniture_cut(text, _raw_sentences(text, start, end)):
        if opening and block.kind != "item":
            # A dateline after a piece of furniture on the same line ("(MENAFN- Kuwait News
            # Agency (KUNA)) WASHINGTON, April 17 (KUNA) -- US Department of State said …").
            dateline = furniture.dateline(text, s, e) if s > start else 0
            if dateline and s + dateline < e:
                yield from (_Unit(a, b, "dateline") for a, b in _trimmed(text, s, s + dateline))
                s += dateline
            piece = text[s:e]
            # (A piece that does not end as a sentence ends, "(MENAFN- … (KUNA))", is no
            # sentence of the story's either.)
            opening = bool(furniture.unit_rule(piece) or furniture.paragraph_rule(piece)
                           or not ends_sentence(piece))
        if block.kind == "item":
            yield _Unit(s, e, "item")
        else:
            yield from _inline_list(text, s, e)


def _roles(text: str, units: list[_Unit]) -> list[Role]:
    """The role of each unit of one paragraph."""
    if not units:
        return []
    texts = [text[u.start : u.end] for u in units]
    claims = [i for i, u in enumerate(units) if u.kind != "dateline"]
    if claims and (
        furniture.paragraph_rule(texts[claims[0]])
        # "FILE - …" is cut off as a dateline, and says the paragraph is a photo's caption.
        or (units[0].kind == "dateline" and furniture.paragraph_rule(texts[0]) == "caption-file")
    ):
        return ["furniture"] * len(units)
    caption = _caption_start(units, texts, claims)
    lone = len(claims) == 1 and units[claims[0]].kind == "sentence"
    out = [_role(unit, unit_text, lone=lone) if k < caption else "furniture"
           for k, (unit, unit_text) in enumerate(zip(units, texts))]
    for k in claims[1:]:
        if out[k - 1] == "furniture" and _DETAIL.fullmatch(texts[k].strip()):
            # A byline's details after it, each cut off as a sentence ("By Tomas Berg. Nordic
            # Editor. NRK. Oslo."): a few capitalised words and a full stop say nothing.
            out[k] = "furniture"
    for k in claims[1:]:
        if furniture.paragraph_rule(texts[k]) in TRAILING_CREDITS:
            # The story's credits run on after its last sentence, on its line ("… without
            # further details. Reporting by …; edited by …"): they and what follows are not
            # the story's.
            out[k:] = ["furniture"] * (len(units) - k)
            break
    return out


def _caption_start(units: list[_Unit], texts: list[str], claims: list[int]) -> int:
    """Where a photo's caption starts in a paragraph that ends with its credit
    ("REUTERS/Jane Doe"), or the paragraph's length when it has none. A caption is the whole
    paragraph unless a caption-shaped sentence (a person who "speaks at" somewhere, on a date)
    comes after the paragraph's first sentence: a scraped page glues the caption to the story's
    sentence before it ("… the State Department said. Vale speaks during a news conference in
    Washington, May 2, 2025. REUTERS/John Doe"), and that sentence stays the story's."""
    if not claims or not furniture.caption_rule(texts[-1]):
        return len(units)
    for k in claims[1:]:
        if furniture.present_caption(texts[k]):
            return k
    return 0


# One to three capitalised words and a full stop: an office, an outlet, a place.
_DETAIL = re.compile(r"(?:[A-Z][\w'\u2019&-]*\s+){0,2}[A-Z][\w'\u2019&-]*\.")


# Paragraph rules whose match, after the story's sentences on the same line, ends the story.
TRAILING_CREDITS = frozenset(["reporting-credits", "contributed", "copyright", "editors-note",
                              "syndication", "views-disclaimer"])


def _role(unit: _Unit, unit_text: str, *, lone: bool) -> Role:
    if (unit.kind == "dateline" or furniture.unit_rule(unit_text)
            or furniture.present_caption(unit_text)):
        return "furniture"
    if unit.kind == "lead-in" or furniture.lead_in_rule(unit_text):
        return "lead-in"
    if unit.kind == "label":
        return "heading"
    stripped = unit_text.rstrip()
    if (
        lone
        and unit.kind == "sentence"
        and not ends_sentence(stripped)
        and len(stripped.split()) <= HEADING_MAX_WORDS
    ):
        return "heading"
    return "body"


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _raw_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    if max(chunk, default="") >= _CJK_FIRST and (
        len(re.findall(_CJK, chunk)) > 0.3 * len(chunk.replace(" ", ""))
    ):
        for m in re.finditer(_CJK_SENTENCE, chunk):
            yield from _trimmed(text, start + m.start(), start + m.end())
        return
    spans = [
        (start + sentence[0].offset, start + sentence[-1].offset + len(sentence[-1].value))
        for paragraph in _syntok.analyze(chunk) for sentence in paragraph if sentence
    ]
    for s, e in _rejoined(text, spans):
        cut = s
        for m in _MISSED_BOUNDARY.finditer(text, s, e):
            if m.end() > cut and _boundary_here(text, s, m):
                yield from _unglued(text, cut, m.end())
                cut = m.end()
        if cut < e:
            yield from _unglued(text, cut, e)


def _with_furniture_cut(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The sentences, with a link's label run into the sentence after it ("Read more “He
    welcomed …”") and an outlet's standards line run into the credits before it ("… edited by
    Michael Holden Our standards: …") cut off as pieces of their own."""
    for s, e in spans:
        lead = _LEADING_LINK.match(text, s, e)
        if lead and lead.end() < e and not furniture.unit_rule(text[s:e]):
            # (Not "Read more: EU unveils plan …": a link with its headline is one piece.)
            yield from _trimmed(text, s, lead.end())
            s = lead.end()
        tail = _TRAILING_NOTICE.search(text, s, e)
        if tail and tail.start() > s:
            yield from _trimmed(text, s, tail.start())
            s = tail.start()
        yield from _furniture_lines(text, s, e)


_SMALL_END = re.compile(r"\b(?:on|in|of|the|a|an|to|and|by|for|at|with|from)\s*$")
# Furniture rules whose line, inside a sentence that runs over lines, is a unit of its own.
LINE_RULES = frozenset(["byline", "timestamp", "date-only", "stamp-line", "age-stamp",
                        "agency-alone", "public-release", "view-in-full", "breadcrumb",
                        "read-more", "read-more-other", "source-line", "photo-label",
                        "credit-line", "photo-by"])


def _furniture_lines(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """A sentence that runs over lines of which one is a piece of furniture by itself ("/ TRT
    World and Agencies" then "By Staff Reporter" on the next line): that line is a unit of its
    own, and the lines around it others."""
    if "\n" not in text[s:e]:
        yield from _trimmed(text, s, e)
        return
    lines, a = [], s
    for m in re.finditer("\n", text[s:e]):
        lines.append((a, s + m.start()))
        a = s + m.end()
    lines.append((a, e))
    # (Only rules a wrapped line of a sentence cannot pass for: "comment." is a line of
    # "… did not immediately\ncomment.", not a link.)
    # A line that starts in lower case or with a figure, or follows one that stops on a small
    # word ("… met in Weimar on\n29 August."), goes on with the sentence.
    marks = [len(text[x:y].split()) >= 2 and furniture.unit_rule(text[x:y]) in LINE_RULES
             and not re.match(r"\s*[a-z\d]", text[x:y])
             and (k == 0 or not _SMALL_END.search(text[lines[k - 1][0]:lines[k - 1][1]]))
             for k, (x, y) in enumerate(lines)]
    if not any(marks):
        yield from _trimmed(text, s, e)
        return
    run: tuple[int, int] | None = None
    for (x, y), mark in zip(lines, marks):
        if mark:
            if run:
                yield from _trimmed(text, *run)
                run = None
            yield from _trimmed(text, x, y)
        else:
            run = (run[0], y) if run else (x, y)
    if run:
        yield from _trimmed(text, *run)


# A link's label at a sentence's start, before a quotation or a capital: "Read more “He …".
_LEADING_LINK = re.compile(
    r"(?:Read more|Read also|Also read|READ MORE|READ ALSO|Lea también|Leer más|Leia também)"
    r"\s+(?=[\u201c\"\u00abA-Z])")
# A notice run into the end of the credits before it, and a wire editors' initials run into
# the end of a story's last sentence ("… a government spokesperson. jri/mlr/gd", AFP's).
_TRAILING_NOTICE = re.compile(r"(?<=\S)\s+(?=Our Standards:|Our standards:)"
                              r"|(?<=[.!?\"\u201d])\s+(?=[a-z]{1,4}(?:/[a-z]{1,4}){2,7}[ \t]*(?:\n|$))")


# Where scraped text may have run two pieces together: a lower-case letter against a capital
# or a digit ("Helen Corbett23 August 2024", "RT logoIn a phone call"), or a parenthesis
# after a space ("… downed (Adds Obama comments from news conference)").
_GLUE = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z0-9])|(?<=\S)\s+(?P<aside>(?=\())")
# Furniture rules whose match, run into a sentence or a line, is cut off from it.
GLUED_FURNITURE = frozenset(["date-only", "update-count", "logo", "byline", "stamp-line",
                             "timestamp", "update-note"])


# The longest piece of furniture looked for at a glue point, in characters.
GLUED_MAX_CHARS = 200


def _unglued(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The piece ``text[start:end]``, cut where a piece of furniture of two words or more
    (:data:`GLUED_FURNITURE`: a date, a byline, a logo, an update note) was run into it
    without a space, before or after. Only a side of at most GLUED_MAX_CHARS is read (furniture
    is short), so a long piece costs its length, not its length times its capitals."""
    cut = start
    for m in _GLUE.finditer(text, start, end):
        at = m.start()
        if at <= cut:
            continue
        before = text[cut:at] if at - cut <= GLUED_MAX_CHARS else ""
        after = text[m.end():end] if end - m.end() <= GLUED_MAX_CHARS else ""
        # Before a parenthesis, only the parenthesis itself is looked at: "March 4, 2025 (AFP)"
        # is one credit.
        if (m.group("aside") is None and _glued_piece(before)) or _glued_piece(after):
            yield from _trimmed(text, cut, at)
            cut = m.end()
    yield from _trimmed(text, cut, end)


def _glued_piece(piece: str) -> bool:
    return len(piece.split()) >= 2 and furniture.unit_rule(piece.strip()) in GLUED_FURNITURE


def _rejoined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """syntok's sentences, with a German ordinal date it cut ("am 12." | "Mai soll …") joined
    again: a sentence that ends in a day's number and a full stop, before one that opens with
    a month's name, is one sentence; so is one cut inside a parenthesis (_open_parenthesis)
    or after an abbreviated title (_TITLE_ABBREVIATION)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and ((_DAY_ORDINAL.search(text, out[-1][0], out[-1][1])
                     and _GERMAN_MONTH.match(text, s))
                    or (_TITLE_ABBREVIATION.search(text, out[-1][0], out[-1][1])
                        and text[s:s + 1].isupper() and not _SENTENCE_OPENER.match(text, s))
                    or _open_parenthesis(text[out[-1][0]:out[-1][1]], text[s:e])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _open_parenthesis(before: str, after: str) -> bool:
    """Whether syntok cut inside a parenthesis that the next sentence closes ("at 6:40 p.m.
    (local time;" | "10:10 p.m. JST) for 150 minutes"): a parenthesis is one sentence's."""
    closing, opening = after.find(")"), after.find("(")
    return (before.count("(") > before.count(")") and closing != -1
            and (opening == -1 or closing < opening))


def _boundary_here(text: str, s: int, m: re.Match[str]) -> bool:
    """A boundary syntok missed: a full stop run into the next sentence ("on Tuesday.The"), a
    Russian sentence after a name written with initials ("Д.Трампом. Разговор"), or a German
    or French quotation closed after its full stop ("…der Ukraine.“ Sie")."""
    closer = m.group("closer2")
    if closer:
        return ("\u201e" if closer == "\u201c" else "\u00ab") in text[s:m.start()]
    return True


def _quote_open(sentence: str) -> bool:
    """True when the sentence opens a double quotation it does not close."""
    curly = sentence.count("\u201c") - sentence.count("\u201d")
    if curly > 0:
        return True
    return sentence.count('"') % 2 == 1


def _inline_list(text: str, start: int, end: int) -> Iterator[_Unit]:
    """A sentence that introduces a list of items separated by semicolons, split into its
    lead-in and its items; any other sentence as it is."""
    sentence = text[start:end]
    colon = sentence.find(":")
    parts = sentence[colon + 1 :].split(";") if colon != -1 else []
    if len(parts) < MIN_INLINE_ITEMS or _quote_open(sentence[: colon + 1]):
        yield _Unit(start, end, "sentence")
        return
    yield _Unit(start, start + colon + 1, "list-lead-in")
    # Each item keeps its ";", and the "and" or "or" before the last item, as a list written
    # one item a line does ("Up to 150,000 rounds; and").
    cuts = [start + colon + 1]
    pos = cuts[0]
    for part in parts[:-1]:
        pos += len(part) + 1  # past the ";"
        m = _LAST_ITEM.match(text, pos, end)
        cuts.append(m.end() if m else pos)
    cuts.append(end)
    for a, b in zip(cuts, cuts[1:]):
        yield from (_Unit(s, e, "item") for s, e in _trimmed(text, a, b))
