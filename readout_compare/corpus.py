"""Corpus mode: which stories reported which readout, across many articles.

``readout-compare corpus READOUTS ARTICLES -o results/`` reads two collections (folders of
files, or manifests), finds for each article the readouts it may report through an index of
the readouts' sentences by their rare words (so the work grows with the candidate pairs, not
with readouts x articles), compares each candidate pair exactly as ``compare`` does, keeps as
reports the readouts each article matches best (:func:`reported_readouts`), and writes:

* ``results.sqlite``: readouts, articles (with any error), pairs, per-sentence coverage, claims
  not in the readout, quotations and divergences (schema in docs/corpus.md);
* ``index.html``: readouts with how many outlets reported each and how much of it; outlets with
  their omission, divergence and altered-quote rates; a link to each readout's page;
* ``readouts/ID.html``: the report ``compare`` writes for the readout and all its articles.

With ``--reviews DIR``, the review file ``DIR/ID.json`` (exported from ``readouts/ID.html``)
is applied to every pair of readout ID and an article, before its rows are stored, and to the
readout's page, which lists its stale entries.

Work is done in partitions of articles, with the readouts and their index broadcast to every
worker: in this process by default, on a local Dask cluster with ``--workers N``, or on an
existing one with ``--scheduler ADDRESS``. One writer (this process) stores each article's
results in one transaction, so a run killed at any point and resumed with ``--resume`` ends
with the same database as an uninterrupted one.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import hashlib
import json
import logging
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

from readout_compare.errors import ReadoutCompareError
from readout_compare.model import (
    AccountComparison,
    Comparison,
    CoverageStatus,
    DivergenceType,
    Document,
    LoadedText,
    Match,
    MatchKind,
    QuoteFidelity,
    ReviewEntry,
    Settings,
    Source,
)
from readout_compare.normalize import STOPWORDS, clean_label, file_name, words

PARTITION = 16  # articles per unit of work
# Candidate retrieval (docs/corpus.md). Words are weighted by how few readout sentences hold them:
# log(N / df) / log(N), 1 for a word in one sentence of N; a word in more than COMMON_SHARE of
# them (and more than COMMON_MIN) weighs nothing: it names no readout in particular. An article
# sentence scores against a readout sentence the weight of the words they share; each readout
# sentence keeps its best score if that is at least SENTENCE_FLOOR, and a readout scores the sum
# over its sentences. A readout is a candidate when it scores at least MIN_SCORE and at least
# RATIO of the article's best readout. Chosen on bench/corpusgen.py's seed 0, checked on seed 1
# (docs/corpus.md).
COMMON_SHARE = 0.05
COMMON_MIN = 10
SENTENCE_FLOOR = 1.0
MIN_SCORE = 4.5
RATIO = 0.6
# A readout sentence reported only in part makes a report only with strong retrieval evidence
# for that readout alone (reported_readouts).
SINGLE_PART_SCORE = 6.0
SINGLE_PART_RATIO = 0.7
# The version of results.sqlite's own layout (not the JSON report's "schema"): stored in
# meta.schema and PRAGMA user_version. 2: stable keys and ordinals for sentences and quotations,
# foreign keys, allowed values checked, views, articles.headline, NULL for no value.
DB_SCHEMA = 2


def _allowed(values: Any, *, null: bool = False) -> str:
    """A CHECK clause's list of allowed values, from the model's own Literal types."""
    quoted = ", ".join(f"'{v}'" for v in get_args(values))
    return f"IN ({quoted})" + (" OR {col} IS NULL" if null else "")


def _check(col: str, values: Any, *, null: bool = False) -> str:
    return f"CHECK ({col} {_allowed(values, null=null).format(col=col)})"


ATTRIBUTION_KINDS = Literal["issuer", "government", "person", "organisation", "media", "unnamed"]
DIRECTIONS = Literal["escalates", "softens"]
PAIR = ("FOREIGN KEY (readout_id, article_id) REFERENCES pairs (readout_id, article_id) "
        "ON DELETE CASCADE")
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS readouts (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, date TEXT, outlet TEXT, title TEXT,
    label TEXT NOT NULL, language TEXT, sentences INTEGER, sha256 TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, date TEXT, outlet TEXT, title TEXT,
    headline TEXT, label TEXT NOT NULL, language TEXT, sentences INTEGER, sha256 TEXT,
    error TEXT, candidates INTEGER NOT NULL DEFAULT 0, left_out_by_window TEXT, text TEXT,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)));
CREATE TABLE IF NOT EXISTS pairs (
    readout_id TEXT NOT NULL REFERENCES readouts (id),
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    reports INTEGER NOT NULL CHECK (reports IN (0, 1)), readout_sentences INTEGER NOT NULL,
    reported INTEGER NOT NULL, reported_verbatim INTEGER NOT NULL,
    reported_paraphrase INTEGER NOT NULL, reported_in_part INTEGER NOT NULL,
    omitted INTEGER NOT NULL, account_sentences INTEGER NOT NULL, supported INTEGER NOT NULL,
    divergent INTEGER NOT NULL, not_in_readout INTEGER NOT NULL,
    quotes_verbatim INTEGER NOT NULL, quotes_altered INTEGER NOT NULL,
    quotes_stitched INTEGER NOT NULL, quotes_not_in_readout INTEGER NOT NULL,
    headline TEXT, summary TEXT NOT NULL,
    PRIMARY KEY (readout_id, article_id));
CREATE INDEX IF NOT EXISTS pairs_article ON pairs (article_id);
CREATE TABLE IF NOT EXISTS coverage (
    readout_id TEXT NOT NULL, article_id TEXT NOT NULL, readout_key TEXT NOT NULL,
    readout_sentence TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
    status TEXT NOT NULL {_check("status", CoverageStatus)},
    kind TEXT {_check("kind", MatchKind, null=True)},
    divergent INTEGER NOT NULL CHECK (divergent IN (0, 1)), account_sentences TEXT,
    PRIMARY KEY (readout_id, article_id, readout_key), {PAIR});
CREATE TABLE IF NOT EXISTS claims (
    readout_id TEXT NOT NULL, article_id TEXT NOT NULL, key TEXT NOT NULL,
    ordinal INTEGER NOT NULL, text TEXT NOT NULL, attributed_to TEXT,
    attribution_kind TEXT {_check("attribution_kind", ATTRIBUTION_KINDS, null=True)},
    PRIMARY KEY (readout_id, article_id, key), {PAIR});
CREATE TABLE IF NOT EXISTS quotes (
    readout_id TEXT NOT NULL, article_id TEXT NOT NULL, key TEXT NOT NULL,
    ordinal INTEGER NOT NULL, sentence_key TEXT NOT NULL, text TEXT NOT NULL,
    fidelity TEXT NOT NULL {_check("fidelity", QuoteFidelity)},
    readout_key TEXT, readout_sentence TEXT, attributed_to TEXT,
    PRIMARY KEY (readout_id, article_id, key), {PAIR});
CREATE TABLE IF NOT EXISTS divergences (
    readout_id TEXT NOT NULL, article_id TEXT NOT NULL, sentence_key TEXT NOT NULL,
    ordinal INTEGER NOT NULL, n INTEGER NOT NULL,
    type TEXT NOT NULL {_check("type", DivergenceType)},
    readout_key TEXT NOT NULL, readout_sentence TEXT NOT NULL, readout_text TEXT,
    account_text TEXT, direction TEXT {_check("direction", DIRECTIONS, null=True)},
    PRIMARY KEY (readout_id, article_id, sentence_key, n), {PAIR});
CREATE VIEW IF NOT EXISTS omissions_by_outlet AS
    SELECT COALESCE(a.outlet, a.id) AS outlet, COUNT(*) AS pairs,
           SUM(p.readout_sentences) AS readout_sentences, SUM(p.omitted) AS omitted,
           ROUND(SUM(p.omitted) * 1.0 / SUM(p.readout_sentences), 3) AS omission
    FROM pairs p JOIN articles a ON a.id = p.article_id WHERE p.reports = 1
    GROUP BY 1;
CREATE VIEW IF NOT EXISTS quote_fidelity_by_outlet AS
    SELECT COALESCE(a.outlet, a.id) AS outlet, q.fidelity AS fidelity, COUNT(*) AS quotes
    FROM quotes q
    JOIN pairs p ON p.readout_id = q.readout_id AND p.article_id = q.article_id
    JOIN articles a ON a.id = q.article_id WHERE p.reports = 1
    GROUP BY 1, 2;
CREATE VIEW IF NOT EXISTS claims_that_travel AS
    SELECT c.readout_id AS readout_id, c.text AS text,
           COUNT(DISTINCT COALESCE(a.outlet, a.id)) AS outlets, COUNT(*) AS articles
    FROM claims c
    JOIN pairs p ON p.readout_id = c.readout_id AND p.article_id = c.article_id
    JOIN articles a ON a.id = c.article_id WHERE p.reports = 1
    GROUP BY c.readout_id, c.text;
"""


