"""Layout: the blocks of a text (paragraphs, standalone lines, list items), decided from its
lines, before it is split into sentences.

Plain text arrives in several shapes: one paragraph per line; paragraphs separated by blank
lines; lines hard-wrapped at 60-80 columns (e-mailed statements, ``fmt`` output, saved pages,
PDF text layers); lists with bullets, numbers or one item per line ending in ";". A line break is
a boundary for headings, list items and one-line paragraphs, and is not one inside a wrapped
paragraph. Which it is is decided per line break, from:

* **fit**: in a text wrapped at width W, a line followed by a word that would have fitted on it
  was ended on purpose; a line that the next word would have overflowed was wrapped;
* **continuation**: a line that ends without closing punctuation, on a comma or a function
  word, or is followed by a line starting in lower case, runs on;
* **markers**: a line starting with a list marker starts an item.

Blocks keep exact offsets into the original text; a block may hold newlines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from readout_compare import furniture
from readout_compare.normalize import CJK

BlockKind = Literal["paragraph", "item"]

TERMINAL = ".!?\u2026\u3002\uff01\uff1f"
CLOSERS = "\"'\u201d\u2019)]\u00bb\u300d\u300f"
# A list marker at the start of a line: a bullet or dash, "1." / "1)", "(a)" / "a)", "(iv)".
LIST_MARKER = re.compile(
    r"[ \t]*(?:[-*+\u2022\u00b7\u25aa\u25e6\u2013\u2014\u25cf\u27a2\u2043]|\d{1,2}[.)]|"
    r"\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}\))[ \t]+(?=\S)"
)
# Function words that a sentence never ends on: a line ending on one of them runs on.
_RUNS_ON = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that", "which", "who", "whose", "than", "into", "onto", "its", "their", "his", "her", "our", "your", "this", "these", "those", "between", "among", "under", "over", "about", "after", "before", "during", "against", "including"]
)
# Lines of a hard-wrapped text fill to within this many characters of the width.
FILL_SLACK = 12
# A wrapped text has at least this many lines near its width, and this share of its lines.
MIN_FULL_LINES = 2
SURE_FULL_LINES = 3
MIN_FULL_SHARE = 0.3
MAX_OVER_SHARE = 0.1
# A line without closing punctuation and with more words than this is not a heading.
HEADING_MAX_WORDS = 15
# Narrower "wraps" are lists and short lines, not a wrapped text; wider ones are not wrapped.
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 200


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # without the line break and trailing white space
    text: str  # stripped
    raw_prefix: str = ""  # the white space before the text

    @property
    def indent(self) -> int:
        return len(self.raw_prefix)


@dataclass(frozen=True)
class Block:
    """A run of text that sentences are split from: a paragraph or a list item."""

    start: int
    end: int
    kind: BlockKind
    paragraph: int  # blocks of one paragraph share the number


def blocks(text: str) -> Iterator[Block]:
    """The blocks of ``text``, in order, with exact offsets and white space trimmed."""
    lines = list(_lines(text))
    doc_width = wrap_width(lines)
    # A sentence may end at the end of a wrapped line by chance; only a text that surely is
    # wrapped (enough full lines) joins such a line to the next.
    sure = doc_width is not None and wrap_width(lines, min_lines=SURE_FULL_LINES) is not None
    widths = _run_widths(lines, doc_width)
    # A text that separates its paragraphs with blank lines: a line break inside a paragraph
    # is a wrap more often than a heading.
    blank_separated = sum(1 for a, b in zip(lines, lines[1:]) if a.text and not b.text) >= 2
    first_line = next((line for line in lines if line.text), None)
    paragraph = -1
    current: list[Line] = []
    current_kind: BlockKind = "paragraph"
    gap = True  # a blank line (or the start) before the current line
    # Lines seen so far: a scraped page sets its headline again above the story, or above a
    # caption, without punctuation; a line that repeats an earlier one is a line of its own.
    seen: dict[str, int] = {}

    def flush() -> Iterator[Block]:
        if current:
            start = current[0].start + _marker_length(current[0])
            yield Block(start, current[-1].end, current_kind, paragraph)

    for i, line in enumerate(lines):
        if not line.text:
            yield from flush()
            current = []
            gap = True
            continue
        seen[line.text] = seen.get(line.text, 0) + 1
        marker = _marker_length(line) > 0 and (
            not current or _can_start_item(line, current[-1], current_kind)
        )
        repeated = bool(current) and seen.get(current[-1].text, 0) > 1 and len(
            current[-1].text.split()) <= HEADING_MAX_WORDS
        if current and not marker and not repeated and not _breaks(
            current[-1], line, widths[i], current_kind,
            blank_separated=blank_separated, sure=sure or widths[i] != doc_width,
            first=current[-1] is first_line,
        ):
            current.append(line)
            continue
        # An item without a marker: a line of a list written one item a line, each ending in
        # ";" ("Two NASAMS;", "Up to 150,000 rounds; and"), and the line that ends the list.
        marker = marker or _plain_item(line, current, current_kind)
        yield from flush()
        # A new paragraph after a blank line or after a paragraph; consecutive list items
        # (and the lead-in line before them) belong to one paragraph.
        if gap or (not (marker and current_kind == "item") and not (marker and _ends_lead_in(current))):
            paragraph += 1
        current = [line]
        current_kind = "item" if marker else "paragraph"
        gap = False
    yield from flush()


def _lines(text: str) -> Iterator[Line]:
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        raw = text[pos:end]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw.rstrip())
            yield Line(pos + lead, pos + trail, stripped, raw[:lead])
        else:
            yield Line(pos, pos, "")
        if nl == -1:
            break
        pos = nl + 1


def _run_widths(lines: list[Line], doc_width: int | None) -> list[int | None]:
    """The wrap width that applies to each line: its run's own (a run is the lines between
    two blank lines; an editor may wrap each paragraph at its own width), else the text's."""
    out: list[int | None] = [doc_width] * len(lines)
    start = 0
    for end in [i for i, line in enumerate(lines) if not line.text] + [len(lines)]:
        run = lines[start:end]
        width = wrap_width(run, min_lines=2, min_share=0.6) if len(run) >= 3 else None
        if width is not None:
            out[start:end] = [width] * len(run)
        start = end + 1
    return out


