"""Word sequences compared in the manner of difflib: word-level diffs that never split a word,
and the runs of words a quotation shares with the readout.

Tokens are words and punctuation runs, each carrying the space after it so that joining the
tokens of one side gives back its text exactly. Tokens are compared after normalisation, so
curly against straight quotes or a case change is not a difference.
"""

from __future__ import annotations

import bisect
from difflib import Match as Block
from difflib import SequenceMatcher

from readout_compare.model import DiffOp
from readout_compare.normalize import DIFF_TOKEN, normalize_word


def tokens(text: str) -> list[tuple[str, str]]:
    """(original token with its trailing space, normalised token) pairs covering ``text``."""
    out: list[tuple[str, str]] = []
    lead = len(text) - len(text.lstrip())
    if lead:
        out.append((text[:lead], ""))
    for m in DIFF_TOKEN.finditer(text, lead):
        out.append((m.group(0), normalize_word(m.group(1))))
    return out


def word_diff(readout: str, account: str) -> tuple[DiffOp, ...]:
    """Opcodes turning the readout text into the account text: ``(tag, readout, account)``
    with tag one of ``equal``, ``replace``, ``delete`` (readout words the account lacks) and
    ``insert`` (account words the readout lacks)."""
    a, b = tokens(readout), tokens(account)
    matcher = SequenceMatcher(None, [t[1] for t in a], [t[1] for t in b], autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append((tag, "".join(t[0] for t in a[i1:i2]), "".join(t[0] for t in b[j1:j2])))
    return tuple(ops)


class SharedRuns:
    """The runs of words a quotation shares with the readout's word stream: exactly the blocks
    of difflib's ``SequenceMatcher(None, quote, readout, autojunk=False)`` (its longest match,
    of equal ones the earliest in the quote and then in the readout, and its matching blocks),
    found through an index of the readout's word *pairs*. difflib walks every position of
    every quoted word, and a quotation's "the" and "of" occur hundreds of times in a long
    readout; its word pairs occur far fewer times."""

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
