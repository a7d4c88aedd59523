"""Drives a corpus run: reads the collections, segments and indexes the readouts, sends the
articles out in partitions with what every worker shares, stores each article's results as they
come back, then writes the pages (and the CSV files) and says what the run found."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from readout_compare.corpus.collection import Item, check_unique, read_collection, read_reviews
from readout_compare.corpus.executor import Executor
from readout_compare.corpus.pages import page_slug, write_pages
from readout_compare.corpus.shortlist import build_index
from readout_compare.corpus.store import DB_SCHEMA, Results, database_error, export_csv, summary
from readout_compare.corpus.work import (
    ArticleResult,
    Shared,
    item_label,
    process_partition,
    with_item_metadata,
)
from readout_compare.errors import ReadoutCompareError
from readout_compare.model import Document, ReviewEntry, Settings
from readout_compare.normalize import file_name

PARTITION = 16  # articles per unit of work


@dataclass
class Run:
    """What a corpus run is asked to do: the collections, the output folder and the options."""

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
    check_unique(config.readouts, readout_items,
                 lambda item: f"readouts/{page_slug(item.id)}.html",
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
        text = with_item_metadata(load(item.source, timeout=config.timeout), item)
        doc = as_document(text, doc_id="r", label=item_label(item, text))
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
    executor = Executor(scheduler=config.scheduler, workers=config.workers,
                        timeout=config.timeout)
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
