"""Quotations: find every quotation in an account and check it against the readout.

Found: straight and curly double quotes, single quotes where they are quotation marks and not
apostrophes, quotes nested inside quotes, quotations over several sentences, and the newspaper
convention of a quotation continued over paragraphs (an opening mark at each paragraph, a
closing mark only at the end).

Each quotation is a ``quotation``, a ``title`` ("Fox & Friends": a name in quotes, not checked)
or a ``scare`` quote (one or two words, still checked against the readout). Verdicts:

* ``verbatim``: the same words, in order, somewhere in the readout (typography aside);
* ``stitched``: all the words are in the readout, but in pieces that are not adjacent there, or
  with an ellipsis or a bracketed insertion standing in for readout words;
* ``altered``: close to one readout passage, with words changed, added or dropped;
* ``not_in_readout``: none of the above.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import Match as Block
from functools import lru_cache

from readout_compare.attribution import (
    Found,
    attribute_quote,
    issuer_names,
    names_foreign_country,
    resolve_pronoun,
    whose_document,
    with_kind,
)
from readout_compare.diff import word_diff
from readout_compare.model import Attribution, Document, Quote, QuoteFidelity, QuoteKind
from readout_compare.lexicon import SPELLINGS, fold
from readout_compare.normalize import normalize

OPENING = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"'}
_ELLIPSIS = re.compile(r"\u2026|\.\s?\.\s?\.")
_BRACKETED = re.compile(r"\[[^\]]*\]")
# Share of the quote's words found in one readout passage for an "altered" verdict.
ALTERED_MIN_SHARE = 0.6
# At most this many readout words at each end of an altered quotation's passage stand for quote words
# the two do not share (a word changed at the edge of the quotation).
EDGE_WORDS = 3
# Share of the quote's words found in the readout, from places not together, for "stitched".
STITCHED_MIN_SHARE = 0.9
# Past this many readout words, a quote is looked for only near the sentences that share its
# rarer words (performance.md).
LONG_READOUT_WORDS = 5000
COMMON_WORD_POSITIONS = 200
QUOTE_CANDIDATE_SENTENCES = 8
# A quotation is covered with readout runs in windows of this many words: the cover of one
# window costs its length times the runs found in it, so a quotation mark never closed over a
# whole story (hundreds of thousands of words) costs time in proportion to its length, not to
# its square (docs/inputs.md). Quotations this long or shorter are covered whole, as before;
# longer ones are not judged "altered" (that judgement compares the quotation with one readout
# passage of about its length).
QUOTE_WINDOW_WORDS = 400
_TITLE_SMALL = {"&", "and", "of", "the", "a", "on", "in", "for", "to", "with", "at"}


@dataclass(frozen=True)
class _Span:
    start: int  # first character inside the opening mark
    end: int  # last character before the closing mark (or paragraph end)
    text: str  # the quoted words, continuation marks removed
    single: bool


Verdict = tuple[QuoteFidelity, str | None, int | None, int | None, float]


def find_quotes(
    readout: Document,
    account: Document,
    *,
    found_by_sentence: Found | None = None,
    verdicts: dict[int, Verdict] | None = None,
    spans: Sequence[_Span] | None = None,
) -> tuple[Quote, ...]:
    """Every quotation in the account, with its kind, verdict and attribution.
    ``found_by_sentence`` (:func:`attribution.found_in`) and ``verdicts`` (:func:`verdicts`,
    by the quotation's start) and ``spans`` (:func:`quote_spans` of its text), when given, are
    the work already done, in parallel for a large account."""
    stream = _readout_words(readout)
    out: list[Quote] = []
    sentence_at = _sentence_lookup(account)
    last_speaker: dict[int, Attribution] = {}
    issuer = issuer_names(readout)
    known: dict[str, str] = {}
    position = {s.id: k for k, s in enumerate(account.sentences)}
    for span in quote_spans(account.text) if spans is None else spans:
        sentence = sentence_at(span.start)
        if sentence is None or sentence.role != "body":
            continue
        kind = quote_kind(span.text, account.text, span.start)
        qid = f"{account.id}-q{len(out) + 1}"
        attribution = attribute_quote(sentence, span.start - 1, span.end + 1, found_by_sentence)
        closing = sentence_at(span.end)
        if attribution is None and closing is not None and closing is not sentence:
            # A quotation of several sentences is credited where it closes ("…. …," he said).
            attribution = attribute_quote(closing, span.start - 1, span.end + 1, found_by_sentence)
        if attribution is not None:
            k = position[sentence.id]
            attribution = resolve_pronoun(attribution, account.sentences[max(k - 3, 0) : k])
            attribution = with_kind(attribution, issuer, known)
            attribution = whose_document(attribution, account.text[: span.start], issuer)
        if attribution is None and kind == "quotation":
            # A quotation that goes on in the next sentence of the same paragraph keeps the
            # speaker named before ("...," the readout continued. "In both calls, ..."); so does
            # a paragraph that is only a quotation, by newspaper convention, the speaker of the
            # quotation before it.
            attribution = last_speaker.get(sentence.paragraph)
            k = position[sentence.id]
            opens = (k == 0 or account.sentences[k - 1].paragraph != sentence.paragraph) and (
                span.start - sentence.start <= 1)
            if attribution is None and opens:
                attribution = last_speaker.get(-1)
        if kind == "quotation" and attribution is not None:
            last_speaker[sentence.paragraph] = attribution
            last_speaker[-1] = attribution
        if kind == "title":
            out.append(
                Quote(qid, span.text, span.start, span.end, kind, "not_in_readout",
                      sentence.id, attribution=attribution)
            )
            continue
        if verdicts is not None and span.start in verdicts:
            fidelity, r_sid, r_start, r_end, score = verdicts[span.start]
        else:
            fidelity, r_sid, r_start, r_end, score = stream.narrowed(span.text).verdict(span.text)
        if fidelity in ("altered", "stitched") and _other_government(attribution, issuer):
            # The other government's readout, quoted: its words are its own, not a
            # misquotation of this readout however alike the two are.
            fidelity, r_sid, r_start, r_end = "not_in_readout", None, None, None
        r_text = readout.text[r_start:r_end] if r_start is not None else None
        out.append(
            Quote(
                id=qid,
                text=span.text,
                start=span.start,
                end=span.end,
                kind=kind,
                fidelity=fidelity,
                account_sentence=sentence.id,
                readout_sentence=r_sid,
                readout_start=r_start,
                readout_end=r_end,
                readout_text=r_text,
                attribution=attribution,
                diff=word_diff(r_text, span.text) if fidelity == "altered" and r_text else (),
                score=round(score, 3),
            )
        )
    return tuple(out)


def quote_spans(text: str) -> list[_Span]:
    """Spans of quoted text, outermost double quotes first, then single quotes inside or outside
    them. A quotation left open at a paragraph's end continues when the next paragraph opens
    with a quotation mark (the newspaper convention), and ends there otherwise."""
    spans: list[_Span] = []
    i, n = 0, len(text)
    # The scans jump from one character that matters to the next (a regular expression finds
    # it), rather than stepping through every character in Python: a 5 MB story took 1.8 s.
    while i < n:
        found = _OPENING_CHAR.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if _opens(text, i):
            close = OPENING[ch]
            stop = _CLOSE_OR_NEWLINE[close]
            j = i + 1
            pieces: list[tuple[int, int]] = []
            seg_start = j
            while j < n:
                hit = stop.search(text, j)
                if hit is None:
                    j = n
                    break
                j = hit.start()
                c = text[j]
                # A straight mark may be closed by a curly one (mixed marks, as pasted text
                # and some sites have them: "We've got a lot to do,” said Biden).
                if (c == close and (close != '"' or _closes(text, j))) or (
                        close == '"' and c == "\u201d"):
                    pieces.append((seg_start, j))
                    break
                if (c == "\n" and text[j : j + 2] == "\n\n") or (c == "\n" and _blank_after(text, j)):
                    # Paragraph ends inside the quotation.
                    pieces.append((seg_start, j))
                    k = j
                    while k < n and text[k].isspace():
                        k += 1
                    if k < n and text[k] in OPENING:
                        seg_start = k + 1
                        j = k + 1
                        continue
                    break
                j += 1
            if j >= n:
                pieces.append((seg_start, n))
            spans.extend(_make_span(text, pieces, single=False))
            # Single quotes nested inside this quotation.
            for ps, pe in pieces:
                spans.extend(_single_quotes(text, ps, pe))
            i = max(j, i + 1)
            continue
        i += 1
    # Single quotes outside any double quotation (British style): those not inside a span
    # found above (the spans that start at or before one, and the furthest any of them ends).
    covered = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in covered]
    reach = list(itertools.accumulate((b for _, b in covered), max))
    for s in _single_quotes(text, 0, n):
        k = bisect.bisect_right(starts, s.start)
        if not (k and reach[k - 1] >= s.end):
            spans.append(s)
    spans.sort(key=lambda s: s.start)
    return spans


_OPENING_CHAR = re.compile("[" + "".join(OPENING) + "]")
_CLOSE_OR_NEWLINE = {close: re.compile("[" + re.escape(close) + ("\u201d" if close == '"' else "")
                                        + "\n]")
                     for close in set(OPENING.values())}
_SINGLE_OPEN = re.compile("[\u2018']")
_SINGLE_CLOSE = re.compile("[\u2019']")


def _make_span(text: str, pieces: list[tuple[int, int]], *, single: bool) -> list[_Span]:
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
    return [_Span(start, end, words, single)]


def _single_quotes(text: str, start: int, end: int) -> list[_Span]:
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


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "\u201c\u201e\u00ab":
        return not after.isspace()
    return (before.isspace() or before in "([{\u2014\u2013-/:") and not after.isspace()


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
    significant = [w for w in words if w.lower() not in _TITLE_SMALL]
    is_titled = significant and all(w[:1].isupper() or not w[:1].isalpha() for w in significant)
    if is_titled and len(words) <= 6 and not re.search(r"[.!?,;]$", quoted.strip()):
        # "Fox & Friends", "The Art of the Deal": every significant word capitalised.
        # A quotation opening a sentence may be capitalised too, but then it runs longer
        # or ends with punctuation.
        if len(significant) >= 1 and (len(words) > 1 or not _sentence_start(text, start)):
            return "title"
    if len(words) <= 2:
        return "scare"
    return "quotation"


def verdicts(readout: Document, spans: Sequence[_Span]) -> dict[int, Verdict]:
    """The readout's verdict on each quoted span, by the span's start."""
    stream = _readout_words(readout)
    return {s.start: stream.narrowed(s.text).verdict(s.text) for s in spans}


def _sentence_start(text: str, start: int) -> bool:
    """Whether only the end of a sentence (or nothing) comes before ``start``, spaces aside."""
    k = max(start - 1, 0)
    while k > 0 and text[k - 1].isspace():  # not text[:k].rstrip(): a copy of a long text
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n"


@lru_cache(maxsize=2)
def _readout_words(readout: Document) -> _ReadoutWords:
    """The readout's word stream, built once for all the accounts compared with it."""
    return _ReadoutWords(readout)


class _ReadoutWords:
    """The readout as one stream of words with their offsets and sentences, for locating
    quoted passages anywhere in it (including across adjacent sentences)."""

    def __init__(self, readout: Document) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.sentence: list[str] = []
        self._runs: SharedRuns | None = None
        self.bounds: list[tuple[int, int]] = []  # word range of each sentence
        self.sentence_index: list[int] = []
        self.positions: dict[str, list[int]] = {}
        for s in readout.sentences:
            if s.role == "furniture":
                continue
            first = len(self.words)
            for m in QUOTE_WORD.finditer(s.text):
                w = quote_word(m.group())
                self.positions.setdefault(w, []).append(len(self.words))
                self.words.append(w)
                self.starts.append(s.start + m.start())
                self.ends.append(s.start + m.end())
                self.sentence.append(s.id)
                self.sentence_index.append(len(self.bounds))
            self.bounds.append((first, len(self.words)))

    def verdict(self, quoted: str) -> Verdict:
        """(fidelity, readout sentence, span start, span end, share of quote words found)."""
        quoted, expanded = spelled_out(quoted, self.positions)
        edited = bool(_ELLIPSIS.search(quoted) or _BRACKETED.search(quoted)) or expanded
        q = [quote_word(m.group()) for m in QUOTE_WORD.finditer(_BRACKETED.sub(" ", quoted))]
        if not q or not self.words:
            return "not_in_readout", None, None, None, 0.0
        pieces = self._cover(q)
        if len(pieces) == 1 and pieces[0][2] == len(q) and not edited:
            _, b, size = pieces[0]
            return ("verbatim", *self._span(b, b + size), 1.0)
        share = sum(size for _, _, size in pieces) / len(q)
        if pieces and share >= STITCHED_MIN_SHARE and len(q) >= 3:
            ordered = sorted(pieces)  # in the quote's order
            adjacent = all(
                b2 == b1 + s1 for (_, b1, s1), (_, b2, _) in zip(ordered, ordered[1:])
            )
            if edited and self._one_passage(ordered):
                # Editors' brackets and ellipses inside one passage, its words in order:
                # "[Biden] said …", "stressed … the need".
                first, last = ordered[0], ordered[-1]
                return ("verbatim", *self._span(first[1], last[1] + last[2]), share)
            if edited or not adjacent:
                # Every word is the readout's, but joined from places that are not together.
                main = max(pieces, key=lambda p: p[2])
                return ("stitched", *self._span(main[1], main[1] + main[2]), share)
        if 3 <= len(q) <= QUOTE_WINDOW_WORDS:
            # Close to one passage: the readout window around the quote's best monotonic
            # alignment, if it is not much longer than the quote.
            blocks = [
                blk for blk in self._matcher().matching_blocks(q) if blk.size
            ]
            longest = max(blocks, key=lambda blk: blk.size, default=None)
            if longest is not None and longest.size >= 2:
                near = [blk for blk in blocks if abs(blk.b - longest.b) <= 2 * len(q)]
                lo = min(blk.b for blk in near)
                hi = max(blk.b + blk.size for blk in near)
                found = sum(blk.size for blk in near) / len(q)
                # Quote words before the first shared run (after the last) stand for the
                # readout's words there: the passage takes as many of them, inside the same
                # sentence, so its diff reads "urged → ordered", not "ordered" added.
                before = min(min(blk.a for blk in near), EDGE_WORDS)
                after = min(len(q) - max(blk.a + blk.size for blk in near), EDGE_WORDS)
                while before and lo > 0 and self.sentence[lo - 1] == self.sentence[lo]:
                    lo, before = lo - 1, before - 1
                while (after and hi < len(self.words)
                       and self.sentence[hi] == self.sentence[hi - 1]):
                    hi, after = hi + 1, after - 1
                if hi - lo <= 2 * len(q) + 3 and found >= ALTERED_MIN_SHARE:
                    return ("altered", *self._span(lo, hi), found)
        return "not_in_readout", None, None, None, share

    def _one_passage(self, ordered: list[tuple[int, int, int]]) -> bool:
        """The pieces stand in the readout in the quote's order, inside one sentence."""
        increasing = all(b2 >= b1 + s1 for (_, b1, s1), (_, b2, _) in zip(ordered, ordered[1:]))
        return increasing and len({self.sentence_index[b] for _, b, _ in ordered}) == 1

    def _cover(self, q: list[str]) -> list[tuple[int, int, int]]:
        """Cover the quote with the longest runs found anywhere in the readout, in any order:
        (position in quote, position in readout, size) for runs of two or more words (or the
        whole quote)."""
        if len(q) > QUOTE_WINDOW_WORDS:
            return self._cover_in_windows(q)
        pieces: list[tuple[int, int, int]] = []
        matcher = self._matcher()
        todo = [(0, len(q))]
        while todo:
            lo, hi = todo.pop()
            if hi - lo <= 0:
                continue
            m = matcher.longest(q, lo, hi, 0, len(self.words))
            if m.size < 2 and not (m.size == hi - lo == len(q)):
                continue
            pieces.append((m.a, m.b, m.size))
            todo += [(lo, m.a), (m.a + m.size, hi)]
        return pieces

    def _cover_in_windows(self, q: list[str]) -> list[tuple[int, int, int]]:
        """:meth:`_cover` of a long quotation, window by window; a run cut by a window's edge
        is joined again when its two parts follow each other in the readout too."""
        pieces: list[tuple[int, int, int]] = []
        for lo in range(0, len(q), QUOTE_WINDOW_WORDS):
            window = q[lo : lo + QUOTE_WINDOW_WORDS]
            found = sorted((a + lo, b, size) for a, b, size in self._cover(window))
            if pieces and found:
                a1, b1, s1 = pieces[-1]
                a2, b2, s2 = found[0]
                if a1 + s1 == a2 == lo and b1 + s1 == b2:
                    pieces[-1] = (a1, b1, s1 + s2)
                    found = found[1:]
            pieces += found
        return pieces

    def _matcher(self) -> SharedRuns:
        """The readout's index of shared runs, built once."""
        if self._runs is None:
            self._runs = SharedRuns(self.words)
        return self._runs

    def narrowed(self, quoted: str) -> _ReadoutWords:
        """For a long readout, the stretches around the sentences that share the quote's rarer
        words, so a quote is not matched word by word against thousands of "the"s."""
        if len(self.words) <= LONG_READOUT_WORDS:
            return self
        q = {quote_word(m.group()) for m in QUOTE_WORD.finditer(quoted)}
        hits: dict[int, int] = {}
        for w in q:
            positions = self.positions.get(w, ())
            if 0 < len(positions) <= COMMON_WORD_POSITIONS:
                for p in positions:
                    k = self.sentence_index[p]
                    hits[k] = hits.get(k, 0) + 1
        # Most shared rare words first; of equal counts, the earlier sentence (not the order in
        # which a set of words happened to be walked, which changes from run to run).
        best = sorted(hits, key=lambda k: (-hits[k], k))[:QUOTE_CANDIDATE_SENTENCES]
        keep = sorted({k + d for k in best for d in (-1, 0, 1) if 0 <= k + d < len(self.bounds)})
        sub = _ReadoutWords.__new__(_ReadoutWords)
        sub._runs = None
        sub.words, sub.starts, sub.ends, sub.sentence = [], [], [], []
        sub.sentence_index = []  # as in the whole stream: whether pieces stand in one sentence
        sub.positions = self.positions  # the whole readout's words (spelled_out asks for them)
        for k in keep:
            lo, hi = self.bounds[k]
            sub.words += self.words[lo:hi]
            sub.starts += self.starts[lo:hi]
            sub.ends += self.ends[lo:hi]
            sub.sentence += self.sentence[lo:hi]
            sub.sentence_index += [k] * (hi - lo)
        return sub

    def _span(self, lo: int, hi: int) -> tuple[str, int, int]:
        return self.sentence[lo], self.starts[lo], self.ends[hi - 1]


class SharedRuns:
    """The runs of words a quotation shares with the readout's word stream: exactly the blocks
    of difflib's ``SequenceMatcher(None, quote, readout, autojunk=False)`` (its longest match,
    of equal ones the earliest in the quote and then in the readout, and its matching blocks),
    found through an index of the readout's word *pairs*. difflib walks every position of
    every quoted word, and a quotation's "the" and "of" occur hundreds of times in a long
    readout; its word pairs occur far fewer times. On a 5 MB story against a 3,500-word
    readout the quotations took 9.7 s, nearly all of it in difflib."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.positions: dict[str, list[int]] = {}
        self.pairs: dict[tuple[str, str], list[int]] = {}
        for j, w in enumerate(words):
            self.positions.setdefault(w, []).append(j)
        for j in range(len(words) - 1):
            self.pairs.setdefault((words[j], words[j + 1]), []).append(j)

    def longest(self, q: list[str], alo: int, ahi: int, blo: int, bhi: int) -> Block:
        """The longest run shared by q[alo:ahi] and words[blo:bhi] (difflib's
        ``find_longest_match``)."""
        words = self.words
        best, size = Block(alo, blo, 0), 0
        for i in range(alo, ahi - 1):
            hits = self.pairs.get((q[i], q[i + 1]))
            if not hits:
                continue
            for j in hits[bisect.bisect_left(hits, blo):]:
                if j + 1 >= bhi:
                    break
                if i > alo and j > blo and q[i - 1] == words[j - 1]:
                    continue  # inside a run that starts earlier in the box
                k = 2
                while i + k < ahi and j + k < bhi and q[i + k] == words[j + k]:
                    k += 1
                if k > size:
                    best, size = Block(i, j, k), k
        if size:
            return best
        for i in range(alo, ahi):  # no shared pair: the first shared word
            found = self.positions.get(q[i])
            if found:
                s = bisect.bisect_left(found, blo)
                if s < len(found) and found[s] < bhi:
                    return Block(i, found[s], 1)
        return best

    def matching_blocks(self, q: list[str]) -> list[Block]:
        """difflib's ``get_matching_blocks``: the longest run, then recursively those left and
        right of it, in order, adjacent blocks joined, ending with a block of size 0."""
        la, lb = len(q), len(self.words)
        queue = [(0, la, 0, lb)]
        found = []
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = x = self.longest(q, alo, ahi, blo, bhi)
            if k:
                found.append(x)
                if alo < i and blo < j:
                    queue.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    queue.append((i + k, ahi, j + k, bhi))
        found.sort()
        i1 = j1 = k1 = 0
        joined = []
        for i2, j2, k2 in found:
            if i1 + k1 == i2 and j1 + k1 == j2:
                k1 += k2
            else:
                if k1:
                    joined.append((i1, j1, k1))
                i1, j1, k1 = i2, j2, k2
        if k1:
            joined.append((i1, j1, k1))
        joined.append((la, lb, 0))
        return [Block(*b) for b in joined]


# A word as quotations are compared: normalize.WORD, with inner hyphens ("co-operation").
# "&" is a word: "and" (quote_word), as editors and headline writers use it.
QUOTE_WORD = re.compile(r"\d+(?:[.,]\d+)*(?:'?s\b)?|\w+(?:['\u2018\u2019-]\w+)*|&")


_BODY_WORDS = re.compile(
    r"\b(?:ministry|ministries|statement|readout|communiqu[eé]|release|embassy|office|"
    r"spokes(?:person|man|woman)|kremlin|presidency|government)\b", re.I)


def _other_government(attribution: Attribution | None, issuer: frozenset[str]) -> bool:
    """The story credits the words to another government's statement or ministry, named as
    such ("Russia's Foreign Ministry", "the statement (Russian)"), not a bare "the embassy"."""
    return (attribution is not None and attribution.kind == "government"
            and not attribution.is_readout and bool(_BODY_WORDS.search(attribution.source))
            and names_foreign_country(attribution.source, issuer))


def quote_word(word: str) -> str:
    """A word as quotations are compared: typography, case and accents folded, and the
    spelling variants the matcher knows ("behaviour" and "behavior", "cease-fire" and
    "ceasefire") made one."""
    if word == "&":
        return "and"
    w = fold(normalize(word)).replace("-", "")
    return SPELLINGS.get(w, w)


_ACRONYM = re.compile(r"\s*\(([A-Z]{2,8})\)")
_NAME_WORD = re.compile(r"[\w\u2019'-]+")
_JOINING = frozenset(["of", "the", "and", "for", "de", "del", "la"])


def spelled_out(quoted: str, known: set[str] | dict[str, object]) -> tuple[str, bool]:
    """The quotation with an editor's spelling-out of an acronym undone: "People's Liberation
    Army (PLA)" is "PLA" when the readout says "PLA", else the words without "(PLA)". Also
    whether it changed anything (an edit, like a bracket)."""
    changed = False
    for m in reversed(list(_ACRONYM.finditer(quoted))):
        acronym = m.group(1)
        words = list(_NAME_WORD.finditer(quoted, 0, m.start()))
        capitals = []
        for w in reversed(words):
            if w.group()[0].isupper():
                capitals.append(w)
                if len(capitals) == len(acronym):
                    break
            elif w.group().lower() not in _JOINING:
                break
        capitals.reverse()
        if len(capitals) != len(acronym) or any(
                w.group()[0] != c for w, c in zip(capitals, acronym)):
            continue
        short = acronym if quote_word(acronym) in known else quoted[capitals[0].start():m.start()]
        quoted = quoted[:capitals[0].start()] + short + quoted[m.end():]
        changed = True
    return quoted, changed


def _sentence_lookup(doc: Document):
    """offset -> the sentence holding it (or the last one starting before it)."""
    import bisect

    starts = [s.start for s in doc.sentences]

    def at(offset: int):
        i = bisect.bisect_right(starts, offset + 1) - 1
        return doc.sentences[i] if i >= 0 else None

    return at
