"""Matches made by quotations: an account sentence that quotes the readout's words reports
that readout sentence, whatever the sentence-level evidence said; applied to the alignment once
the quotations are found (:mod:`readout_compare.quotes`)."""

from __future__ import annotations

from readout_compare.diff import word_diff
from readout_compare.model import KIND_ORDER, Document, Match, Quote

# A quotation this long (in words) of the readout's words reports them.
QUOTE_MIN_WORDS = 3


def with_quotes(
    readout: Document,
    account: Document,
    matches: dict[str, tuple[Match, ...]],
    quotes: tuple[Quote, ...],
) -> dict[str, tuple[Match, ...]]:
    """Make matches agree with quotations: an account sentence that quotes the readout's words
    (verbatim, altered or stitched, three words or more) reports that readout sentence, at
    least in part, whatever the sentence-level evidence said."""
    out = dict(matches)
    for q in quotes:
        if (q.kind == "title" or q.readout_sentence is None or q.fidelity in ("not_in_readout", "translated")
                or len(q.text.split()) < QUOTE_MIN_WORDS):
            continue
        r_sent = readout.sentence(q.readout_sentence)
        if r_sent.role != "body":
            continue
        have = out.get(q.account_sentence, ())
        if any(m.readout_sentence == r_sent.id and m.basis == "claim" for m in have):
            continue
        a_sent = account.sentence(q.account_sentence)
        share = min(len(q.text.split()) / max(len(r_sent.text.split()), 1), 1.0)
        match = Match(
            readout_sentence=r_sent.id,
            score=round(q.score, 3),
            kind="partial",
            readout_coverage=round(share, 3),
            account_coverage=round(min(len(q.text.split()) / max(len(a_sent.text.split()), 1),
                                       1.0), 3),
            diff=word_diff(r_sent.text, a_sent.text),
            evidence=(f"quotes the readout ({q.fidelity}): “{q.text}”",),
            part=q.readout_text,
        )
        kept = tuple(m for m in have if m.readout_sentence != r_sent.id)
        out[q.account_sentence] = tuple(
            sorted((*kept, match), key=lambda m: (KIND_ORDER[m.kind], -m.score))
        )
    return out
