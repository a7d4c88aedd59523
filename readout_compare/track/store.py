"""The track store, ``history.sqlite``: its schema, and every read and write of its documents,
runs and versions, so that the rest of track never writes SQL."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from readout_compare.errors import ReadoutCompareError
from readout_compare.model import DiffOp, Source
from readout_compare.track.changes import Change

SCHEMA_VERSION = 1
# history.sqlite. A document is one input as given on the command line (a URL or a path); its
# label is fixed when it is first seen, since the stable keys hash it. A version's ``story`` is
# the text compared between versions (the sentences that are not furniture, a paragraph a line);
# ``text`` is the whole loaded text, from which a comparison is made again.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, input TEXT UNIQUE NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('readout', 'account')), label TEXT NOT NULL,
    first_seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, versions INTEGER NOT NULL,
    report TEXT);
CREATE TABLE IF NOT EXISTS failures (
    run INTEGER NOT NULL REFERENCES runs (id), input TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents (id),
    number INTEGER NOT NULL, run INTEGER NOT NULL REFERENCES runs (id), time TEXT NOT NULL,
    sha256 TEXT NOT NULL, story TEXT NOT NULL, text TEXT NOT NULL,
    url TEXT, final_url TEXT, canonical_url TEXT, path TEXT, title TEXT, retrieved TEXT,
    content_type TEXT, encoding TEXT, date TEXT, site_name TEXT, bytes_sha256 TEXT,
    changes TEXT NOT NULL, diff TEXT NOT NULL, report TEXT,
    UNIQUE (document, number));
"""
# A version's provenance columns, as the fields of its Source (``bytes_sha256`` is the
# source's ``sha256``: the version's own ``sha256`` is its story's).
SOURCE_COLUMNS = ("url, final_url, canonical_url, path, title, retrieved, content_type, "
                  "encoding, date, site_name, bytes_sha256")
SOURCE_FIELDS = ["url", "final_url", "canonical_url", "path", "title", "retrieved",
                 "content_type", "encoding", "date", "site_name", "sha256"]


@dataclass(frozen=True)
class Stored:
    """A document's version as the store holds it."""

    number: int
    story: str
    text: str
    source: Source


def open_store(path: Path) -> sqlite3.Connection:
    """The store's database, made if need be; an unknown schema is an error."""
    try:
        db = sqlite3.connect(path, timeout=60, isolation_level=None)
        db.executescript(SCHEMA)
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error as exc:
        raise ReadoutCompareError(f"{path}: not a track store ({exc})") from None
    if row is None:
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    elif row[0] != str(SCHEMA_VERSION):
        raise ReadoutCompareError(f"{path}: store schema {row[0]}, this version reads "
                                  f"{SCHEMA_VERSION}")
    return db


def tracked_readout(db: sqlite3.Connection) -> str | None:
    """The input the store tracks as its readout, if it has one yet."""
    row = db.execute("SELECT input FROM documents WHERE role = 'readout'").fetchone()
    return row[0] if row else None


def find_document(db: sqlite3.Connection, name: str) -> tuple[int, str, str] | None:
    """An input's document: its id, label and role, if it was stored before."""
    row = db.execute("SELECT id, label, role FROM documents WHERE input = ?", (name,)).fetchone()
    return (row[0], row[1], row[2]) if row else None


def latest(db: sqlite3.Connection, doc_id: int) -> Stored | None:
    """A document's last stored version."""
    row = db.execute(
        f"SELECT number, story, text, {SOURCE_COLUMNS} FROM versions "
        "WHERE document = ? ORDER BY number DESC LIMIT 1", (doc_id,)).fetchone()
    if row is None:
        return None
    number, story, text, *fields = row
    return Stored(number, story, text, Source(**dict(zip(SOURCE_FIELDS, fields))))


def add_run(db: sqlite3.Connection, time: str, versions: int,
            failures: Sequence[tuple[str, str]]) -> int:
    """Record a run, the number of versions it stores and its failures (input, message)."""
    run_id = db.execute("INSERT INTO runs (time, versions) VALUES (?, ?)",
                        (time, versions)).lastrowid
    assert run_id is not None
    for name, message in failures:
        db.execute("INSERT INTO failures VALUES (?, ?, ?)", (run_id, name, message))
    return run_id


def set_run_report(db: sqlite3.Connection, run_id: int, report: str | None) -> None:
    """The run's comparison report, as a path inside the store (None when it made none)."""
    db.execute("UPDATE runs SET report = ? WHERE id = ?", (report, run_id))


def add_document(db: sqlite3.Connection, name: str, role: str, label: str, time: str) -> int:
    """Record an input seen for the first time; return its document's id."""
    doc_id = db.execute(
        "INSERT INTO documents (input, role, label, first_seen) VALUES (?, ?, ?, ?)",
        (name, role, label, time)).lastrowid
    assert doc_id is not None
    return doc_id


def add_version(db: sqlite3.Connection, *, document: int, number: int, run: int, time: str,
                story: str, text: str, source: Source, changes: Sequence[Change],
                diff: Sequence[DiffOp], report: str | None) -> None:
    """Record a document's new version: its story (and the story's hash), its whole text, its
    provenance, what changed and the word diff from the previous version."""
    db.execute(
        "INSERT INTO versions (document, number, run, time, sha256, story, text, "
        f"{SOURCE_COLUMNS}, changes, diff, report) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (document, number, run, time, _sha256(story), story, text, source.url,
         source.final_url, source.canonical_url, source.path, source.title, source.retrieved,
         source.content_type, source.encoding, source.date, source.site_name, source.sha256,
         json.dumps([asdict(c) for c in changes], ensure_ascii=False),
         json.dumps([list(op) for op in diff], ensure_ascii=False), report))


def history(db: sqlite3.Connection) -> dict[str, Any]:
    """The store as one JSON-ready dictionary: the readout's and each account's versions, and
    the runs (what history.json holds and index.html shows)."""
    documents = []
    for doc_id, name, role, label, first_seen in db.execute(
            "SELECT id, input, role, label, first_seen FROM documents ORDER BY id"):
        versions = []
        for row in db.execute(
                f"SELECT number, time, sha256, {SOURCE_COLUMNS}, changes, "
                "diff, report FROM versions WHERE document = ? ORDER BY number", (doc_id,)):
            number, when, sha, *source, changes, diff, report = row
            versions.append({"number": number, "time": when, "sha256": sha,
                             "source": dict(zip(SOURCE_FIELDS, source)),
                             "changes": json.loads(changes), "diff": json.loads(diff),
                             "report": report})
        documents.append({"input": name, "role": role, "label": label,
                          "first_seen": first_seen, "versions": versions})
    runs = []
    for run_id, when, count, report in db.execute(
            "SELECT id, time, versions, report FROM runs ORDER BY id"):
        failures = [{"input": i, "message": m} for i, m in db.execute(
            "SELECT input, message FROM failures WHERE run = ?", (run_id,))]
        runs.append({"id": run_id, "time": when, "versions": count, "report": report,
                     "failures": failures})
    readout = next((d for d in documents if d["role"] == "readout"), None)
    return {
        "schema_version": SCHEMA_VERSION,
        "readout": readout,
        "accounts": [d for d in documents if d["role"] == "account"],
        "runs": runs,
    }


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
