"""Track: versions of a readout and of its accounts over time, and what each edit did.

``readout-compare track READOUT ACCOUNT... --store DIR`` is meant to be run again and again (by
cron or by hand). Each run loads every input as ``compare`` does, and stores a new version of a
document when its story changed: the text of its sentences that are not page furniture, so a new
ticker, timestamp or related link is not a new version, and a page that fails to load makes no
version at all. For each new version it says what the edit did in verdict terms (a quotation
corrected, a claim not in the readout removed, a readout sentence now reported, a divergence
that appeared, the lede changed, an attribution changed); for a new readout version, which of
its sentences changed and which accounts' verdicts moved because of it. Then it compares each
account's latest version with the readout's latest and writes:

* ``history.sqlite``: documents, runs, versions (time, hash, texts, provenance, changes, word
  diff); schema below and in docs/track.md;
* ``reports/run-N.html``: the full comparison report of the run that stored a version;
* ``index.html`` and ``history.json``: a timeline for the readout and each account, each version
  with its changes, its word diff and a link to its report.

What an edit did is read by comparing two comparisons made now, with the same tool and settings:
the previous version's and the new one's (against the same readout version), so that a change
in the tool between runs is never taken for an edit. Units are followed from one version to the
next by their stable keys (:mod:`readout_compare.keys`); a sentence that was edited has a new
key and is paired with its old self by its words.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from readout_compare.diff import word_diff
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import load
from readout_compare.model import Document, LoadedText, Settings, Source
from readout_compare.normalize import clean_label, file_name, normalize, words
from readout_compare.pipeline import as_document, compare

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
REPORTS = "reports"
# Pairing an edited unit with its old self: the least share of words in common.
SAME_UNIT = 0.5
# Edited units are looked for among at most this many (old, new) pairs between two runs of
# unchanged ones (each pair is a difflib ratio over words).
MAX_PAIRINGS = 40_000
# A run of unchanged words longer than this is shortened in the index's diffs, keeping CONTEXT
# words at each end.
LONG_EQUAL = 40
CONTEXT = 12
DIVERGENCE_WORDS = {"number": "number", "date": "date", "negation": "negation",
                    "modality": "modality", "reporting_verb": "reporting verb",
                    "entity": "name"}
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*%?")
FIDELITY_WORDS = {"verbatim": "verbatim", "altered": "altered", "stitched": "stitched",
                  "not_in_readout": "not in the readout"}


@dataclass(frozen=True)
class Change:
    """One thing an edit did, in the reader's words. For a readout version, ``account`` names
    the account whose verdict moved (None for the readout's own sentences)."""

    text: str
    account: str | None = None


@dataclass(frozen=True)
class Stored:
    """A document's version as the store holds it."""

    number: int
    story: str
    text: str
    source: Source


@dataclass(frozen=True)
class NewVersion:
    """A version stored by this run."""

    label: str
    role: str
    number: int
    changes: tuple[Change, ...]


@dataclass
class Outcome:
    """What one run did."""

    versions: list[NewVersion] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # input, message naming it
    report: Path | None = None
    index: Path | None = None
    everything_failed: bool = False


@dataclass(eq=False)
class _Input:
    """One input in this run: what it is called, what was loaded, its last stored version."""

    name: str
    role: str
    label: str
    loaded: LoadedText | None = None
    story: str = ""
    doc_id: int | None = None
    previous: Stored | None = None


# -- Runs ---------------------------------------------------------------------------------------

def track(
    readout: str,
    accounts: Sequence[str],
    store: str | Path,
    *,
    labels: Sequence[str] = (),
    timeout: float = 20.0,
    semantic: bool = True,
    now: Callable[[], datetime] | None = None,
) -> Outcome:
    """One run: load every input, store the versions whose story changed, describe what each
    did, and write the reports, ``index.html`` and ``history.json`` in ``store``."""
    names = [readout, *accounts]
    if len(set(names)) != len(names):
        raise ReadoutCompareError("an input is given twice; give each once")
    folder = Path(store)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "history.sqlite"
    db = open_store(path)
    try:
        return _run(db, folder, readout, list(accounts), labels, timeout, semantic,
                    (now or (lambda: datetime.now(timezone.utc)))())
    except sqlite3.Error as exc:  # "database is locked" after a minute's wait, a full disk
        raise ReadoutCompareError(f"{path}: {exc}") from None
    finally:
        db.close()


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


def _run(db: sqlite3.Connection, folder: Path, readout: str, accounts: list[str],
         labels: Sequence[str], timeout: float, semantic: bool, when: datetime) -> Outcome:
    stamp = when.replace(microsecond=0).isoformat()
    known = db.execute("SELECT input FROM documents WHERE role = 'readout'").fetchone()
    if known and known[0] != readout:
        raise ReadoutCompareError(
            f"{folder} tracks the readout {known[0]}; give it, or use another --store")
    names = [readout, *accounts]
    outcome = Outcome()
    inputs = []
    for k, name in enumerate(names):
        role = "readout" if k == 0 else "account"
        item = _Input(name, role, labels[k] if k < len(labels) else "")
        try:
            item.loaded = load(name, timeout=timeout)
        except ReadoutCompareError as exc:
            outcome.failures.append((name, _failure(name, exc)))
        inputs.append(item)
    db.execute("BEGIN IMMEDIATE")
    try:
        for k, item in enumerate(inputs):
            row = db.execute("SELECT id, label, role FROM documents WHERE input = ?",
                             (item.name,)).fetchone()
            if row and row[2] != item.role:
                tracked = "an account" if row[2] == "account" else "the readout"
                raise ReadoutCompareError(
                    f"{folder} tracks {clean_label(item.name)} as {tracked}")
            if row:
                item.doc_id, item.label = row[0], row[1]
            elif item.loaded is not None:
                item.label = clean_label(item.label) or _default_label(item.loaded, item.name)
            item.previous = _latest(db, item.doc_id) if item.doc_id else None
            if item.loaded is not None:
                try:
                    doc = as_document(item.loaded, doc_id="r" if k == 0 else "a1",
                                      label=item.label)
                except ReadoutCompareError as exc:
                    outcome.failures.append((item.name, _failure(item.name, exc)))
                    item.loaded = None
                    continue
                item.story = story_text(doc)
        changed = [item for item in inputs if item.loaded is not None
                   and (item.previous is None or item.previous.story != item.story)]
        run_id = db.execute("INSERT INTO runs (time, versions) VALUES (?, ?)",
                            (stamp, len(changed))).lastrowid
        for name, message in outcome.failures:
            db.execute("INSERT INTO failures VALUES (?, ?, ?)", (run_id, name, message))
        if changed:
            outcome.versions, outcome.report = _store_versions(
                db, folder, run_id, stamp, inputs, changed, semantic)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    outcome.everything_failed = all(item.loaded is None for item in inputs)
    outcome.index = write_index(db, folder)
    return outcome


def _store_versions(db: sqlite3.Connection, folder: Path, run_id: int, stamp: str,
                    inputs: list[_Input], changed: list[_Input],
                    semantic: bool) -> tuple[list[NewVersion], Path | None]:
    readout, accounts = inputs[0], inputs[1:]
    found: dict[str, list[Change]] = {}

    def current(item: _Input) -> LoadedText | None:
        if item in changed:
            return item.loaded
        return _as_loaded(item.previous) if item.previous else None

    def compared(r: LoadedText, items: list[tuple[_Input, LoadedText]]) -> dict[str, dict]:
        """Each account's part of a comparison with the readout, by input."""
        if not items:
            return {}
        report = _report(r, readout.label, [loaded for _, loaded in items],
                         [item.label for item, _ in items], semantic)
        return {item.name: {"readout": report["readout"], "account": acc}
                for (item, _), acc in zip(items, report["accounts"])}

    readout_now = current(readout)
    # A readout edit first: the accounts as they were, against the readout before and after.
    old_accounts = [(a, _as_loaded(a.previous)) for a in accounts if a.previous]
    readout_old = _as_loaded(readout.previous) if readout.previous else None
    if readout in changed:
        assert readout.loaded is not None
        old_doc = (as_document(readout_old, doc_id="r", label=readout.label)
                   if readout_old else None)
        new_doc = as_document(readout.loaded, doc_id="r", label=readout.label)
        if old_doc is None:
            found[readout.name] = [Change(f"first version: {_count(new_doc)}")]
        else:
            found[readout.name] = readout_changes(old_doc, new_doc)
            before = compared(readout_old, old_accounts) if readout_old else {}
            after = compared(readout.loaded, old_accounts)
            for item, _ in old_accounts:
                found[readout.name] += [Change(text, item.label) for text in
                                        verdict_changes(before[item.name], after[item.name])]
    # Then each account's edit, against the readout as it now is.
    edited = [a for a in accounts if a in changed]
    if readout_now is not None and edited:
        before = compared(readout_now, [(a, _as_loaded(a.previous)) for a in edited
                                        if a.previous])
        after = compared(readout_now, [(a, a.loaded) for a in edited if a.loaded])
        for item in edited:
            if item.name in before:
                found[item.name] = [Change(t) for t in
                                    verdict_changes(before[item.name], after[item.name])]
            else:
                found[item.name] = [Change("first version: "
                                           + after[item.name]["account"]["summary"]["headline"])]
    for item in edited:
        found.setdefault(item.name, [Change("first version (no readout yet to compare it with)")
                                     if item.previous is None else
                                     Change("text changed (no readout yet to compare it with)")])
    report_name = None
    present = [(a, current(a)) for a in accounts]
    present_loaded = [(a, loaded) for a, loaded in present if loaded is not None]
    if readout_now is not None and present_loaded:
        from readout_compare.output import write_report
        from readout_compare.render import renderer

        report = _report(readout_now, readout.label, [loaded for _, loaded in present_loaded],
                         [a.label for a, _ in present_loaded], semantic)
        report_name = f"{REPORTS}/run-{run_id}.html"
        (folder / REPORTS).mkdir(exist_ok=True)
        write_report(str(folder / report_name), renderer("html")(report))
    db.execute("UPDATE runs SET report = ? WHERE id = ?", (report_name, run_id))
    stored = []
    for item in changed:
        assert item.loaded is not None
        if item.doc_id is None:
            item.doc_id = db.execute(
                "INSERT INTO documents (input, role, label, first_seen) VALUES (?, ?, ?, ?)",
                (item.name, item.role, item.label, stamp)).lastrowid
        number = (item.previous.number if item.previous else 0) + 1
        src = _shown_source(item.loaded.source)
        diff = word_diff(item.previous.story, item.story) if item.previous else ()
        own = [c for c in found.get(item.name, []) if c.account is None]
        changes = own + _moved(item.previous, src) + [c for c in found.get(item.name, [])
                                                      if c.account is not None]
        db.execute(
            "INSERT INTO versions (document, number, run, time, sha256, story, text, url, "
            "final_url, canonical_url, path, title, retrieved, content_type, encoding, date, "
            "site_name, bytes_sha256, changes, diff, report) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item.doc_id, number, run_id, stamp, _sha256(item.story), item.story,
             item.loaded.text, src.url, src.final_url, src.canonical_url, src.path, src.title,
             src.retrieved, src.content_type, src.encoding, src.date, src.site_name, src.sha256,
             json.dumps([asdict(c) for c in changes], ensure_ascii=False),
             json.dumps([list(op) for op in diff], ensure_ascii=False), report_name))
        stored.append(NewVersion(item.label, item.role, number, tuple(changes)))
    return stored, folder / report_name if report_name else None


