"""Paraphrase hints: what the lexical matcher may have missed, offered for checking.

Where a readout sentence is left omitted and an account sentence left without a counterpart,
the semantic encoder (:mod:`readout_compare.semantic`, the optional ``[semantic]`` extra) can
still find their meanings close: a restatement in words the lexicon has no class for. Such a
pair becomes a :class:`~readout_compare.model.Hint`, "possible paraphrase (semantic)", never a
match: the verdicts (omitted, not in the readout) stand, because embeddings do not see a
negation, a changed figure or a claim turned round, and a reporter must check the pair.
"""

from __future__ import annotations

from readout_compare.model import AccountComparison, Document, Hint

# The least cosine for a hint, chosen on the development stories of the matching set
# (python bench/hints.py): the lowest threshold whose hints there are at least 90% right.
HINT_THRESHOLD = 0.65


def paraphrase_hints(readout: Document, acc: AccountComparison) -> tuple[Hint, ...]:
    """For each account sentence not in the readout, the omitted readout sentence closest in
    meaning, when it is close enough."""
    from readout_compare import semantic

    omitted = {c.readout_sentence for c in acc.coverage if c.status == "omitted"}
    r_sents = [s for s in readout.body if s.id in omitted]
    alone = [s.sentence for s in acc.sentences if s.status == "not_in_readout"]
    if not r_sents or not alone:
        return ()
    rows = semantic.similarities([s.text for s in alone], [s.text for s in r_sents])
    hints = []
    for a_sent, row in zip(alone, rows):
        k = max(range(len(row)), key=row.__getitem__)
        if row[k] >= HINT_THRESHOLD:
            hints.append(Hint(r_sents[k].id, a_sent.id, round(row[k], 3)))
    return tuple(hints)
