"""Review: a reporter's verdicts, read from a review file, replace the tool's.

A review file is JSON, ``{"reviews": [{"key", "status", "readout", "fidelity", "note",
"reviewer", "at"}, ...]}``, each entry naming an account sentence (``s-…``) or a quotation
(``q-…``) by its stable key (keys.py). For a sentence, ``status`` is its verdict and
``readout`` the key of the readout sentence it reports (for ``supported`` and ``divergent``);
for a quotation, ``fidelity``. The HTML report writes such a file (its "Export reviews"
button); ``readout-compare compare … --review FILE`` applies it.

Applying a review gives a new :class:`Comparison` in which each reviewed verdict replaces the
tool's, with the tool's own verdict kept beside it (:class:`Review`), and what follows from
sentence verdicts made again from them: each account's readout coverage, the claim groups,
the framing and the placement. An entry whose key names nothing in this comparison (its
sentence was edited, or it belongs to another comparison), or whose readout sentence is gone,
is stale: kept in the comparison's ``stale_reviews``, never dropped. A quotation's reviewed
fidelity changes the quotation only; to change its sentence's verdict, review the sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from readout_compare.classify import readout_coverage
from readout_compare.diff import word_diff
from readout_compare.errors import ReadoutCompareError
from readout_compare.findings import findings
from readout_compare.framing import framing
from readout_compare.groups import claim_groups
from readout_compare.keys import quote_keys, sentence_keys
from readout_compare.model import (
    AccountComparison,
    AccountSentence,
    Comparison,
    Coverage,
    Document,
    Match,
    Quote,
    QuoteFidelity,
    Review,
    ReviewEntry,
    StaleReview,
)
from readout_compare.placement import story_placement

STATUSES = ("supported", "divergent", "not_in_readout")
FIDELITIES = ("verbatim", "altered", "stitched", "not_in_readout")
FIELDS = ("key", "status", "readout", "fidelity", "note", "reviewer", "at")
KEY = re.compile(r"[rsq]-[0-9a-f]{12}\Z")


class ReviewFileError(ReadoutCompareError):
    """A review file that cannot be read as one (the command line exits 2: a usage error)."""


def parse_reviews(text: str, *, name: str = "review file") -> tuple[ReviewEntry, ...]:
    """The entries of a review file, checked; :class:`ReviewFileError` names the first
    problem (``name`` says which file, in the message)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReviewFileError(
            f"{name}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("reviews"), list):
        raise ReviewFileError(f'{name}: expected an object {{"reviews": [...]}}')
    entries = []
    seen: set[str] = set()
    for n, item in enumerate(data["reviews"]):
        entry = _entry(item, f"{name}: reviews[{n}]")
        if entry.key in seen:
            raise ReviewFileError(f"{name}: reviews[{n}]: {entry.key} is reviewed twice")
        seen.add(entry.key)
        entries.append(entry)
    return tuple(entries)


def _entry(item: Any, where: str) -> ReviewEntry:
    if not isinstance(item, dict):
        raise ReviewFileError(f"{where}: expected an object with a key and a verdict")
    unknown = sorted(set(item) - set(FIELDS))
    if unknown:
        raise ReviewFileError(f"{where}: unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    for field in FIELDS:
        if item.get(field) is not None and not isinstance(item[field], str):
            raise ReviewFileError(f"{where}: {field} must be a string")
    key = item.get("key")
    if not key or not KEY.match(key):
        raise ReviewFileError(f"{where}: key must be a key from the report, like s-0123456789ab "
                              f"(got {key!r})")
    status, readout, fidelity = item.get("status"), item.get("readout"), item.get("fidelity")
    if key.startswith("r-"):
        raise ReviewFileError(f"{where}: {key} is a readout sentence; review the account "
                              "sentences that report it")
    if key.startswith("s-"):
        if status not in STATUSES:
            raise ReviewFileError(f"{where}: an account sentence's status must be one of "
                                  f"{', '.join(STATUSES)} (got {status!r})")
        if fidelity is not None:
            raise ReviewFileError(f"{where}: fidelity is for quotations, not sentences")
        if status != "not_in_readout" and not readout:
            raise ReviewFileError(f"{where}: status {status} needs readout, the key of the "
                                  "readout sentence it reports")
    else:
        if fidelity not in FIDELITIES:
            raise ReviewFileError(f"{where}: a quotation's fidelity must be one of "
                                  f"{', '.join(FIDELITIES)} (got {fidelity!r})")
        if status is not None:
            raise ReviewFileError(f"{where}: status is for sentences; a quotation has fidelity")
    if readout is not None and not (KEY.match(readout) and readout.startswith("r-")):
        raise ReviewFileError(f"{where}: readout must be a readout sentence's key, like "
                              f"r-0123456789ab (got {readout!r})")
    at = item.get("at") or ""
    if at:
        try:
            # (Python 3.10's fromisoformat does not read the "Z" that browsers write.)
            datetime.fromisoformat(at[:-1] + "+00:00" if at.endswith(("Z", "z")) else at)
        except ValueError:
            raise ReviewFileError(f"{where}: at must be an ISO 8601 time (got {at!r})") from None
    return ReviewEntry(key=key, status=status, readout=readout or None, fidelity=fidelity,
                       note=item.get("note") or "", reviewer=item.get("reviewer") or "", at=at)


def apply_reviews(comparison: Comparison, entries: Sequence[ReviewEntry]) -> Comparison:
    """The comparison with the reviewed verdicts in place of the tool's, and what follows from
    them made again (see the module's docstring)."""
    readout = comparison.readout
    body = {s.id for s in readout.body}
    readout_ids = {key: sid for sid, key in sentence_keys("readout", readout).items()
                   if sid in body}
    wanted = {e.key: e for e in entries}
    used: set[str] = set()
    stale: list[StaleReview] = []
    accounts = []
    for acc in comparison.accounts:
        result = _review_account(readout, acc, wanted, readout_ids, used, stale)
        accounts.append(result if result is not None else acc)
    for e in entries:
        if e.key not in used:
            stale.append(StaleReview(e, "no sentence or quotation of this comparison has this "
                                        "key: its text changed, or it is from another comparison"))
    changed = [new is not old for new, old in zip(accounts, comparison.accounts)]
    if not any(changed):
        return replace(comparison, stale_reviews=tuple(stale))
    results = tuple(accounts)
    placed = tuple(
        story_placement(readout, acc, comparison.settings) if moved else sp
        for acc, sp, moved in zip(results, comparison.placement, changed)
    ) if comparison.placement else ()
    # Claim groups are made of claims not in the readout: made again only when a review moved
    # a sentence into or out of them (they are most of a large review's time).
    claims_moved = any(
        (a.status == "not_in_readout") != (b.status == "not_in_readout")
        for new, old in zip(results, comparison.accounts) if new is not old
        for a, b in zip(new.sentences, old.sentences)
    )
    groups = claim_groups(results) if claims_moved else comparison.claim_groups
    return replace(
        comparison,
        accounts=results,
        claim_groups=groups,
        framing=framing(readout, results),
        placement=placed,
        # The findings follow the reviewed verdicts (a corrected claim is no finding).
        findings=findings(readout, results, comparison.settings, groups, placed),
        stale_reviews=tuple(stale),
    )


def _review_account(
    readout: Document,
    acc: AccountComparison,
    wanted: dict[str, ReviewEntry],
    readout_ids: dict[str, str],
    used: set[str],
    stale: list[StaleReview],
) -> AccountComparison | None:
    """The account with its reviewed sentences and quotations, or None when none is reviewed."""
    skeys = sentence_keys("account", acc.document)
    qkeys = quote_keys(acc)
    sentences, quotes = list(acc.sentences), list(acc.quotes)
    reviewed_sentences = reviewed_quotes = False
    for i, s in enumerate(sentences):
        e = wanted.get(skeys[s.sentence.id])
        if e is None or e.status is None:
            continue
        used.add(e.key)
        if s.status is None:
            stale.append(StaleReview(e, f"{s.sentence.id} is a {s.sentence.role}, which has no "
                                        "verdict"))
            continue
        rid = readout_ids.get(e.readout) if e.readout else None
        if e.readout and rid is None:
            stale.append(StaleReview(e, f"the readout sentence {e.readout} it reports is not in "
                                        "this readout: its text changed"))
            continue
        sentences[i] = _reviewed_sentence(readout, s, e, rid)
        reviewed_sentences = True
    for i, q in enumerate(quotes):
        e = wanted.get(qkeys[q.id])
        if e is None or e.fidelity is None:
            continue
        used.add(e.key)
        rid = readout_ids.get(e.readout) if e.readout else None
        if e.readout and rid is None:
            stale.append(StaleReview(e, f"the readout sentence {e.readout} it quotes is not in "
                                        "this readout: its text changed"))
            continue
        quotes[i] = _reviewed_quote(q, e, e.fidelity, rid)
        reviewed_quotes = True
    if not (reviewed_sentences or reviewed_quotes):
        return None
    new_sentences = tuple(sentences)
    coverage = acc.coverage
    if reviewed_sentences:
        coverage = _coverage(readout, new_sentences)
    left = {s.sentence.id for s in new_sentences if s.status == "not_in_readout"}
    omitted = {c.readout_sentence for c in coverage if c.status == "omitted"}
    return replace(
        acc,
        sentences=new_sentences,
        coverage=coverage,
        quotes=tuple(quotes),
        # A hint is for a pair the matcher left apart; once reviewed, it is no longer open.
        hints=tuple(h for h in acc.hints
                    if h.account_sentence in left and h.readout_sentence in omitted),
    )


def _reviewed_sentence(
    readout: Document, s: AccountSentence, e: ReviewEntry, rid: str | None
) -> AccountSentence:
    claims = tuple(dict.fromkeys(m.readout_sentence for m in s.matches if m.basis == "claim"))
    status = e.status
    if status == "not_in_readout":
        matches = tuple(m for m in s.matches if m.basis != "claim")
        divergences: tuple = ()
        confirmed = s.status == "not_in_readout"
    elif rid is None or rid in claims:
        # (The file's check makes sure a supported or divergent verdict names a readout
        # sentence.)
        matches = s.matches
        divergences = s.divergences if status == "divergent" else ()
        confirmed = s.status == status
    else:
        # The reviewer links a readout sentence the tool did not: that link replaces the tool's.
        matches = tuple(m for m in s.matches if m.basis != "claim" and m.readout_sentence != rid)
        matches += (_reviewed_match(readout.sentence(rid).text, s.sentence.text, rid, e),)
        divergences = tuple(d for d in s.divergences if d.readout_sentence == rid) \
            if status == "divergent" else ()
        confirmed = False
    review = Review(entry=e, outcome="confirmed" if confirmed else "corrected",
                    tool_verdict=s.status, tool_readout=claims,
                    readout_sentence=rid)
    return replace(s, status=status, matches=matches, divergences=divergences, review=review)


def _reviewed_match(readout_text: str, account_text: str, rid: str, e: ReviewEntry) -> Match:
    """A match the reviewer made: its diff and shares of words, as the matcher would state
    them, with the reviewer as its evidence."""
    diff = word_diff(readout_text, account_text)
    shared = sum(len(old.split()) for tag, old, _ in diff if tag == "equal")
    readout_words = sum(len(old.split()) for _, old, _ in diff) or 1
    account_words = sum(len(new.split()) for _, _, new in diff) or 1
    verbatim = all(tag == "equal" for tag, _, _ in diff)
    return Match(
        readout_sentence=rid,
        score=1.0,
        kind="verbatim" if verbatim else "paraphrase",
        readout_coverage=round(shared / readout_words, 3),
        account_coverage=round(shared / account_words, 3),
        diff=diff,
        evidence=(f"linked by {e.reviewer or 'a reviewer'} in review",),
    )


def _reviewed_quote(q: Quote, e: ReviewEntry, fidelity: QuoteFidelity, rid: str | None) -> Quote:
    confirmed = fidelity == q.fidelity and (rid is None or rid == q.readout_sentence)
    review = Review(entry=e, outcome="confirmed" if confirmed else "corrected",
                    tool_verdict=q.fidelity,
                    tool_readout=(q.readout_sentence,) if q.readout_sentence else (),
                    readout_sentence=rid or q.readout_sentence)
    if rid is not None and rid != q.readout_sentence:
        # Another passage than the tool found: the tool's span and diff no longer apply.
        return replace(q, fidelity=fidelity, readout_sentence=rid, readout_start=None,
                       readout_end=None, readout_text=None, diff=(), review=review)
    return replace(q, fidelity=fidelity, review=review)


def _coverage(readout: Document, sentences: tuple[AccountSentence, ...]) -> tuple[Coverage, ...]:
    """Readout coverage from the reviewed verdicts: a readout sentence is divergent in this
    account when a sentence the reviewer calls divergent reports it (the tool reads that from
    its typed divergences, which a reviewed divergence may lack)."""
    coverage = readout_coverage(readout, sentences)
    flagged = {m.readout_sentence for s in sentences
               if s.review is not None and s.status == "divergent"
               for m in s.matches if m.basis == "claim"}
    return tuple(replace(c, divergent=True) if c.readout_sentence in flagged and
                 c.status == "reported" else c for c in coverage)
