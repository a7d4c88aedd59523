"""Classify: turn matches into verdicts, per account sentence and per readout sentence.

* each account body sentence is ``supported`` (it reports readout content), ``divergent``
  (it reports readout content with material differences) or ``not_in_readout``;
* each readout body sentence is ``reported`` or ``omitted`` by each account, with the kind of
  the best match (``verbatim`` > ``paraphrase`` > ``partial``: "reported only in part");
* headings and page furniture get no verdict.
"""

from __future__ import annotations

from readout_compare.evidence import clause_keys
from readout_compare.model import (
    KIND_ORDER,
    AccountSentence,
    Attribution,
    Coverage,
    Divergence,
    Document,
    Match,
    MatchKind,
    SentenceStatus,
)


def classify_sentences(
    account: Document,
    matches: dict[str, tuple[Match, ...]],
    divergences: dict[str, tuple[Divergence, ...]],
    attributions: dict[str, Attribution],
) -> tuple[AccountSentence, ...]:
    """A verdict for every sentence of the account, in reading order."""
    out = []
    for s in account.sentences:
        if s.role != "body":
            out.append(AccountSentence(sentence=s, status=None))
            continue
        found = matches.get(s.id, ())
        diverges = divergences.get(s.id, ())
        status: SentenceStatus
        if diverges:
            # Includes a quotation presented as the readout's words that is not theirs.
            status = "divergent"
        elif not any(m.basis == "claim" for m in found):
            # No match, or one that only names the readout's event: the claim is the
            # account's own.
            status = "not_in_readout"
        else:
            status = "supported"
        out.append(
            AccountSentence(
                sentence=s,
                status=status,
                matches=found,
                divergences=diverges,
                attribution=attributions.get(s.id),
            )
        )
    return tuple(out)


def readout_coverage(
    readout: Document, sentences: tuple[AccountSentence, ...]
) -> tuple[Coverage, ...]:
    """What became of each readout body sentence in this account."""
    reporters: dict[str, list[tuple[AccountSentence, Match]]] = {s.id: [] for s in readout.body}
    for a in sentences:
        for m in a.matches:
            reporters[m.readout_sentence].append((a, m))
    out = []
    for r in readout.body:
        found = reporters[r.id]
        if not found:
            out.append(Coverage(readout_sentence=r.id, status="omitted", kind=None, account_sentences=()))
            continue
        best = min(found, key=lambda am: (KIND_ORDER[am[1].kind], -am[1].score))[1]
        divergent = any(
            d.readout_sentence == r.id for a, _ in found for d in a.divergences
        )
        kind, parts = best.kind, ()
        if kind == "partial":
            kind, parts = _parts_reported(r.text, [m for _, m in found])
        out.append(
            Coverage(
                readout_sentence=r.id,
                status="reported",
                kind=kind,
                account_sentences=tuple(dict.fromkeys(a.sentence.id for a, _ in found)),
                divergent=divergent,
                parts=parts,
            )
        )
    return tuple(out)


def _parts_reported(text: str, matches: list[Match]) -> tuple[MatchKind, tuple[str, ...]]:
    """A readout sentence reported only in part: which parts. When the account's sentences
    between them report every clause (one sentence split over two), it is reported in full."""
    parts = tuple(dict.fromkeys(m.part for m in matches if m.part))
    clauses = [k.text for k in clause_keys(text)]
    if len(clauses) > 1 and all(c in parts for c in clauses):
        return "paraphrase", ()
    return "partial", parts
