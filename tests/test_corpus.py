"""Corpus mode: which articles report which readouts, written to SQLite and static pages; the
same results in one process, after a resume, and on a local Dask cluster."""

from __future__ import annotations

import html
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from readout_compare.corpus import Run, run
from readout_compare.corpus.collection import read_collection
from readout_compare.errors import ReadoutCompareError

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
REPORTING = {("pentagon-mexico", "post-hegseth"), ("pentagon-mexico", "wire-hegseth"),
             ("trade-nigeria", "oslo-wire"), ("trade-nigeria", "lagos-daily")}
TABLES = ("meta", "readouts", "articles", "pairs", "coverage", "claims", "quotes", "divergences")


def dump(folder: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(folder / "results.sqlite")
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        db.close()


def reporting(folder: Path) -> set[tuple[str, str]]:
    db = sqlite3.connect(folder / "results.sqlite")
    try:
        return set(db.execute("SELECT readout_id, article_id FROM pairs WHERE reports = 1"))
    finally:
        db.close()


def corpus_run(out: Path, **kwargs) -> dict[str, int]:
    return run(Run(str(CORPUS / "readouts.csv"), str(CORPUS / "articles.csv"), str(out),
                   semantic=False, **kwargs))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "results"
    counts = corpus_run(out)
    assert counts == {"readouts": 3, "articles": 6, "errors": 1, "pairs": 4, "left_out": 0,
                      "left_out_pairs": 0,
                      "failures": ["broken: broken.txt: looks like a binary file, not text"]}
    return out


def test_finds_which_articles_report_which_readouts(baseline):
    assert reporting(baseline) == REPORTING
    db = sqlite3.connect(baseline / "results.sqlite")
    # The unrelated article had no candidate; the unreadable one is recorded with its error.
    markets = db.execute("SELECT candidates, error FROM articles WHERE id = 'markets'").fetchone()
    assert markets == (0, None)
    (error,) = db.execute("SELECT error FROM articles WHERE id = 'broken'").fetchone()
    assert error == "broken.txt: looks like a binary file, not text"  # file name only
    # Per-sentence findings: the Post quotes three readout sentences verbatim, and its claim of
    # "unilateral action" is not in the readout, attributed as the comparison attributes it.
    verbatim = db.execute("SELECT COUNT(*) FROM quotes WHERE article_id = 'post-hegseth' "
                          "AND readout_id = 'pentagon-mexico' AND fidelity = 'verbatim'").fetchone()
    assert verbatim == (3,)
    claim = db.execute("SELECT attributed_to FROM claims WHERE article_id = 'post-hegseth' "
                       "AND text LIKE '%unilateral action%'").fetchone()
    assert claim and "Hegseth" in claim[0]
    omitted = db.execute("SELECT COUNT(*) FROM coverage WHERE readout_id = 'trade-nigeria' AND "
                         "article_id = 'oslo-wire' AND status = 'omitted'").fetchone()
    assert omitted == (2,)


def test_pages_index_and_one_report_per_readout(baseline):
    index = (baseline / "index.html").read_text(encoding="utf-8")
    assert 'href="readouts/pentagon-mexico.html"' in index
    assert "New York Post" in index and "Lagos Daily" in index
    assert "health-colombia" in index and "readouts/health-colombia.html" not in index
    page = (baseline / "readouts" / "trade-nigeria.html").read_text(encoding="utf-8")
    assert "Norway and Nigeria agree on port inspections" in page
    assert "Norway threatened to halt fertilizer deliveries" in page
    assert "default-src 'none'" in html.unescape(index) and "<script" not in index


def test_every_page_shows_each_articles_outlet_and_date(baseline):
    pentagon = html.unescape((baseline / "readouts" / "pentagon-mexico.html").read_text(
        encoding="utf-8"))
    for outlet_and_date in ("US Department of Defense · published 2025-02-01",
                            "New York Post · published 2025-02-28",
                            "Wire · published 2025-02-28"):
        assert outlet_and_date in pentagon
    trade = html.unescape((baseline / "readouts" / "trade-nigeria.html").read_text(
        encoding="utf-8"))
    assert "Lagos Daily · published 2026-03-20" in trade and "<code>lagos-daily</code>" in trade
    index = html.unescape((baseline / "index.html").read_text(encoding="utf-8"))
    assert "<code>broken</code> (Nowhere, 2026-03-05)" in index  # failed articles too


def test_the_window_keeps_articles_to_the_days_after_a_readout(tmp_path):
    # The Pentagon readout is dated February 1 and its articles February 28 (27 days); the
    # trade readout March 4, the Oslo wire the same day and Lagos Daily 16 days later.
    corpus_run(tmp_path / "w20", window=20)
    assert reporting(tmp_path / "w20") == {("trade-nigeria", "oslo-wire"),
                                           ("trade-nigeria", "lagos-daily")}
    counts = corpus_run(tmp_path / "w7", window=7)
    assert reporting(tmp_path / "w7") == {("trade-nigeria", "oslo-wire")}
    # What the window left out is said, not silently 0: three articles, each one readout.
    assert (counts["left_out"], counts["left_out_pairs"]) == (3, 3)
    db = sqlite3.connect(tmp_path / "w7" / "results.sqlite")
    left = dict(db.execute("SELECT id, left_out_by_window FROM articles "
                           "WHERE left_out_by_window IS NOT NULL"))
    assert left == {"post-hegseth": "pentagon-mexico (27 days after)",
                    "wire-hegseth": "pentagon-mexico (27 days after)",
                    "lagos-daily": "trade-nigeria (16 days after)"}
    index = html.unescape((tmp_path / "w7" / "index.html").read_text(encoding="utf-8"))
    assert "3 articles had candidate readouts left out for their dates" in index
    assert "lagos-daily</code> (Lagos Daily, 2026-03-20): trade-nigeria (16 days after)" in index


def test_the_command_line_says_what_the_window_left_out(tmp_path, cli_invoke):
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv",
                   "-o", tmp_path / "out", "--no-semantic", "-q", "--window", "20")
    assert r.exit_code == 0, r.output
    assert ("6 articles (1 failed; 2 with 2 candidate readouts left out by --window 20, dated "
            "outside 0-20 days after them), 2 reporting pairs") in r.output


