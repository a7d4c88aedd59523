"""Paraphrase hints: what the lexical matcher may have missed, offered for checking.

Where a readout sentence is left omitted and an account sentence left without a counterpart,
the semantic encoder (:mod:`readout_compare.semantic`, the optional ``[semantic]`` extra) can
still find their meanings close: a restatement in words the lexicon has no class for. Such a
pair becomes a :class:`~readout_compare.model.Hint`, "possible paraphrase (semantic)", never a
match: the verdicts (omitted, not in the readout) stand, because embeddings do not see a
negation, a changed figure or a claim turned round, and a reporter must check the pair.

Only what can become a hint is embedded, once: the readout sentences some account leaves
omitted, and the account sentences left without a counterpart in an account that leaves some
readout sentence omitted, at most MAX_SENTENCES in all (docs/semantic.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

from readout_compare.model import AccountComparison, Document, Hint, Sentence, Settings

# The least cosine for a hint, one per encoder, chosen on development stories (docs/semantic.md:
# the USE threshold on the matching set, python bench/hints.py; the hint encoder's on the real
# news benchmark's dev events, python bench/real.py --split dev --hints). The hint encoder's
# cosines run higher: unrelated sentences of one news story score about 0.80.
HINT_THRESHOLD = 0.65  # Universal Sentence Encoder, when the hint encoder is not installed
E5_THRESHOLD = 0.91  # multilingual-e5-small (semantic.HINT_MODEL)
# With the hint encoder, the best readout sentence must also beat the account sentence's second
# best by this much: a sentence about the whole subject of a story scores about as high against
# several of its readout sentences, and a restatement of one does not.
E5_MARGIN = 0.03
# Work bounds. A sentence longer than this many words is not offered as a restatement of one
# readout sentence (an unpunctuated run, a table): it is not embedded at all. At most
# MAX_SENTENCES sentences are embedded for one comparison (about 25 ms each with the hint
# encoder here), the readout's omitted sentences taking at most half, in reading order; the
# accounts' sentences are taken by their place in the story, every account's first ones first,
# so that a restatement in a lede is always looked for.
# PER_ACCOUNT: only an account's first unmatched sentences are looked at (on the real news
# benchmark's dev events, 24 of the 26 labelled links a hint could recover stand among an
# account's first six unmatched sentences, and a news story's point is made early).
MAX_WORDS = 120
MAX_SENTENCES = 160
PER_ACCOUNT = 6


def paraphrase_hints(readout: Document, acc: AccountComparison,
                     settings: Settings | None = None) -> tuple[Hint, ...]:
    """Hints for one account (see :func:`hints_for_accounts`)."""
    return hints_for_accounts(readout, [acc], settings)[0]


def hints_for_accounts(readout: Document, accounts: Sequence[AccountComparison],
                       settings: Settings | None = None) -> list[tuple[Hint, ...]]:
    """For each account sentence not in the readout, the omitted readout sentence closest in
    meaning, when it is close enough: by the hint encoder when the settings name it (or, without
    settings, when it is installed), else by the first encoder. One tuple of hints per account;
    accounts across languages get none."""
    from readout_compare import semantic

    wanted = (semantic.uses_hint_encoder(settings.semantic_model) if settings is not None
              else True)
    omitted, alone = _unmatched(readout, accounts)
    r_texts = _first_distinct([s.text for s in readout.body
                               if any(s in r for r in omitted)], MAX_SENTENCES // 2)
    a_texts = _first_distinct([s.text for column in zip_longest(*alone) for s in column if s],
                              MAX_SENTENCES - len(r_texts))
    if not r_texts or not a_texts:
        return [() for _ in accounts]
    encoder = semantic.hint_embedder() if wanted else None
    vectors = semantic.vectors(r_texts + a_texts, encoder)
    r_row = {t: i for i, t in enumerate(r_texts)}
    a_row = {t: len(r_texts) + i for i, t in enumerate(a_texts)}
    out: list[tuple[Hint, ...]] = []
    for r_sents, a_sents in zip(omitted, alone):
        r_sents = [s for s in r_sents if s.text in r_row]
        a_sents = [s for s in a_sents if s.text in a_row]
        if not r_sents or not a_sents:
            out.append(())
            continue
        cosines = (vectors[[a_row[s.text] for s in a_sents]]
                   @ vectors[[r_row[s.text] for s in r_sents]].T)
        found = [_hint(r_sents, a_sent, scores, by_hint_encoder=encoder is not None)
                 for a_sent, scores in zip(a_sents, cosines.tolist())]
        out.append(tuple(h for h in found if h is not None))
    return out


def _unmatched(readout: Document, accounts: Sequence[AccountComparison],
               ) -> tuple[list[list[Sentence]], list[list[Sentence]]]:
    """For each account, the omitted readout sentences and its first unmatched sentences to
    hold against them (none of either when the other side has none)."""
    omitted: list[list[Sentence]] = []
    alone: list[list[Sentence]] = []
    for acc in accounts:
        left = {c.readout_sentence for c in acc.coverage if c.status == "omitted"}
        r_sents = [] if acc.across_languages else [s for s in readout.body if s.id in left]
        a_sents = [s.sentence for s in acc.sentences if s.status == "not_in_readout"
                   and len(s.sentence.text.split()) <= MAX_WORDS][:PER_ACCOUNT] if r_sents else []
        omitted.append(r_sents if a_sents else [])
        alone.append(a_sents)
    return omitted, alone


def _hint(r_sents: list[Sentence], a_sent: Sentence, scores: list[float], *,
          by_hint_encoder: bool) -> Hint | None:
    """The hint for one account sentence, given its cosine with each omitted readout
    sentence: the closest one, when close enough (and, by the hint encoder, clearly closer
    than the next)."""
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    best = scores[order[0]]
    second = scores[order[1]] if len(order) > 1 else -1.0
    if not by_hint_encoder:
        close = best >= HINT_THRESHOLD
    else:
        close = best >= E5_THRESHOLD and best - second >= E5_MARGIN
    return Hint(r_sents[order[0]].id, a_sent.id, round(best, 3)) if close else None


def _first_distinct(texts: list[str], limit: int) -> list[str]:
    """The first ``limit`` distinct texts, in order."""
    return list(dict.fromkeys(texts))[:max(0, limit)]
