"""Paraphrase hints: what the lexical matcher may have missed, offered for checking.

Where a readout sentence is left omitted and an account sentence left without a counterpart,
the semantic encoder (:mod:`readout_compare.semantic`, the optional ``[semantic]`` extra) can
still find their meanings close: a restatement in words the lexicon has no class for. Such a
pair becomes a :class:`~readout_compare.model.Hint`, "possible paraphrase (semantic)", never a
match: the verdicts (omitted, not in the readout) stand, because embeddings do not see a
negation, a changed figure or a claim turned round, and a reporter must check the pair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout_compare.model import AccountComparison, Document, Hint, Sentence, Settings

if TYPE_CHECKING:
    from readout_compare.semantic import Embedder

# The least cosine for a hint, chosen on the development stories of the matching set
# (python bench/hints.py): the lowest threshold whose hints there were at least 90% right. One
# per encoder: the hint encoder's cosines run higher (unrelated news sentences score about 0.75).
HINT_THRESHOLD = 0.65  # Universal Sentence Encoder, when the hint encoder is not installed
E5_THRESHOLD = 0.90  # multilingual-e5-small (semantic.HINT_MODEL)
# The hint encoder embeds a few dozen sentences a second, so it rechecks only the readout
# sentences the Universal Sentence Encoder ranks first for each account sentence, and at most
# E5_BUDGET sentences in all (the account sentences whose best first-stage cosine is highest).
E5_CANDIDATES = 3
E5_BUDGET = 120


def paraphrase_hints(readout: Document, acc: AccountComparison,
                     settings: Settings | None = None) -> tuple[Hint, ...]:
    """For each account sentence not in the readout, the omitted readout sentence closest in
    meaning, when it is close enough: by the hint encoder when the settings name it (or, without
    settings, when it is installed), else by the first encoder alone."""
    from readout_compare import semantic

    omitted = {c.readout_sentence for c in acc.coverage if c.status == "omitted"}
    r_sents = [s for s in readout.body if s.id in omitted]
    alone = [s.sentence for s in acc.sentences if s.status == "not_in_readout"]
    if not r_sents or not alone:
        return ()
    rows = semantic.similarities([s.text for s in alone], [s.text for s in r_sents])
    wanted = (semantic.uses_hint_encoder(settings.semantic_model) if settings is not None
              else True)
    second = semantic.hint_embedder() if wanted else None
    if second is None:
        hints = []
        for a_sent, row in zip(alone, rows):
            k = max(range(len(row)), key=row.__getitem__)
            if row[k] >= HINT_THRESHOLD:
                hints.append(Hint(r_sents[k].id, a_sent.id, round(row[k], 3)))
        return tuple(hints)
    return _recheck(second, alone, r_sents, rows)


def _recheck(encoder: Embedder, alone: list[Sentence], r_sents: list[Sentence],
             rows: list[list[float]]) -> tuple[Hint, ...]:
    """Hints from the hint encoder, on the pairs the first encoder ranks first."""
    from readout_compare import semantic

    ranked = []  # (best first-stage cosine, account sentence, its candidate readout sentences)
    for a_sent, row in zip(alone, rows):
        order = sorted(range(len(row)), key=lambda k: -row[k])[:E5_CANDIDATES]
        ranked.append((row[order[0]], a_sent, order))
    ranked.sort(key=lambda item: -item[0])
    chosen, needed = [], set()
    for _, a_sent, order in ranked:
        more = {("a", a_sent.id)} | {("r", r_sents[k].id) for k in order}
        if len(needed | more) > E5_BUDGET:
            break
        needed |= more
        chosen.append((a_sent, order))
    if not chosen:
        return ()
    used = sorted({k for _, order in chosen for k in order})
    cosines = semantic.similarities([a.text for a, _ in chosen],
                                    [r_sents[k].text for k in used], encoder)
    column = {k: j for j, k in enumerate(used)}
    found = {}
    for (a_sent, order), row in zip(chosen, cosines):
        k = max(order, key=lambda k: row[column[k]])
        if row[column[k]] >= E5_THRESHOLD:
            found[a_sent.id] = Hint(r_sents[k].id, a_sent.id, round(row[column[k]], 3))
    return tuple(found[a.id] for a in alone if a.id in found)  # in story order
