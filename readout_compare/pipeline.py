"""The library's front door: ``compare(readout, accounts) -> Comparison``.

It runs the pipeline in one direction: segment -> align -> (quotes, divergences, attributions)
-> classify -> (across accounts) claim groups. Loading is the caller's business: pass text, a
:class:`~readout_compare.load.LoadedText`, or an already segmented
:class:`~readout_compare.model.Document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

from readout_compare import attribution, divergence, quotes
from readout_compare.align import AlignStats, align
from readout_compare.classify import classify_sentences, readout_coverage
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import LoadedText
from readout_compare.model import AccountComparison, Comparison, Document, Settings, Source
from readout_compare.segment import segment
from readout_compare.similarity import default_model, profile

Input = str | LoadedText | Document


def compare(
    readout: Input,
    accounts: Input | Sequence[Input],
    *,
    labels: Sequence[str | None] | None = None,
    readout_label: str | None = None,
    stats: AlignStats | None = None,
    **settings: object,
) -> Comparison:
    """Compare one or more accounts with the readout.

    ``labels`` name the accounts and ``readout_label`` the readout in the report (default: the
    title found in the input, else "Account N" and "Readout"). ``settings`` are the fields of :class:`~readout_compare.model.Settings`
    (``threshold``, ``partial_min_words``); unknown names raise :class:`ReadoutCompareError`.
    """
    config = make_settings(**settings)
    if isinstance(accounts, (str, LoadedText, Document)):
        accounts = [accounts]
    if not accounts:
        raise ReadoutCompareError("give at least one account to compare with the readout")
    if config.symmetric and len(accounts) != 1:
        raise ReadoutCompareError("a symmetric comparison takes exactly two documents")
    labels = list(labels or [])
    readout_doc = as_document(readout, doc_id="r", label=readout_label)
    if not readout_doc.body:
        raise ReadoutCompareError("the readout has no sentences to compare (only headings?)")
    readout_profiles = {s.id: profile(s.text) for s in readout_doc.body}
    results = []
    for n, account in enumerate(accounts, 1):
        label = labels[n - 1] if n - 1 < len(labels) else None
        doc = as_document(account, doc_id=f"a{n}", label=label, default=f"Account {n}")
        results.append(
            compare_account(readout_doc, doc, config, stats=stats, profiles=readout_profiles)
        )
    from readout_compare.groups import claim_groups

    return Comparison(
        readout=readout_doc,
        accounts=tuple(results),
        settings=config,
        claim_groups=claim_groups(tuple(results), config),
    )


def compare_account(
    readout: Document,
    account: Document,
    settings: Settings,
    *,
    stats: AlignStats | None = None,
    profiles: dict | None = None,
) -> AccountComparison:
    """One account against the readout: align, then find quotes, divergences and verdicts."""
    matches = align(readout, account, settings, stats=stats, readout_profiles=profiles)
    found_quotes = quotes.find_quotes(readout, account)
    attributions = attribution.attribute_sentences(account)
    divergences = divergence.find_divergences(readout, account, matches, found_quotes)
    sentences = classify_sentences(account, matches, divergences, attributions)
    return AccountComparison(
        document=account,
        sentences=sentences,
        coverage=readout_coverage(readout, sentences),
        quotes=found_quotes,
    )


def make_settings(**settings: object) -> Settings:
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ReadoutCompareError(f"unknown setting(s): {', '.join(unknown)}")
    config = Settings(**settings)  # type: ignore[arg-type]
    if config.threshold is None:
        config = replace(config, threshold=default_model().threshold)
    if not 0.0 < config.threshold < 1.0:
        raise ReadoutCompareError(f"threshold must be between 0 and 1, not {config.threshold}")
    if config.partial_min_words < 1:
        raise ReadoutCompareError("partial_min_words must be at least 1")
    return config


def as_document(
    item: Input, *, doc_id: str, label: str | None, default: str = "Readout"
) -> Document:
    """Segment text or loaded text into a Document with the given id."""
    if isinstance(item, Document):
        return item
    if isinstance(item, LoadedText):
        text, source = item.text, item.source
    elif isinstance(item, str):
        text, source = item, Source()
    else:
        raise TypeError(f"cannot compare a {type(item).__name__}")
    label = label or source.title or default
    if not text.strip():
        raise ReadoutCompareError(f"{label}: no text to compare (the input is empty)")
    return segment(text, doc_id=doc_id, label=label, source=source)
