"""Quoted spans: where quotation marks open and close in an account's text, and what kind each
quoted span is.

Found: straight and curly double quotes, single quotes where they are quotation marks and not
apostrophes, quotes nested inside quotes, quotations over several sentences, and the newspaper
convention of a quotation continued over paragraphs (an opening mark at each paragraph, a
closing mark only at the end). Each span is a ``quotation``, a ``title`` ("Fox & Friends": a
name in quotes) or a ``scare`` quote (one or two words).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from readout_compare.attribution_languages import DASH_SPEECH_VERBS
from readout_compare.model import QuoteKind
from readout_compare.normalize import IDEOGRAPHS

# A right double mark may open a quotation too, as Romanian and Polish pages print "„" when it
# stands before a word after a space: ” … ” ("importanța ”consolidării NATO …”").
# Japanese (and Chinese printed in the Japanese or Taiwanese manner) quote in corner brackets,
# 「…」, with 『…』 inside them or for titles.
OPENING = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"', "\u201d": "\u201d",
           "\u300c": "\u300d", "\u300e": "\u300f"}
_TITLE_SMALL = {"&", "and", "of", "the", "a", "on", "in", "for", "to", "with", "at"}


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of the text inside quotation marks."""

    start: int  # first character inside the opening mark
    end: int  # last character before the closing mark (or paragraph end)
    text: str  # the quoted words, continuation marks removed
    single: bool


def german_closed(text: str) -> str:
    """The text with each German closing mark ("„Ich möchte …“", the low mark closed by a
    left one) made a right one, as the other languages close, and German guillemets
    ("»Raum für Verhandlungen schaffen«", pointing inwards) turned the French way: the same
    length, so offsets hold."""
    text = _guillemets_turned(text)
    if "\u201e" not in text:
        return text
    # One pass over the marks (a line of many low marks never closed costs its length once):
    # a left mark closes the low mark opened last on its line, if no right mark came between.
    closers = []
    opened = False
    for m in _GERMAN_MARKS.finditer(text):
        ch = m.group()
        if ch == "\u201e":
            opened = True
        elif ch == "\u201c" and opened:
            closers.append(m.start())
            opened = False
        else:
            opened = False
    if not closers:
        return text
    chars = list(text)
    for k in closers:
        chars[k] = "\u201d"
    return "".join(chars)


_GERMAN_MARKS = re.compile("[\u201e\u201c\u201d\n]")
_GUILLEMET = re.compile("[\u00ab\u00bb]")
_TURN = str.maketrans("\u00ab\u00bb", "\u00bb\u00ab")


def _guillemets_turned(text: str) -> str:
    """German guillemets made French ones: when the text's first guillemet is a "»" that
    opens (a word right after it, not before it), its guillemets point inwards throughout."""
    if "\u00bb" not in text:
        return text
    first = _GUILLEMET.search(text)
    k = first.start() if first else -1
    if k < 0 or text[k] != "\u00bb" or k + 1 >= len(text) or not text[k + 1].isalnum():
        return text
    if k > 0 and text[k - 1].isalnum():
        return text  # "…word» " closes: French marks, an opening one lost
    return text.translate(_TURN)


def quote_spans(text: str) -> list[QuotedSpan]:
    """Spans of quoted text, outermost double quotes first, then single quotes inside or outside
    them. A quotation left open at a paragraph's end continues when the next paragraph opens
    with a quotation mark (the newspaper convention), and ends there otherwise."""
    text = german_closed(text)
    spans: list[QuotedSpan] = []
    i, n = 0, len(text)
    # The scans jump from one character that matters to the next (a regular expression finds
    # it) rather than step through every character in Python: a story of megabytes is common.
    while i < n:
        found = _OPENING_CHAR.search(text, i)
        if found is None:
            break
        i = found.start()
        if not (_opens(text, i) or _opens_run_together(text, i)):
            i += 1
            continue
        pieces, j = _double_quoted(text, i)
        spans.extend(_make_span(text, pieces, single=False))
        # Single quotes nested inside this quotation.
        for ps, pe in pieces:
            spans.extend(_single_quotes(text, ps, pe))
        i = max(j, i + 1)
    spans.extend(_outside(spans, _single_quotes(text, 0, n)))
    if "- " in text or "\u2013 " in text or "\u2014 " in text:
        spans.extend(_outside(spans, _dash_speech(text)))
    spans.sort(key=lambda s: s.start)
    return spans


