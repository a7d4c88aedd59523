"""Matches made by quotations: an account sentence that quotes the readout's words reports
that readout sentence, whatever the sentence-level evidence said; applied to the alignment once
the quotations are found (:mod:`readout_compare.quotes`)."""

from __future__ import annotations

from dataclasses import replace

from readout_compare.diff import word_diff
from readout_compare.model import KIND_ORDER, Document, Match, Quote
from readout_compare.quote_verdicts import names_someone_new
from readout_compare.source_kinds import person_name

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


# A quotation at least this share of its sentence's words is what the sentence reports.
REWORDED_MIN_SHARE = 0.5


def reworded(
    readout: Document,
    account: Document,
    matches: dict[str, tuple[Match, ...]],
    quotes: tuple[Quote, ...],
) -> tuple[Quote, ...]:
    """Quotations the story credits to the readout or its issuing body ("the Kremlin said:
    «The sides discussed several aspects of Russia-US relations»") whose words are not the
    readout's, in a sentence that reports a readout sentence: the readout's content in other
    words, presented as its words. They are ``altered`` from that sentence (a translation of
    their own, or a paraphrase), not words from elsewhere."""
    out = []
    for q in quotes:
        a = q.attribution
        sentence = account.sentence(q.account_sentence)
        reported = [m for m in matches.get(q.account_sentence, ()) if m.words_compared]
        if (q.kind == "quotation" and q.fidelity == "not_in_readout" and reported
                and a is not None and (a.is_readout or (a.kind == "issuer"
                                                        and person_name(a.source) is None))
                and len(q.text.split()) >= REWORDED_MIN_SHARE * len(sentence.text.split())
                and not names_someone_new(q.text, readout)):
            best = max(reported, key=lambda m: m.score)
            r = readout.sentence(best.readout_sentence)
            q = replace(q, fidelity="altered", readout_sentence=r.id, readout_start=r.start,
                        readout_end=r.end, readout_text=r.text, diff=word_diff(r.text, q.text))
        out.append(q)
    return tuple(out)