def _moved(previous: Stored | None, source: Source) -> list[Change]:
    """The page's address, when it changed with the text: where the link now leads, or the
    canonical URL the page now declares."""
    if previous is None:
        return []
    was, now = previous.source, source
    if (now.canonical_url or now.final_url) == (was.canonical_url or was.final_url):
        return []
    return [Change(f"address changed: now {now.canonical_url or now.final_url} "
                   f"(was {was.canonical_url or was.final_url})")]


def _report(readout: LoadedText, readout_label: str, accounts: list[LoadedText],
            labels: list[str], semantic: bool) -> dict[str, Any]:
    from readout_compare.report import report_dict

    return report_dict(compare(readout, accounts, labels=labels, readout_label=readout_label,
                               settings=Settings(semantic=semantic)))


def _latest(db: sqlite3.Connection, doc_id: int) -> Stored | None:
    row = db.execute(
        "SELECT number, story, text, url, final_url, canonical_url, path, title, retrieved, "
        "content_type, encoding, date, site_name, bytes_sha256 FROM versions "
        "WHERE document = ? ORDER BY number DESC LIMIT 1", (doc_id,)).fetchone()
    if row is None:
        return None
    number, story, text, *fields = row
    names = ["url", "final_url", "canonical_url", "path", "title", "retrieved", "content_type",
             "encoding", "date", "site_name", "sha256"]
    return Stored(number, story, text, Source(**dict(zip(names, fields))))


