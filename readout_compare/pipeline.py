"""The library's front door: ``compare(readout, accounts) -> Comparison``.

It runs the pipeline in one direction: segment -> align -> (quotes, divergences, attributions)
-> classify -> (across accounts) claim groups, framing and placement -> findings, deciding
which accounts and parts of them run in worker processes. Loading is the caller's business:
pass text, a :class:`~readout_compare.load.LoadedText`, or an already segmented
:class:`~readout_compare.model.Document`.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from readout_compare import attribution, divergence, language, quotes, semantic
from readout_compare.align import AlignStats, align, align_across_languages
from readout_compare.classify import classify_sentences, readout_coverage
from readout_compare.errors import ReadoutCompareError
from readout_compare.findings import findings
from readout_compare.framing import framing
from readout_compare.groups import claim_groups
from readout_compare.hints import hints_for_accounts, paraphrase_hints
from readout_compare.model import (
    AccountComparison,
    Attribution,
    Comparison,
    Document,
    LoadedText,
    Quote,
    Sentence,
    Settings,
    Source,
)
from readout_compare.normalize import clean_label, clean_text, file_name
from readout_compare.placement import placement
from readout_compare.quote_matches import reworded, with_quotes
from readout_compare.segment import segment_texts
from readout_compare.similarity import Profile, default_model, profile
from readout_compare.timing import Timings, maybe
from readout_compare.workers import parallel_map

Input = str | LoadedText | Document


def compare(
    readout: Input,
    accounts: Input | Sequence[Input],
    *,
    labels: Sequence[str | None] | None = None,
    readout_label: str | None = None,
    settings: Settings | None = None,
    stats: AlignStats | None = None,
    timings: Timings | None = None,
) -> Comparison:
    """Compare one or more accounts with the readout.

    ``labels`` name the accounts and ``readout_label`` the readout in the report (default: the
    title found in the input, else "Account N" and "Readout"); the command line's ``--label``
    names the readout first, then the accounts. ``settings`` (default: ``Settings()``) holds
    every option that changes results (see :class:`~readout_compare.model.Settings`); the
    comparison's own settings have what it fills in (:func:`resolved_settings`). An input that
    is not text, a :class:`LoadedText` or a :class:`Document` raises
    :class:`ReadoutCompareError`. ``stats`` and ``timings``, when given, collect the work done
    and the time per stage.
    """
    if settings is not None and not isinstance(settings, Settings):
        raise ReadoutCompareError(f"settings must be Settings, not {type(settings).__name__}")
    config = resolved_settings(settings if settings is not None else Settings())
    if isinstance(accounts, (str, LoadedText, Document)):
        accounts = [accounts]
    _check_inputs(readout, accounts, labels, readout_label)
    accounts = list(accounts)
    if not accounts:
        raise ReadoutCompareError("give at least one account to compare with the readout")
    if config.symmetric and len(accounts) != 1:
        raise ReadoutCompareError("a symmetric comparison takes exactly two documents")
    labels = list(labels or [])
    with maybe(timings, "segment"):
        documents = segment_all(
            [(readout, "r", readout_label, "Readout")]
            + [
                (account, f"a{n}", labels[n - 1] if n - 1 < len(labels) else None, f"Account {n}")
                for n, account in enumerate(accounts, 1)
            ]
        )
    if not config.full_paths:
        documents = [_file_name_only(d) for d in documents]
    if not config.full_urls:
        documents = [_typed_urls_only(d) for d in documents]
    documents = [d if d.language != "und" else replace(d, language=language.detect(d.text))
                 for d in documents]
    readout_doc, account_docs = documents[0], documents[1:]
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        # Pre-segmented documents with one id would have their sentences merged.
        raise ReadoutCompareError(f"documents need distinct ids, got {', '.join(ids)}")
    if not readout_doc.body:
        raise ReadoutCompareError("the readout has no sentences to compare (only headings?)")
    with maybe(timings, "align"):
        readout_profiles = {s.id: profile(s.text) for s in readout_doc.body}
    # Claim groups reuse the profiles alignment made of account sentences (when it ran here).
    account_profiles: dict | None = {} if len(account_docs) > 1 else None
    results = compare_accounts(readout_doc, account_docs, config, stats=stats,
                               profiles=readout_profiles, timings=timings,
                               account_profiles=account_profiles)
    if config.semantic_model:
        # For all accounts at once, here: the encoder is loaded once, in this process, and a
        # readout sentence several accounts leave omitted is embedded once.
        with maybe(timings, "hints"):
            found = hints_for_accounts(readout_doc, results, config)
        results = [replace(r, hints=h) if h else r for r, h in zip(results, found)]
    with maybe(timings, "groups"):
        groups = claim_groups(tuple(results), profiles=account_profiles)
    with maybe(timings, "framing"):
        framed = framing(readout_doc, tuple(results))
    with maybe(timings, "placement"):
        placed = placement(readout_doc, tuple(results), config)
    with maybe(timings, "findings"):
        found = findings(readout_doc, tuple(results), config, groups, placed)
    model = default_model()
    matcher = model.fitted_on + (f"; in-domain: {model.domain.fitted_on}" if model.domain else "")
    return Comparison(
        readout=readout_doc, accounts=tuple(results), settings=config, claim_groups=groups,
        framing=framed, placement=placed, findings=found, matcher=matcher,
    )


def segment_all(items: list[tuple[Input, str, str | None, str]]) -> list[Document]:
    """Segment every input (large inputs in worker processes: :func:`segment_texts`)."""
    prepared = [_prepared(item, doc_id=i, label=lb, default=d) for item, i, lb, d in items]
    texts = [p for p in prepared if not isinstance(p, Document)]
    segmented = iter(segment_texts(texts))
    return [p if isinstance(p, Document) else next(segmented) for p in prepared]


# From this many readout x account sentence pairs in all, several accounts may be compared in
# worker processes, each account whole in one worker. An account sentence counts as at least
# PAIRS_PER_ACCOUNT_SENTENCE pairs, so that many short accounts (1,000 account sentences in all)
# are worth it too.
PARALLEL_ACCOUNT_PAIRS = 300_000
PAIRS_PER_ACCOUNT_SENTENCE = 300


def compare_accounts(
    readout: Document,
    accounts: list[Document],
    settings: Settings,
    *,
    stats: AlignStats | None = None,
    profiles: dict | None = None,
    timings: Timings | None = None,
    account_profiles: dict | None = None,
) -> list[AccountComparison]:
    """Every account against the readout; several large ones in worker processes
    (:func:`~readout_compare.workers.parallel_map`). ``account_profiles``, when given, receives
    the profiles of the account sentences that are claims not in the readout (what claim groups
    read).

    Each account's stages are timed on their own; the wall time of the whole is shared between
    "align" and "classify" in the proportion the accounts spent in each, so that ``--timings``
    still adds up to the wall time when they ran in parallel."""
    account_sentences = sum(len(d.body) for d in accounts)
    size = account_sentences * max(len(readout.body), PAIRS_PER_ACCOUNT_SENTENCE)
    start = time.perf_counter()
    with timings.doing("align") if timings is not None else contextlib.nullcontext():
        parts = parallel_map(_compare_part, accounts,
                             (readout, settings, profiles or {}, account_profiles is not None),
                             size=size, least=PARALLEL_ACCOUNT_PAIRS)
    done = [one for part in parts for one in part]
    wall = time.perf_counter() - start
    spent = Timings()
    for _, account_timings, account_stats, claim_profiles in done:
        if account_profiles is not None:
            account_profiles.update(claim_profiles)
        for name, seconds in account_timings.items():
            spent[name] = spent.get(name, 0.0) + seconds
        if stats is not None:
            stats.pairs_possible += account_stats.pairs_possible
            stats.pairs_scored += account_stats.pairs_scored
    if timings is not None:
        total = sum(spent.values()) or 1.0
        for name, seconds in spent.items():
            timings[name] = timings.get(name, 0.0) + wall * seconds / total
    return [result for result, _, _, _ in done]


def _compare_part(
    context: tuple[Document, Settings, dict[str, Profile], bool], accounts: Sequence[Document]
) -> list[tuple[AccountComparison, Timings, AlignStats, dict[str, Profile]]]:
    """Each account's comparison, with the profiles of its claims not in the readout when
    claim groups need them (sent back from a worker without what they cache: a tenth of the
    time it takes to make them again)."""
    readout, settings, profiles, claims_wanted = context
    out = []
    for account in accounts:
        timings, stats = Timings(), AlignStats()
        made: dict[str, Profile] | None = {} if claims_wanted else None
        result = compare_account(readout, account, settings, stats=stats, profiles=profiles,
                                 timings=timings, account_profiles=made, hints=False)
        claims = {s.sentence.id: made[s.sentence.id] for s in result.sentences
                  if made is not None and s.status == "not_in_readout" and s.sentence.id in made}
        out.append((result, timings, stats, claims))
    return out


def compare_account(
    readout: Document,
    account: Document,
    settings: Settings,
    *,
    stats: AlignStats | None = None,
    profiles: dict | None = None,
    timings: Timings | None = None,
    account_profiles: dict | None = None,
    hints: bool = True,
) -> AccountComparison:
    """One account against the readout: align, then find quotes, divergences and verdicts, and
    (unless ``hints=False``: :func:`compare` makes them for all its accounts at once) the
    paraphrase hints."""
    across = languages_differ(readout, account)
    if across and not settings.semantic_model:
        remedy = ("it is switched off (--no-semantic)" if semantic.installed()
                  else "pip install 'readout-compare[semantic]'")
        raise ReadoutCompareError(
            f"{readout.label} is in {language.name(readout.language)} and {account.label} in "
            f"{language.name(account.language)}; comparing across languages needs the semantic "
            f"matcher: {remedy}"
        )
    with maybe(timings, "align"):
        if across:
            matches = align_across_languages(
                readout, account, both_encoders=semantic.uses_hint_encoder(settings.semantic_model))
        else:
            matches = align(readout, account, settings, stats=stats, readout_profiles=profiles,
                            account_profiles=account_profiles)
    with maybe(timings, "classify"):
        found, verdicts, spans = _classify_work(readout, account, across)
        # Quotations are checked word for word; across languages, only whether their sentence
        # reports a readout sentence ("translated").
        found_quotes = quotes.find_quotes(
            readout, account, found_by_sentence=found, verdicts=verdicts, spans=spans,
            translated_by=matches if across else None)
        matches = with_quotes(readout, account, matches, found_quotes)
        if not across:
            found_quotes = reworded(readout, account, matches, found_quotes)
        attributions = attribution.attribute_sentences(account, readout, found)
        attributions = _credited_by_quotes(account, attributions, found_quotes)
        if across:
            divergences = divergence.cross_language_divergences(readout, account, matches)
        else:
            divergences = divergence.find_divergences(readout, matches, found_quotes)
        sentences = classify_sentences(account, matches, divergences, attributions)
        coverage = readout_coverage(readout, sentences)
    result = AccountComparison(
        document=account, sentences=sentences, coverage=coverage, quotes=found_quotes,
        across_languages=across,
    )
    if hints and settings.semantic_model and not across:
        with maybe(timings, "hints"):
            result = replace(result, hints=paraphrase_hints(readout, result, settings))
    return result


def _credited_by_quotes(
    account: Document, attributions: dict[str, Attribution], found_quotes: tuple[Quote, ...]
) -> dict[str, Attribution]:
    """A sentence with no attribution of its own that stands inside a quotation (the first
    sentences of "“…. ….,” he said") is credited to the quotation's speaker."""
    out = dict(attributions)
    spans = [q for q in found_quotes if q.kind == "quotation" and q.attribution is not None]
    if not spans:
        return out
    for s in account.sentences:
        if s.role != "body" or s.id in out:
            continue
        q = next((q for q in spans if q.start <= s.start + 1 and s.end - 1 <= q.end + 1), None)
        if q is not None:
            out[s.id] = q.attribution  # type: ignore[assignment]
    return out