# Direct speech set off by dashes, as Polish, Ukrainian, Russian and Slovak papers print it: a
# dash opening a line or following a sentence's end, the words, then a dash and the verb of
# saying ("- Nie mogłem … - powiedział szef resortu dyplomacji.", "– O tym … – zaznaczył.").
# Without a verb of saying after the closing dash, a line opening with a dash is a list item,
# not speech.
DASH_SPEECH_MAX = 1500  # characters of speech looked back over from its closing dash
# The closing dash and its verb, found first (one pass over the text); then, on the same line
# and at most DASH_SPEECH_MAX characters before it, the first opening dash: a dash that starts
# the line or follows a sentence's end ("… posłów. - Nie mogłem …").
_DASH_CLOSE = re.compile(
    rf"[ \t]+[-\u2013\u2014][ \t]+(?:{'|'.join(DASH_SPEECH_VERBS)})\b")
_DASH_OPEN = re.compile(
    r"(?:^|(?<=[.!?\u2026\"\u201d\u00bb)][ \t]))[ \t]*[-\u2013\u2014][ \t]+(?=\w)", re.MULTILINE)


def _dash_speech(text: str) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    done = 0  # where the last speech found closed: the next one opens after it
    for close in _DASH_CLOSE.finditer(text):
        lo = max(done, close.start() - DASH_SPEECH_MAX)
        lo = text.rfind("\n", lo, close.start()) + 1 or lo  # on the closing dash's line
        opening = _DASH_OPEN.search(text, lo, close.start())
        if opening is not None:
            out.extend(_make_span(text, [(opening.end(), close.start())], single=False))
            done = close.end()
    return out


def _double_quoted(text: str, i: int) -> tuple[list[tuple[int, int]], int]:
    """The pieces (start, end) of the quotation opened at ``i``, one for each paragraph it
    runs over, and where the scan stopped: at its closing mark, at the end of a paragraph the
    quotation does not go on from, or at the end of the text."""
    close = OPENING[text[i]]
    stop = _CLOSE_OR_NEWLINE[close]
    n = len(text)
    j = seg_start = i + 1
    pieces: list[tuple[int, int]] = []
    inner = _first_inner(text, seg_start, close)
    nested = 0  # straight marks opened inside a straight-marked quotation and not yet closed
    while j < n:
        hit = stop.search(text, j)
        if hit is None:
            j = n
            break
        j = hit.start()
        if close == '"' and text[j] == '"':
            # A quoted term inside a quotation in the same straight marks ("We supported the
            # "grain initiative" and agreed …," he wrote): a mark that opens (a space before,
            # a word after) nests, and the mark that closes it is not the quotation's end. A
            # mark opening a line reopens the quotation itself (a quotation of several
            # paragraphs), as the newspaper convention has it.
            if _opens(text, j) and not _closes(text, j) and text[j - 1] != "\n":
                nested += 1
                j += 1
                continue
            if nested and _closes(text, j):
                nested -= 1
                j += 1
                continue
        if _closing_mark(text, j, close, inner):
            pieces.append((seg_start, j))
            return pieces, j
        if _closed_wrongly_at_line_end(text, j, close):
            # "… their sacrifice, he said.’" then a line break: closed with the wrong mark.
            pieces.append((seg_start, j - 1))
            return pieces, j
        if _paragraph_end(text, j):
            pieces.append((seg_start, j))
            k = j
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] in OPENING:
                seg_start = j = k + 1
                inner = _first_inner(text, seg_start, close)
                continue
            if k < n and _closed_further_on(text, k, close):
                seg_start = j = k
                inner = _first_inner(text, seg_start, close)
                continue
            return pieces, j
        j += 1
    pieces.append((seg_start, n))
    return pieces, j


# A quotation pasted whole (a post, a letter) may run over paragraphs that open with no mark,
# closed only at the end of its last one ('Katz tweeted "Great conversation with …' | 'I thanked
# him …' | 'Our bond is unbreakable."'). It goes on over at most this many paragraphs, each
# without a quotation mark, to one whose first mark closes it.
PASTED_PARAGRAPHS = 6
_ANY_DOUBLE_MARK = re.compile('["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]')


def _closed_further_on(text: str, k: int, close: str) -> bool:
    """The paragraph at ``k`` (opening with no mark) and at most PASTED_PARAGRAPHS - 1 after it
    hold no quotation mark until one whose first mark is ``close``, closing: the quotation
    opened before them goes on over them."""
    start = k
    for _ in range(PASTED_PARAGRAPHS):
        end = _PARAGRAPH_BREAK.search(text, start)
        stop = end.start() if end else len(text)
        mark = _ANY_DOUBLE_MARK.search(text, start, stop)
        if mark is not None:
            j = mark.start()
            closing = text[j] == close or (close == '"' and text[j] == "\u201d")
            return closing and _closes(text, j) and not _opens(text, j)
        if end is None:
            return False
        start = end.end()
    return False


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