@dataclass(frozen=True)
class Item:
    """One document of a collection, as its folder or manifest gives it."""

    id: str
    source: str  # a path or a URL, as given
    date: str | None = None  # ISO date, when known
    outlet: str | None = None
    title: str | None = None


@dataclass
class Index:
    """Readout sentences by the words they hold, with each word's weight."""

    readout_of: list[str]  # readout id of each indexed sentence
    postings: dict[str, list[int]]  # word: indexed sentences that hold it
    weight: dict[str, float]


@dataclass
class Shared:
    """What every worker gets: the readouts, their index and the settings."""

    readouts: dict[str, Document]  # segmented once, here, and used by every worker
    items: dict[str, Item]
    index: Index
    window: int | None
    timeout: float
    semantic: bool
    settings: Settings
    profiles: dict[str, dict] = field(default_factory=dict)  # made in each worker, as needed
    # Each readout's review file's entries (--reviews), by readout id.
    reviews: dict[str, tuple[ReviewEntry, ...]] = field(default_factory=dict)


@dataclass
class ArticleResult:
    item: Item
    label: str = ""
    text: str = ""
    sha256: str | None = None
    language: str = "und"
    sentences: int | None = None  # counted when the article is segmented (it has candidates)
    headline: str | None = None  # its first sentence when that is a heading, else its title
    error: str | None = None
    candidates: int = 0
    left_out: list[str] = field(default_factory=list)  # readouts --window left out (why)
    pairs: list[dict[str, Any]] = field(default_factory=list)


# -- Collections --------------------------------------------------------------------------------

MANIFEST_BYTES = 50 * 1024 * 1024  # a manifest larger than this is not a list of files
FIELD_CHARS = 10_000  # longest value a manifest row may hold (a path, a URL, a title)


def read_collection(spec: str) -> list[Item]:
    """A folder's files (sorted, hidden files left out) or a manifest's rows (.jsonl or .csv,
    with ``id`` and ``path`` or ``url``; optional ``date``, ``outlet``, ``title``). Ids are
    unique: two files of a folder that differ only in their suffix (``story.txt``,
    ``story.md``) are an error naming both."""
    # Absolute from the start: work sent to Dask workers is read in their working folder.
    path = Path(spec).absolute()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        items = [Item(id=p.relative_to(path).with_suffix("").as_posix(), source=str(p))
                 for p in files]
        if not items:
            raise ReadoutCompareError(f"{spec}: the folder holds no files")
        _unique(spec, items, lambda item: item.id,
                lambda item: Path(item.source).relative_to(path).as_posix(), "share the id")
        return items
    if not path.is_file():
        raise ReadoutCompareError(f"{spec}: no such folder or manifest")
    rows = _manifest_rows(path)
    if not rows:
        raise ReadoutCompareError(f"{spec}: the manifest holds no rows")
    items = []
    for n, row in enumerate(rows, 1):
        for key, value in row.items():
            if isinstance(value, (dict, list)):
                raise ReadoutCompareError(f"{spec}: row {n}: {_key(key)} is not a plain value")
            if len(str(value if value is not None else "")) > FIELD_CHARS:
                raise ReadoutCompareError(
                    f"{spec}: row {n}: {_key(key)} is over {FIELD_CHARS:,} characters")
            if "\0" in str(key) + str(value):
                raise ReadoutCompareError(f"{spec}: row {n} holds a NUL character")
        ident = str(row.get("id") or "").strip()
        source = str(row.get("path") or row.get("url") or "").strip()
        if not ident or not source:
            raise ReadoutCompareError(f"{spec}: row {n} needs an id and a path or url")
        if row.get("path") and not Path(source).is_absolute():
            source = str(path.parent / source)  # relative to the manifest's folder
        when = str(row.get("date") or "").strip() or None
        if when:
            try:
                when = date.fromisoformat(when[:10]).isoformat()
            except ValueError:
                raise ReadoutCompareError(
                    f"{spec}: row {n}: date {clean_label(when)!r} is not YYYY-MM-DD") from None
        items.append(Item(ident, source, when, (str(row.get("outlet") or "").strip() or None),
                          (str(row.get("title") or "").strip() or None)))
    ids = [i.id for i in items]
    dupes = sorted(k for k, v in Counter(ids).items() if v > 1)
    if dupes:
        raise ReadoutCompareError(
            f"{spec}: ids must be unique; repeated: {', '.join(clean_label(d) for d in dupes[:5])}")
    return items