def _marker_length(line: Line) -> int:
    m = LIST_MARKER.match(line.text)
    return m.end() if m else 0


def wrap_width(
    lines: list[Line], *, min_lines: int = MIN_FULL_LINES, min_share: float = MIN_FULL_SHARE
) -> int | None:
    """The width a text was hard-wrapped at, or None when it was not wrapped.

    Only lines followed by another non-blank line can tell (the last line of a paragraph is
    short by nature). The width is the length with the most such lines within
    :data:`FILL_SLACK` characters below it; the text counts as wrapped when enough lines fill
    to it.
    """
    lengths = [
        len(a.text) + a.indent
        for a, b in zip(lines, lines[1:])
        if a.text and b.text and not LIST_MARKER.match(b.text)
    ]
    if len(lengths) < min_lines:
        return None
    # Every line can tell what the width is not: in a wrapped text no line is longer, the last
    # line of a paragraph included (but for a word too long to break). Two title lines above a
    # one-line paragraph are not a text wrapped at the title's length.
    every = [len(a.text) + a.indent for a in lines if a.text and " " in a.text.strip()]
    best, best_count = 0, 0
    for w in sorted(n for n in set(lengths) if MIN_WRAP_WIDTH <= n <= MAX_WRAP_WIDTH):
        count = sum(1 for n in lengths if w - FILL_SLACK < n <= w)
        # Text with a paragraph a line has lines of every length.
        longer = sum(1 for n in every if n > w)
        if count >= best_count and longer <= MAX_OVER_SHARE * len(every):
            best, best_count = w, count
    if best_count < max(min_lines, min_share * len(lengths)):
        return None
    return best


