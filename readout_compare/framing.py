"""Framing: the verbs of saying each account uses for a readout sentence, beside the readout's own.

The readout "underscored" and "highlighted"; an account may say "warned". For each readout
sentence and each account that reports it, the reporting verbs of the account sentences that
report it, with their rung on the ladder in :mod:`readout_compare.lexicon`. Verbs inside a
quotation are the quoted speaker's, not the account's framing; they are listed apart.
"""

from __future__ import annotations

from functools import lru_cache

from readout_compare.attribution_patterns import blank_quotes
from readout_compare.lexicon import LADDER_NAMES, VERB_LADDER
from readout_compare.model import AccountComparison, Document, Framing, Verb
from readout_compare.normalize import words


@lru_cache(maxsize=16384)
def verbs_in(text: str) -> tuple[Verb, ...]:
    """Reporting verbs in a sentence, in order; those inside quotation marks marked quoted.
    (Kept for each text: an account sentence that reports several readout sentences is read
    once.)"""
    inside = [w for w in words(text) if w in VERB_LADDER]
    if not inside:
        return ()
    outside = words(blank_quotes(text))
    found = [Verb(w, LADDER_NAMES[VERB_LADDER[w]]) for w in outside if w in VERB_LADDER]
    for w in outside:
        if w in inside:
            inside.remove(w)
    found += [Verb(w, LADDER_NAMES[VERB_LADDER[w]], quoted=True) for w in inside]
    return tuple(found)


def framing(readout: Document, accounts: tuple[AccountComparison, ...]) -> tuple[Framing, ...]:
    out = []
    for i, r in enumerate(readout.body):
        per_account: dict[str, tuple[Verb, ...]] = {}
        for acc in accounts:
            found: list[Verb] = []
            for sid in acc.coverage[i].account_sentences:
                for v in verbs_in(acc.sentence(sid).sentence.text):
                    if v not in found:
                        found.append(v)
            per_account[acc.document.id] = tuple(found)
        out.append(Framing(r.id, verbs_in(r.text), per_account))
    return tuple(out)
