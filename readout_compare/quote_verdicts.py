"""Verdicts: how faithfully a quotation gives the readout's words.

* ``verbatim``: the same words, in order, somewhere in the readout (typography aside);
* ``stitched``: all the words are in the readout, but in pieces that are not adjacent there, or
  with an ellipsis or a bracketed insertion standing in for readout words;
* ``altered``: close to one readout passage, with words changed, added or dropped;
* ``not_in_readout``: none of the above.
"""

from __future__ import annotations

import re
from difflib import Match as Block
from functools import lru_cache

from readout_compare.diff import SharedRuns
from readout_compare.lexicon import SPELLINGS, fold, stem
from readout_compare.model import Document, QuoteFidelity
from readout_compare.normalize import CJK, STOPWORDS, normalize

_ELLIPSIS = re.compile(r"\u2026|\.\s?\.\s?\.")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_INSERTED = re.compile(r"\[[^\]]*\]|\([^()]*\)")
# Verdicts from the readout's words most to least: a better one found without an editor's aside
# replaces the first.
_RANK = {"verbatim": 3, "stitched": 2, "altered": 2, "not_in_readout": 0}
# Share of the quote's words found in one readout passage for an "altered" verdict.
ALTERED_MIN_SHARE = 0.6
# And of its words that carry content (not "en", "la", "of", "the"), at least one in three: a
# quotation that shares only its function words with a passage ("en la vanguardia" beside the
# readout's "en la confianza") is not that passage with a word changed.
ALTERED_MIN_CONTENT_SHARE = 1 / 3
# At most this many readout words at each end of an altered quotation's passage stand for quote words
# the two do not share (a word changed at the edge of the quotation).
EDGE_WORDS = 3
# Words changed, dropped or added between the runs of one passage that still make a quotation
# "altered" rather than "stitched" from places apart.
EDIT_GAP_WORDS = 2
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

# (fidelity, readout sentence, its start and end offsets, share of the quote's words found).
Verdict = tuple[QuoteFidelity, str | None, int | None, int | None, float]


