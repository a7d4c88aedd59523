"""Track: versions of a readout and of an account served by local HTTP servers whose pages change
between runs, and what each change did to the verdicts, described as a reader would.

The expected descriptions below were written before the code that makes them."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import json
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# A fictional call and a fictional story about it, in the versions a day of edits would leave.
READOUT = [
    "Readout of Secretary Alvarez's Call with Foreign Minister Okafor",
    "Secretary of State Maria Alvarez spoke on March 3 with Foreign Minister Daniel Okafor of "
    "Freedonia.",
    "The Secretary said the United States would provide 3 patrol vessels to support maritime "
    "security in the Gulf of Arden.",
    "The two leaders agreed to hold talks on a new trade framework before the end of the year.",
    "Secretary Alvarez stressed that \u201cfreedom of navigation is not negotiable.\u201d",
    "The Secretary and the Minister committed to meet again in April.",
]
READOUT_2 = [READOUT[0], READOUT[1], READOUT[2].replace("3 patrol", "4 patrol"), *READOUT[3:]]

HEADLINE = "Freedonia to get US patrol boats after call with Alvarez"
LEDE = ("The United States will give Freedonia 3 patrol vessels, Secretary of State Maria Alvarez "
        "told Foreign Minister Daniel Okafor in a call on March 3.")
ALTERED = ("Alvarez told Okafor that \u201cfreedom of navigation is never negotiable,\u201d "
           "according to the State Department.")
CORRECTED = ALTERED.replace("never", "not")
DELIVERY = "Officials in Freedonia said the vessels would be delivered by June."
CONTEXT = ("The call came a week after a tanker was seized in the Gulf of Arden, raising fears "
           "for shipping in the region.")
TRADE = ("The two sides also agreed to hold talks on a new trade framework before the end of "
         "the year.")
STORY_1 = [HEADLINE, LEDE, ALTERED, DELIVERY, CONTEXT]
STORY_2 = [HEADLINE, LEDE, CORRECTED, DELIVERY, CONTEXT]  # the quotation corrected
STORY_3 = [HEADLINE, LEDE, CORRECTED, DELIVERY, TRADE, CONTEXT]  # a paragraph added
STORY_4 = [HEADLINE, LEDE, CORRECTED, TRADE, CONTEXT]  # a claim removed
STORY_5 = [HEADLINE, LEDE.replace("3 patrol", "4 patrol"), CORRECTED, TRADE, CONTEXT]


def page(paragraphs: list[str], *, updated: str = "Updated March 4, 2026 10:42 a.m.",
         ticker: str = "FRDX +2.1%", related: str = "Related: Freedonia votes in snap election",
         canonical: str = "https://news.example/freedonia-boats") -> bytes:
    """A news page: navigation and footer around the article, and inside it a timestamp, a
    stock ticker and a related link (furniture that survives extraction)."""
    title, *body = paragraphs
    paras = "".join(f"<p>{p}</p>\n" for p in body)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{canonical}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{updated}</p>
<p>{ticker}</p>
{paras}<p>{related}</p>
</article>
<footer>Copyright News Example</footer></body></html>""".encode()


