"""One track run: load every input, store a new version of each whose story changed with what
the edit did (told by comparing the old and the new version now, with the same tool), and write
the run's comparison report and the timeline."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from readout_compare.diff import word_diff
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import load
from readout_compare.model import Document, LoadedText, Settings, Source
from readout_compare.normalize import clean_label, file_name
from readout_compare.pipeline import as_document, compare
from readout_compare.track.changes import Change, readout_changes, verdict_changes
from readout_compare.track.store import (
    Stored,
    add_document,
    add_run,
    add_version,
    find_document,
    latest,
    open_store,
    set_run_report,
    tracked_readout,
)
from readout_compare.track.timeline import write_index

REPORTS = "reports"


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


def _run(db: sqlite3.Connection, folder: Path, readout: str, accounts: list[str],
         labels: Sequence[str], timeout: float, semantic: bool, when: datetime) -> Outcome:
    """Load the inputs, then in one transaction take their stories, record the run and store
    the new versions; write the timeline once it is committed."""
    stamp = when.replace(microsecond=0).isoformat()
    known = tracked_readout(db)
    if known and known != readout:
        raise ReadoutCompareError(
            f"{folder} tracks the readout {known}; give it, or use another --store")
    outcome = Outcome()
    inputs = _load_inputs([readout, *accounts], labels, timeout, outcome.failures)
    db.execute("BEGIN IMMEDIATE")
    try:
        for k, item in enumerate(inputs):
            _recall(db, folder, item)
            _read_story(item, "r" if k == 0 else "a1", outcome.failures)
        changed = [item for item in inputs if item.loaded is not None
                   and (item.previous is None or item.previous.story != item.story)]
        run_id = add_run(db, stamp, len(changed), outcome.failures)
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


def _load_inputs(names: list[str], labels: Sequence[str], timeout: float,
                 failures: list[tuple[str, str]]) -> list[_Input]:
    """Load the readout (first) and the accounts; one that fails is added to ``failures`` and
    left without a loaded text."""
    inputs = []
    for k, name in enumerate(names):
        role = "readout" if k == 0 else "account"
        item = _Input(name, role, labels[k] if k < len(labels) else "")
        try:
            item.loaded = load(name, timeout=timeout)
        except ReadoutCompareError as exc:
            failures.append((name, _failure(name, exc)))
        inputs.append(item)
    return inputs


def _recall(db: sqlite3.Connection, folder: Path, item: _Input) -> None:
    """What the store knows of an input: its document, the label fixed when it was first seen,
    its last version. An input stored in the other role is an error."""
    row = find_document(db, item.name)
    if row and row[2] != item.role:
        tracked = "an account" if row[2] == "account" else "the readout"
        raise ReadoutCompareError(f"{folder} tracks {clean_label(item.name)} as {tracked}")
    if row:
        item.doc_id, item.label = row[0], row[1]
    elif item.loaded is not None:
        item.label = clean_label(item.label) or _default_label(item.loaded, item.name)
    item.previous = latest(db, item.doc_id) if item.doc_id else None


def _read_story(item: _Input, doc_id: str, failures: list[tuple[str, str]]) -> None:
    """Segment a loaded input and take its story; one that cannot be segmented is added to
    ``failures`` and no longer counts as loaded."""
    if item.loaded is None:
        return
    try:
        doc = as_document(item.loaded, doc_id=doc_id, label=item.label)
    except ReadoutCompareError as exc:
        failures.append((item.name, _failure(item.name, exc)))
        item.loaded = None
        return
    item.story = story_text(doc)


def _store_versions(db: sqlite3.Connection, folder: Path, run_id: int, stamp: str,
                    inputs: list[_Input], changed: list[_Input],
                    semantic: bool) -> tuple[list[NewVersion], Path | None]:
    """Say what each changed input's edit did, write the run's report, and store the new
    versions."""
    found = _describe(inputs, changed, semantic)
    report_name = _write_report(folder, run_id, inputs, changed, semantic)
    set_run_report(db, run_id, report_name)
    stored = [_store_version(db, item, run_id, stamp, found.get(item.name, []), report_name)
              for item in changed]
    return stored, folder / report_name if report_name else None


def _describe(inputs: list[_Input], changed: list[_Input],
              semantic: bool) -> dict[str, list[Change]]:
    """What each edit did, by input: a readout edit first (the accounts as they were, against
    the readout before and after), then each account's edit, against the readout as it now
    is."""
    readout, accounts = inputs[0], inputs[1:]
    found: dict[str, list[Change]] = {}
    readout_now = _current(readout, changed)
    if readout in changed:
        found[readout.name] = _readout_edit(readout, accounts, semantic)
    edited = [a for a in accounts if a in changed]
    if readout_now is not None and edited:
        found |= _account_edits(readout, readout_now, edited, semantic)
    for item in edited:
        found.setdefault(item.name, [Change("first version (no readout yet to compare it with)")
                                     if item.previous is None else
                                     Change("text changed (no readout yet to compare it with)")])
    return found


def _readout_edit(readout: _Input, accounts: list[_Input], semantic: bool) -> list[Change]:
    """The readout's sentences that changed, then each account's verdicts that moved because of
    it (its last version against the readout before and after)."""
    assert readout.loaded is not None
    old_accounts = [(a, _as_loaded(a.previous)) for a in accounts if a.previous]
    readout_old = _as_loaded(readout.previous) if readout.previous else None
    old_doc = (as_document(readout_old, doc_id="r", label=readout.label)
               if readout_old else None)
    new_doc = as_document(readout.loaded, doc_id="r", label=readout.label)
    if old_doc is None:
        return [Change(f"first version: {_count(new_doc)}")]
    changes = readout_changes(old_doc, new_doc)
    before = _compared(readout_old, readout, old_accounts, semantic) if readout_old else {}
    after = _compared(readout.loaded, readout, old_accounts, semantic)
    for item, _ in old_accounts:
        changes += [Change(text, item.label) for text in
                    verdict_changes(before[item.name], after[item.name])]
    return changes


def _account_edits(readout: _Input, readout_now: LoadedText, edited: list[_Input],
                   semantic: bool) -> dict[str, list[Change]]:
    """What each edited account's new version did, against the readout as it now is (its
    summary for a first version)."""
    before = _compared(readout_now, readout, [(a, _as_loaded(a.previous)) for a in edited
                                              if a.previous], semantic)
    after = _compared(readout_now, readout, [(a, a.loaded) for a in edited if a.loaded],
                      semantic)
    found = {}
    for item in edited:
        if item.name in before:
            found[item.name] = [Change(t) for t in
                                verdict_changes(before[item.name], after[item.name])]
        else:
            found[item.name] = [Change("first version: "
                                       + after[item.name]["account"]["summary"]["headline"])]
    return found


def _compared(text: LoadedText, readout: _Input, items: Sequence[tuple[_Input, LoadedText]],
              semantic: bool) -> dict[str, dict]:
    """Each account's part of a comparison with the readout, by input."""
    if not items:
        return {}
    report = _report(text, readout.label, [loaded for _, loaded in items],
                     [item.label for item, _ in items], semantic)
    return {item.name: {"readout": report["readout"], "account": acc}
            for (item, _), acc in zip(items, report["accounts"])}