def test_folders_work_like_manifests(tmp_path):
    out = tmp_path / "folders"
    counts = run(Run(str(CORPUS / "readouts"), str(CORPUS / "articles"), str(out), semantic=False))
    assert counts["pairs"] == 4 and counts["errors"] == 1
    assert reporting(out) == REPORTING


def test_a_run_killed_midway_and_resumed_ends_as_an_uninterrupted_one(baseline, tmp_path):
    out = tmp_path / "resumed"
    seen = []

    def crash(result) -> None:
        seen.append(result.item.id)
        if len(seen) == 3:
            raise KeyboardInterrupt  # killed after the third article was written

    with pytest.raises(KeyboardInterrupt):
        corpus_run(out, after_article=crash)
    with pytest.raises(ReadoutCompareError, match="--resume"):
        corpus_run(out)
    db = sqlite3.connect(out / "results.sqlite")
    assert db.execute("SELECT COUNT(*) FROM articles WHERE done = 1").fetchone() == (3,)
    db.close()
    corpus_run(out, resume=True)
    assert dump(out) == dump(baseline)


@pytest.mark.slow
def test_a_local_dask_cluster_gives_the_same_results(baseline, tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "dask"
    corpus_run(out, workers=2)
    assert dump(out) == dump(baseline)
    assert (out / "readouts" / "pentagon-mexico.html").read_text(encoding="utf-8").count("<section") == \
        (baseline / "readouts" / "pentagon-mexico.html").read_text(encoding="utf-8").count("<section")


def test_bad_collections_are_one_line_errors(tmp_path, cli_invoke):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,path\n,nothing.txt\n", encoding="utf-8")
    with pytest.raises(ReadoutCompareError, match="row 1 needs an id"):
        read_collection(str(bad))
    dupes = tmp_path / "dupes.jsonl"
    dupes.write_text('{"id": "a", "path": "x.txt"}\n{"id": "a", "path": "y.txt"}\n', encoding="utf-8")
    with pytest.raises(ReadoutCompareError, match="repeated: a"):
        read_collection(str(dupes))
    r = cli_invoke("corpus", str(tmp_path / "missing"), str(CORPUS / "articles.csv"),
                   "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1


def test_the_command_line(tmp_path, cli_invoke):
    shutil.copytree(CORPUS, tmp_path / "c")
    r = cli_invoke("corpus", tmp_path / "c" / "readouts", tmp_path / "c" / "articles",
                   "-o", tmp_path / "out", "--no-semantic", "-q")
    assert r.exit_code == 0, r.output
    assert "3 readouts, 6 articles (1 failed), 4 reporting pairs" in r.output
    # The failures are named at the end, with their reasons.
    assert r.output.strip().splitlines()[-1] == (
        "1 of 6 articles failed: broken: broken.txt: looks like a binary file, not text")


def test_a_run_where_every_article_fails_exits_1_with_one_line(tmp_path, cli_invoke):
    articles = tmp_path / "articles.csv"
    articles.write_text(f"id,path\nbroken,{CORPUS / 'articles' / 'broken.txt'}\n"
                        "gone,nowhere.txt\n", encoding="utf-8")
    r = cli_invoke("corpus", CORPUS / "readouts.csv", articles, "-o", tmp_path / "out",
                   "--no-semantic", "-q")
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [
        "Error: every article failed (2 of 2); first: broken: broken.txt: looks like a binary "
        "file, not text"]


def test_manifest_paths_are_resolved_before_any_work_is_sent(tmp_path, monkeypatch):
    # Dask workers run in their own working folder: every source must be absolute already.
    shutil.copytree(CORPUS, tmp_path / "c")
    monkeypatch.chdir(tmp_path)
    for spec in ("c/articles.csv", "c/articles", "c/readouts.csv"):
        items = read_collection(spec)
        assert all(Path(i.source).is_absolute() and Path(i.source).is_file() for i in items)
    monkeypatch.chdir(tmp_path / "c" / "articles")  # elsewhere: the sources still resolve
    assert all(Path(i.source).is_file() for i in items)


SIBLINGS = Path(__file__).parent / "fixtures" / "siblings"


def test_an_article_reports_the_readout_it_matches_best_not_a_template_sibling(tmp_path):
    # Two readouts of one ministry written on the same templates ("X announced N million dollars
    # in new funding for the Coastal Resilience Fund to support work on ..."): the matcher pairs
    # the Eskel wire's sentences with both, but only Halvorsen's call is what it reports.
    from readout_compare.corpus.work import reported_readouts
    from readout_compare.load import load
    from readout_compare.model import Settings
    from readout_compare.pipeline import as_document, compare_account, resolved_settings

    settings = resolved_settings(Settings(semantic=False))
    article = as_document(load(str(SIBLINGS / "articles" / "eskel-wire.txt")), doc_id="a1",
                          label="Eskel wire")
    compared = {}
    for name in ("halvorsen-okafor", "quiroga-haddad"):
        readout = as_document(load(str(SIBLINGS / "readouts" / f"{name}.txt")), doc_id="r",
                              label=name)
        compared[name] = compare_account(readout, article, settings)
    sibling_matches = [m for s in compared["quiroga-haddad"].sentences for m in s.matches
                       if m.basis == "claim"]
    assert sibling_matches, "the sibling should share a templated sentence with the article"
    assert reported_readouts(compared) == {"halvorsen-okafor"}
    # The other way round: the Tolvan wire reports Quiroga's call, not Halvorsen's.
    out = tmp_path / "siblings"
    counts = run(Run(str(SIBLINGS / "readouts"), str(SIBLINGS / "articles"), str(out),
                     semantic=False))
    assert counts["pairs"] == 2
    assert reporting(out) == {("halvorsen-okafor", "eskel-wire"), ("quiroga-haddad", "tolvan-wire")}
    db = sqlite3.connect(out / "results.sqlite")
    # An article with no candidate is not segmented: its sentence count is left empty.
    assert db.execute("SELECT candidates, sentences, language FROM articles "
                      "WHERE id = 'council-bikes'").fetchone() == (0, None, "en")
    assert db.execute("SELECT sentences FROM articles WHERE id = 'eskel-wire'").fetchone()[0] >= 5


# -- Faults: one bad article, a damaged database, hostile manifests, a bad scheduler -------------

def one_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_an_article_that_fails_inside_the_comparison_is_recorded_and_retried(tmp_path, monkeypatch):
    from readout_compare import pipeline

    real = pipeline.compare_account

    def overflowing(readout, account, *args, **kwargs):  # a fault inside the pipeline
        if account.label == "Hegseth warned Mexico of unilateral action":  # post-hegseth
            raise OverflowError("cannot convert float infinity to integer")
        return real(readout, account, *args, **kwargs)

    monkeypatch.setattr(pipeline, "compare_account", overflowing)
    out = tmp_path / "out"
    counts = corpus_run(out)
    assert counts["articles"] == 6 and counts["errors"] == 2  # broken.txt, and this one
    db = sqlite3.connect(out / "results.sqlite")
    (error,) = db.execute("SELECT error FROM articles WHERE id = 'post-hegseth'").fetchone()
    assert error == ("against readout pentagon-mexico: failed (OverflowError: cannot convert "
                     "float infinity to integer)")
    db.close()
    assert reporting(out) == REPORTING - {("pentagon-mexico", "post-hegseth")}
    # --resume tries the failed articles again; with the fault gone the results are whole.
    monkeypatch.setattr(pipeline, "compare_account", real)
    counts = corpus_run(out, resume=True)
    assert counts["errors"] == 1
    assert reporting(out) == REPORTING


def test_an_article_with_a_320_digit_number_does_not_stop_the_run(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS / "articles", folder)
    digits = "".join(str((7 * i * i + 3) % 10) for i in range(320))
    story = (CORPUS / "articles" / "post-hegseth.txt").read_text(encoding="utf-8")
    (folder / "big-number.txt").write_text(
        story + f"\n\nHegseth said {digits} troops and ${digits} would be sent.\n", encoding="utf-8")
    counts = run(Run(str(CORPUS / "readouts"), str(folder), str(tmp_path / "out"), semantic=False))
    assert counts["articles"] == 7 and counts["errors"] == 1  # broken.txt only
    assert ("pentagon-mexico", "big-number") in reporting(tmp_path / "out")


def _damage(path: Path, how: str) -> None:
    if how == "random bytes":
        path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(40_000)))
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[:5000])
    elif how == "zeroed header":
        data = bytearray(path.read_bytes())
        data[:100] = bytes(100)
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how, message", [
    ("random bytes", "file is not a database"),
    ("truncated", "malformed"),
    ("zeroed header", "file is not a database"),
])
def test_a_damaged_results_database_is_one_line_on_resume(baseline, tmp_path, cli_invoke, how,
                                                          message):
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    _damage(out / "results.sqlite", how)
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o", out,
                   "--resume", "--no-semantic", "-q")
    line = one_line(r)
    assert message in line and "results.sqlite" in line