# From this many body sentences, the pattern work of attribution and the quotations' verdicts
# may run in worker processes, before the passes that read them in order.
PARALLEL_CLASSIFY_SENTENCES = 3_000


def _classify_work(
    readout: Document, account: Document, across: bool
) -> tuple[attribution.Found, dict[int, quotes.Verdict], list | None]:
    """What attribution finds in each body sentence, the quoted spans and the verdict on each
    (none across languages, where words are not compared); for a large account in worker
    processes (each is a function of one sentence or one quotation and the readout)."""
    body = account.body
    spans = quotes.quote_spans(account.text)
    found: attribution.Found = {}
    verdicts: dict[int, quotes.Verdict] = {}
    judged = [] if across else spans
    for part_found, part_verdicts in parallel_map(_classify_part, [*body, *judged], readout,
                                                  size=len(body),
                                                  least=PARALLEL_CLASSIFY_SENTENCES):
        found.update(part_found)
        verdicts.update(part_verdicts)
    return found, verdicts, spans


def _classify_part(
    readout: Document, items: Sequence[Any]
) -> tuple[attribution.Found, dict[int, quotes.Verdict]]:
    """Attribution's findings in the body sentences among ``items``, and the verdicts on the
    quoted spans among them."""
    sentences = [x for x in items if isinstance(x, Sentence)]
    spans = [x for x in items if not isinstance(x, Sentence)]
    return attribution.found_in(sentences), quotes.verdicts(readout, spans)