def _as_loaded(stored: Stored | None) -> LoadedText:
    assert stored is not None
    return LoadedText(stored.text, stored.source)


def _shown_source(source: Source) -> Source:
    """The provenance kept: a file's name only (the store may be published), URLs whole."""
    if source.path and source.path != "-":
        return replace(source, path=file_name(source.path))
    return source


def _failure(name: str, exc: Exception) -> str:
    """The error in one line, naming the input."""
    message = clean_label(str(exc))
    return message if clean_label(name) in message else f"{clean_label(name)}: {message}"


def _default_label(loaded: LoadedText, name: str) -> str:
    if loaded.source.title:
        return clean_label(loaded.source.title)
    return "standard input" if name == "-" else clean_label(Path(name).name) or name


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _count(doc: Document) -> str:
    n = len(doc.body)
    return f"{n} sentence{'s' if n != 1 else ''}"


def story_text(doc: Document) -> str:
    """What is compared between versions: the sentences that are not page furniture (headline,
    body, lead-ins), a paragraph a line, spaces collapsed."""
    paragraphs: list[list[str]] = []
    last = None
    for s in doc.sentences:
        if s.role == "furniture":
            continue
        if s.paragraph != last or not paragraphs:
            paragraphs.append([])
            last = s.paragraph
        paragraphs[-1].append(" ".join(s.text.split()))
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