def test_a_results_database_that_is_a_folder_or_locked_is_one_line(tmp_path, cli_invoke):
    out = tmp_path / "out"
    (out / "results.sqlite").mkdir(parents=True)
    args = ["corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o", out, "--resume",
            "--no-semantic", "-q"]
    assert "not a file" in one_line(cli_invoke(*args))
    (out / "results.sqlite").rmdir()
    corpus_run(out)
    holder = sqlite3.connect(out / "results.sqlite")
    holder.execute("BEGIN EXCLUSIVE")  # another run writing
    try:
        line = one_line(cli_invoke(*args))
    finally:
        holder.rollback()
        holder.close()
    assert "database is locked" in line and "another run is using it" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_results_database_is_one_line(tmp_path, cli_invoke):
    out = tmp_path / "out"
    corpus_run(out)
    (out / "results.sqlite").chmod(0o444)
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o", out,
                   "--resume", "--no-semantic", "-q")
    assert "read-only" in one_line(r)


def _manifest(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("deep.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply"),
    ("deep-object.jsonl", b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
     "nested too deeply"),
    ("latin1.csv", "id,path,title\na,a.txt,Café\n".encode("latin-1"), "not UTF-8"),
    ("nul.csv", b"id,path\na,a\x00.txt\n", "NUL byte"),
    ("nul.jsonl", b'{"id": "a", "path": "a\\u0000.txt"}\n', "NUL character"),
    ("long.csv", b"id,path,title\na,a.txt," + b"x" * 200_000 + b"\n", "not CSV"),
    ("long-title.csv", b"id,path,title\na,a.txt," + b"x" * 20_000 + b"\n",
     "'title' is over 10,000 characters"),
    ("long.jsonl", b'{"id": "a", "path": "' + b"x" * 200_000 + b'"}\n',
     "'path' is over 10,000 characters"),
    ("empty.csv", b"id,path,date\n", "holds no rows"),
    ("empty.jsonl", b"", "holds no rows"),
    ("list.jsonl", b'{"id": "a", "path": ["a.txt"]}\n', "'path' is not a plain value"),
])
def test_hostile_manifests_are_one_line_errors(tmp_path, cli_invoke, name, data, message):
    manifest = _manifest(tmp_path, name, data)
    with pytest.raises(ReadoutCompareError, match=message):
        read_collection(str(manifest))
    r = cli_invoke("corpus", CORPUS / "readouts.csv", manifest, "-o", tmp_path / "out",
                   "--no-semantic", "-q")
    assert message in one_line(r)


