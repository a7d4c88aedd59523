"""A run's inputs: a collection of readouts or of articles (a folder of files, or a manifest of
rows) as items with unique ids, and the folder of review files, one per readout."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from readout_compare.corpus.pages import page_slug
from readout_compare.errors import ReadoutCompareError
from readout_compare.model import ReviewEntry
from readout_compare.normalize import clean_label

MANIFEST_BYTES = 50 * 1024 * 1024  # a manifest larger than this is not a list of files
FIELD_CHARS = 10_000  # longest value a manifest row may hold (a path, a URL, a title)


@dataclass(frozen=True)
class Item:
    """One document of a collection, as its folder or manifest gives it."""

    id: str
    source: str  # a path or a URL, as given
    date: str | None = None  # ISO date, when known
    outlet: str | None = None
    title: str | None = None


def read_collection(spec: str) -> list[Item]:
    """A folder's files (sorted, hidden files left out) or a manifest's rows (.jsonl or .csv,
    with ``id`` and ``path`` or ``url``; optional ``date``, ``outlet``, ``title``). Ids are
    unique: two files of a folder that differ only in their suffix (``story.txt``,
    ``story.md``) are an error naming both."""
    # Absolute from the start: work sent to Dask workers is read in their working folder.
    path = Path(spec).absolute()
    if path.is_dir():
        return _folder_items(spec, path)
    if not path.is_file():
        raise ReadoutCompareError(f"{spec}: no such folder or manifest")
    rows = _manifest_rows(path)
    if not rows:
        raise ReadoutCompareError(f"{spec}: the manifest holds no rows")
    items = [_row_item(spec, n, row, path.parent) for n, row in enumerate(rows, 1)]
    dupes = sorted(k for k, v in Counter(i.id for i in items).items() if v > 1)
    if dupes:
        raise ReadoutCompareError(
            f"{spec}: ids must be unique; repeated: {', '.join(clean_label(d) for d in dupes[:5])}")
    return items


def _folder_items(spec: str, path: Path) -> list[Item]:
    """A folder's files, each named by its path in the folder without its suffix."""
    files = sorted(p for p in path.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    items = [Item(id=p.relative_to(path).with_suffix("").as_posix(), source=str(p))
             for p in files]
    if not items:
        raise ReadoutCompareError(f"{spec}: the folder holds no files")
    check_unique(spec, items, lambda item: item.id,
                 lambda item: Path(item.source).relative_to(path).as_posix(), "share the id")
    return items


def _row_item(spec: str, n: int, row: dict[str, Any], folder: Path) -> Item:
    """Row ``n`` of a manifest in ``folder``, checked."""
    for key, value in row.items():
        if isinstance(value, (dict, list)):
            raise ReadoutCompareError(f"{spec}: row {n}: {_key(key)} is not a plain value")
        if len(str(value if value is not None else "")) > FIELD_CHARS:
            raise ReadoutCompareError(
                f"{spec}: row {n}: {_key(key)} is over {FIELD_CHARS:,} characters")
        if "\0" in str(key) + str(value):
            raise ReadoutCompareError(f"{spec}: row {n} holds a NUL character")
    ident = _text(row, "id") or ""
    source = str(row.get("path") or row.get("url") or "").strip()
    if not ident or not source:
        raise ReadoutCompareError(f"{spec}: row {n} needs an id and a path or url")
    if row.get("path") and not Path(source).is_absolute():
        source = str(folder / source)  # relative to the manifest's folder
    when = _text(row, "date")
    if when:
        try:
            when = date.fromisoformat(when[:10]).isoformat()
        except ValueError:
            raise ReadoutCompareError(
                f"{spec}: row {n}: date {clean_label(when)!r} is not YYYY-MM-DD") from None
    return Item(ident, source, when, _text(row, "outlet"), _text(row, "title"))


def _text(row: dict[str, Any], key: str) -> str | None:
    """A row's value as text without surrounding spaces; None when absent or empty."""
    return str(row.get(key) or "").strip() or None


def _key(key: Any) -> str:
    return repr(clean_label(str(key))[:40])


def check_unique(spec: str, items: list[Item], key: Callable[[Item], str],
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
    text = _manifest_text(path)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_rows(path, text)
    reader = csv.DictReader(text.splitlines())
    try:
        # A value longer than csv's own limit (128 KiB) is a csv.Error; shorter ones are
        # checked against FIELD_CHARS by read_collection.
        return [{k: v for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise ReadoutCompareError(f"{path}: line {reader.line_num}: not CSV ({exc})") from None


def _manifest_text(path: Path) -> str:
    """A manifest's text: at most MANIFEST_BYTES of UTF-8 without NUL bytes."""
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
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadoutCompareError(
            f"{path}: not UTF-8 (byte {exc.start + 1:,}); save the manifest as UTF-8") from None


def _jsonl_rows(path: Path, text: str) -> list[dict[str, Any]]:
    """A JSON Lines manifest's rows: one JSON object a line, blank lines skipped."""
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


def read_reviews(folder: str, readout_ids: list[str]) -> dict[str, tuple[ReviewEntry, ...]]:
    """The review files of a folder, by readout id: ``ID.json`` for the readout whose page is
    ``readouts/ID.html``. A file named for no readout is an error, not a silent no-op."""
    from readout_compare.review import ReviewFileError, parse_reviews

    path = Path(folder)
    if not path.is_dir():
        raise ReviewFileError(f"{folder}: not a folder of review files")
    by_slug = {page_slug(rid): rid for rid in readout_ids}
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