# -- What changed -------------------------------------------------------------------------------

def pair_units(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]
               ) -> list[tuple[int | None, int | None]]:
    """Follow units (key, text) from one version to the next: the same key is the same unit;
    among the units between two runs of unchanged ones, an edited unit is paired with the old
    one sharing most of its words (at least ``SAME_UNIT``); the rest were removed or added."""
    opcodes = SequenceMatcher(None, [k for k, _ in old], [k for k, _ in new],
                              autojunk=False).get_opcodes()
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pairs += zip(range(i1, i2), range(j1, j2))
            continue
        taken: set[int] = set()
        if (i2 - i1) * (j2 - j1) > MAX_PAIRINGS:  # a rewrite: no unit is its old self
            pairs += [(i, None) for i in range(i1, i2)]
            pairs += [(None, j) for j in range(j1, j2)]
            continue
        new_words = {j: words(normalize(new[j][1])) for j in range(j1, j2)}
        for i in range(i1, i2):
            best, score = None, SAME_UNIT
            matcher.set_seq2(words(normalize(old[i][1])))  # difflib caches the second side
            for j in range(j1, j2):
                if j in taken or not new_words[j] or not matcher.b:
                    continue
                matcher.set_seq1(new_words[j])
                # quick_ratio bounds ratio from above, and costs far less.
                if matcher.quick_ratio() >= score and (s := matcher.ratio()) >= score:
                    best, score = j, s
            if best is None:
                pairs.append((i, None))
            else:
                taken.add(best)
                pairs.append((i, best))
        pairs += [(None, j) for j in range(j1, j2) if j not in taken]
    return pairs