def test_a_csv_manifest_saved_with_a_byte_order_mark_is_read(tmp_path):
    text = (CORPUS / "articles.csv").read_text(encoding="utf-8")
    manifest = _manifest(tmp_path, "articles.csv", "\ufeff".encode() + text.encode("utf-8"))
    shutil.copytree(CORPUS / "articles", tmp_path / "articles")
    items = read_collection(str(manifest))
    assert [i.id for i in items] == [i.id for i in read_collection(str(CORPUS / "articles.csv"))]


def test_files_that_share_an_id_are_an_error_naming_both(tmp_path, cli_invoke):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text("One story.", encoding="utf-8")
    (folder / "story.md").write_text("# The same story", encoding="utf-8")
    line = one_line(cli_invoke("corpus", CORPUS / "readouts", folder, "-o", tmp_path / "out"))
    assert "story.md and story.txt share the id 'story'" in line


def test_readout_ids_that_would_write_one_page_are_an_error_naming_both(tmp_path, cli_invoke):
    readout = (CORPUS / "readouts" / "pentagon-mexico.txt").resolve()
    manifest = _manifest(tmp_path, "readouts.jsonl", (
        f'{{"id": "gov/pentagon", "path": "{readout}"}}\n'
        f'{{"id": "gov_pentagon", "path": "{readout}"}}\n').encode())
    line = one_line(cli_invoke("corpus", manifest, CORPUS / "articles.csv", "-o", tmp_path / "o"))
    assert "gov/pentagon and gov_pentagon would both be written to 'readouts/gov_pentagon.html'" \
        in line


