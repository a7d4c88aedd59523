"""Word-level diffs in the manner of difflib, never splitting a word.

Tokens are words and punctuation runs, each carrying the space after it so that joining the
tokens of one side gives back its text exactly. Tokens are compared after normalisation, so
curly against straight quotes or a case change is not a difference.
"""

from __future__ import annotations

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