def _likeness(a: str, b: str) -> float:
    wa, wb = words(normalize(a)), words(normalize(b))
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _quoted(text: str) -> str:
    return f"\u201c{' '.join(text.split())}\u201d"


def _changed_words(old: str, new: str) -> str | None:
    """"3 → 4" when an edit changed a few short runs of words; None otherwise."""
    ops = [op for op in word_diff(old, new) if op[0] != "equal"]
    if not ops or len(ops) > 2 or any(len((a + b).split()) > 8 for _, a, b in ops):
        return None
    return "; ".join(f"{' '.join(a.split()) or '…'} \u2192 {' '.join(b.split()) or '…'}"
                     for _, a, b in ops)


def readout_changes(old: Document, new: Document) -> list[Change]:
    """The readout's sentences that changed, were added or were removed."""
    units_old = [s for s in old.sentences if s.role != "furniture"]
    units_new = [s for s in new.sentences if s.role != "furniture"]
    out = []
    for i, j in pair_units([(normalize(s.text), s.text) for s in units_old],
                           [(normalize(s.text), s.text) for s in units_new]):
        if i is None and j is not None:
            out.append(Change(f"readout sentence added: {_quoted(units_new[j].text)}"))
        elif j is None and i is not None:
            out.append(Change(f"readout sentence removed: {_quoted(units_old[i].text)}"))
        elif i is not None and j is not None and normalize(units_old[i].text) != normalize(
                units_new[j].text):
            what = _changed_words(units_old[i].text, units_new[j].text)
            out.append(Change(f"readout sentence changed{f' ({what})' if what else ''}: "
                              f"{_quoted(units_new[j].text)}"))
    return out


def verdict_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What moved between two comparisons of an account with the readout (each
    ``{"readout": ..., "account": ...}`` as in the JSON report): the lede and headline, readout
    sentences now reported or dropped, claims not in the readout added or removed, quotations
    corrected or altered, divergences that appeared or went away, attributions changed."""
    r_old, r_new = before["readout"]["sentences"], after["readout"]["sentences"]
    a_old, a_new = before["account"], after["account"]
    readout_pairs = pair_units([(s["key"], s["text"]) for s in r_old],
                               [(s["key"], s["text"]) for s in r_new])
    # Old readout sentence id -> new readout sentence id, for an edited readout.
    r_map = {r_old[i]["id"]: r_new[j]["id"] for i, j in readout_pairs
             if i is not None and j is not None}
    r_text = {s["id"]: s["text"] for s in r_new} | {
        f"old:{s['id']}": s["text"] for s in r_old}
    s_old, s_new = a_old["sentences"], a_new["sentences"]
    sentence_pairs = pair_units([(s["key"], s["text"]) for s in s_old],
                                [(s["key"], s["text"]) for s in s_new])
    lead, told = _lead_changes(a_old, a_new)
    out = lead
    out += _coverage_changes(a_old, a_new, r_map, r_text)
    out += _claim_changes(s_old, s_new, sentence_pairs, told)
    out += _quote_changes(a_old, a_new, sentence_pairs)
    out += _divergence_changes(s_old, s_new, r_map)
    out += _attribution_changes(s_old, s_new, sentence_pairs)
    return out


def _lead_changes(a_old: dict[str, Any], a_new: dict[str, Any]) -> tuple[list[str], set[str]]:
    """The headline's and the lede's sentences that are new or gone, and the ids of the new
    ones (told here, so not again as an edited claim). An edit inside a quotation is told as
    the quotation's, so the words between quotation marks are left out."""
    def part(acc: dict[str, Any], position: str) -> list[tuple[str, str, str]]:
        texts = {s["id"]: s["text"] for s in acc["sentences"]}
        quoted: dict[str, list[str]] = {}
        for q in acc["quotes"]:
            quoted.setdefault(q["account_sentence"], []).append(q["text"])
        out = []
        for x in (acc.get("placement") or {}).get("lead", []):
            if x["position"] == position:
                text = texts[x["account_sentence"]]
                masked = text
                for q in quoted.get(x["account_sentence"], []):
                    masked = masked.replace(q, "\u2026")
                out.append((normalize(masked), text, x["account_sentence"]))
        return out

    out, told = [], set()
    for position in ("headline", "lede"):
        old, new = part(a_old, position), part(a_new, position)
        was = {m for m, _, _ in old}
        now = {m for m, _, _ in new}
        entered = [(t, sid) for m, t, sid in new if m not in was]
        left = [t for m, t, _ in old if m not in now]
        if entered:
            out.append(f"{position} changed: now {_quoted(' '.join(t for t, _ in entered))}")
            told |= {sid for _, sid in entered}
        elif left:
            out.append(f"{position} changed: {_quoted(' '.join(left))} left it")
    return out, told