def test_resume_with_other_settings_refuses_unless_forced(baseline, tmp_path, cli_invoke):
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    args = ["corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o", out, "--resume",
            "--no-semantic", "-q"]
    line = one_line(cli_invoke(*args, "--window", "7"))
    assert "other settings (window None -> 7)" in line and "--force-settings" in line
    assert dump(out) == dump(baseline)  # nothing written
    r = cli_invoke(*args, "--window", "7", "--force-settings")
    assert r.exit_code == 0, r.output
    assert cli_invoke(*args, "--force-settings").exit_code == 0  # back to no window
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o", out,
                   "--force-settings")
    assert r.exit_code == 2 and "--force-settings goes with --resume" in r.output


def _http_server():
    import http.server
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.slow
def test_a_scheduler_address_that_is_no_scheduler_is_one_line(tmp_path, cli_invoke):
    pytest.importorskip("dask.distributed")
    import time

    server = _http_server()
    try:
        start = time.monotonic()
        r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv",
                       "-o", tmp_path / "a", "--no-semantic", "-q", "--timeout", "1",
                       "--scheduler", f"tcp://127.0.0.1:{server.server_address[1]}")
        assert "no Dask scheduler answered within 1 s" in one_line(r)
        assert time.monotonic() - start < 10
    finally:
        server.shutdown()
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv",
                   "-o", tmp_path / "b", "--no-semantic", "-q", "--timeout", "1",
                   "--scheduler", "ucx://127.0.0.1:8786")
    assert one_line(r).startswith("Error: cannot start Dask on ucx://127.0.0.1:8786")