def verdict(readout: Document, quoted: str) -> Verdict:
    """The readout's verdict on a quotation's words."""
    return _readout_words(readout).narrowed(quoted).verdict(quoted)


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
        self._stem_runs: SharedRuns | None = None
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
        """(fidelity, readout sentence, span start, span end, share of quote words found). An
        aside in parentheses that the readout does not have ("need to manage competition
        (between the two powers)") is an editor's insertion, as a bracket is."""
        found = self._verdict(quoted, _BRACKETED)
        if found[0] != "verbatim" and _PARENTHESISED.search(quoted):
            without = self._verdict(quoted, _INSERTED)
            if _RANK[without[0]] > _RANK[found[0]]:
                return without
        return found

    def _verdict(self, quoted: str, inserted: re.Pattern[str]) -> Verdict:
        quoted, expanded = _spelling_out_undone(quoted, self.positions)
        edited = bool(_ELLIPSIS.search(quoted) or inserted.search(quoted)) or expanded
        q = _compounds_joined(_hyphens_split(inserted.sub(" ", quoted), self.positions),
                              self.positions)
        if not q or not self.words:
            return "not_in_readout", None, None, None, 0.0
        pieces = self._cover(q)
        share = sum(size for _, _, size in pieces) / len(q)
        return (self._verbatim_or_stitched(pieces, len(q), share, edited) or self._altered(q)
                or ("not_in_readout", None, None, None, share))

    def _verbatim_or_stitched(self, pieces: list[tuple[int, int, int]], length: int,
                              share: float, edited: bool) -> Verdict | None:
        """The verdict when the quote's words are the readout's: one run of them, or pieces
        (``share`` of the ``length`` quote words) from one passage or from several."""
        if len(pieces) == 1 and pieces[0][2] == length and not edited:
            _, b, size = pieces[0]
            return ("verbatim", *self._span(b, b + size), 1.0)
        if not pieces or share < STITCHED_MIN_SHARE or length < 3:
            return None
        ordered = sorted(pieces)  # in the quote's order
        if edited and self._one_passage(ordered):
            # Editors' brackets and ellipses inside one passage, its words in order:
            # "[Biden] said …", "stressed … the need".
            first, last = ordered[0], ordered[-1]
            return ("verbatim", *self._span(first[1], last[1] + last[2]), share)
        adjacent = all(b2 == b1 + s1 for (_, b1, s1), (_, b2, _) in zip(ordered, ordered[1:]))
        if not edited and not adjacent and self._edited_in_place(ordered):
            # One passage with a word or two changed, dropped or added between its runs
            # ("toward" for "to"): altered, not joined from elsewhere.
            first, last = ordered[0], ordered[-1]
            return ("altered", *self._span(first[1], last[1] + last[2]), share)
        main = max(pieces, key=lambda p: p[2])
        if not edited and not adjacent and self._one_passage_and_a_word_or_two(main, length,
                                                                               ordered):
            return None  # judged as one passage with words changed (_altered)
        if edited or not adjacent:
            # Every word is the readout's, but joined from places that are not together.
            return ("stitched", *self._span(main[1], main[1] + main[2]), share)
        return None

    def _altered(self, q: list[str]) -> Verdict | None:
        """Close to one passage: the readout window around the quote's best monotonic
        alignment, if it is not much longer than the quote. Words are compared as written,
        then, failing that, by stem ("hopes" for "hope", "expressed concern" for "expresses
        concerns"): a passage with its words inflected otherwise is still that passage."""
        if not 3 <= len(q) <= QUOTE_WINDOW_WORDS:
            return None
        return (self._altered_with(q, self._matcher())
                or self._altered_with([stem(w) for w in q], self._stem_matcher()))

    def _altered_with(self, q: list[str], matcher: SharedRuns) -> Verdict | None:
        blocks = [blk for blk in matcher.matching_blocks(q) if blk.size]
        longest = max(blocks, key=lambda blk: blk.size, default=None)
        if longest is None or longest.size < 2:
            return None
        near = [blk for blk in blocks if abs(blk.b - longest.b) <= 2 * len(q)]
        lo, hi = self._passage(near, len(q))
        found = sum(blk.size for blk in near) / len(q)
        if (hi - lo <= 2 * len(q) + 3 and found >= ALTERED_MIN_SHARE
                and _content_share(q, near) >= ALTERED_MIN_CONTENT_SHARE):
            return ("altered", *self._span(lo, hi), found)
        return None

    def _passage(self, near: list[Block], length: int) -> tuple[int, int]:
        """The readout words (lo, hi) of the shared runs ``near`` of a quote of ``length``
        words. Quote words before the first shared run (after the last) stand for the
        readout's words there: the passage takes as many of them, inside the same sentence,
        so its diff reads "urged → ordered", not "ordered" added."""
        lo = min(blk.b for blk in near)
        hi = max(blk.b + blk.size for blk in near)
        before = min(min(blk.a for blk in near), EDGE_WORDS)
        after = min(length - max(blk.a + blk.size for blk in near), EDGE_WORDS)
        while before and lo > 0 and self.sentence[lo - 1] == self.sentence[lo]:
            lo, before = lo - 1, before - 1
        while after and hi < len(self.words) and self.sentence[hi] == self.sentence[hi - 1]:
            hi, after = hi + 1, after - 1
        return lo, hi

    @staticmethod
    def _one_passage_and_a_word_or_two(main: tuple[int, int, int], length: int,
                                       ordered: list[tuple[int, int, int]]) -> bool:
        """Whether one readout passage gives most of the quotation (``ALTERED_MIN_SHARE``) and
        the words found elsewhere are at most ``EDIT_GAP_WORDS``, at its start or end: a
        word or two that also occur in another place ("constructive and stable Japan-China
        relations" for "constructive and stable relationship") are a change to one passage,
        not a second passage joined to it."""
        others = [p for p in ordered if p != main]
        return (main[2] / length >= ALTERED_MIN_SHARE
                and sum(size for _, _, size in others) <= EDIT_GAP_WORDS
                and all(a < main[0] or a >= main[0] + main[2] for a, _, _ in others)
                and (ordered[0] == main or ordered[-1] == main))

    @staticmethod
    def _edited_in_place(ordered: list[tuple[int, int, int]]) -> bool:
        """The pieces follow each other in the readout as in the quote, at most
        ``EDIT_GAP_WORDS`` words apart on either side (across sentences too: a quotation of
        several sentences)."""
        return all(0 <= b2 - (b1 + s1) <= EDIT_GAP_WORDS and 0 <= a2 - (a1 + s1) <= EDIT_GAP_WORDS
                   for (a1, b1, s1), (a2, b2, _) in zip(ordered, ordered[1:]))

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

    def _stem_matcher(self) -> SharedRuns:
        """The same index over the readout's words by stem, built once when first asked."""
        if self._stem_runs is None:
            self._stem_runs = SharedRuns([stem(w) for w in self.words])
        return self._stem_runs

    def narrowed(self, quoted: str) -> _ReadoutWords:
        """For a long readout, the stretches around the sentences that share the quote's rarer
        words, so a quote is not matched word by word against thousands of "the"s."""
        if len(self.words) <= LONG_READOUT_WORDS:
            return self
        q = set(quote_words(quoted))
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
        sub._stem_runs = None
        sub.words, sub.starts, sub.ends, sub.sentence = [], [], [], []
        sub.sentence_index = []  # as in the whole stream: whether pieces stand in one sentence
        sub.positions = self.positions  # the whole readout's words (_spelling_out_undone asks)
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