def _first_inner(text: str, start: int, close: str) -> int:
    """Where the first double mark that may open a quotation stands in a guillemet quotation's
    piece from ``start`` (the text's length when none does); found once for the piece, not
    at every candidate closing mark."""
    if close != "\u00bb":
        return len(text)
    found = _INNER_OPENING.search(text, start)
    return found.start() if found else len(text)


_INNER_OPENING = re.compile('["\u201c]')


def _closing_mark(text: str, j: int, close: str, inner: int) -> bool:
    """The character at ``j`` closes a quotation opened with the mark that ``close`` closes.
    A straight mark may be closed by a curly one (mixed marks, as pasted text and some sites
    have them: "We've got a lot to do,” said Biden); a guillemet by a double mark in the place
    of a closing one, when no double mark opened inside it before (``inner``: the first)."""
    c = text[j]
    if close == "\u00bb" and c in '"\u201d':
        return _closes(text, j) and inner >= j
    if close == "\u201d" and c == '"':
        # A curly mark closed by a straight one ("“… no construye muros, sino puentes", de
        # acuerdo con …"), where no curly closing mark follows on the line (else the straight
        # marks are a quotation inside it).
        end = text.find("\n", j)
        return _closes(text, j) and "\u201d" not in text[j:end if end != -1 else len(text)]
    return (c == close and (close != '"' or _closes(text, j))) or (close == '"' and c == "\u201d")


def _closed_wrongly_at_line_end(text: str, j: int, close: str) -> bool:
    """The line ends, at ``j``, with a sentence's punctuation and a closing mark other than
    the one the quotation needs (a single for a double, as pasted text has it)."""
    return (text[j] == "\n" and j >= 2 and text[j - 1] in _OTHER_CLOSES and text[j - 1] != close
            and text[j - 2] in ".!?,;\u2026")


_OTHER_CLOSES = "\u2019\u201d\"'"


def _paragraph_end(text: str, j: int) -> bool:
    """The line break at ``j`` ends a paragraph: a blank line follows, or the line is a
    paragraph of its own (longer than a wrapped line, ending a sentence), as pages pasted a
    paragraph a line have it."""
    if text[j] != "\n":
        return False
    if text[j : j + 2] == "\n\n" or _blank_after(text, j):
        return True
    return (text[j - 1 : j] in _SENTENCE_END
            and j - text.rfind("\n", 0, j) > WRAPPED_LINE_MAX)


# A line longer than this is no hard-wrapped line (those are 60-80 characters) but a paragraph.
WRAPPED_LINE_MAX = 100
_SENTENCE_END = frozenset(".!?\u2026")


def _outside(spans: list[QuotedSpan], singles: list[QuotedSpan]) -> list[QuotedSpan]:
    """The single-quoted spans outside any of ``spans`` (British style): those not inside a
    span (of the spans that start at or before one, the furthest any of them ends)."""
    covered = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in covered]
    reach = list(itertools.accumulate((b for _, b in covered), max))
    out = []
    for s in singles:
        k = bisect.bisect_right(starts, s.start)
        if not (k and reach[k - 1] >= s.end):
            out.append(s)
    return out


_OPENING_CHAR = re.compile("[" + "".join(OPENING) + "]")
# Marks that may close a quotation opened with another: a straight mark closed by a curly one
# ("We've got a lot to do,” said Biden), a guillemet by either ('«The sides discussed …," the
# statement said', as pasted text has it).
_OTHER_CLOSERS = {'"': "\u201d", "\u00bb": '"\u201d', "\u201d": '"'}
_CLOSE_OR_NEWLINE = {close: re.compile("[" + re.escape(close) + _OTHER_CLOSERS.get(close, "")
                                        + "\n]")
                     for close in set(OPENING.values())}
_SINGLE_OPEN = re.compile("[\u2018']")
_SINGLE_CLOSE = re.compile("[\u2019']")


def _make_span(text: str, pieces: list[tuple[int, int]], *, single: bool) -> list[QuotedSpan]:
    pieces = [(s, e) for s, e in pieces if text[s:e].strip()]
    if not pieces:
        return []
    start, end = pieces[0][0], pieces[-1][1]
    while start < end and text[start].isspace():
        start += 1
    # A comma before the closing mark is the sentence's, not the speaker's (US style).
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end <= start:
        return []
    # The quoted words exactly as written (text[start:end] for a one-piece quotation); the
    # pieces of a quotation continued over paragraphs are joined with one space.
    bounds = [(max(s, start), min(e, end)) for s, e in pieces]
    words = " ".join(text[s:e].strip() for s, e in bounds if e > s)
    return [QuotedSpan(start, end, words, single)]


