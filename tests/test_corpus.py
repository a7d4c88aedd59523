"""Corpus mode: which articles report which readouts, written to SQLite and static pages; the
same results in one process, after a resume, and on a local Dask cluster."""

from __future__ import annotations

import html
import shutil
import sqlite3
from pathlib import Path

import pytest

from readout_compare.corpus import Run, read_collection, run
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
    assert counts == {"readouts": 3, "articles": 6, "errors": 1, "pairs": 4}
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


def test_the_window_keeps_articles_to_the_days_after_a_readout(tmp_path):
    # The Pentagon readout is dated February 1 and its articles February 28 (27 days); the
    # trade readout March 4, the Oslo wire the same day and Lagos Daily 16 days later.
    corpus_run(tmp_path / "w20", window=20)
    assert reporting(tmp_path / "w20") == {("trade-nigeria", "oslo-wire"),
                                           ("trade-nigeria", "lagos-daily")}
    corpus_run(tmp_path / "w7", window=7)
    assert reporting(tmp_path / "w7") == {("trade-nigeria", "oslo-wire")}


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
    first = dump(out)
    assert len([r for r in first["articles"] if r[-1] == 1]) == 3
    corpus_run(out, resume=True)
    assert dump(out) == dump(baseline)


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
    assert "3 readouts, 6 articles (1 unreadable), 4 reporting pairs" in r.output


SIBLINGS = Path(__file__).parent / "fixtures" / "siblings"


def test_an_article_reports_the_readout_it_matches_best_not_a_template_sibling(tmp_path):
    # Two readouts of one ministry written on the same templates ("X announced N million dollars
    # in new funding for the Coastal Resilience Fund to support work on ..."): the matcher pairs
    # the Eskel wire's sentences with both, but only Halvorsen's call is what it reports.
    from readout_compare.corpus import reported_readouts
    from readout_compare.load import load
    from readout_compare.pipeline import as_document, compare_account, make_settings

    settings = make_settings(semantic_matcher=False)
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