def _hyphens_split(text: str, known: dict[str, list[int]]) -> list[str]:
    """The quotation's words, a hyphenated word that the readout writes as two words
    ("Assembleia-Geral" for "Assembleia Geral") made those words: a spelling, not a change."""
    out: list[str] = []
    for m in QUOTE_WORD.finditer(text):
        word = quote_word(m.group())
        if "-" in m.group() and word not in known:
            parts = [quote_word(p) for p in m.group().split("-") if p]
            if len(parts) > 1 and all(p in known for p in parts):
                out.extend(parts)
                continue
        out.append(word)
    return out


def _compounds_joined(words: list[str], known: dict[str, list[int]]) -> list[str]:
    """Two words that the readout writes as one hyphenated word ("Jean Claude" for
    "Jean-Claude", "co operation") made that word: a spelling, not a change."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i] + words[i + 1] in known and words[i] not in known:
            out.append(words[i] + words[i + 1])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


# A word as quotations are compared: normalize.WORD, with inner hyphens ("co-operation"), but
# not into a figure with a thousands separator ("1,000-for-1,000" is three words).
# "&" is a word: "and" (quote_word), as editors and headline writers use it.
# An initialism written with points is one word, the same as without them ("U.S." is "US").
QUOTE_WORD = re.compile(
    r"(?<![\w.])(?:[A-Z]\.){2,}|"
    rf"\d+(?:[.,]\d+)*(?:'?s\b)?|[{CJK}]|[^\W{CJK}]+(?:['\u2018\u2019-](?!\d{{1,3}},\d)[^\W{CJK}]+)*|&")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
# Chinese and Japanese digits, one character each, as the figure a story may write instead.
_CJK_DIGITS = {c: str(i) for i, c in enumerate("\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d")}


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a text as quotations are compared (QUOTE_WORD, quote_word)."""
    return tuple(quote_word(m.group()) for m in QUOTE_WORD.finditer(text))


def quote_word(word: str) -> str:
    """A word as quotations are compared: typography, case and accents folded, and the
    spelling variants the matcher knows ("behaviour" and "behavior", "cease-fire" and
    "ceasefire") made one."""
    if word == "&":
        return "and"
    if len(word) == 1 and word in _CJK_DIGITS:
        return _CJK_DIGITS[word]  # "二国間" quoted as "2国間"
    if word[-1:] == "." and _DOTTED.fullmatch(word):
        word = word.replace(".", "")  # "U.S." is "US"
    if _THOUSANDS.fullmatch(word):
        return word.replace(",", "")  # "1,000" is "1000"
    w = fold(normalize(word)).replace("-", "")
    w = SPELLINGS.get(w, w)
    # British -ise/-yse spellings as American -ize/-yze ("capitalising" = "capitalizing"); both
    # sides are folded alike, so a word that is not such a verb ("exercise") is unharmed.
    return _BRITISH_ISE.sub(r"\1z\2", w) if len(w) > 6 else w


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_BRITISH_ISE = re.compile(r"([a-z]{3}[iy])s(e|es|ed|ing|ation|ations|er|ers)$")