KIND_WORDS = {"verbatim": "", "paraphrase": "", "partial": " (in part)"}


def _coverage_changes(a_old: dict[str, Any], a_new: dict[str, Any], r_map: dict[str, str],
                      r_text: dict[str, str]) -> list[str]:
    old = {r_map[c["readout_sentence"]]: c for c in a_old["readout_coverage"]
           if c["readout_sentence"] in r_map}
    out = []
    for c in a_new["readout_coverage"]:
        rid, was = c["readout_sentence"], old.get(c["readout_sentence"])
        text = _quoted(r_text[rid])
        now_reported = c["status"] == "reported"
        was_reported = was is not None and was["status"] == "reported"
        if now_reported and not was_reported:
            kind = KIND_WORDS.get(c["kind"] or "", "")
            out.append(f"now reports readout sentence{kind}: {text}")
        elif was_reported and not now_reported:
            out.append(f"no longer reports readout sentence: {text}")
        elif now_reported and was is not None and (c["kind"] == "partial") != (
                was["kind"] == "partial"):
            out.append(f"now reports readout sentence only in part: {text}"
                       if c["kind"] == "partial" else
                       f"now reports the whole readout sentence (was in part): {text}")
    return out


def _claim_changes(s_old: list[dict], s_new: list[dict],
                   pairs: list[tuple[int | None, int | None]], told: set[str]) -> list[str]:
    def credited(s: dict) -> str:
        who = (s.get("attribution") or {}).get("source")
        return f", credited to {who}" if who else ""

    out = []
    for i, j in pairs:
        o = s_old[i] if i is not None else None
        n = s_new[j] if j is not None else None
        was = o is not None and o["status"] == "not_in_readout"
        now = n is not None and n["status"] == "not_in_readout"
        if now and n is not None and o is None:
            out.append(f"claim not in the readout added: {_quoted(n['text'])}{credited(n)}")
        elif now and n is not None and not was:
            out.append(f"claim no longer matches the readout: {_quoted(n['text'])}")
        elif was and o is not None and n is None:
            out.append(f"claim not in the readout removed: {_quoted(o['text'])}")
        elif was and n is not None and not now and n["status"]:
            out.append(f"claim now matches the readout: {_quoted(n['text'])}")
        elif was and now and o is not None and n is not None and normalize(
                o["text"]) != normalize(n["text"]) and _source(o) == _source(n) and (
                n["id"] not in told):
            # (An edit that credits the claim to someone else is told as the attribution's, a
            # new sentence of the lede as the lede's.)
            out.append(f"claim not in the readout edited: now {_quoted(n['text'])}")
    return out