@pytest.mark.slow
def test_a_dask_worker_killed_midway_is_retried(tmp_path):
    pytest.importorskip("dask.distributed")
    import signal

    from readout_compare.corpus import runner

    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(4):  # four partitions of articles
        for f in (CORPUS / "articles").iterdir():
            shutil.copy(f, folder / f"{f.stem}-{k}{f.suffix}")
    monkey = pytest.MonkeyPatch()
    monkey.setattr(runner, "PARTITION", 6)
    killed = []

    def kill_a_worker(result) -> None:
        if not killed:
            workers = sorted(_worker_processes())
            assert workers, "no Dask worker process found"
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    try:
        counts = run(Run(str(CORPUS / "readouts"), str(folder), str(tmp_path / "out"),
                         workers=2, semantic=False, after_article=kill_a_worker))
    finally:
        monkey.undo()
    assert killed
    assert {k: counts[k] for k in ("readouts", "articles", "errors", "pairs")} == {
        "readouts": 3, "articles": 24, "errors": 4, "pairs": 16}


def _worker_processes() -> set[int]:
    """This process's Dask worker processes (spawned by its nannies)."""
    found = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"spawn_main" in cmdline:
                found.add(int(child))
    return found


@pytest.mark.slow
def test_ctrl_c_to_a_run_on_local_dask_workers_prints_one_line_and_leaves_nothing(tmp_path):
    pytest.importorskip("dask.distributed")
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(20):
        for f in (CORPUS / "articles").iterdir():
            shutil.copy(f, folder / f"{f.stem}-{k}{f.suffix}")
    out = tmp_path / "out"
    p = subprocess.Popen([sys.executable, "-m", "readout_compare", "corpus", str(CORPUS / "readouts"),
                          str(folder), "-o", str(out), "--workers", "2", "--no-semantic", "-q"],
                         cwd=Path(__file__).parent.parent, stderr=subprocess.PIPE,
                         start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and p.poll() is None:  # until articles are being written
        if (out / "results.sqlite-wal").exists():
            try:
                db = sqlite3.connect(out / "results.sqlite", timeout=0.1)
                written = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                db.close()
            except sqlite3.Error:
                written = 0
            if written:
                break
        time.sleep(0.02)
    if p.poll() is not None:
        pytest.skip("the run ended before the signal")
    os.killpg(p.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    start = time.monotonic()
    _, err = p.communicate(timeout=30)
    took = time.monotonic() - start
    assert p.returncode == 130
    assert err.decode("utf-8", "replace").strip() == "readout-compare: interrupted"
    assert took < 3
    time.sleep(1)
    left = subprocess.run(["pgrep", "-s", str(p.pid)], capture_output=True, text=True).stdout
    alive = [pid for pid in left.split() if Path(f"/proc/{pid}/cmdline").exists()
             and Path(f"/proc/{pid}/cmdline").read_bytes()]  # zombies have no command line
    assert alive == []
def test_review_files_apply_to_pairs_and_pages(baseline, tmp_path, cli_invoke):
    """A review exported from a readout's page (readouts/ID.html), saved as ID.json in a folder
    given to --reviews, changes that readout's pairs in the tables and its page; an entry that
    fits no article is listed as stale on the page."""
    import json

    page = (baseline / "readouts" / "pentagon-mexico.html").read_text(encoding="utf-8")
    data = json.loads(page.split('id="report-data">', 1)[1].split("</script>", 1)[0])
    acc = next(a for a in data["accounts"] if a["source"]["path"] == "post-hegseth")
    claim = next(s for s in acc["sentences"] if s["status"] == "not_in_readout")
    r2 = next(s["key"] for s in data["readout"]["sentences"] if s["id"] == "r-2")
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "pentagon-mexico.json").write_text(json.dumps({"reviews": [
        {"key": claim["key"], "status": "supported", "readout": r2, "reviewer": "Ana",
         "note": "the call"},
        {"key": "s-0123456789ab", "status": "not_in_readout", "reviewer": "Ana"},
    ]}), encoding="utf-8")
    out = tmp_path / "results"
    corpus_run(out, reviews=str(folder))
    query = ("SELECT supported, not_in_readout FROM pairs WHERE readout_id = 'pentagon-mexico' "
             "AND article_id = 'post-hegseth'")
    before = sqlite3.connect(baseline / "results.sqlite").execute(query).fetchone()
    after = sqlite3.connect(out / "results.sqlite").execute(query).fetchone()
    assert after == (before[0] + 1, before[1] - 1)
    other = "SELECT * FROM pairs WHERE readout_id = 'trade-nigeria' ORDER BY article_id"
    assert (sqlite3.connect(out / "results.sqlite").execute(other).fetchall()
            == sqlite3.connect(baseline / "results.sqlite").execute(other).fetchall())
    reviewed = (out / "readouts" / "pentagon-mexico.html").read_text(encoding="utf-8")
    assert "corrected by Ana" in reviewed and "Stale review entries" in reviewed
    assert "s-0123456789ab" in reviewed

    (folder / "no-such-readout.json").write_text('{"reviews": []}', encoding="utf-8")
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o",
                   tmp_path / "again", "--reviews", folder, "--no-semantic", "-q")
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "no-such-readout.json" in r.stderr