def _breaks(
    cur: Line,
    nxt: Line,
    width: int | None,
    kind: BlockKind,
    *,
    blank_separated: bool = False,
    sure: bool = True,
    first: bool = False,
) -> bool:
    """Whether the line break between ``cur`` and ``nxt`` ends a block (``first``: ``cur`` is
    the text's first line)."""
    if kind == "item" and nxt.indent > 0 and nxt.indent >= cur.indent:
        return False  # an item's wrapped continuation, indented under it
    if kind == "item" and cur.text.endswith((";", "; and", "; or")):
        return True  # an item ends; whatever its length, the next line is not its wrap
    first_word = nxt.text.split()[0]
    last = cur.text[-1]
    if not sure and ends_sentence(cur.text):
        width = None
    if width is not None and len(cur.text) + cur.indent <= width:
        if len(cur.text) + cur.indent + 1 + len(first_word) > width - 1 and not _is_lone(cur):
            return False  # the next word would not have fitted: a wrapped line
    if ends_sentence(cur.text):
        return True
    if last in ":;" or cur.text.endswith(("; and", "; or")):
        return True
    if (
        nxt.text[0].islower()
        or _quoted_lowercase(nxt.text)
        or last in ",&"
        or cur.text.split()[-1].lower() in _RUNS_ON
        or _opens_quote(cur.text)
    ):
        return False
    if last in CLOSERS + "-\u2013\u2014" or furniture.caption_rule(cur.text):
        return True
    if furniture.unit_rule(cur.text) in furniture.LINE_RULES:
        return True  # a time stamp or credit line on its own line, above the story's text
    # No closing punctuation: a short line is a heading or title, a long one runs on.
    # (The text's first line may be a title set directly above the story.)
    if (blank_separated and len(cur.text) >= MIN_WRAP_WIDTH and not first
            and len(nxt.text) < len(cur.text) + 1 + len(first_word)):
        # (Text wrapped at a width breaks a line only where the next word would not fit: a
        # next line longer than this one with that word added shows this one was not wrapped,
        # "Trump congratulates Erdogan on referendum win" above its story's first sentence.)
        return False
    words = _title_words(cur.text)
    if not first and not _title_case(words) and _sentence_tail(nxt.text):
        # "They stressed the need for … among all NATO" then "Allies.": a page that broke its
        # lines at its links; a heading is not followed by a sentence's last word or two.
        return False
    if (first or _title_case(words)) and nxt.text[0].isupper():
        # The text's first line, or a line in Title Case, is a headline up to a long one's
        # length ("State Department: Rubio, in a conversation with Lavrov, appreciated the
        # prisoner exchange between Russia and Ukraine").
        return len(words) <= TITLE_MAX_WORDS
    return len(words) <= HEADING_MAX_WORDS


# A line of at most this many words that ends a sentence is the end of the line before it.
TAIL_MAX_WORDS = 3
TAIL_MAX_CHARACTERS = 30
_CJK = re.compile(f"[{CJK}]")


def _sentence_tail(line: str) -> bool:
    """A line of a word or three that ends a sentence ("Allies.", "statement said.")."""
    return (len(line.split()) <= TAIL_MAX_WORDS and len(line) <= TAIL_MAX_CHARACTERS
            and ends_sentence(line) and not line[0].isdigit() and not _CJK.search(line))


# A headline may run to this many words (on the text's first line, or in Title Case).
TITLE_MAX_WORDS = 25
# In Title Case, at least this share of a line's words of four letters or more is capitalised.
TITLE_CASE_SHARE = 0.8


def _title_words(line: str) -> list[str]:
    """The line's words after a date stamp that opens it (" date 2025-07-03 Kallas …")."""
    stamp = furniture.dateline(line, 0, len(line))
    return line[stamp:].split() if stamp and stamp < len(line) else line.split()


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


_STRONG_BULLET = re.compile(r"[-*+\u2022\u00b7\u25aa\u25e6\u25cf\u27a2\u2043][ \t]")


def _can_start_item(line: Line, prev: Line, kind: BlockKind) -> bool:
    """A bullet always starts an item; a number, a letter or a dash at the start of a line
    only after a line that ended a unit (a wrapped sentence can put "31." or "—" there)."""
    if _STRONG_BULLET.match(line.text) or kind == "item":
        return True
    return prev.text[-1] in TERMINAL + CLOSERS + ":;"


_ITEM_END = (";", "; and", "; or", ";and", ", and", ", or")


def _plain_item(line: Line, before: list[Line], kind: BlockKind) -> bool:
    if line.text.endswith(_ITEM_END):
        return bool(before) and before[-1].text.endswith((":", *_ITEM_END))
    return kind == "item" and bool(before) and before[-1].text.endswith(_ITEM_END)


def ends_sentence(line: str) -> bool:
    """Whether a line (or unit) ends as a sentence does: a full stop, or a closing mark after
    one ("… for peace.”"); not a closing mark after a word ("… would be “unacceptable”", a
    headline)."""
    last = line[-1]
    return last in TERMINAL or (last in CLOSERS and len(line) > 1 and line[-2] in TERMINAL + ",")


def _quoted_lowercase(line: str) -> bool:
    """A line that opens with a quotation mark or a bracket and then a word in lower case
    ('"obsolete" because it …' after "Trump had called Nato"): the sentence above runs on."""
    return (len(line) > 1 and line[0] in "\"'\u201c\u2018\u00ab(" and line[1].isalpha()
            and line[1].islower())


def _opens_quote(line: str) -> bool:
    """A line that opens a quotation it does not close runs on to the next."""
    return line.count("\u201c") > line.count("\u201d") or line.count('"') % 2 == 1


def _is_lone(line: Line) -> bool:
    """A short line in capitals or a title is its own block even where it would fit a wrap."""
    return line.text.isupper() and len(line.text.split()) <= 6


def _ends_lead_in(lines: list[Line]) -> bool:
    return bool(lines) and lines[-1].text.endswith(":")