def _source(s: dict[str, Any]) -> str:
    return normalize((s.get("attribution") or {}).get("source") or "")


def _quote_changes(a_old: dict[str, Any], a_new: dict[str, Any],
                   sentence_pairs: list[tuple[int | None, int | None]]) -> list[str]:
    q_old = [q for q in a_old["quotes"] if q["kind"] != "title"]
    q_new = [q for q in a_new["quotes"] if q["kind"] != "title"]
    idx_old = {s["id"]: k for k, s in enumerate(a_old["sentences"])}
    idx_new = {s["id"]: k for k, s in enumerate(a_new["sentences"])}
    same_sentence = {(i, j) for i, j in sentence_pairs if i is not None and j is not None}
    pairs: list[tuple[dict | None, dict | None]] = []
    by_key = {q["key"]: q for q in q_old}
    new_keys = {q["key"] for q in q_new}
    left_old = [q for q in q_old if q["key"] not in new_keys]
    for n in q_new:
        if n["key"] in by_key:
            pairs.append((by_key[n["key"]], n))
            continue
        # An edited quotation: in the same (edited) sentence, or its words mostly the same.
        best, score = None, SAME_UNIT
        for o in left_old:
            near = (idx_old[o["account_sentence"]], idx_new[n["account_sentence"]]) in same_sentence
            s = _likeness(o["text"], n["text"])
            if (near or s >= 0.8) and s >= score:
                best, score = o, s
        if best is not None:
            left_old.remove(best)
        pairs.append((best, n))
    pairs += [(o, None) for o in left_old]
    out = []
    for o, n in pairs:
        if n is not None and o is None:
            out.append(f"quotation added: {_quoted(n['text'])} "
                       f"({FIDELITY_WORDS[n['fidelity']]})")
        elif o is not None and n is None:
            out.append(f"quotation removed: {_quoted(o['text'])}")
        elif o is not None and n is not None:
            if o["fidelity"] != n["fidelity"]:
                if n["fidelity"] == "verbatim" and o["fidelity"] in ("altered", "stitched"):
                    out.append(f"quotation {_quoted(n['text'])} corrected: now verbatim")
                elif o["fidelity"] == "not_in_readout":
                    out.append(f"quotation {_quoted(n['text'])} now found in the readout "
                               f"({FIDELITY_WORDS[n['fidelity']]})")
                else:
                    out.append(f"quotation {_quoted(n['text'])} now "
                               f"{FIDELITY_WORDS[n['fidelity']]} (was "
                               f"{FIDELITY_WORDS[o['fidelity']]})")
            elif normalize(o["text"]) != normalize(n["text"]):
                out.append(f"quotation edited: now {_quoted(n['text'])} (still "
                           f"{FIDELITY_WORDS[n['fidelity']]})")
    return out


def _divergence_changes(s_old: list[dict], s_new: list[dict], r_map: dict[str, str]
                        ) -> list[str]:
    """Divergences by what they are (the readout sentence, the type and both sides' words),
    wherever in the story they stand. A quotation's divergence is told as the quotation's."""
    def found(sentences: list[dict], mapping: dict[str, str] | None) -> dict[tuple, dict]:
        out = {}
        for s in sentences:
            for d in s["divergences"]:
                if d["type"] == "quote":
                    continue
                rid = mapping.get(d["readout_sentence"], "gone") if mapping is not None \
                    else d["readout_sentence"]
                out[(rid, d["type"], normalize(d["readout_text"]),
                     normalize(d["account_text"]))] = d
        return out

    old, new = found(s_old, r_map), found(s_new, None)
    out = []
    for key, d in new.items():
        if key not in old:
            out.append(f"divergence appeared: {_divergence(d)}")
    for key, d in old.items():
        if key not in new:
            out.append(f"divergence went away: {_divergence(d)}")
    return out