def _key(key: Any) -> str:
    return repr(clean_label(str(key))[:40])


def _unique(spec: str, items: list[Item], key: Callable[[Item], str],
            name: Callable[[Item], str], what: str) -> None:
    """An error naming the first two items that share ``key``."""
    seen: dict[str, Item] = {}
    for item in items:
        k = key(item)
        if k in seen:
            raise ReadoutCompareError(
                f"{spec}: {clean_label(name(seen[k]))} and {clean_label(name(item))} {what} "
                f"{clean_label(k)!r}; ids must be unique in a run, rename one")
        seen[k] = item


def _manifest_rows(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".csv"):
        raise ReadoutCompareError(
            f"{path}: a manifest is .jsonl or .csv; a folder of files also works")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MANIFEST_BYTES + 1)
    except OSError as exc:
        raise ReadoutCompareError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MANIFEST_BYTES:
        raise ReadoutCompareError(f"{path}: a manifest may be at most {MANIFEST_BYTES:,} bytes")
    if b"\0" in data:
        raise ReadoutCompareError(f"{path}: holds a NUL byte; a manifest is UTF-8 text")
    try:  # utf-8-sig: a CSV saved by Excel starts with a byte-order mark
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadoutCompareError(
            f"{path}: not UTF-8 (byte {exc.start + 1:,}); save the manifest as UTF-8") from None
    if suffix in (".jsonl", ".ndjson"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ReadoutCompareError(f"{path}: line {n} is not JSON ({exc.msg})") from None
                except RecursionError:
                    raise ReadoutCompareError(f"{path}: line {n} is nested too deeply") from None
                if not isinstance(row, dict):
                    raise ReadoutCompareError(f"{path}: line {n} is not a JSON object")
                rows.append(row)
        return rows
    reader = csv.DictReader(text.splitlines())
    try:
        # A value longer than csv's own limit (128 KiB) is a csv.Error; shorter ones are
        # checked against FIELD_CHARS by read_collection.
        return [{k: v for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise ReadoutCompareError(f"{path}: line {reader.line_num}: not CSV ({exc})") from None


# -- The index ----------------------------------------------------------------------------------

def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


# Cheap sentence ends for retrieval only (the comparison itself segments properly).
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")


def build_index(readouts: dict[str, Document]) -> Index:
    """Every body sentence of every readout, by its content words."""
    readout_of: list[str] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for rid, doc in readouts.items():
        for sentence in doc.body:
            for w in set(content_words(sentence.text)):
                postings[w].append(len(readout_of))
            readout_of.append(rid)
    n = max(len(readout_of), 2)
    limit = max(COMMON_MIN, COMMON_SHARE * n)
    weight = {w: math.log(n / len(ids)) / math.log(n) for w, ids in postings.items()
              if len(ids) <= limit}
    return Index(readout_of, {w: postings[w] for w in weight}, weight)


def retrieval_scores(index: Index, text: str) -> dict[str, float]:
    """Each readout's score: the sum over its sentences of their best match in the text."""
    best: dict[int, float] = defaultdict(float)
    for rough in _ROUGH_SENTENCE_END.split(text):
        shared: dict[int, float] = defaultdict(float)
        for w in set(content_words(rough)):
            weight = index.weight.get(w)
            if weight:
                for i in index.postings[w]:
                    shared[i] += weight
        for i, score in shared.items():
            if score > best[i]:
                best[i] = score
    scores: dict[str, float] = defaultdict(float)
    for i, score in best.items():
        if score >= SENTENCE_FLOOR:
            scores[index.readout_of[i]] += score
    return scores


def candidates(shared: Shared, text: str, when: str | None) -> dict[str, float]:
    """The readouts an article may report, with their scores: those whose sentences share enough
    rare words with the article's, close to the best such readout, and (when both dates are
    known and a window is set) dated within the window. In order of readout id."""
    return _candidates(shared, retrieval_scores(shared.index, text), when)


def _candidates(shared: Shared, scores: dict[str, float], when: str | None) -> dict[str, float]:
    if shared.window is not None and when:
        scores = {rid: v for rid, v in scores.items()
                  if _within(shared.items[rid].date, when, shared.window)}
    if not scores:
        return {}
    top = max(scores.values())
    return {rid: scores[rid] for rid in sorted(scores)
            if scores[rid] >= MIN_SCORE and scores[rid] >= RATIO * top}


def left_out_by_window(shared: Shared, scores: dict[str, float], when: str | None,
                       kept: dict[str, float]) -> list[str]:
    """The readouts that would have been candidates without ``--window`` and are not, each as
    ``ID (N days before|after)``, so that a run can say what the window left out."""
    if shared.window is None or not when:
        return []
    without = _candidates(replace(shared, window=None), scores, when)
    out = []
    for rid in without:
        if rid not in kept and not _within(shared.items[rid].date, when, shared.window):
            days = (date.fromisoformat(when) - date.fromisoformat(shared.items[rid].date)).days
            out.append(f"{rid} ({abs(days)} days {'after' if days >= 0 else 'before'})")
    return out


def _within(readout_date: str | None, article_date: str, window: int) -> bool:
    if not readout_date:
        return True
    days = (date.fromisoformat(article_date) - date.fromisoformat(readout_date)).days
    return 0 <= days <= window


# -- The work -----------------------------------------------------------------------------------

def process_partition(items: list[Item], shared: Shared) -> list[ArticleResult]:
    """Load each article, find its candidate readouts, compare each candidate pair."""
    return [process_article(item, shared) for item in items]


def process_article(item: Item, shared: Shared) -> ArticleResult:
    """Load the article, find its candidate readouts, compare each candidate pair. Any failure
    (an unreadable file, or a fault of the comparison itself) is recorded as the article's error
    and the run goes on: one bad article never stops a corpus."""
    try:
        return _process_article(item, shared)
    except MemoryError:
        raise
    except Exception as exc:  # recorded, with its kind, as this article's failure
        return ArticleResult(item, error=_failure(exc, item))


def _failure(exc: Exception, item: Item) -> str:
    """One line for an article's failure: the tool's own message, or what went wrong inside."""
    lines = str(exc).replace(item.source, file_name(item.source)).splitlines()
    what = lines[0][:300] if lines else ""
    if not isinstance(exc, ReadoutCompareError):
        what = f"failed ({type(exc).__name__}{': ' + what if what else ''})"
    return clean_label(what)


def _process_article(item: Item, shared: Shared) -> ArticleResult:
    from readout_compare import language
    from readout_compare.load import load
    from readout_compare.pipeline import as_document, compare_account
    from readout_compare.similarity import profile

    result = ArticleResult(item)
    loaded = _with_item_metadata(load(item.source, timeout=shared.timeout), item)
    result.text = loaded.text
    result.sha256 = loaded.source.sha256
    result.label = _label(item, loaded)
    result.language = language.detect(loaded.text)
    raw = retrieval_scores(shared.index, loaded.text)
    scores = _candidates(shared, raw, item.date)
    result.left_out = left_out_by_window(shared, raw, item.date, scores)
    result.candidates = len(scores)
    if not scores:  # no need to segment it
        return result
    document = as_document(loaded, doc_id="a1", label=result.label)
    document = replace(document, language=result.language)
    result.sentences = len(document.body)
    compared: dict[str, AccountComparison] = {}
    article_profiles: dict = {}  # the article's sentence profiles, made once for all candidates
    for rid in scores:
        readout = shared.readouts[rid]
        if rid not in shared.profiles:
            shared.profiles[rid] = {s.id: profile(s.text) for s in readout.body}
        try:  # both documents are segmented already: each is segmented once per run
            compared[rid] = _reviewed(rid, readout, compare_account(
                readout, document, shared.settings, profiles=shared.profiles[rid],
                account_profiles=article_profiles), shared)
        except MemoryError:
            raise
        except Exception as exc:  # this pair's failure; the others are kept
            result.error = f"against readout {rid}: {_failure(exc, item)}"
    first = document.sentences[0] if document.sentences else None
    result.headline = (first.text if first is not None and first.role == "heading"
                       else loaded.source.title)
    reporting = reported_readouts(compared, scores)
    for rid, acc in compared.items():
        result.pairs.append(_pair_rows(rid, item.id, shared.readouts[rid], acc, rid in reporting,
                                       result.headline))
    return result


def _reviewed(rid: str, readout: Document, acc: AccountComparison,
              shared: Shared) -> AccountComparison:
    """One pair with the readout's review applied (its entries for other articles are theirs,
    not stale: the readout's page lists the stale ones)."""
    entries = shared.reviews.get(rid)
    if not entries:
        return acc
    from readout_compare.review import apply_reviews

    return apply_reviews(Comparison(readout, (acc,), shared.settings), entries).accounts[0]


def read_reviews(folder: str, readout_ids: list[str]) -> dict[str, tuple[ReviewEntry, ...]]:
    """The review files of a folder, by readout id: ``ID.json`` for the readout whose page is
    ``readouts/ID.html``. A file named for no readout is an error, not a silent no-op."""
    from readout_compare.review import ReviewFileError, parse_reviews

    path = Path(folder)
    if not path.is_dir():
        raise ReviewFileError(f"{folder}: not a folder of review files")
    by_slug = {_slug(rid): rid for rid in readout_ids}
    out: dict[str, tuple[ReviewEntry, ...]] = {}
    for file in sorted(path.glob("*.json")):
        rid = by_slug.get(file.stem)
        if rid is None:
            raise ReviewFileError(f"{file}: no readout's page is readouts/{file.stem}.html; name "
                                  "a review file after the page it was exported from")
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ReviewFileError(f"{file}: not UTF-8 text") from None
        out[rid] = parse_reviews(text, name=str(file))
    return out


def _with_item_metadata(loaded: LoadedText, item: Item) -> LoadedText:
    source = loaded.source
    if item.title and not source.title:
        source = replace(source, title=item.title)
    if item.date and not source.date:
        source = replace(source, date=item.date)
    if item.outlet and not source.site_name:
        source = replace(source, site_name=item.outlet)
    return LoadedText(loaded.text, source)


def _label(item: Item, loaded: LoadedText) -> str:
    return clean_label(item.title or loaded.source.title or item.id)


def reported_readouts(compared: dict[str, AccountComparison],
                      scores: dict[str, float] | None = None) -> set[str]:
    """The candidate readouts an article reports.

    Readouts of one government are written from templates ("X announced N million dollars in
    new funding for P to support work on T"), so one article sentence often matches several
    readouts. An article sentence is evidence only for the readout it matches best (strength:
    the match's score times the share of the readout sentence it carries; ties count for each).
    An article reports a readout when such evidence covers two of its sentences, or one reported
    verbatim or in paraphrase. One sentence reported only in part is most often a shared topic,
    not a report: it counts only when retrieval (``scores``) also points to this readout alone,
    strongly (at least SINGLE_PART_SCORE, and the next readout below SINGLE_PART_RATIO of it). A
    mention of the call alone (basis "event") is no evidence."""
    def strength(m: Match) -> float:
        return m.score * m.readout_coverage

    best: dict[str, float] = {}
    for acc in compared.values():
        for s in acc.sentences:
            for m in s.matches:
                if m.basis == "claim":
                    best[s.sentence.id] = max(best.get(s.sentence.id, 0.0), strength(m))
    ranked = sorted((scores or {}).items(), key=lambda item: (-item[1], item[0]))
    clear_first = (ranked[0][0] if ranked and ranked[0][1] >= SINGLE_PART_SCORE and (
        len(ranked) == 1 or ranked[1][1] < SINGLE_PART_RATIO * ranked[0][1]) else None)
    found = set()
    for rid, acc in compared.items():
        evidence = {(m.readout_sentence, m.kind) for s in acc.sentences for m in s.matches
                    if m.basis == "claim" and strength(m) >= best[s.sentence.id]}
        if (len({r for r, _ in evidence}) >= 2 or any(k != "partial" for _, k in evidence)
                or (evidence and rid == clear_first)):
            found.add(rid)
    return found


def _ordinal(sentence_id: str) -> int:
    """A sentence's place in its document, from its id ("a1-7", "r-7": 7)."""
    return int(sentence_id.rsplit("-", 1)[1])


def _pair_rows(rid: str, aid: str, readout: Document, acc: AccountComparison,
               reports: bool, headline: str | None = None) -> dict[str, Any]:
    """One pair's rows. Sentences and quotations are named by their stable keys (keys.py), the
    ``data-key`` of their element on the readout's page, with their place in the document
    (``ordinal``) for sorting; readout sentences also by their page id ("r-7")."""
    from readout_compare.keys import quote_keys, sentence_keys
    from readout_compare.report import account_summary

    summary = account_summary(acc)
    text = {s.id: s.text for s in readout.body}
    rkey = sentence_keys("readout", readout)
    skey = sentence_keys("account", acc.document)
    qkey = quote_keys(acc)
    return {
        "pair": {
            "readout_id": rid, "article_id": aid, "reports": int(reports),
            "readout_sentences": summary["readout_sentences"], "reported": summary["reported"],
            "reported_verbatim": summary["reported_verbatim"],
            "reported_paraphrase": summary["reported_paraphrase"],
            "reported_in_part": summary["reported_in_part"], "omitted": summary["omitted"],
            "account_sentences": summary["account_sentences"],
            "supported": summary["supported"], "divergent": summary["divergent"],
            "not_in_readout": summary["not_in_readout"],
            "quotes_verbatim": summary["quotes"]["verbatim"],
            "quotes_altered": summary["quotes"]["altered"],
            "quotes_stitched": summary["quotes"]["stitched"],
            "quotes_not_in_readout": summary["quotes"]["not_in_readout"],
            "headline": headline, "summary": summary["headline"],
        },
        "coverage": [
            {"readout_id": rid, "article_id": aid, "readout_key": rkey[c.readout_sentence],
             "readout_sentence": c.readout_sentence, "ordinal": _ordinal(c.readout_sentence),
             "text": text.get(c.readout_sentence), "status": c.status, "kind": c.kind,
             "divergent": int(c.divergent),
             "account_sentences": " ".join(skey[a] for a in c.account_sentences)}
            for c in acc.coverage
        ],
        "claims": [
            {"readout_id": rid, "article_id": aid, "key": skey[s.sentence.id],
             "ordinal": _ordinal(s.sentence.id), "text": s.sentence.text,
             "attributed_to": s.attribution.source if s.attribution else None,
             "attribution_kind": s.attribution.kind if s.attribution else None}
            for s in acc.sentences if s.status == "not_in_readout"
        ],
        "quotes": [
            {"readout_id": rid, "article_id": aid, "key": qkey[q.id], "ordinal": n,
             "sentence_key": skey[q.account_sentence], "text": q.text, "fidelity": q.fidelity,
             "readout_key": rkey.get(q.readout_sentence) if q.readout_sentence else None,
             "readout_sentence": q.readout_sentence,
             "attributed_to": q.attribution.source if q.attribution else None}
            for n, q in enumerate(acc.quotes, 1) if q.kind != "title"
        ],
        "divergences": [
            {"readout_id": rid, "article_id": aid, "sentence_key": skey[s.sentence.id],
             "ordinal": _ordinal(s.sentence.id), "n": n, "type": d.type,
             "readout_key": rkey[d.readout_sentence], "readout_sentence": d.readout_sentence,
             "readout_text": d.readout_text, "account_text": d.account_text,
             "direction": d.direction}
            for s in acc.sentences for n, d in enumerate(s.divergences)
        ],
    }


# -- The writer ---------------------------------------------------------------------------------

LOCK_WAIT = 2.0  # seconds to wait for a results.sqlite another process holds locked


def database_error(path: Path, exc: sqlite3.Error) -> ReadoutCompareError:
    """One line for a results database that cannot be used, saying what to do."""
    message = str(exc)
    if "locked" in message:
        hint = "another run is using it"
    elif "readonly" in message or "read-only" in message:
        hint = "it is read-only; make it writable or give another -o"
    elif "not a database" in message or "malformed" in message:
        hint = "it is damaged; move it away and start again, or give another -o"
    else:
        hint = "give another -o folder"
    return ReadoutCompareError(f"{path}: cannot use the results database ({message}; {hint})")


class Results:
    """results.sqlite, written by one writer."""

    def __init__(self, folder: Path, *, resume: bool) -> None:
        self.path = folder / "results.sqlite"
        exists = self.path.exists() or self.path.is_symlink()
        if exists and not resume:
            raise ReadoutCompareError(
                f"{self.path} exists: give --resume to carry on, or another -o folder"
            )
        if exists and not self.path.is_file():
            raise ReadoutCompareError(f"{self.path}: not a file; move it away or give another -o")
        try:
            self.db = sqlite3.connect(self.path, timeout=LOCK_WAIT)
        except sqlite3.Error as exc:
            raise database_error(self.path, exc) from None
        try:
            if exists:  # a damaged file fails here rather than halfway through the run
                check = self.db.execute("PRAGMA quick_check").fetchone()
                if not check or check[0] != "ok":
                    raise sqlite3.DatabaseError("database disk image is malformed")
            # One transaction per article: write-ahead logging with normal sync keeps every
            # committed article across a crash of the program, without a disk flush per article.
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            if exists:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                tables = self.db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
                if version != DB_SCHEMA and tables:
                    raise ReadoutCompareError(
                        f"{self.path} has the layout of version {version} of results.sqlite, "
                        f"this is version {DB_SCHEMA}: give another -o folder")
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA user_version = {DB_SCHEMA}")
            if resume:  # an article's rows are written with it; be sure no stray rows are left
                with self.db:
                    for table in ("pairs", "coverage", "claims", "quotes", "divergences"):
                        self.db.execute(f"DELETE FROM {table} WHERE article_id NOT IN "
                                        "(SELECT id FROM articles WHERE done = 1 "
                                        "AND error IS NULL)")
        except sqlite3.Error as exc:
            self.db.close()
            raise database_error(self.path, exc) from None
        except ReadoutCompareError:
            self.db.close()
            raise

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def done(self) -> set[str]:
        """Articles finished without error (--resume tries failed ones again)."""
        return {row[0] for row in self.db.execute(
            "SELECT id FROM articles WHERE done = 1 AND error IS NULL")}

    def readouts(self, rows: list[dict[str, Any]], meta: dict[str, str]) -> None:
        with self.db:
            for row in rows:
                self._insert("readouts", row)
            for key, value in meta.items():
                self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def article(self, result: ArticleResult) -> None:
        """Everything about one article, in one transaction."""
        item = result.item
        with self.db:
            self._insert("articles", {
                "id": item.id, "source": file_name(item.source), "date": item.date,
                "outlet": item.outlet, "title": item.title, "headline": result.headline,
                "label": result.label or clean_label(item.id),
                "language": result.language, "sentences": result.sentences,
                "sha256": result.sha256, "error": result.error, "candidates": result.candidates,
                "text": result.text, "done": 1,
                "left_out_by_window": "; ".join(result.left_out) or None,
            })
            for pair in result.pairs:
                self._insert("pairs", pair["pair"])
                for table in ("coverage", "claims", "quotes", "divergences"):
                    self._insert_many(table, pair[table])

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        self._insert_many(table, [row])

    def _insert_many(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = ", ".join(rows[0])
        marks = ", ".join("?" for _ in rows[0])
        self.db.executemany(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})",
                            [tuple(None if v == "" else v for v in row.values()) for row in rows])

    def close(self) -> None:
        try:  # leave one self-contained file behind
            self.db.execute("PRAGMA journal_mode = DELETE")
        finally:
            self.db.close()


# -- The run ------------------------------------------------------------------------------------

@dataclass
class Run:
    readouts: str
    articles: str
    output: str
    window: int | None = None
    scheduler: str | None = None
    workers: int | None = None
    resume: bool = False
    force_settings: bool = False  # --resume even when the settings differ from the stored ones
    timeout: float = 20.0
    semantic: bool = True
    reviews: str | None = None  # a folder of review files, one per readout (ID.json)
    csv: bool = False  # also write TABLE.csv for each main table
    on_progress: Callable[[int, int], None] | None = None
    after_article: Callable[[ArticleResult], None] | None = None  # tests: inject faults


def run(config: Run) -> dict[str, Any]:
    """Run a corpus comparison; returns counts (readouts, articles, errors, pairs)."""
    from readout_compare.pipeline import resolved_settings

    folder = Path(config.output)
    if folder.exists() and not folder.is_dir():
        raise ReadoutCompareError(f"{config.output}: not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    readout_items = read_collection(config.readouts)
    _unique(config.readouts, readout_items, lambda item: f"readouts/{_slug(item.id)}.html",
            lambda item: item.id, "would both be written to")
    article_items = read_collection(config.articles)
    reviews = (read_reviews(config.reviews, [i.id for i in readout_items])
               if config.reviews is not None else {})
    settings = resolved_settings(Settings(semantic=config.semantic, hint_encoder=False))
    fingerprint = run_settings(config, settings)
    results = Results(folder, resume=config.resume)
    try:
        try:
            return _run(config, folder, results, readout_items, article_items, settings,
                        fingerprint, reviews)
        except sqlite3.Error as exc:
            raise database_error(results.path, exc) from None
    finally:
        with contextlib.suppress(sqlite3.Error):
            results.close()


def run_settings(config: Run, settings: Settings) -> dict[str, Any]:
    """What a run's results depend on besides its inputs; --resume checks them."""
    from readout_compare import __version__

    return {"version": __version__, "window": config.window, "threshold": settings.threshold,
            "partial_min_words": settings.partial_min_words,
            "semantic_model": settings.semantic_model}


def _check_settings(results: Results, fingerprint: dict[str, Any], force: bool) -> None:
    stored = results.meta().get("settings")
    if stored is None or force:
        return
    try:
        before = json.loads(stored)
    except ValueError:
        before = {}
    changed = [f"{key} {before.get(key)!r} -> {value!r}" for key, value in fingerprint.items()
               if before.get(key) != value]
    if changed:
        raise ReadoutCompareError(
            f"{results.path} was made with other settings ({'; '.join(changed)}); resuming "
            "would mix results: give --force-settings to carry on with the new ones, or "
            "another -o folder")


def _run(config: Run, folder: Path, results: Results, readout_items: list[Item],
         article_items: list[Item], settings: Settings,
         fingerprint: dict[str, Any],
         reviews: dict[str, tuple[ReviewEntry, ...]]) -> dict[str, Any]:
    from readout_compare import language
    from readout_compare.load import load
    from readout_compare.pipeline import as_document

    if config.resume:
        _check_settings(results, fingerprint, config.force_settings)
    readouts: dict[str, Document] = {}
    rows = []
    for item in readout_items:
        text = _with_item_metadata(load(item.source, timeout=config.timeout), item)
        doc = as_document(text, doc_id="r", label=_label(item, text))
        doc = replace(doc, language=language.detect(doc.text))
        readouts[item.id] = doc
        rows.append({"id": item.id, "source": file_name(item.source), "date": item.date,
                     "outlet": item.outlet, "title": item.title, "label": doc.label,
                     "language": doc.language, "sentences": len(doc.body),
                     "sha256": text.source.sha256})
    shared = Shared(readouts, {i.id: i for i in readout_items}, build_index(readouts),
                    config.window, config.timeout, config.semantic, settings, reviews=reviews)
    results.readouts(rows, {"window": str(config.window), "schema": str(DB_SCHEMA),
                            "settings": json.dumps(fingerprint, sort_keys=True)})
    done = results.done() if config.resume else set()
    todo = [item for item in article_items if item.id not in done]
    partitions = [todo[i:i + PARTITION] for i in range(0, len(todo), PARTITION)]
    finished = len(article_items) - len(todo)
    executor = Executor(config)
    try:
        for batch in executor.map(process_partition, partitions, shared):
            for result in batch:
                results.article(result)
                finished += 1
                if config.after_article:
                    config.after_article(result)
                if config.on_progress:
                    config.on_progress(finished, len(article_items))
        write_pages(folder, results.db, shared, executor)
        if config.csv:
            export_csv(folder, results.db)
    finally:
        executor.close()
    return summary(results.db, len(readout_items), len(article_items))


FIRST_FAILURES = 3  # failures named at the end of a run


def summary(db: sqlite3.Connection, readouts: int, articles: int) -> dict[str, Any]:
    """What a run ends with: counts (readouts, articles, errors, pairs, left_out: articles with
    a readout --window left out, left_out_pairs), and the first failures and left-outs."""
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    left = [r for (r,) in db.execute(
        "SELECT left_out_by_window FROM articles WHERE left_out_by_window IS NOT NULL "
        "ORDER BY id")]
    return {
        "readouts": readouts, "articles": articles,
        "errors": one("SELECT COUNT(*) FROM articles WHERE error IS NOT NULL"),
        "pairs": one("SELECT COUNT(*) FROM pairs WHERE reports = 1"),
        "left_out": len(left), "left_out_pairs": sum(len(r.split("; ")) for r in left),
        "failures": [f"{i}: {e}" for i, e in db.execute(
            "SELECT id, error FROM articles WHERE error IS NOT NULL ORDER BY id "
            f"LIMIT {FIRST_FAILURES}")],
    }


RETRIES = 2  # times the work lost with a Dask worker or the scheduler is sent again


class Executor:
    """Runs work here, or on a Dask cluster: a local one (``--workers``) or an existing one
    (``--scheduler``). What every task shares is sent to each worker once. Work lost with a
    worker (killed, or its machine gone) is sent again, up to RETRIES times; after that, or when
    the scheduler cannot be reached, the run stops with one line."""

    def __init__(self, config: Run) -> None:
        self.client = self.cluster = None
        self._shared: tuple[Any, Any] | None = None
        self.where = config.scheduler or f"a local cluster of {config.workers} workers"
        if not config.scheduler and not config.workers:
            return
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ReadoutCompareError(
                "--scheduler and --workers need Dask: pip install 'readout-compare[corpus]'"
            ) from None
        _quiet_dask(logging.CRITICAL)  # its failures reach the user as one line (below)
        try:
            if config.scheduler:
                _probe_scheduler(config.scheduler, config.timeout)
                self.client = Client(config.scheduler, timeout=config.timeout)
            else:
                # Workers ignore Ctrl-C (the terminal sends it to them too): this process stops
                # them. Ignored here while they start, and by each worker as it starts
                # (dask_setup below: a worker its nanny restarts is spawned anew).
                with _local_workers_start():
                    self.cluster = LocalCluster(n_workers=config.workers, threads_per_worker=1,
                                                processes=True, dashboard_address=None,
                                                preload=["readout_compare.corpus"])
                self.client = Client(self.cluster)
        except Exception as exc:
            self.close()
            if isinstance(exc, ReadoutCompareError):
                raise
            raise ReadoutCompareError(
                f"cannot start Dask on {self.where} ({_one_line(exc)})") from None
        except BaseException:  # Ctrl-C or SIGTERM while it started
            self.close()
            raise

    def map(self, func: Callable[[Any, Any], Any], items: list[Any], shared: Any) -> Iterator[Any]:
        """``func(item, shared)`` for every item, yielded as each completes."""
        if self.client is None:
            for item in items:
                yield func(item, shared)
            return
        from dask.distributed import as_completed

        todo = list(items)
        for attempt in range(RETRIES + 1):
            try:
                if self._shared is None or self._shared[0] is not shared or attempt:
                    self._shared = (shared, self.client.scatter(shared, broadcast=True))
                futures = self.client.map(func, todo, shared=self._shared[1], pure=False)
            except Exception as exc:
                raise self._lost(exc) from None
            item_of = {f.key: item for f, item in zip(futures, todo)}
            failed, cause = [], None
            # Each result is let go once it is taken, so that workers don't keep them all.
            for future in as_completed(futures):
                try:
                    result = future.result()
                except ReadoutCompareError:
                    raise
                except Exception as exc:  # the worker or the scheduler went away
                    if type(exc).__name__ == "KilledWorker":  # this work itself kills workers
                        raise ReadoutCompareError(
                            f"Dask workers on {self.where} died each time they took one part of "
                            f"the work, perhaps out of memory ({_one_line(exc)})") from None
                    failed.append(item_of[future.key])
                    cause = exc
                    continue
                future.release()
                yield result
            if not failed:
                return
            todo = failed
        raise self._lost(cause)

    def _lost(self, exc: BaseException | None) -> ReadoutCompareError:
        why = _one_line(exc) if exc is not None else "no reason given"
        return ReadoutCompareError(
            f"Dask on {self.where} failed, and the work could not be finished ({why}); "
            "give --resume to carry on")

    def close(self) -> None:
        _quiet_dask(logging.CRITICAL)  # its shutdown warnings are no news to the user
        with contextlib.suppress(Exception):
            if self.client is not None:
                self.client.close()
        with contextlib.suppress(Exception):
            if self.cluster is not None:
                self.cluster.close()
        self.client = self.cluster = None


def dask_setup(worker: Any) -> None:
    """Run by each local Dask worker as it starts (``preload``): Ctrl-C is for the parent, and
    the worker dies with it (on Linux at once; elsewhere Dask notices within seconds)."""
    import signal
    import threading

    from readout_compare.workers import die_with_parent

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _quiet_dask(logging.CRITICAL)
    die_with_parent()


@contextlib.contextmanager
def _local_workers_start() -> Iterator[None]:
    """While a local cluster starts its workers (about a second): Ctrl-C ignored, a
    disposition the spawned processes inherit (blocking it would not reach them: the threads
    that spawn them run with no signal blocked), Dask's logging in them silenced from the start
    (its configuration is read from the environment when they import it), and its warnings
    here too."""
    import os
    import signal
    import threading
    import warnings

    env = {"DASK_LOGGING__DISTRIBUTED": "critical"}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with warnings.catch_warnings():  # "Port 8787 is already in use": no news to the user
            warnings.simplefilter("ignore")
            yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _quiet_dask(level: int) -> None:
    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(level)


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return clean_label(text)[:300]


def _probe_scheduler(address: str, timeout: float) -> None:
    """A Dask scheduler speaks first when a client connects; a web server or anything else
    waits for the client, and Dask's own connect then waits for ever. So a plain TCP address
    is checked first: it must answer within ``timeout`` seconds (at most 10)."""
    import socket
    from urllib.parse import urlsplit

    scheme = address.split("://", 1)[0].lower() if "://" in address else "tcp"
    if scheme != "tcp":
        return  # tls, ucx, inproc...: left to Dask, whose errors are caught
    try:
        parts = urlsplit(address if "://" in address else f"tcp://{address}")
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or not port:
        raise ReadoutCompareError(f"--scheduler {clean_label(address)!r}: give tcp://HOST:PORT")
    wait = min(timeout, 10.0)
    try:
        with socket.create_connection((host, port), timeout=wait) as sock:
            sock.settimeout(wait)
            if not sock.recv(1):
                raise ReadoutCompareError(
                    f"{clean_label(address)}: closed the connection; is it a Dask scheduler?")
    except TimeoutError:
        raise ReadoutCompareError(
            f"{clean_label(address)}: no Dask scheduler answered within {wait:g} s "
            "(is it a web server or another service?)") from None
    except OSError as exc:
        raise ReadoutCompareError(
            f"cannot reach the Dask scheduler at {clean_label(address)} "
            f"({exc.strerror or exc})") from None


# -- CSV export ---------------------------------------------------------------------------------

# The main tables, in the order their rows are written (articles without their text, which stays
# in results.sqlite).
CSV_TABLES = {
    "readouts": ("*", "id"),
    "articles": ("id, source, date, outlet, title, headline, label, language, sentences, sha256, "
                 "error, candidates, left_out_by_window, done", "id"),
    "pairs": ("*", "readout_id, article_id"),
    "coverage": ("*", "readout_id, article_id, ordinal"),
    "claims": ("*", "readout_id, article_id, ordinal"),
    "quotes": ("*", "readout_id, article_id, ordinal"),
    "divergences": ("*", "readout_id, article_id, ordinal, n"),
}


def export_csv(folder: Path, db: sqlite3.Connection) -> list[Path]:
    """``TABLE.csv`` in ``folder`` for each main table: a header row, then its rows in the order
    of CSV_TABLES (NULL as an empty field). Each file is written to a temporary file beside it
    and renamed, so it is whole or absent; rows are streamed, not held in memory."""
    import os
    import tempfile

    written = []
    for table, (columns, order) in CSV_TABLES.items():
        target = folder / f"{table}.csv"
        cursor = db.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".readout-compare-{os.getpid()}-",
                                   suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow([d[0] for d in cursor.description])
                writer.writerows(cursor)
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        written.append(target)
    return written


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- Pages --------------------------------------------------------------------------------------

def write_pages(folder: Path, db: sqlite3.Connection, shared: Shared, executor: Executor) -> None:
    """One report page per readout that some article reports (made where the work runs), and
    index.html."""
    from readout_compare.output import write_report

    pages = folder / "readouts"
    pages.mkdir(exist_ok=True)
    reporting: dict[str, list[tuple[str, str, str, Source]]] = defaultdict(list)
    for rid, aid, label, text, outlet, when, title, sha in db.execute(
        "SELECT p.readout_id, a.id, a.label, a.text, a.outlet, a.date, a.title, "
        "a.sha256 FROM pairs p JOIN articles a ON a.id = p.article_id WHERE p.reports = 1 "
        "ORDER BY p.readout_id, a.id"
    ):  # each article with its outlet and date, which the page's sources list shows
        reporting[rid].append((aid, label, text, Source(  # path: the id, as in the database
            path=aid, title=title, site_name=outlet, date=when, sha256=sha)))
    for rid, page in executor.map(render_page, sorted(reporting.items()), shared):
        write_report(str(pages / f"{_slug(rid)}.html"), page)
    write_report(str(folder / "index.html"), index_html(db, {rid: f"readouts/{_slug(rid)}.html"
                                                             for rid in reporting}))


def render_page(task: tuple[str, list[tuple[str, str, str, Source]]],
                shared: Shared) -> tuple[str, str]:
    """The report compare writes for one readout and all the articles that report it."""
    from readout_compare.pipeline import compare
    from readout_compare.render import renderer
    from readout_compare.report import report_dict

    rid, arts = task
    comparison = compare(shared.readouts[rid],
                         [LoadedText(text, source) for _, _, text, source in arts],
                         labels=[label for _, label, _, _ in arts],
                         settings=Settings(semantic=shared.semantic, hint_encoder=False))
    if rid in shared.reviews:
        from readout_compare.review import apply_reviews

        comparison = apply_reviews(comparison, shared.reviews[rid])
    return rid, renderer("html")(report_dict(comparison))


def _slug(ident: str) -> str:
    return re.sub(r"[^\w.-]+", "_", ident).strip("_") or "readout"


def index_html(db: sqlite3.Connection, pages: dict[str, str]) -> str:
    from markupsafe import Markup

    from readout_compare.render.templates import environment

    readouts = []
    for rid, label, when in db.execute("SELECT id, label, date FROM readouts ORDER BY id"):
        stats = db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT COALESCE(a.outlet, a.id)), AVG(p.reported * 1.0 / "
            "p.readout_sentences) FROM pairs p JOIN articles a ON a.id = p.article_id "
            "WHERE p.readout_id = ? AND p.reports = 1", (rid,)).fetchone()
        readouts.append({"id": rid, "label": label, "date": when, "articles": stats[0],
                         "outlets": stats[1], "share": stats[2], "page": pages.get(rid)})
    outlets = []
    for outlet, n, omitted, sentences, divergent, matched, altered, quotes in db.execute(
        "SELECT COALESCE(a.outlet, 'unknown'), COUNT(*), SUM(p.omitted), SUM(p.readout_sentences), "
        "SUM(p.divergent), SUM(p.supported + p.divergent), SUM(p.quotes_altered + p.quotes_stitched), "
        "SUM(p.quotes_verbatim + p.quotes_altered + p.quotes_stitched) FROM pairs p JOIN articles a "
        "ON a.id = p.article_id WHERE p.reports = 1 GROUP BY 1 ORDER BY 1"
    ):
        outlets.append({"outlet": outlet, "pairs": n,
                        "omission": omitted / sentences if sentences else None,
                        "divergence": divergent / matched if matched else None,
                        "altered": altered / quotes if quotes else None})
    errors = [{"id": i, "outlet": o, "date": d, "error": e} for i, o, d, e in db.execute(
        "SELECT id, outlet, date, error FROM articles WHERE error IS NOT NULL ORDER BY id")]
    left_out = [{"id": i, "outlet": o, "date": d, "readouts": r} for i, o, d, r in db.execute(
        "SELECT id, outlet, date, left_out_by_window FROM articles "
        "WHERE left_out_by_window IS NOT NULL ORDER BY id")]
    window = dict(db.execute("SELECT key, value FROM meta")).get("window")
    totals = db.execute("SELECT COUNT(*), SUM(candidates) FROM articles").fetchone()
    env = environment()
    style = env.get_template("report.css").render()
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("corpus.html.j2").render(
        readouts=readouts, outlets=outlets, errors=errors, articles=totals[0],
        left_out=left_out, window=None if window in (None, "None") else window,
        candidates=totals[1] or 0, style=Markup(style),
        csp=f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'",
    )