def _element_text(page: str, attribute: str) -> str:
    """The text of the element that carries ``attribute`` (its first 3,000 characters)."""
    at = page.index(attribute)
    start = page.index(">", at) + 1
    return html.unescape(re.sub(r"<[^>]+>", "", page[start:start + 3000]))


def test_ids_in_the_database_link_to_the_readouts_page(baseline):
    db = sqlite3.connect(baseline / "results.sqlite")
    page = (baseline / "readouts" / "pentagon-mexico.html").read_text(encoding="utf-8")
    # A claim the Post added: its key is the data-key of its sentence on the readout's page.
    key, text = db.execute("SELECT key, text FROM claims WHERE article_id = 'post-hegseth' AND "
                           "text LIKE '%unilateral action%'").fetchone()
    assert key.startswith("s-") and page.count(f'data-key="{key}"') == 1
    assert text[:60] in _element_text(page, f'data-key="{key}"')[:200]
    # Its quotation, and the readout sentences by their page ids.
    for (qkey, quoted) in db.execute("SELECT key, text FROM quotes WHERE article_id = "
                                     "'post-hegseth' AND readout_id = 'pentagon-mexico'"):
        assert page.count(f'data-key="{qkey}"') == 1
        assert quoted in _element_text(page, f'data-key="{qkey}"')
    rows = db.execute("SELECT readout_sentence, ordinal, text FROM coverage WHERE article_id = "
                      "'post-hegseth' ORDER BY ordinal").fetchall()
    assert [o for _, o, _ in rows] == sorted(int(r.split("-")[1]) for r, _, _ in rows)
    for rid, _, text in rows:  # the row shows the page id, then the sentence
        assert text[:40] in _element_text(page, f'id="{rid}"')[:200]


def test_the_database_documents_itself_and_opens_with_sqlite_utils(baseline):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    path = baseline / "results.sqlite"
    db = sqlite_utils.Database(path)
    assert set(db.table_names()) == set(TABLES)
    assert set(db.view_names()) == {"omissions_by_outlet", "quote_fidelity_by_outlet",
                                    "claims_that_travel"}
    assert {(fk.column, fk.other_table) for fk in db["pairs"].foreign_keys} == {
        ("readout_id", "readouts"), ("article_id", "articles")}
    assert {fk.other_table for fk in db["claims"].foreign_keys} == {"pairs"}
    # One schema version, in meta and in the file's header.
    meta = {r["key"]: r["value"] for r in db["meta"].rows}
    assert meta["schema"] == str(db.execute("PRAGMA user_version").fetchone()[0]) == "2"
    # NULL for no value, never an empty string.
    for table in TABLES:
        for column in db[table].columns:
            if column.type == "TEXT":
                assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column.name} = ''"
                                  ).fetchone() == (0,), (table, column.name)
    # pairs.headline is the article's headline, not the comparison's summary.
    post = next(db.query("SELECT p.headline, p.summary, a.headline AS own FROM pairs p JOIN "
                         "articles a ON a.id = p.article_id WHERE a.id = 'post-hegseth'"))
    assert post["headline"] == post["own"] == "Hegseth warned Mexico of unilateral action"
    assert post["summary"].startswith("4 of 4 readout sentences reported")
    # Allowed values are enforced.
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        raw.execute("UPDATE coverage SET status = 'skipped' WHERE rowid = 1")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        raw.execute("UPDATE claims SET article_id = 'nobody' WHERE rowid = 1")
    raw.close()
    # Every example query of docs/corpus.md runs, and the views agree with the pairs.
    docs = (Path(__file__).parent.parent / "docs" / "corpus.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", docs, re.S)
    assert len(queries) >= 5
    answers = [list(db.query(q)) for q in queries]
    assert answers[0][0] == {"outlet": "Lagos Daily", "omitted": 2, "readout_sentences": 4,
                             "omission": 0.5}
    by_pairs = dict(db.execute(
        "SELECT a.outlet, SUM(p.quotes_verbatim + p.quotes_altered + p.quotes_stitched + "
        "p.quotes_not_in_readout) FROM pairs p JOIN articles a ON a.id = p.article_id "
        "WHERE p.reports = 1 GROUP BY 1 HAVING SUM(p.quotes_verbatim + p.quotes_altered + "
        "p.quotes_stitched + p.quotes_not_in_readout) > 0").fetchall())
    by_view = dict(db.execute("SELECT outlet, SUM(quotes) FROM quote_fidelity_by_outlet "
                              "GROUP BY outlet").fetchall())
    assert by_view == by_pairs and by_view
    assert any(a["attributed_to"] == "Wall Street Journal" for a in answers[3])
    assert answers[4] and all(r["articles"] >= 1 for r in answers[4])