def languages_differ(readout: Document, account: Document) -> bool:
    """Whether the two are in different languages (both determined)."""
    known = {readout.language, account.language} - {"und"}
    return len(known) == 2


def resolved_settings(settings: Settings) -> Settings:
    """The settings as a comparison states them: the threshold fitted with the model when none
    is given, and the semantic encoder(s) that will be used."""
    threshold = settings.threshold if settings.threshold is not None else default_model().threshold
    model = semantic.model_name(hint_encoder=settings.hint_encoder) if settings.semantic else None
    return replace(settings, threshold=threshold, semantic_model=model)


def _check_inputs(readout: object, accounts: object, labels: object,
                  readout_label: object) -> None:
    """The library's own error for arguments of the wrong type (an int for a text, a string
    for the list of labels), not whatever deeper code would raise on them."""
    kinds = (str, LoadedText, Document)
    if not isinstance(readout, kinds):
        raise ReadoutCompareError(
            f"the readout must be text, LoadedText or a Document, not {type(readout).__name__}")
    if not isinstance(accounts, Sequence):
        raise ReadoutCompareError("accounts must be text, LoadedText, a Document or a list of "
                                  f"them, not {type(accounts).__name__}")
    for n, account in enumerate(accounts, 1):
        if not isinstance(account, kinds):
            raise ReadoutCompareError(
                f"account {n} must be text, LoadedText or a Document, not {type(account).__name__}")
    if labels is not None and (isinstance(labels, str) or not isinstance(labels, Sequence)
                               or not all(x is None or isinstance(x, str) for x in labels)):
        raise ReadoutCompareError("labels must be a list of strings (or None), one per account")
    if readout_label is not None and not isinstance(readout_label, str):
        raise ReadoutCompareError(
            f"readout_label must be a string, not {type(readout_label).__name__}")


