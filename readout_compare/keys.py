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

from readout_compare.model import AccountComparison, Document
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


def sentence_keys(kind: str, document: Document) -> dict[str, str]:
    """Each sentence's key by its id, for the readout (``kind="readout"``) or an account."""
    texts = (s.text for s in document.sentences)
    return dict(zip((s.id for s in document.sentences), unit_keys(kind, document.label, texts)))


def quote_keys(account: AccountComparison) -> dict[str, str]:
    """Each quotation's key by its id: a quotation is named by its sentence's text and its own
    words, so the same words quoted in two sentences have two keys."""
    texts = (f"{account.sentence(q.account_sentence).sentence.text}\x00{q.text}"
             for q in account.quotes)
    return dict(zip((q.id for q in account.quotes),
                    unit_keys("quote", account.document.label, texts)))
