"""Segment: split a text into sentences with exact offsets, and tell claims from headings and
page furniture.

Sentence boundaries come from syntok (chosen over pysbd on the evidence in docs/segmentation.md:
as accurate on news text here and about five times faster). Two news conventions are handled on
top of it: a quotation that holds several sentences stays one sentence, and a line on its own
without closing punctuation (a title, a heading) is never glued to the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter as _syntok

from readout_compare.model import Document, Role, Sentence, Source

MAX_QUOTE_SENTENCES = 4
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_TERMINAL = ".!?\u2026"
_CLOSERS = "\"'\u201d\u2019)]\u00bb"

# Text a web page leaves behind that is not part of the story. Compared after lower-casing and
# stripping trailing punctuation; a sentence equal to one of these, or starting with one of the
# prefixes, is furniture.
FURNITURE = frozenset(
    item.strip()
    for item in ["share", "share this", "share this article", "share on facebook", "share on twitter", "share on x", "tweet", "\n    email", "print", "exit mobile version", "advertisement", "advertising", "skip to content", "skip to main content", "\n    read more", "read next", "related", "related articles", "recommended", "most read", "trending", "\n    comments", "comment", "leave a comment", "sign up", "subscribe", "log in", "sign in", "menu", "search", "close", "\n    back to top", "load more", "show more", "continue reading", "view comments", "listen to this article", "\n    follow us", "copy link", "link copied", "facebook", "twitter", "whatsapp", "linkedin", "reddit", "\n    all rights reserved", "cookie settings", "accept cookies", "photo", "video", "watch", "image"]
)
FURNITURE_PREFIXES = (
    "©",
    "copyright ",
    "follow us on ",
    "sign up for ",
    "subscribe to ",
    "click here",
    "this article was originally published",
    "getty images",
    "photo by ",
    "image credit",
)
_BYLINE = re.compile(r"^(?:[Bb]y|[Ff]rom)\s+[A-Z][\w.'\u2019-]*(\s+[A-Z][\w.'\u2019-]*){0,4}(,.*)?$")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\s*[-\u2013\u2014(]?\s*$")


def segment(text: str, *, doc_id: str, label: str, source: Source | None = None) -> Document:
    """Split ``text`` into a :class:`Document` of sentences, each with its role."""
    sentences: list[Sentence] = []
    for paragraph_no, (pstart, pend) in enumerate(_paragraphs(text)):
        spans = list(_sentence_spans(text, pstart, pend))
        lone_line = len(spans) == 1 and "\n" not in text[pstart:pend].strip()
        for start, end in spans:
            role = _role(text[start:end], lone_line=lone_line, first=not sentences)
            sentences.append(
                Sentence(
                    id=f"{doc_id}-{len(sentences) + 1}",
                    text=text[start:end],
                    start=start,
                    end=end,
                    role=role,
                    paragraph=paragraph_no,
                )
            )
    return Document(
        id=doc_id, label=label, text=text, sentences=tuple(sentences), source=source or Source()
    )


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, with a short unpunctuated line (a title or
    heading) on its own line split off from what follows it."""
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield from _split_heading_lines(text, pos, m.start())
        pos = m.end()
    yield from _split_heading_lines(text, pos, len(text))


def _split_heading_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block_start = start
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl == -1 else nl
        line = text[line_start:line_end].strip()
        is_last = nl == -1
        if line and not is_last and _standalone_line(line):
            if text[block_start:line_start].strip():
                yield from _trimmed(text, block_start, line_start)
            yield from _trimmed(text, line_start, line_end)
            block_start = line_end + 1
        line_start = line_end + 1
    if text[block_start:end].strip():
        yield from _trimmed(text, block_start, end)


def _standalone_line(line: str) -> bool:
    """A line that stands alone: a title, a heading, a share button, a list item of furniture."""
    if _is_furniture(line):
        return True
    return line[-1] not in _TERMINAL + _CLOSERS + ",;:" and len(line.split()) <= 15


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of one paragraph, keeping a multi-sentence quotation together."""
    chunk = text[start:end]
    raw: list[tuple[int, int]] = []
    for paragraph in _syntok.analyze(chunk):
        for sentence in paragraph:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            raw.append((start + first.offset, start + last.offset + len(last.value)))
    if not raw:
        return
    # A quotation of several sentences stays one sentence, provided it closes within the next
    # few sentences of the paragraph; a quotation that never closes there (a quote continued in
    # the next paragraph, or a stray mark) does not swallow the rest of the paragraph.
    i = 0
    while i < len(raw):
        start_i, end_i = raw[i]
        if _quote_open(text[start_i:end_i]):
            for j in range(i + 1, min(i + 1 + MAX_QUOTE_SENTENCES, len(raw))):
                if not _quote_open(text[start_i : raw[j][1]]):
                    yield start_i, raw[j][1]
                    i = j + 1
                    break
            else:
                yield start_i, end_i
                i += 1
        else:
            yield start_i, end_i
            i += 1


def _quote_open(sentence: str) -> bool:
    """True when the sentence opens a double quotation it does not close."""
    curly = sentence.count("\u201c") - sentence.count("\u201d")
    if curly > 0:
        return True
    return sentence.count('"') % 2 == 1


def _role(sentence: str, *, lone_line: bool, first: bool) -> Role:
    if _is_furniture(sentence):
        return "furniture"
    stripped = sentence.strip()
    if lone_line and _BYLINE.match(stripped):
        return "furniture"
    if lone_line and _DATELINE_ONLY.match(stripped):
        return "furniture"
    if lone_line and stripped[-1] not in _TERMINAL + _CLOSERS and len(stripped.split()) <= 25:
        return "heading"
    return "body"


def _is_furniture(sentence: str) -> bool:
    key = sentence.strip().lower().rstrip(".!:|\u2026 ").strip()
    if not key:
        return True
    if key in FURNITURE:
        return True
    return key.startswith(FURNITURE_PREFIXES)