def test_csv_export_writes_each_main_table(tmp_path, cli_invoke):
    import csv

    out = tmp_path / "out"
    r = cli_invoke("corpus", CORPUS / "readouts.csv", CORPUS / "articles.csv", "-o", out,
                   "--no-semantic", "-q", "--csv")
    assert r.exit_code == 0, r.output
    db = sqlite3.connect(out / "results.sqlite")
    for table in ("readouts", "articles", "pairs", "coverage", "claims", "quotes", "divergences"):
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        (count,) = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        assert len(rows) == count, table
    with open(out / "claims.csv", encoding="utf-8", newline="") as fh:
        claims = list(csv.DictReader(fh))
    stored = db.execute("SELECT key, ordinal, text, attributed_to FROM claims "
                        "ORDER BY readout_id, article_id, ordinal").fetchall()
    assert [(c["key"], int(c["ordinal"]), c["text"], c["attributed_to"] or None)
            for c in claims] == stored
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        articles = {a["id"]: a for a in csv.DictReader(fh)}
    assert "text" not in articles["markets"] and articles["markets"]["error"] == ""
    assert articles["broken"]["error"].startswith("broken.txt: looks like a binary file")
    assert not list(out.glob(".readout-compare-*"))


@pytest.mark.slow
def test_a_real_dask_scheduler_and_worker_elsewhere_give_the_one_process_results(
        baseline, tmp_path, monkeypatch):
    """``dask scheduler`` and ``dask worker`` started as separate processes, the worker in
    another working folder, and a run given relative manifest paths: the same database as a
    run in one process (with relative paths every article once failed 'no such file')."""
    import json
    import subprocess
    import sys
    import time

    pytest.importorskip("dask.distributed")
    shutil.copytree(CORPUS, tmp_path / "c")
    for folder in ("scheduler", "worker", "work"):
        (tmp_path / folder).mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent),
           "DASK_TEMPORARY_DIRECTORY": str(tmp_path / "worker"),
           "DASK_LOGGING__DISTRIBUTED": "error"}
    address_file = tmp_path / "scheduler" / "scheduler.json"
    started = []
    try:
        started.append(subprocess.Popen(
            [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
             "--no-dashboard", "--scheduler-file", str(address_file)],
            cwd=tmp_path / "scheduler", env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(address_file.read_text(encoding="utf-8"))["address"]
        started.append(subprocess.Popen(
            [sys.executable, "-m", "dask", "worker", address, "--nworkers", "1",
             "--nthreads", "1", "--no-dashboard", "--local-directory", str(tmp_path / "worker")],
            cwd=tmp_path / "worker", env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL))
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
        monkeypatch.chdir(tmp_path)
        counts = run(Run("c/readouts.csv", "c/articles.csv", "work/out", semantic=False,
                         scheduler=address, timeout=60))
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    assert counts["errors"] == 1 and counts["pairs"] == 4
    assert dump(tmp_path / "work" / "out") == dump(baseline)
