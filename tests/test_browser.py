"""The HTML report in a real browser: Playwright driving Debian's Chromium (no browser download).

Skipped on a machine without /usr/bin/chromium, except in CI (CI=true), where .ci/run installs
it and a missing browser is a failure. Slow (a browser per module): `pytest -m slow` runs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest

from readout_compare import compare
from readout_compare.model import LoadedText, Source
from readout_compare.render import renderer
from readout_compare.report import report_dict

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory, case_texts):
    folder = tmp_path_factory.mktemp("reports")
    # Both accounts report all four readout sentences; a fifth, which neither reports, gives
    # the omissions filter something to show.
    readout = case_texts["readout-pentagon"].rstrip() + (
        "\n\nThe Secretary also thanked the Mexican Navy for its hurricane relief work in "
        "Acapulco.\n"
    )
    comparison = compare(
        readout,
        [case_texts["account-nypost"], case_texts["account-wire"]],
        labels=["New York Post", "Wire"],
    )
    (folder / "case.html").write_text(renderer("html")(report_dict(comparison)), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def served(report_dir):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(report_dir))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class Watched:
    """A page with its console errors, dialogs and outgoing requests recorded."""

    def __init__(self, page, allowed_prefix: str):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

        def route(r):
            self.requests.append(r.request.url)
            if r.request.url.startswith(allowed_prefix):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)

    def outside(self, prefix: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(prefix)]


@pytest.fixture
def page(browser, report_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    watched = Watched(p, report_dir.as_uri())
    p.goto((report_dir / "case.html").as_uri())
    yield watched
    context.close()


def active_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(".active", "els => els.map(e => e.id)"))


def test_click_highlights_partner_and_opens_the_diff(page):
    p = page.page
    p.click("#a1-4 .text")
    assert {"a1-4", "a1-r-3"} <= active_ids(p)
    assert p.eval_on_selector("#a1-4 details.pair", "d => d.open")
    assert p.is_visible("#a1-4 details.pair del, #a1-4 details.pair ins")
    # And from the readout side.
    p.click("#a2-r-4 .text")
    assert {"a2-r-4", "a2-7"} <= active_ids(p)
    assert p.eval_on_selector("#a2-7", "el => { const r = el.getBoundingClientRect();"
                              " return r.top < innerHeight && r.bottom > 0; }")
    assert page.errors == []


def test_keyboard_focus_highlights_and_enter_opens(page):
    p = page.page
    p.focus("#a2-6 .text")
    assert {"a2-6", "a2-r-3"} <= active_ids(p)
    p.keyboard.press("Enter")
    assert p.eval_on_selector("#a2-6 details.pair", "d => d.open")
    p.keyboard.press("Tab")
    focused = p.evaluate("document.activeElement.id || document.activeElement.tagName")
    assert focused  # focus moved on, to the next control or sentence
    # The filter buttons are reachable and work from the keyboard.
    p.focus("button[data-filter=omitted]")
    p.keyboard.press("Enter")
    assert p.get_attribute("button[data-filter=omitted]", "aria-pressed") == "true"


@pytest.mark.parametrize(
    "name, shown, dimmed",
    [
        ("omitted", "#a1-r-6", "#a1-r-3"),
        ("not_in_readout", "#a1-1", "#a1-4"),
        ("quotes", "#a1-4", "#a1-9"),
    ],
)
def test_filters_and_their_url_state(page, name, shown, dimmed):
    p = page.page
    p.click(f"button[data-filter={name}]")
    assert f"show={name}" in p.url
    opacity = "el => getComputedStyle(el).opacity"
    assert p.eval_on_selector(shown, opacity) == "1"
    assert float(p.eval_on_selector(dimmed, opacity)) < 0.5
    p.reload()
    assert p.get_attribute(f"button[data-filter={name}]", "aria-pressed") == "true"
    assert float(p.eval_on_selector(dimmed, opacity)) < 0.5
    p.click("button[data-filter=all]")
    assert "show=" not in p.url
    assert p.eval_on_selector(dimmed, opacity) == "1"


def test_divergence_filter(browser, tmp_path):
    readout = "The Secretary highlighted the importance of cooperation on border security with Mexico."
    account = ("The Secretary warned of the importance of cooperation on border security with Mexico. "
               "Separately, markets fell on Tuesday in Asia.")
    out = tmp_path / "d.html"
    out.write_text(renderer("html")(report_dict(compare(readout, [account]))), encoding="utf-8")
    context = browser.new_context()
    p = context.new_page()
    p.goto(out.as_uri() + "?show=divergent")
    opacity = "el => getComputedStyle(el).opacity"
    assert p.eval_on_selector("#a1-1", opacity) == "1"
    assert float(p.eval_on_selector("#a1-2", opacity)) < 0.5
    assert "reporting verb" in p.inner_text("#a1-1")
    context.close()


@pytest.mark.parametrize("anchor", ["a1-q3", "a1-9", "r-5", "finding-a1-not_in_readout-a1-1"])
def test_deep_links_scroll_and_highlight(browser, report_dir, anchor):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.goto((report_dir / "case.html").as_uri() + f"#{anchor}")
    el = f"#{anchor}"
    assert "flash" in p.get_attribute(el, "class")
    assert p.eval_on_selector(el, "el => { const r = el.getBoundingClientRect();"
                              " return r.top >= 0 && r.top < innerHeight; }")
    context.close()


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "%", "no-such-id", "%3Cimg%20src%3Dx%3E"])
def test_malformed_or_unknown_fragments_do_not_break_the_page(browser, report_dir, fragment):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    watched = Watched(p, report_dir.as_uri())
    p.goto((report_dir / "case.html").as_uri() + f"#{fragment}")
    p.wait_for_load_state("load")
    p.click("#a1-4 .text")  # the page still works
    assert "a1-4" in active_ids(p)
    assert watched.errors == [] and watched.dialogs == []
    context.close()


def test_overview_strips_link_every_cell_to_its_sentence(page):
    p = page.page
    assert p.is_visible("#overview-a1 .ov-grid")
    cells = p.eval_on_selector_all(
        "#overview-a1 .ov-cell a", "els => els.map(a => [a.getAttribute('href'), a.textContent])")
    sentence_ids = p.eval_on_selector_all(
        "#a1 .col-account .sent.role-body", "els => els.map(e => '#' + e.id)")
    assert [href for href, _ in cells] == sentence_ids  # story order, one cell per sentence
    assert cells[0][1].startswith("+")  # the Post's lede: not in the readout
    # The first report of r-3 is marked in the column of a1-4, and the mark links there.
    first = p.eval_on_selector_all(
        "#overview-a1 tbody tr", "rows => rows.map(r => [r.querySelector('th').textContent.trim(),"
        " [...r.querySelectorAll('td a')].filter(a => a.textContent === '◆')"
        ".map(a => a.getAttribute('href'))])")
    # Rows are named by the readout sentence's first words, not by its id.
    assert ["In both calls, the Secretary underscored …", ["#a1-4"]] in first
    assert not any(label.startswith("r-") for label, _ in first)
    # An omitted readout sentence's row says so in one cell across the row.
    omitted = p.eval_on_selector_all(
        "#overview-a1 tbody tr.ov-row-omitted", "rows => rows.map(r => [r.cells.length,"
        " r.querySelector('td').colSpan, r.querySelector('td').textContent])")
    assert omitted == [[2, len(cells), "omitted: not in this story"]]
    p.click("#overview-a1 .ov-cell a[href='#a1-5']")
    assert p.evaluate("location.hash") == "#a1-5"
    # The flash comes with the hashchange event, which may fire just after the click returns.
    p.wait_for_selector("#a1-5.flash", timeout=5000)
    assert "flash" in p.get_attribute("#a1-5", "class")
    caption = p.text_content("#overview-a1 figcaption")
    assert "led with 2 claims not in the readout" in caption and "paragraph 4" in caption
    assert page.outside(p.url.split("#")[0].split("?")[0]) == []
    assert page.errors == []


def test_overview_fits_a_phone_and_prints(browser, report_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    p = context.new_page()
    p.goto((report_dir / "case.html").as_uri())
    box = p.locator("#overview-a2 .ov-grid").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
    assert p.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    p.emulate_media(media="print")
    assert p.is_visible("#overview-a1 .ov-grid")
    context.close()


def test_phone_layout_stacks_columns(browser, report_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    p = context.new_page()
    p.goto((report_dir / "case.html").as_uri())
    readout_box = p.locator("#a1 .col-readout").bounding_box()
    account_box = p.locator("#a1 .col-account").bounding_box()
    assert account_box["y"] > readout_box["y"] + readout_box["height"] - 1
    assert abs(account_box["x"] - readout_box["x"]) < 2
    width = p.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "no sideways scrolling of the page itself"
    context.close()


def test_no_outside_requests_and_no_console_errors(page):
    p = page.page
    for sel in ("#a1-4 .text", "button[data-filter=quotes]", "#a2-8 .text"):
        p.click(sel)
    assert page.outside(p.url.split("#")[0].split("?")[0]) == []
    assert page.errors == [] and page.dialogs == []


def test_same_behaviour_from_a_static_server(browser, served, report_dir):
    results = []
    for url in ((report_dir / "case.html").as_uri(), f"{served}/case.html"):
        context = browser.new_context()
        p = context.new_page()
        watched = Watched(p, url.rsplit("/", 1)[0])
        p.goto(url)
        p.click("#a1-5 .text")
        p.click("button[data-filter=omitted]")
        results.append((
            p.eval_on_selector_all(".sent", "els => els.length"),
            sorted(active_ids(p)),
            p.url.split("?", 1)[1],
            watched.errors,
        ))
        context.close()
    assert results[0] == results[1]
    assert results[0][3] == []


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> </script><svg onload=alert(2)>'


def test_hostile_inputs_stay_inert(browser, tmp_path):
    readout = LoadedText(
        f"Title {HOSTILE}\n\nThe Secretary met the Minister. He said {HOSTILE}.",
        Source(url="javascript:alert(3)", title=f"<b>{HOSTILE}</b>", final_url="javascript:alert(4)"),
    )
    account = LoadedText(
        f"The Secretary met the Minister. He said “{HOSTILE}” today. </script><script>alert(5)</script>",
        Source(url="https://evil.example/x\" onmouseover=\"alert(6)", title=HOSTILE),
    )
    html = renderer("html")(report_dict(compare(readout, [account], labels=[f"<i>{HOSTILE}</i>"])))
    out = tmp_path / "hostile.html"
    out.write_text(html, encoding="utf-8")
    context = browser.new_context()
    p = context.new_page()
    watched = Watched(p, out.as_uri())
    p.goto(out.as_uri())
    # Everything a reader does on the page; following a link to a source is leaving it.
    for sel in (".sent", "button[data-filter=quotes]", 'a[href^="#"]'):
        for el in p.query_selector_all(sel)[:30]:
            try:
                el.hover(timeout=500)
                el.click(timeout=500, no_wait_after=True)
            except Exception:
                pass
    p.wait_for_timeout(300)
    assert watched.dialogs == []
    assert watched.outside(out.as_uri()) == []
    assert p.evaluate("document.querySelectorAll('img, svg, b, i').length") == 0
    assert p.evaluate("document.scripts.length") == 2  # the data and the page's own script
    assert HOSTILE in p.inner_text("body")
    assert p.evaluate("JSON.parse(document.getElementById('report-data').textContent)"
                      ".accounts[0].label") == f"<i>{HOSTILE}</i>"
    assert p.evaluate("[...document.querySelectorAll('a[href]')].every("
                      "a => !a.href.startsWith('javascript:'))")
    # The quote in the hostile URL stayed inside the attribute.
    assert p.evaluate("[...document.querySelectorAll('[onmouseover], [onerror], [onload]')].length") == 0
    context.close()


def test_accessibility_with_axe(browser, report_dir):
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is not installed (npm ci --prefix tests/browser)")
        pytest.skip("axe-core is not installed (npm ci --prefix tests/browser)")
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        p = context.new_page()
        p.goto((report_dir / "case.html").as_uri())
        p.evaluate(AXE.read_text(encoding="utf-8"))  # evaluate is not subject to the page's CSP
        result = p.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        problems = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]
        ]
        assert problems == [], f"at {width}px"
        context.close()


def test_print_hides_controls_and_shows_diffs(page):
    p = page.page
    p.emulate_media(media="print")
    assert not p.is_visible(".controls")
    assert p.eval_on_selector("#a1-4 details.pair", "d => getComputedStyle(d).display") == "block"


def test_review_round_trip_confirm_correct_export_and_rerun(browser, cli_invoke, tmp_path):
    """A reporter confirms one verdict and corrects another with a note in the page, exports
    the review file with one button, and a re-run with --review shows both in every format,
    with the counts made again from the reviewed verdicts."""
    import json

    from tests.conftest import CASE

    inputs = [CASE / "readout-pentagon.txt", CASE / "account-nypost.txt", CASE / "account-wire.txt"]
    labels = ["--label", "Pentagon readout", "--label", "New York Post", "--label", "Wire report"]

    def run(name, *extra):
        out = tmp_path / name
        r = cli_invoke("compare", *inputs, *labels, "-q", "-o", out, *extra)
        assert r.exit_code == 0, r.output
        return out

    page_path, tool = run("report.html"), json.loads(run("tool.json").read_text())
    wire = tool["accounts"][1]
    by_id = {s["id"]: s for s in wire["sentences"]}
    confirmed, corrected = by_id["a2-6"], by_id["a2-4"]
    assert (confirmed["status"], corrected["status"]) == ("supported", "not_in_readout")
    r2 = next(s for s in tool["readout"]["sentences"] if s["id"] == "r-2")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    p = context.new_page()
    watched = Watched(p, tmp_path.as_uri())
    p.goto(page_path.as_uri())
    assert p.is_visible("#review-panel")
    p.fill("#review-name", "Ana Reyes")
    p.dispatch_event("#review-name", "change")
    p.click("#a2-6 .rv-confirm")
    assert "confirmed by Ana Reyes" in p.inner_text("#a2-6 .rv-mine")
    assert not p.eval_on_selector("#a2-6 details.pair", "d => d.open")  # not the sentence's click
    p.click("#a2-4 .rv-correct")
    p.select_option("#a2-4 .rv-form select[name=verdict]", "supported")
    p.select_option("#a2-4 .rv-form select[name=readout]", r2["key"])
    p.fill("#a2-4 .rv-form input[name=note]", "the officers' reaction to the call")
    p.click("#a2-4 .rv-form button[type=submit]")
    assert "corrected to supported (r-2) by Ana Reyes" in p.inner_text("#a2-4 .rv-mine")
    assert "2 verdicts reviewed" in p.inner_text("#review-count")
    p.reload()  # kept in the browser for this report
    assert "2 verdicts reviewed" in p.inner_text("#review-count")
    with p.expect_download() as download:
        p.click("#review-export")
    review_file = tmp_path / "review.json"
    download.value.save_as(review_file)
    entries = json.loads(review_file.read_text())["reviews"]
    assert {e["key"]: e["status"] for e in entries} == {
        corrected["key"]: "supported", confirmed["key"]: "supported"}
    assert watched.errors == [] and watched.outside(tmp_path.as_uri()) == []

    reviewed = json.loads(run("reviewed.json", "--review", review_file).read_text())
    wire2 = reviewed["accounts"][1]
    by_id2 = {s["id"]: s for s in wire2["sentences"]}
    assert by_id2["a2-6"]["review"]["outcome"] == "confirmed"
    assert by_id2["a2-4"]["status"] == "supported"
    assert by_id2["a2-4"]["review"]["outcome"] == "corrected"
    assert by_id2["a2-4"]["review"]["note"] == "the officers' reaction to the call"
    assert by_id2["a2-4"]["review"]["reviewer"] == "Ana Reyes"
    assert wire2["summary"]["not_in_readout"] == wire["summary"]["not_in_readout"] - 1
    assert wire2["summary"]["supported"] == wire["summary"]["supported"] + 1
    assert wire2["summary"]["reviews"] == {"confirmed": 1, "corrected": 1}
    assert "3 account sentences have no counterpart" in wire2["summary"]["headline"]
    assert "4 account sentences have no counterpart" in wire["summary"]["headline"]

    md = run("reviewed.md", "--review", review_file).read_text()
    assert "1 verdict confirmed, 1 corrected by Ana Reyes" in md
    assert "3 account sentences have no counterpart" in md
    assert "the officers' reaction to the call" in md

    html_path = run("reviewed.html", "--review", review_file)
    p.goto(html_path.as_uri())
    assert "corrected by Ana Reyes; the tool said not in readout" in p.inner_text("#a2-4")
    assert "confirmed by Ana Reyes" in p.inner_text("#a2-6")
    assert "the officers' reaction to the call" in p.inner_text("#a2-4")
    assert "1 verdict confirmed, 1 corrected by Ana Reyes" in p.inner_text("#reviews")
    assert "3 account sentences have no counterpart" in p.inner_text(".summary")
    # The reviewed report has the same identity: this browser's reviews are found again, and
    # still read against the tool's verdict, which the report keeps.
    assert "2 verdicts reviewed (2 in this browser" in p.inner_text("#review-count")
    assert "corrected to supported (r-2)" in p.inner_text("#a2-4 .rv-mine")
    p.click("#review-clear")
    # What the report was made with stays (it is the report's), only this browser's is gone.
    assert p.inner_text("#review-count").strip() == "2 verdicts reviewed"
    assert p.inner_text("#a2-4 .rv-mine") == ""
    with p.expect_download() as download:
        p.click("#review-export")
    again = tmp_path / "again.json"
    download.value.save_as(again)
    assert json.loads(again.read_text()) == json.loads(review_file.read_text())
    assert watched.errors == []
    if AXE.exists():  # the review marks, the review section and an open form are accessible
        p.click("#a1-q3 .rv-correct")
        p.evaluate(AXE.read_text(encoding="utf-8"))
        result = p.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
def test_findings_come_first_and_each_links_to_its_evidence(page):
    p = page.page
    order = p.evaluate(
        "[...document.querySelectorAll('#top-findings-h, #summary-h, .settings, #overview-h')]"
        ".map(e => e.id || e.className)")
    assert order == ["top-findings-h", "summary-h", "settings", "overview-h"]
    assert p.eval_on_selector("details.settings", "d => d.open") is False
    findings = p.eval_on_selector_all(
        ".top-finding", "els => els.map(li => [li.querySelector('.tf-text').textContent,"
        " li.querySelector('a').getAttribute('href'), li.querySelector('.sure').textContent])")
    assert 1 <= len(findings) <= 7
    first = findings[0][0]
    assert "unilateral action" in first and "Wall Street Journal" in first
    for text, href, sure in findings:
        assert href.startswith("#") and p.query_selector(href) is not None, (text, href)
        assert re.search(r"How sure: (certain|very likely|likely|possible) \(\d\.\d\d\)", sure)
    # The reader follows the first one to its evidence.
    p.click(".top-finding a")
    target = findings[0][1]
    assert p.evaluate("location.hash") == target
    # The page adds the class after the jump; under load that can take a moment.
    p.wait_for_function("t => document.querySelector(t).classList.contains('flash')", arg=target,
                        timeout=5000)
    assert "flash" in p.get_attribute(target, "class")
    # The readout point neither story reports is among them, linked to its row.
    assert any(href == "#r-6" for _, href, _ in findings)
    assert page.errors == []


def test_nothing_overflows_a_phone_without_a_visible_scroll(browser, report_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    p = context.new_page()
    p.goto((report_dir / "case.html").as_uri())
    assert p.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    # Every visible element outside a scrolling table box stays inside the screen.
    wide = p.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.checkVisibility()"
        " && !e.closest('.table-wrap') && e.getBoundingClientRect().right > 391)"
        ".map(e => e.tagName + '.' + e.className)")
    assert wide == []
    # A table box that scrolls says so above it; one that fits does not.
    boxes = p.eval_on_selector_all(
        ".table-wrap", "els => els.map(w => [w.scrollWidth > w.clientWidth + 1,"
        " w.previousElementSibling.checkVisibility(), w.getBoundingClientRect().right])")
    assert any(scrolls for scrolls, _, _ in boxes)  # the coverage table does, at 390 px
    for scrolls, cue, right in boxes:
        assert cue == scrolls and right <= 391
    # Numbers do not break inside.
    lines = p.eval_on_selector_all(
        ".numbers dd", "els => els.map(d => { const r = document.createRange();"
        " r.selectNodeContents(d); return new Set([...r.getClientRects()].map(x => x.top)).size; })")
    assert set(lines) == {1}
    context.close()


def test_print_expands_diffs_and_in_words(page):
    p = page.page
    p.emulate_media(media="print")
    visible = "el => el.checkVisibility()"
    assert p.eval_on_selector("#a2-6 details.pair .diff", visible)
    assert p.eval_on_selector("#a2-6 details.pair ins", visible)
    assert p.eval_on_selector("#overview-a1 .ov-words li", visible)
    assert p.eval_on_selector("details.settings p", visible)
    p.emulate_media(media="screen")
    assert not p.eval_on_selector("#a2-6 details.pair .diff", visible)


def test_an_empty_filter_says_none(page):
    p = page.page
    visible = "el => el.checkVisibility()"
    assert not p.eval_on_selector("#a2 .filter-none", visible)
    p.click("button[data-filter=quotes]")
    # The wire report quotes nobody: its section says so; the Post's does not.
    assert p.eval_on_selector("#a2 .filter-none", visible)
    assert "None" in p.inner_text("#a2 .filter-none")
    assert not p.eval_on_selector("#a1 .filter-none", visible)
    p.click("button[data-filter=divergent]")
    assert p.eval_on_selector(".findings .filter-none", visible)


def test_quotation_labels_are_words(page):
    p = page.page
    body = p.inner_text("body")
    assert "SCARE" not in body and "scare quotes" in body
    badge = p.query_selector("tr.qk-scare .badge.plain")
    assert "distance the writer" in badge.get_attribute("title")


def test_an_altered_quotation_reads_as_a_substitution(browser, tmp_path):
    readout = "The Secretary urged Mexico to act against the cartels."
    account = ("The Secretary “ordered Mexico to act against the cartels,” according to the "
               "readout.")
    out = tmp_path / "q.html"
    out.write_text(renderer("html")(report_dict(compare(readout, [account]))), encoding="utf-8")
    context = browser.new_context()
    p = context.new_page()
    p.goto(out.as_uri())
    cell = p.inner_text("#a1-q1 td:last-child")
    assert "urged → ordered" in cell
    # Only words are marked: the readout's full stop and the quotation marks are not changes.
    marked = p.eval_on_selector_all("#a1-q1 del, #a1-q1 ins", "els => els.map(e => e.textContent)")
    assert marked == ["urged", "ordered"]
    assert "urged → ordered" in p.inner_text(".top-findings")
    context.close()