class Site:
    """A local web server whose pages the test changes between runs, and which can go down."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/latest":  # a link that redirects to the story
                    self.send_response(302)
                    self.send_header("Location", "/world/freedonia-boats")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = site.pages.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def down(self) -> None:
        """Stop answering: connections are refused from now on."""
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def sites():
    gov, news = Site(), Site()
    yield gov, news
    for site in (gov, news):
        with contextlib.suppress(OSError):
            site.down()


def changes(store: Path, label: str) -> list[list[str]]:
    """Each stored version's change descriptions for one document, oldest first (a readout
    version's moved account verdicts are prefixed with the account's label)."""
    history = json.loads((store / "history.json").read_text(encoding="utf-8"))
    docs = [history["readout"], *history["accounts"]]
    doc = next(d for d in docs if d["label"] == label)
    return [[(f"{c['account']}: " if c["account"] else "") + c["text"] for c in v["changes"]]
            for v in doc["versions"]]


def test_a_day_of_edits_is_told_in_verdict_terms(sites, cli_invoke, tmp_path):
    gov, news = sites
    store = tmp_path / "store"
    readout_url, story_url = f"{gov.url}/readout", f"{news.url}/latest"

    def run():
        return cli_invoke("track", readout_url, story_url, "--store", store, "--no-semantic",
                          "--label", "State Department readout", "--label", "Freedonia Times")

    gov.pages["/readout"] = page(READOUT, canonical="https://gov.example/readout")
    news.pages["/world/freedonia-boats"] = page(STORY_1)
    r = run()
    assert r.exit_code == 0, r.output
    assert "State Department readout: version 1 stored" in r.output
    assert "Freedonia Times: version 1 stored" in r.output

    # The quotation is corrected.
    news.pages["/world/freedonia-boats"] = page(STORY_2)
    r = run()
    assert r.exit_code == 0, r.output
    assert "Freedonia Times: version 2 stored" in r.output
    assert ("quotation \u201cfreedom of navigation is not negotiable\u201d corrected: now verbatim"
            in r.output)

    # A paragraph is added that reports one more readout sentence.
    news.pages["/world/freedonia-boats"] = page(STORY_3)
    assert "Freedonia Times: version 3 stored" in run().output

    # Only the furniture changes: a new timestamp, ticker and related link.
    before = news.pages["/world/freedonia-boats"]
    news.pages["/world/freedonia-boats"] = page(
        STORY_3, updated="Updated March 4, 2026 4:05 p.m.", ticker="FRDX -0.4%",
        related="Related: Okafor heads to Brussels")
    assert news.pages["/world/freedonia-boats"] != before
    r = run()
    assert r.exit_code == 0, r.output
    assert "nothing changed; no new version stored" in r.output

    # A claim the readout does not make is taken out.
    news.pages["/world/freedonia-boats"] = page(STORY_4)
    assert "Freedonia Times: version 4 stored" in run().output

    # The lede's number is changed.
    news.pages["/world/freedonia-boats"] = page(STORY_5)
    assert "Freedonia Times: version 5 stored" in run().output

    # The readout is corrected to match, and moved to a new address.
    gov.pages["/readout"] = page(READOUT_2, canonical="https://gov.example/readout-corrected")
    r = run()
    assert "State Department readout: version 2 stored" in r.output

    # The news site goes down: no version, a message, and the readout is still checked.
    news.down()
    r = run()
    assert r.exit_code == 0, r.output
    assert f"{story_url}: " in r.output and "no version stored" in r.output
    assert "nothing changed; no new version stored" in r.output

    assert changes(store, "Freedonia Times") == [
        ["first version: 3 of 5 readout sentences reported, 2 only in part; 2 account sentences "
         "have no counterpart in the readout"],
        ["quotation \u201cfreedom of navigation is not negotiable\u201d corrected: now verbatim"],
        ["now reports readout sentence: \u201cThe two leaders agreed to hold talks on a new trade "
         "framework before the end of the year.\u201d"],
        ["claim not in the readout removed: \u201cOfficials in Freedonia said the vessels would "
         "be delivered by June.\u201d"],
        ["lede changed: now \u201cThe United States will give Freedonia 4 patrol vessels, "
         "Secretary of State Maria Alvarez told Foreign Minister Daniel Okafor in a call on "
         "March 3.\u201d",
         "divergence appeared: number 3 \u2192 4"],
    ]
    assert changes(store, "State Department readout") == [
        ["first version: 5 sentences"],
        ["readout sentence changed (3 \u2192 4): \u201cThe Secretary said the United States "
         "would provide 4 patrol vessels to support maritime security in the Gulf of Arden.\u201d",
         "address changed: now https://gov.example/readout-corrected (was "
         "https://gov.example/readout)",
         "Freedonia Times: divergence went away: number 3 \u2192 4"],
    ]

    # The SQLite store holds the same timeline as history.json, with the texts and provenance.
    history = json.loads((store / "history.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(store / "history.sqlite")
    rows = db.execute("SELECT d.label, v.number, v.sha256, v.final_url, v.canonical_url, v.report "
                      "FROM versions v JOIN documents d ON d.id = v.document "
                      "ORDER BY d.id, v.number").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("State Department readout", 1),
                                            ("State Department readout", 2)] + [
        ("Freedonia Times", n) for n in range(1, 6)]
    stored = {(d["label"], v["number"]): v for d in [history["readout"], *history["accounts"]]
              for v in d["versions"]}
    for label, number, sha, final_url, canonical, report in rows:
        v = stored[(label, number)]
        assert (v["sha256"], v["source"]["final_url"], v["source"]["canonical_url"],
                v["report"]) == (sha, final_url, canonical, report)
        assert (store / report).is_file()
    story = stored[("Freedonia Times", 5)]
    assert story["source"]["url"] == story_url
    assert story["source"]["final_url"] == f"{news.url}/world/freedonia-boats"
    assert story["source"]["canonical_url"] == "https://news.example/freedonia-boats"
    text, = db.execute("SELECT v.story FROM versions v JOIN documents d ON d.id = v.document "
                       "WHERE d.label = 'Freedonia Times' AND v.number = 5").fetchone()
    assert "4 patrol vessels" in text and "FRDX" not in text and "Related" not in text
    # The version's word diff, readout first as in the report's diffs: old words, then new.
    assert ["replace", "3 ", "4 "] in story["diff"]

    # Each version's report is the full comparison of that moment.
    report_5 = (store / story["report"]).read_text(encoding="utf-8")
    assert "4 patrol vessels" in report_5 and "3 patrol vessels" in report_5
    report_7 = (store / stored[("State Department readout", 2)]["report"]).read_text(
        encoding="utf-8")
    assert "3 patrol vessels" not in report_7

    # The index: a timeline for the readout and the account, each version linked to its report.
    index = (store / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in index and "<script" not in index
    for v in stored.values():
        assert f'href="{v["report"]}"' in index
    assert index.count('class="version"') == 7
    assert "divergence went away: number 3 \u2192 4" in index


def test_inputs_that_fail_store_nothing(cli_invoke, tmp_path):
    store = tmp_path / "store"
    r = cli_invoke("track", tmp_path / "no-readout.txt", tmp_path / "no-story.txt",
                   "--store", store, "--no-semantic")
    assert r.exit_code == 1
    assert "no-readout.txt" in r.output and "no-story.txt" in r.output
    assert "Traceback" not in r.output
    db = sqlite3.connect(store / "history.sqlite")
    assert db.execute("SELECT COUNT(*) FROM versions").fetchone() == (0,)


def test_text_from_the_pages_is_escaped_in_the_index(cli_invoke, tmp_path):
    readout = tmp_path / "readout.txt"
    story = tmp_path / "story.txt"
    readout.write_text("\n\n".join(READOUT) + "\n", encoding="utf-8")
    story.write_text("\n\n".join(STORY_1) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert cli_invoke("track", readout, story, "--store", store, "--no-semantic").exit_code == 0
    story.write_text("\n\n".join([*STORY_1[:-1], "A spokesman for the ministry said the "
                                  "<img src=x onerror=alert(1)> deal would be signed in Arden "
                                  "next week.", STORY_1[-1]]) + "\n", encoding="utf-8")
    r = cli_invoke("track", readout, story, "--store", store, "--no-semantic")
    assert r.exit_code == 0, r.output
    assert "version 2 stored" in r.output
    index = (store / "index.html").read_text(encoding="utf-8")
    assert "<img" not in index and "&lt;img src=x" in index
    # The page's one style element is the one its Content-Security-Policy allows.
    style = re.search(r"<style>(.*?)</style>", index, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in html.unescape(index)
    assert index.count("<style>") == 1
    # Run again with nothing changed: nothing stored.
    r = cli_invoke("track", readout, story, "--store", store, "--no-semantic")
    assert "nothing changed; no new version stored" in r.output
    db = sqlite3.connect(store / "history.sqlite")
    assert db.execute("SELECT COUNT(*) FROM versions").fetchone() == (3,)


def test_a_store_tracks_one_readout(cli_invoke, tmp_path):
    readout = tmp_path / "readout.txt"
    other = tmp_path / "other.txt"
    story = tmp_path / "story.txt"
    readout.write_text("\n\n".join(READOUT) + "\n", encoding="utf-8")
    other.write_text("\n\n".join(READOUT_2) + "\n", encoding="utf-8")
    story.write_text("\n\n".join(STORY_1) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert cli_invoke("track", readout, story, "--store", store, "--no-semantic").exit_code == 0
    r = cli_invoke("track", other, story, "--store", store, "--no-semantic")
    assert r.exit_code == 1
    assert "tracks the readout" in r.output and "Traceback" not in r.output


NAVY = "Navy officials said the vessels would be delivered by June."
OFFICE = "Okafor's office said the talks would begin in May."


@pytest.mark.parametrize(
    "before, after, expected",
    [
        # A verbatim quotation altered.
        (STORY_2, STORY_1, ["quotation \u201cfreedom of navigation is never negotiable\u201d now "
                            "altered (was verbatim)"]),
        # A paragraph that reported the readout taken out.
        (STORY_3, STORY_2, ["no longer reports readout sentence: \u201cThe two leaders agreed to "
                            "hold talks on a new trade framework before the end of the year."
                            "\u201d"]),
        # A claim credited to someone else.
        (STORY_1, [*STORY_1[:3], NAVY, *STORY_1[4:]],
         ["attribution changed: \u201cNavy officials said the vessels would be delivered by "
          "June.\u201d now credited to Navy officials (was Officials in Freedonia)"]),
        # A claim the readout does not make, added with its source.
        (STORY_4, [*STORY_4, OFFICE],
         ["claim not in the readout added: \u201cOkafor's office said the talks would begin in "
          "May.\u201d, credited to Okafor's office"]),
        # A new headline.
        (STORY_4, ["Alvarez promises Freedonia patrol boats", *STORY_4[1:]],
         ["headline changed: now \u201cAlvarez promises Freedonia patrol boats\u201d"]),
    ],
)
def test_each_kind_of_edit_is_described(before, after, expected):
    from readout_compare import Settings, compare
    from readout_compare.report import report_dict
    from readout_compare.track.changes import verdict_changes

    def compared(story: list[str]) -> dict:
        report = report_dict(compare("\n\n".join(READOUT) + "\n", ["\n\n".join(story) + "\n"],
                                     labels=["Freedonia Times"], readout_label="Readout",
                                     settings=Settings(semantic=False)))
        return {"readout": report["readout"], "account": report["accounts"][0]}

    assert verdict_changes(compared(before), compared(after)) == expected


def test_readout_sentences_added_removed_and_changed_are_named():
    from readout_compare.pipeline import as_document
    from readout_compare.track.changes import Change, readout_changes

    def doc(paragraphs: list[str]):
        return as_document("\n\n".join(paragraphs) + "\n", doc_id="r", label="Readout")

    edited = [*READOUT_2[:3], *READOUT_2[4:], "The Minister thanked the Secretary for her "
              "support."]
    assert readout_changes(doc(READOUT), doc(edited)) == [
        Change("readout sentence changed (3 \u2192 4): \u201cThe Secretary said the United "
               "States would provide 4 patrol vessels to support maritime security in the Gulf "
               "of Arden.\u201d"),
        Change("readout sentence removed: \u201cThe two leaders agreed to hold talks on a new "
               "trade framework before the end of the year.\u201d"),
        Change("readout sentence added: \u201cThe Minister thanked the Secretary for her "
               "support.\u201d"),
    ]


def test_bad_stores_and_repeated_inputs_are_one_line_errors(cli_invoke, tmp_path):
    readout = tmp_path / "readout.txt"
    readout.write_text("\n\n".join(READOUT) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    store.mkdir()
    (store / "history.sqlite").write_text("not a database\n" * 100, encoding="utf-8")
    r = cli_invoke("track", readout, readout, "--store", store)
    assert r.exit_code == 2 and "given twice" in r.output
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(STORY_1) + "\n", encoding="utf-8")
    r = cli_invoke("track", readout, story, "--store", store, "--no-semantic")
    assert r.exit_code == 1
    assert "not a track store" in r.output and "Traceback" not in r.output
    assert not (store / "index.html").exists()