def _single_quotes(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Single-quoted spans in text[start:end]: an opening ‘ or ' before a word (not inside one,
    so not an apostrophe) up to a closing ’ or ' that is not followed by a letter."""
    out = []
    i = start
    # The last closing mark of the stretch, found once when first needed (looking after every
    # possessive for another mark was quadratic in a long stretch of "officials' views").
    last: list[int] = []

    def last_close() -> int:
        if not last:
            last.append(max((m.start() for m in _SINGLE_CLOSE.finditer(text, start, end)
                             if _closes(text, m.start())), default=-1))
        return last[0]

    while i < end:
        found = _SINGLE_OPEN.search(text, i, end)
        if found is None:
            break
        i = found.start()
        if _opens(text, i):
            j = i + 1
            while j < end:
                hit = _SINGLE_CLOSE.search(text, j, end)
                if hit is None:
                    j = end
                    break
                j = hit.start()
                if _closes(text, j) and not _plural_possessive(text, j, last_close):
                    out.extend(_make_span(text, [(i + 1, j)], single=True))
                    break
                j += 1
            i = j + 1
            continue
        i += 1
    return out


# The spaces typography puts inside a quotation's marks: a space, a no-break space, a narrow
# no-break space.
_INNER_SPACES = " \u00a0\u202f"


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "\u201c\u201e\u00ab\u300c\u300e":
        # French typography puts a (no-break) space inside guillemets ("« une discussion
        # franche »"), and some pages one after a curly mark ("agreed “ that there is …”"):
        # one space, then a word, still opens.
        if after in _INNER_SPACES:
            return i + 2 < len(text) and text[i + 2].isalnum()
        return not after.isspace()
    return (before.isspace() or before in "([{\u2014\u2013-/:") and not after.isspace()


def _opens_run_together(text: str, i: int) -> bool:
    """A straight mark run into the sentence before it by a scraper, outside any quotation:
    '… the Kremlin said."Like other Western leaders, …' opens a quotation (a sentence's end,
    then the mark, then a capital)."""
    return (text[i] == '"' and i > 0 and text[i - 1] in ".!?"
            and i + 1 < len(text) and text[i + 1].isupper())


def _closes(text: str, j: int) -> bool:
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _plural_possessive(text: str, j: int, last_close: Callable[[], int]) -> bool:
    """’ after a plural ("officials’ views") with a lowercase word next is an apostrophe when
    another closing mark follows later in the same stretch (``last_close()``, the stretch's
    last one, is after it)."""
    if text[j - 1 : j] != "s" or not text[j + 1 : j + 3].startswith(" "):
        return False
    if not text[j + 2 : j + 3].islower():
        return False
    return last_close() > j


def _blank_after(text: str, j: int) -> bool:
    k = j + 1
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    return k < len(text) and text[k] == "\n"


def quote_kind(quoted: str, text: str, start: int) -> QuoteKind:
    """A title or name in quotes, a one- or two-word scare quote, or a real quotation."""
    words = quoted.split()
    if not words:
        return "scare"
    ideographs = len(_IDEOGRAPH.findall(quoted))
    if ideographs:
        # Chinese and Japanese words are one to three characters long, two as a rule.
        return "scare" if len(words) + ideographs // 2 <= 3 else "quotation"
    significant = [w for w in words if w.lower() not in _TITLE_SMALL]
    # At least one capitalised word: figures alone ("1000 for 1000") are no title.
    is_titled = (any(w[:1].isupper() for w in significant)
                 and all(w[:1].isupper() or not w[:1].isalpha() for w in significant))
    if is_titled and len(words) <= 6 and not re.search(r"[.!?,;]$", quoted.strip()):
        # "Fox & Friends", "The Art of the Deal": every significant word capitalised.
        # A quotation opening a sentence may be capitalised too, but then it runs longer
        # or ends with punctuation.
        if len(significant) >= 1 and (len(words) > 1 or not _sentence_start(text, start)):
            return "title"
    if len(words) <= 2:
        return "scare"
    return "quotation"


_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")


def _sentence_start(text: str, start: int) -> bool:
    """Whether only the end of a sentence (or nothing) comes before ``start``, spaces aside."""
    k = max(start - 1, 0)
    while k > 0 and text[k - 1].isspace():  # not text[:k].rstrip(): a copy of a long text
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n"
