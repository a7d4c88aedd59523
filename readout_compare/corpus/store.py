"""results.sqlite: its schema, the one writer that stores each article's rows in one
transaction (so a run killed at any point and resumed ends with the same database), what a run
reads back from it at the end, and its main tables exported as CSV files."""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from readout_compare.errors import ReadoutCompareError
from readout_compare.model import CoverageStatus, DivergenceType, MatchKind, QuoteFidelity
from readout_compare.normalize import clean_label, file_name

if TYPE_CHECKING:
    from readout_compare.corpus.work import ArticleResult

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
                "sha256": result.sha256, "error": result.error,
                "candidates": result.shortlisted,  # the column keeps its name (docs/corpus.md)
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