def _divergence(d: dict[str, Any]) -> str:
    """"number 3 → 4": the type, then the readout's words and the account's (for a number,
    the figures alone when both sides have them)."""
    kind = DIVERGENCE_WORDS.get(d["type"], d["type"].replace("_", " "))
    was, now = " ".join(d["readout_text"].split()), " ".join(d["account_text"].split())
    if d["type"] == "number":
        figures_was, figures_now = _FIGURE.findall(was), _FIGURE.findall(now)
        if figures_was and figures_now:
            was, now = ", ".join(figures_was), ", ".join(figures_now)
    return f"{kind} {was} \u2192 {now}"


def _attribution_changes(s_old: list[dict], s_new: list[dict],
                         pairs: list[tuple[int | None, int | None]]) -> list[str]:
    out = []
    for i, j in pairs:
        if i is None or j is None or not s_new[j]["status"] or not s_old[i]["status"]:
            continue
        if _source(s_old[i]) == _source(s_new[j]):
            continue
        was = (s_old[i].get("attribution") or {}).get("source")
        now = (s_new[j].get("attribution") or {}).get("source")
        text = _quoted(s_new[j]["text"])
        if now and was:
            out.append(f"attribution changed: {text} now credited to {now} (was {was})")
        elif now:
            out.append(f"attribution added: {text} now credited to {now}")
        else:
            out.append(f"attribution removed: {text} no longer credited to {was}")
    return out


# -- The timeline -------------------------------------------------------------------------------

def history(db: sqlite3.Connection) -> dict[str, Any]:
    """The store as one JSON-ready dictionary: the readout's and each account's versions, and
    the runs (what history.json holds and index.html shows)."""
    documents = []
    for doc_id, name, role, label, first_seen in db.execute(
            "SELECT id, input, role, label, first_seen FROM documents ORDER BY id"):
        versions = []
        for row in db.execute(
                "SELECT number, time, sha256, url, final_url, canonical_url, path, title, "
                "retrieved, content_type, encoding, date, site_name, bytes_sha256, changes, "
                "diff, report FROM versions WHERE document = ? ORDER BY number", (doc_id,)):
            number, when, sha, *source, changes, diff, report = row
            names = ["url", "final_url", "canonical_url", "path", "title", "retrieved",
                     "content_type", "encoding", "date", "site_name", "sha256"]
            versions.append({"number": number, "time": when, "sha256": sha,
                             "source": dict(zip(names, source)),
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


def write_index(db: sqlite3.Connection, folder: Path) -> Path:
    """Write history.json and index.html from the store; return the index's path."""
    from readout_compare.output import write_report

    data = history(db)
    write_report(str(folder / "history.json"),
                 json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_report(str(folder / "index.html"), index_html(data))
    return folder / "index.html"


def index_html(data: dict[str, Any]) -> str:
    """The timeline page: self-contained, no script, every text from the pages escaped."""
    from markupsafe import Markup

    from readout_compare.render.templates import environment

    env = environment()
    style = env.get_template("report.css").render() + env.get_template("track.css").render()
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    documents = [d for d in [data["readout"], *data["accounts"]] if d]
    for d in documents:
        for v in d["versions"]:
            v["shown_diff"] = shortened(v["diff"])
    last = data["runs"][-1] if data["runs"] else None
    return env.get_template("track.html.j2").render(
        documents=documents, last=last, runs=len(data["runs"]), style=Markup(style),
        csp=f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; "
            "form-action 'none'",
    )


def shortened(diff: list[list[str]]) -> list[list[str]]:
    """A version's word diff with long runs of unchanged words cut to their ends."""
    out = []
    for k, (tag, old, new) in enumerate(diff):
        tokens = new.split(" ")
        if tag == "equal" and len(tokens) > LONG_EQUAL:
            head = " ".join(tokens[:CONTEXT]) + " " if k > 0 else ""
            tail = " " + " ".join(tokens[-CONTEXT:]) if k < len(diff) - 1 else ""
            out.append(["equal", "", f"{head}…{tail}" if k > 0 or tail else new])
        else:
            out.append([tag, old, new])
    return out
