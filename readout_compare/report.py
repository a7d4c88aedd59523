"""The report dictionary: one plain, JSON-ready description of a comparison that every renderer
(HTML, JSON, Markdown) takes, so a new format never touches the matcher.

The schema is at version 9 (SCHEMA_VERSION); what each version from 1 to 9 added is listed
beside it below and in docs/json-schema.md ("Versions").
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import fields, is_dataclass
from datetime import datetime, timezone
from typing import Any

from readout_compare import __version__, language
from readout_compare.keys import quote_keys, sentence_keys
from readout_compare.model import (
    AccountComparison,
    Comparison,
    Match,
    Quote,
    Review,
    ReviewEntry,
    StoryPlacement,
)

# 1: first release: readout, accounts (sentences, matches, divergences, readout_coverage,
#    quotes, summary), claim_groups, coverage_matrix, framing, symmetric, settings, summary,
#    tool.
# 2: role "lead-in"; "context" on every sentence (a list item's lead-in); "text" may hold the
#    line breaks of a hard-wrapped input.
# 3: matches carry "basis" ("claim" or "event"), "evidence" (why, in words) and "part" (the
#    readout clause reported); readout_coverage carries "parts"; "score" is the confidence of
#    the match, not only the paraphrase model's probability.
# 4: every attribution carries "kind" (issuer, government, person, organisation, media, unnamed).
# 5: settings.full_paths (sources show file names only by default); each account's
#    "placement" (where it first reports each readout sentence, what it led with); the
#    coverage matrix's "placements"; each document's "language"; an account's "hints"
#    (possible paraphrases found by the semantic encoder) and "across_languages";
#    settings.semantic_model.
# 6: every readout sentence, account sentence and quotation carries a stable "key" (keys.py).
# 7: settings.full_urls (a source's final_url and canonical_url lose their query string and
#    fragment unless it is true, or unless they are the URL the user typed); every sentence's
#    "marker" (a list item's number or letter as written, else null).
#    Also in 7: reviews (--review): every account sentence and quotation carries "review"
#    (null, or the reporter's verdict beside the tool's); each account's summary counts
#    "reviews"; the report's "reviews" (null when not reviewed) lists what was confirmed,
#    corrected, and the stale entries.
#    Also in 7: "findings": at most seven findings in plain sentences, weightiest first, each
#    with its kind, the id of the element holding its evidence ("target"), the accounts and
#    sentences it rests on, and how sure the tool is ("certainty", 0..1 or null; "sureness"
#    in words).
#  8: quotations of a story in another language than the readout's are listed (with their
#    speakers), a quotation's fidelity may be "translated", and each account summary's
#    "quotes" counts them.
#  9: every match carries "summary" (true when the account sentence sums up the readout,
#    several of its sentences in other words, and this is the closest: no words compared).
SCHEMA_VERSION = 9
# Settings a report does not list: what they ask for, semantic_model states as used.
_ASKED_ONLY = ("semantic", "hint_encoder")
FIDELITIES = ("verbatim", "altered", "stitched", "translated", "not_in_readout")
DIVERGENCE_TYPES = ("number", "date", "negation", "modality", "reporting_verb", "entity", "quote")


def report_dict(comparison: Comparison, *, generated: datetime | None = None) -> dict[str, Any]:
    """Everything a renderer needs, as plain data."""
    generated = generated or datetime.now(timezone.utc)
    placed = {sp.account: sp for sp in comparison.placement}
    readout_keys = sentence_keys("readout", comparison.readout)
    accounts = [_account(a, placed.get(a.document.id)) for a in comparison.accounts]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "readout-compare", "version": __version__},
        "generated": generated.replace(microsecond=0).isoformat(),
        "settings": {
            **{k: v for k, v in _asdict(comparison.settings).items() if k not in _ASKED_ONLY},
            "model": comparison.matcher,
        },
        "findings": [
            {**_asdict(f), "accounts": list(f.accounts), "sentences": list(f.sentences)}
            for f in comparison.findings
        ],
        "readout": {
            "id": comparison.readout.id,
            "label": comparison.readout.label,
            "language": comparison.readout.language,
            "language_name": language.name(comparison.readout.language),
            "source": _asdict(comparison.readout.source),
            "sentences": [
                {"id": s.id, "key": key, "text": s.text, "start": s.start, "end": s.end,
                 "role": s.role, "paragraph": s.paragraph, "context": s.context,
                 "marker": s.marker}
                for s, key in ((s, readout_keys[s.id]) for s in comparison.readout.sentences)
            ],
        },
        "accounts": accounts,
        "claim_groups": [
            {
                "id": g.id,
                "account_sentences": list(g.account_sentences),
                "accounts": list(g.accounts),
                "attributions": list(g.attributions),
            }
            for g in comparison.claim_groups
        ],
        "coverage_matrix": _matrix(comparison),
        "framing": [
            {
                "readout_sentence": f.readout_sentence,
                "readout_verbs": [_asdict(v) for v in f.readout_verbs],
                "accounts": {aid: [_asdict(v) for v in vs] for aid, vs in f.account_verbs.items()},
            }
            for f in comparison.framing
        ],
        "symmetric": _symmetric(comparison) if comparison.settings.symmetric else None,
        "reviews": _reviews(comparison, accounts),
        "summary": _overall(comparison, accounts),
    }


def _entry(e: ReviewEntry) -> dict[str, Any]:
    return {"key": e.key, "status": e.status, "readout": e.readout, "fidelity": e.fidelity,
            "note": e.note, "reviewer": e.reviewer, "at": e.at}


def _review(r: Review | None) -> dict[str, Any] | None:
    """A reviewed verdict: the review file's entry, its outcome, and what the tool had said."""
    if r is None:
        return None
    return {**_entry(r.entry), "outcome": r.outcome, "readout_sentence": r.readout_sentence,
            "tool_verdict": r.tool_verdict, "tool_readout_sentences": list(r.tool_readout)}


