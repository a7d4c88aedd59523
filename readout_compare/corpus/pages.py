"""The run's pages: for each readout that some article reports, the report ``compare`` writes
for it and all those articles (``readouts/ID.html``), and ``index.html``, which counts who
reported each readout and how faithfully each outlet reports."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from readout_compare.corpus.executor import Executor
from readout_compare.model import LoadedText, Settings, Source

if TYPE_CHECKING:
    from readout_compare.corpus.work import Shared


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
        write_report(str(pages / f"{page_slug(rid)}.html"), page)
    links = {rid: f"readouts/{page_slug(rid)}.html" for rid in reporting}
    write_report(str(folder / "index.html"), index_html(db, links))


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


def page_slug(ident: str) -> str:
    """A readout's id as the name of its page (``readouts/SLUG.html``) and of its review file
    (``SLUG.json``)."""
    return re.sub(r"[^\w.-]+", "_", ident).strip("_") or "readout"


def index_html(db: sqlite3.Connection, pages: dict[str, str]) -> str:
    """index.html: every readout with how many articles and outlets report it, and how much of
    it; every outlet with its omission, divergence and altered-quotation rates; the articles
    that failed and those --window left readouts out of. ``pages``: each readout's page."""
    from markupsafe import Markup

    from readout_compare.render.html import content_security_policy
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
    return env.get_template("corpus.html.j2").render(
        readouts=readouts, outlets=outlets, errors=errors, articles=totals[0],
        left_out=left_out, window=None if window in (None, "None") else window,
        shortlisted=totals[1] or 0, style=Markup(style), csp=content_security_policy(style),
    )