_ACRONYM = re.compile(r"\s*\(([A-Z]{2,8})\)")
_NAME_WORD = re.compile(r"[\w\u2019'-]+")
_JOINING = frozenset(["of", "the", "and", "for", "de", "del", "la"])


def _spelling_out_undone(quoted: str, known: set[str] | dict[str, object]) -> tuple[str, bool]:
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


def names_someone_new(text: str, readout: Document) -> bool:
    """Whether a quoted passage names, with a title, someone the readout never names ("updated
    President Abbas on …" beside a readout of a call with someone else): a misquotation
    changes words, it does not bring in new people."""
    known = _words_of(readout.text)
    return any(m.group("name").lower() not in known for m in _TITLED.finditer(text))


@lru_cache(maxsize=8)
def _words_of(text: str) -> frozenset[str]:
    """A text's words in lower case (a readout's, read once for all its quotations)."""
    return frozenset(re.findall(r"[\w\u2019'-]+", text.lower()))


# A title of office and the name after it ("President Abbas", "Prime Minister Netanyahu").
_TITLED = re.compile(
    r"\b(?:President|Prime Minister|Premier|Chancellor|Minister|Secretary|King|Queen|Crown "
    r"Prince|Emir|Sheikh|General|Ambassador|Senator|Governor|Mayor)\s+"
    r"(?P<name>[A-Z][\w\u2019'-]+)(?![\w\u2019'-])")


def speaks_in_first_person(text: str, readout_passage: str | None) -> bool:
    """Whether a quoted passage speaks in the first person ("Our commitment … remains
    unwavering") where the readout passage it resembles does not: a readout reports its people
    in the third person, so such a quotation is its speaker's own words (a statement, a post, a
    remark to reporters), not a changed quotation of the readout."""
    return _in_first_person(text) and not (readout_passage and _in_first_person(readout_passage))


def _in_first_person(text: str) -> bool:
    return bool(_FIRST_PERSON.search(text) or _FIRST_PERSON_CJK.search(text))


# First-person pronouns and possessives of English, Spanish, French, German, Russian,
# Ukrainian, Polish, Italian and Portuguese ("US", the country, is not "us"; Polish "my" is
# English's; words that are others' too are left out: "ja", "mi", "ci", Polish "nas"
# (Portuguese "in the"), Portuguese "eu" (the EU)).
_FIRST_PERSON = re.compile(
    r"\b(?:I|(?i:me|my|mine|myself|we|our|ours|ourselves)|us|"
    r"(?i:yo|nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|je|j|nous|notre|nos|moi|"
    r"ich|wir|unser|unsere|unserer|unseren|unserem|mein|meine|"
    # Russian and Ukrainian
    r"\u044f|\u043c\u044b|\u043d\u0430\u0441|\u043d\u0430\u043c|\u043d\u0430\u0448|\u043d\u0430\u0448\u0430|"
    r"\u043d\u0430\u0448\u0435|\u043d\u0430\u0448\u0438|\u043c\u0438|"
    # Polish, Italian and Portuguese
    r"mnie|nam|nami|nasz|nasza|nasze|naszego|naszej|naszym|naszych|naszymi|nasi|io|noi|nostro|nostra|"
    r"nostri|nostre|n\u00f3s|nosso|nossa|nossos|nossas))\b(?!['\u2019]s\b)")
# Chinese and Japanese first person (no spaces around words): 我 (我们), 私.
_FIRST_PERSON_CJK = re.compile("[\u6211\u79c1]")


def _content_share(q: list[str], blocks: list[Block]) -> float:
    """The share of the quotation's content words (not STOPWORDS) that the ``blocks`` shared
    with the readout cover; 1.0 for a quotation of function words only."""
    shared = {blk.a + k for blk in blocks for k in range(blk.size)}
    content = [i for i, w in enumerate(q) if w not in STOPWORDS]
    if not content:
        return 1.0
    return sum(i in shared for i in content) / len(content)