def _reviews(comparison: Comparison, accounts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What the review changed, in reading order, and the entries that no longer fit."""
    if comparison.stale_reviews is None:
        return None
    reviewed = []
    for acc in accounts:
        units = [("sentence", s) for s in acc["sentences"]] + [("quote", q) for q in acc["quotes"]]
        for kind, unit in units:
            if unit["review"]:
                reviewed.append({"account": acc["id"], "kind": kind, "id": unit["id"],
                                 "text": unit["text"], **unit["review"]})
    outcomes = Counter(r["outcome"] for r in reviewed)
    return {
        "confirmed": outcomes["confirmed"],
        "corrected": outcomes["corrected"],
        "reviewers": sorted({r["reviewer"] for r in reviewed if r["reviewer"]}),
        "reviewed": reviewed,
        "stale": [{**_entry(s.entry), "reason": s.reason} for s in comparison.stale_reviews],
    }


def _placement(sp: StoryPlacement) -> dict[str, Any]:
    return {
        "placements": [_asdict(p) for p in sp.placements],
        "lead": [
            {**_asdict(item), "readout_sentences": list(item.readout_sentences)}
            for item in sp.lead
        ],
        "led_with": sp.led_with,
        "first_point": _asdict(sp.first_point) if sp.first_point else None,
    }


def _account(acc: AccountComparison, sp: StoryPlacement | None = None) -> dict[str, Any]:
    doc = acc.document
    sentences = []
    keys = sentence_keys("account", doc)
    qkeys = quote_keys(acc)
    for s in acc.sentences:
        key = keys[s.sentence.id]
        sentences.append(
            {
                "id": s.sentence.id,
                "key": key,
                "text": s.sentence.text,
                "start": s.sentence.start,
                "end": s.sentence.end,
                "role": s.sentence.role,
                "paragraph": s.sentence.paragraph,
                "context": s.sentence.context,
                "marker": s.sentence.marker,
                "status": s.status,
                "matches": [_match(m) for m in s.matches],
                "divergences": [_asdict(d) for d in s.divergences],
                "attribution": _asdict(s.attribution) if s.attribution else None,
                "review": _review(s.review),
            }
        )
    return {
        "id": doc.id,
        "label": doc.label,
        "language": doc.language,
        "language_name": language.name(doc.language),
        "across_languages": acc.across_languages,
        "source": _asdict(doc.source),
        "sentences": sentences,
        "readout_coverage": [
            {
                "readout_sentence": c.readout_sentence,
                "status": c.status,
                "kind": c.kind,
                "divergent": c.divergent,
                "account_sentences": list(c.account_sentences),
                "parts": list(c.parts),
            }
            for c in acc.coverage
        ],
        "quotes": [{**_quote(q), "key": qkeys[q.id]} for q in acc.quotes],
        "hints": [_asdict(h) for h in acc.hints],
        "placement": _placement(sp) if sp else None,
        "summary": account_summary(acc),
    }


def _match(m: Match) -> dict[str, Any]:
    return {
        "readout_sentence": m.readout_sentence,
        "score": m.score,
        "kind": m.kind,
        "basis": m.basis,
        "evidence": list(m.evidence),
        "part": m.part,
        "summary": m.summary,
        "readout_coverage": m.readout_coverage,
        "account_coverage": m.account_coverage,
        "diff": [list(op) for op in m.diff],
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "fidelity": q.fidelity,
        "account_sentence": q.account_sentence,
        "readout_sentence": q.readout_sentence,
        "readout_start": q.readout_start,
        "readout_end": q.readout_end,
        "readout_text": q.readout_text,
        "attribution": _asdict(q.attribution) if q.attribution else None,
        "diff": [list(op) for op in q.diff],
        "score": q.score,
        "review": _review(q.review),
    }


def account_summary(acc: AccountComparison) -> dict[str, Any]:
    """Headline numbers for one account."""
    coverage = Counter(c.status for c in acc.coverage)
    kinds = Counter(c.kind for c in acc.coverage if c.status == "reported")
    statuses = Counter(s.status for s in acc.sentences if s.status)
    quotes = [q for q in acc.quotes if q.kind != "title"]
    divergences: Counter[str] = Counter(d.type for s in acc.sentences for d in s.divergences)
    reviews: Counter[str] = Counter(
        [s.review.outcome for s in acc.sentences if s.review is not None]
        + [q.review.outcome for q in acc.quotes if q.review is not None])
    return {
        "readout_sentences": len(acc.coverage),
        "reported": coverage["reported"],
        "reported_verbatim": kinds["verbatim"],
        "reported_paraphrase": kinds["paraphrase"],
        "reported_in_part": kinds["partial"],
        "omitted": coverage["omitted"],
        "account_sentences": sum(statuses.values()),
        "supported": statuses["supported"],
        "divergent": statuses["divergent"],
        "not_in_readout": statuses["not_in_readout"],
        "quotes": {f: sum(1 for q in quotes if q.fidelity == f) for f in FIDELITIES},
        "divergences": {t: divergences[t] for t in DIVERGENCE_TYPES},
        "reviews": {outcome: reviews[outcome] for outcome in ("confirmed", "corrected")},
        "headline": headline(coverage["reported"], len(acc.coverage), kinds["partial"],
                             statuses["not_in_readout"]),
    }


def headline(reported: int, total: int, partial: int, not_in_readout: int) -> str:
    """"3 of 4 readout sentences reported, 1 only in part; 11 account sentences have no
    counterpart in the readout"."""
    text = f"{reported} of {total} readout sentence{'s' if total != 1 else ''} reported"
    if partial:
        text += f", {partial} only in part"
    noun = "sentence has" if not_in_readout == 1 else "sentences have"
    return f"{text}; {not_in_readout} account {noun} no counterpart in the readout"


def _matrix(comparison: Comparison) -> list[dict[str, Any]]:
    placed = {
        (sp.account, p.readout_sentence): p for sp in comparison.placement for p in sp.placements
    }
    rows = []
    for i, r in enumerate(comparison.readout.body):
        cells: dict[str, str | None] = {}
        links: dict[str, list[str]] = {}
        positions: dict[str, dict[str, Any] | None] = {}
        for acc in comparison.accounts:
            p = placed.get((acc.document.id, r.id))
            positions[acc.document.id] = (
                {"position": p.position, "paragraph": p.paragraph, "basis": p.basis,
                 "account_sentence": p.account_sentence} if p else None
            )
            c = acc.coverage[i]
            if c.status == "omitted":
                cells[acc.document.id] = "omitted"
            elif c.divergent:
                cells[acc.document.id] = "divergent"
            else:
                cells[acc.document.id] = c.kind
            links[acc.document.id] = list(c.account_sentences)
        rows.append(
            {
                "readout_sentence": r.id,
                "cells": cells,
                "account_sentences": links,
                "placements": positions,
                "reported_by": sum(1 for v in cells.values() if v != "omitted"),
            }
        )
    return rows


SYMMETRIC_STATUS = {"supported": "shared", "divergent": "changed", "not_in_readout": "only_here"}


def _symmetric(comparison: Comparison) -> dict[str, Any]:
    """Two documents, neither the reference: each side's sentences shared, changed, or only on
    that side, from the one alignment of the second document against the first."""
    (acc,) = comparison.accounts
    first = []
    for c in acc.coverage:
        if c.status == "omitted":
            status = "only_here"
        elif c.divergent or c.kind == "partial":
            status = "changed"
        else:
            status = "shared"
        first.append({"id": c.readout_sentence, "status": status,
                      "counterparts": list(c.account_sentences)})
    second = [
        {"id": s.sentence.id, "status": SYMMETRIC_STATUS[s.status],
         "counterparts": [m.readout_sentence for m in s.matches]}
        for s in acc.sentences if s.status
    ]
    return {
        "first": {"id": comparison.readout.id, "label": comparison.readout.label, "sentences": first},
        "second": {"id": acc.document.id, "label": acc.document.label, "sentences": second},
        "summary": {
            side: {k: sum(1 for s in rows if s["status"] == k) for k in ("shared", "changed", "only_here")}
            for side, rows in (("first", first), ("second", second))
        },
    }


def _overall(comparison: Comparison, accounts: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "readout_sentences": len(comparison.readout.body),
        "accounts": len(accounts),
        "claim_groups": len(comparison.claim_groups),
        "per_account": {a["id"]: a["summary"]["headline"] for a in accounts},
    }


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, type(None))


def _asdict(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for the report's data types, the same dictionaries in a third of
    the time (its deep copy of every string and number was most of a large report's build)."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {name: _plain(getattr(obj, name)) for name in names}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value  # immutable: asdict's deep copy is the value itself
    if is_dataclass(value) and not isinstance(value, type):
        return _asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return kind(*[_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return kind(_plain(v) for v in value)
    if isinstance(value, dict):
        return kind((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)