def as_document(
    item: Input, *, doc_id: str, label: str | None, default: str = "Readout"
) -> Document:
    """Segment text or loaded text into a Document with the given id."""
    prepared = _prepared(item, doc_id=doc_id, label=label, default=default)
    if isinstance(prepared, Document):
        return prepared
    return segment_texts([prepared])[0]


def _prepared(
    item: Input, *, doc_id: str, label: str | None, default: str
) -> Document | tuple[str, str, str, Source]:
    """A document as it is, or what segmenting the input takes: its cleaned text, id, label
    and source."""
    if isinstance(item, Document):
        return item
    if isinstance(item, LoadedText):
        text, source = item.text, item.source
    elif isinstance(item, str):
        text, source = item, Source()
    else:
        raise ReadoutCompareError(f"cannot compare a {type(item).__name__}")
    label = clean_label(label or "") or clean_label(source.title or "") or default
    text = clean_text(text)
    if not text.strip():
        raise ReadoutCompareError(f"{label}: no text to compare (the input is empty)")
    return text, doc_id, label, source


def _typed_urls_only(doc: Document) -> Document:
    """The document with the URLs its user did not type (where redirects ended, the page's
    canonical URL) cut to scheme, host and path, unless they are the typed URL itself."""
    source = doc.source
    final, canonical = (_without_query(u, source.url) for u in (source.final_url, source.canonical_url))
    if (final, canonical) == (source.final_url, source.canonical_url):
        return doc
    return replace(doc, source=replace(source, final_url=final, canonical_url=canonical))


def _without_query(url: str | None, typed: str | None) -> str | None:
    if not url or url == typed:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _file_name_only(doc: Document) -> Document:
    """The document with its source path cut to the file name (URLs are kept whole)."""
    path = doc.source.path
    if not path or path == "-":
        return doc
    name = file_name(path)
    return replace(doc, source=replace(doc.source, path=name)) if name != path else doc
