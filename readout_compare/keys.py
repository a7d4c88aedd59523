"""Stable keys: a name for each readout sentence, account sentence and quotation that survives a
re-run, a changed threshold and a new release, as long as its text is the same.

A key hashes the document's label (what the user calls the readout or the account), the unit's
normalised text and its occurrence number among units of that document with the same normalised
text; nothing positional, so a sentence added elsewhere in the story leaves the others' keys
alone. Reviews (``--review``) and versions (``track``) refer to units by these keys.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from readout_compare.normalize import normalize

# One letter says what kind of unit a key names: a readout sentence, an account sentence, a
# quotation.
PREFIX = {"readout": "r", "account": "s", "quote": "q"}


def unit_keys(kind: str, document_label: str, texts: Iterable[str]) -> list[str]:
    """The key of each unit, in order: ``<prefix>-<12 hex digits>``."""
    prefix = PREFIX[kind]
    seen: Counter[str] = Counter()
    keys = []
    for text in texts:
        norm = normalize(text)
        seen[norm] += 1
        digest = hashlib.blake2b(
            "\x00".join((kind, document_label, norm, str(seen[norm]))).encode("utf-8"),
            digest_size=6,
        ).hexdigest()
        keys.append(f"{prefix}-{digest}")
    return keys