def _write_report(folder: Path, run_id: int, inputs: list[_Input], changed: list[_Input],
                  semantic: bool) -> str | None:
    """The comparison of every account's latest version with the readout's, written as the
    run's HTML report; its path inside the store (None without a readout or an account)."""
    readout, accounts = inputs[0], inputs[1:]
    readout_now = _current(readout, changed)
    present = [(a, _current(a, changed)) for a in accounts]
    present_loaded = [(a, loaded) for a, loaded in present if loaded is not None]
    if readout_now is None or not present_loaded:
        return None
    from readout_compare.output import write_report
    from readout_compare.render import renderer

    report = _report(readout_now, readout.label, [loaded for _, loaded in present_loaded],
                     [a.label for a, _ in present_loaded], semantic)
    report_name = f"{REPORTS}/run-{run_id}.html"
    (folder / REPORTS).mkdir(exist_ok=True)
    write_report(str(folder / report_name), renderer("html")(report))
    return report_name


def _store_version(db: sqlite3.Connection, item: _Input, run_id: int, stamp: str,
                   found: list[Change], report_name: str | None) -> NewVersion:
    """Store a changed input's new version with what it did (its own changes, a new address,
    then the accounts' verdicts that a readout edit moved)."""
    assert item.loaded is not None
    if item.doc_id is None:
        item.doc_id = add_document(db, item.name, item.role, item.label, stamp)
    number = (item.previous.number if item.previous else 0) + 1
    src = _shown_source(item.loaded.source)
    diff = word_diff(item.previous.story, item.story) if item.previous else ()
    own = [c for c in found if c.account is None]
    changes = own + _moved(item.previous, src) + [c for c in found if c.account is not None]
    add_version(db, document=item.doc_id, number=number, run=run_id, time=stamp,
                story=item.story, text=item.loaded.text, source=src, changes=changes,
                diff=diff, report=report_name)
    return NewVersion(item.label, item.role, number, tuple(changes))


def _current(item: _Input, changed: list[_Input]) -> LoadedText | None:
    """An input's text as it now is: the new version's, else the last stored."""
    if item in changed:
        return item.loaded
    return _as_loaded(item.previous) if item.previous else None


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
