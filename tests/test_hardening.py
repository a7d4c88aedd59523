"""Hostile inputs, second round (issue 33, part A): text whose shape makes the work grow faster
than the text, numbers past what a float holds, broken PDFs, encodings that are hard to tell
apart, markup and bidirectional controls from the inputs, odd arguments.

Sizes that take seconds are measured by bench/hostile.py, not here."""

from __future__ import annotations

import json
import math
import random
import re
import threading
import time
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_compare import attribution, compare, crosslingual, extract, quotes, wording
from readout_compare.cli import without_cycle_collection
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import decode, load, load_bytes
from readout_compare.model import Settings, Source
from readout_compare.normalize import clean_label, words
from readout_compare.quantities import number_key, number_values
from readout_compare.render import renderer
from readout_compare.report import report_dict
from readout_compare.segment import segment
from tests.conftest import CASE
from tests.hostile import HTML_SHAPES, READOUT, TEXT_SHAPES
from tests.pdfmaker import encrypted, make_pdf, with_stream
from tests.test_faults import one_line_error
from tests.test_inputs import ROUTES, Handler, QuietServer

# -- Time grows at most in proportion to the text ---------------------------------------------

_READOUT_DOC = segment(READOUT, doc_id="r", label="Readout")


def _text_steps(text: str) -> None:
    """The steps that read an account's text pattern by pattern: segmentation (with its roles),
    quotations and their verdicts, speakers, and the numbers and names divergences compare."""
    wording._name_keys_cached.cache_clear()  # each timing reads the names afresh
    doc = segment(text, doc_id="a1", label="Account")
    quotes.find_quotes(_READOUT_DOC, doc, found_by_sentence=attribution.found_in(doc.body))
    for s in doc.body:
        number_values(words(s.text))
        wording.name_keys(s.text, True)


def _timings(step, small: str, large: str) -> tuple[float, float]:
    """The least of three timings of ``step`` on each text, taken in turn (small, large, small,
    …) so that a busy machine slows both alike, with the cycle collector paused as compare()
    pauses it (its passes land at random sizes)."""
    best = [float("inf"), float("inf")]
    with without_cycle_collection():
        for _ in range(3):
            for k, text in enumerate((small, large)):
                start = time.perf_counter()
                step(text)
                best[k] = min(best[k], time.perf_counter() - start)
    return best[0], best[1]


# Four times the text may cost at most eight times the time (linear is four, quadratic
# sixteen): generous, so a busy machine does not fail it, and still far from quadratic. Under a
# quarter of a second for the large size, the ratio is not looked at (noise, not growth).
RATIO, QUICK = 8, 0.25


@pytest.mark.parametrize("shape", sorted(TEXT_SHAPES))
@pytest.mark.slow
def test_time_grows_at_most_about_linearly_on_hostile_shapes(shape):
    """The text steps at 12,000 and 48,000 characters, where the quadratic cases this caught
    (a run of digits, capitalised words) took most of the time."""
    make = TEXT_SHAPES[shape]
    _text_steps(make(2_000))  # warm the caches of word lists and patterns
    t_small, t_large = _timings(_text_steps, make(12_000), make(48_000))
    assert t_large <= max(RATIO * t_small, QUICK), (shape, t_small, t_large)


def _verdicts(text: str) -> None:
    quotes.verdicts(_READOUT_DOC, quotes.quote_spans(text))


@pytest.mark.parametrize("shape", ["unclosed quote", "quote over paragraphs", "possessives in a quote"])
def test_quotation_verdicts_grow_at_most_about_linearly(shape):
    """The quotations alone, at sizes where covering a quotation never closed in one piece was
    quadratic (the whole steps above are too slow to reach them in a test)."""
    make = TEXT_SHAPES[shape]
    t_small, t_large = _timings(_verdicts, make(48_000), make(192_000))
    assert t_large <= max(RATIO * t_small, QUICK), (shape, t_small, t_large)


# -- Broken PDFs: one line naming what is wrong, exit 1, nothing of pypdf's own -----------------

_PDF = make_pdf([["The Secretary met the minister on Monday in Washington."] * 4,
                 ["They agreed to keep working together on security."]])


@pytest.fixture(scope="module")
def broken_pdfs() -> dict[str, bytes]:
    return {
        # A stream that expands past pypdf's limit (75 MB of zeros, 78 KB compressed).
        "bomb": with_stream("/Filter /FlateDecode", zlib.compress(b"\0" * 76_000_000, 9)),
        "self-length": with_stream("", b"BT /F1 11 Tf 72 740 Td (Hello there.) Tj ET",
                                   length_ref=True),
        "encrypted": encrypted(_PDF),
        "truncated": _PDF[: len(_PDF) // 2],
        "header then garbage": b"%PDF-1.4\n" + random.Random(1).randbytes(3000),
        "text starting %PDF-": b"%PDF- is how a PDF file starts. This note is plain text.\n" * 3,
        "bad compressed stream": with_stream("/Filter /FlateDecode", b"not zlib data" * 10),
    }


@pytest.mark.parametrize("case, message", [
    ("bomb", "too large once decompressed"),
    ("self-length", "refer to themselves"),
    ("encrypted", "encrypted with a password"),
    ("truncated", "cut short"),
    ("header then garbage", "holds no PDF objects"),
    ("text starting %PDF-", "holds no PDF objects"),
    ("bad compressed stream", "damaged"),
])
def test_broken_pdfs_are_one_line_errors(broken_pdfs, cli_invoke, tmp_path, case, message):
    path = tmp_path / "readout.pdf"
    path.write_bytes(broken_pdfs[case])
    out = tmp_path / "r.html"
    r = cli_invoke("compare", path, CASE / "account-wire.txt", "-q", "-o", out)
    assert r.exit_code == 1
    line = one_line_error(r.output)  # pypdf's "EOF marker not found" would be a second line
    assert line.startswith(f"Error: {path}: ") and message in line, line
    assert not out.exists()


def test_a_pdf_with_an_empty_user_password_is_read():
    from readout_compare.extract import pdf_text

    # Encrypted for its owner only: readers open it without a password.
    assert "Secretary met the minister" in pdf_text(encrypted(_PDF, ""), name="x.pdf").text


# -- Numbers past what a float holds -------------------------------------------------------------

BIG = "9" * 320


@pytest.mark.parametrize("where", ["readout", "account", "both"])
def test_a_320_digit_number_anywhere_is_no_figure_and_no_traceback(where):
    readout = READOUT + f"\n\nThe two sides agreed to deploy {BIG if where != 'account' else 12} troops.\n"
    account = (CASE / "account-wire.txt").read_text(encoding="utf-8") + (
        f"\n\nThe two sides agreed to deploy {BIG if where != 'readout' else 12} troops.\n")
    comparison = compare(readout, [account], settings=Settings(semantic=False))
    report = report_dict(comparison)
    for fmt in ("html", "json", "md"):
        assert renderer(fmt)(report)
    shown = [d.account_text + d.readout_text for s in comparison.accounts[0].sentences
             for d in s.divergences if d.type == "number"]
    assert not any("inf" in x for x in shown), shown


def test_figures_across_languages_skip_numbers_too_long_to_be_figures():
    figures = crosslingual.read(f"desplegar {BIG} soldados y 5.000 agentes, 12 barcos", "es").figures
    assert set(figures) == {5000.0, 12.0}


# -- Markup and direction controls from the inputs -----------------------------------------------

HOSTILE_WORDS = "<script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:x) `code` **bold**"


def test_markdown_escapes_everything_from_the_inputs():
    # Markup inside a readout sentence that the account reports in part: the part reported is
    # shown in the Markdown's table, and it once went through unescaped.
    readout = READOUT.replace("cartel activities that threaten",
                              f"cartel activities {HOSTILE_WORDS} that threaten")
    account = ("It said he emphasized the importance of Mexico's armed forces continuing to "
               f"disrupt cartel activity {HOSTILE_WORDS} that threatens the United States.\n\n"
               f"A claim beyond the readout {HOSTILE_WORDS}, said <b>the embassy</b>.\n")
    comparison = compare(readout, [account], labels=["<i>Post</i>"], readout_label="<b>R</b>",
                         settings=Settings(semantic=False))
    report = report_dict(comparison)
    assert any(re.search(r"[<>`*\[]", p) for c in report["accounts"][0]["readout_coverage"]
               for p in c["parts"])
    md = renderer("md")(report)
    assert "partial: “" in md and "\\*\\*bold" in md  # the words are there, as text
    # Apart from the template's own code spans (sentence ids), every mark that could open HTML,
    # a link or a code span is escaped.
    rest = re.sub(r"`(?:r|[ag]\d+)(?:-[a-z]*\d*)*`", "", md)  # "r-2", "a1-q1", "a1-r-5", "g1"
    assert not re.search(r"(?<!\\)\*\*bold", md)
    for k, ch in enumerate(rest):
        if ch in "<>[]`":
            assert rest[k - 1] == "\\", rest[max(k - 60, 0) : k + 20]


def test_an_id_with_a_backtick_cannot_end_its_code_span():
    from readout_compare.render.markdown import render

    report = report_dict(compare(READOUT, [(CASE / "account-wire.txt").read_text()],
                                 settings=Settings(semantic=False)))
    text = render(report)
    assert "`r-1`" in text or "`r-2`" in text


BIDI = "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f"


def test_direction_controls_never_reach_labels_names_or_the_report(tmp_path, cli_invoke):
    name = tmp_path / "story\u202etxt.exe"
    name.write_text("Secretary Hegseth spoke with \u202eMinister\u202c Trevilla on Monday.\n",
                    encoding="utf-8")
    for fmt in ("html", "json", "md"):
        out = tmp_path / f"r.{fmt}"
        r = cli_invoke("compare", CASE / "readout-pentagon.txt", name, "--label", "Pentagon\u202e",
                       "--label", "\u2066Post\u2069", "-q", "-o", out)
        assert r.exit_code == 0, r.output
        text = out.read_text(encoding="utf-8")
        assert not any(ch in text for ch in BIDI[:9]), fmt  # embeddings, overrides, isolates
        assert "Post" in text and (fmt == "md" or "storytxt.exe" in text)
    r = cli_invoke("compare", CASE / "readout-pentagon.txt", tmp_path / "gone\u202etxt.exe", "-q")
    assert r.exit_code == 1 and not any(ch in r.output for ch in BIDI)
    assert clean_label(f"a{BIDI}b") == "ab"


# -- Arguments and inputs --------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["99999999999999999999999", "10001", "0"])
def test_partial_min_words_out_of_range_is_a_usage_error(cli_invoke, value):
    r = cli_invoke("compare", CASE / "readout-pentagon.txt", CASE / "account-wire.txt",
                   "--partial-min-words", value)
    assert r.exit_code == 2 and "Traceback" not in r.output


@pytest.mark.parametrize("kwargs, words", [
    ({"accounts": 5}, "accounts must be"),
    ({"accounts": [5]}, "account 1 must be"),
    ({"readout": 3.5}, "readout must be"),
    ({"accounts": [b"bytes"]}, "account 1 must be"),
    ({"labels": "one label"}, "labels must be"),
    ({"readout_label": 7}, "readout_label must be"),
    ({"settings": {"threshold": 0.5}}, "settings must be Settings"),
])
def test_the_library_checks_its_arguments(kwargs, words):
    args = {"readout": READOUT, "accounts": ["The Secretary spoke with the minister."],
            "settings": Settings(semantic=False), **kwargs}
    with pytest.raises(ReadoutCompareError, match=words):
        compare(args.pop("readout"), args.pop("accounts"), **args)


@pytest.mark.parametrize("kwargs, words", [
    ({"partial_min_words": 10**30}, "partial_min_words must be between"),
    ({"partial_min_words": 0}, "partial_min_words must be between"),
    ({"partial_min_words": "4"}, "partial_min_words must be a whole number"),
    ({"partial_min_words": True}, "partial_min_words must be a whole number"),
    ({"threshold": "0.5"}, "threshold must be a number"),
    ({"threshold": 1.5}, "threshold must be between 0 and 1"),
    ({"threshold": float("nan")}, "threshold must be between 0 and 1"),
])
def test_the_settings_check_their_values(kwargs, words):
    with pytest.raises(ReadoutCompareError, match=words):
        Settings(**kwargs)


def test_a_nul_byte_after_the_first_8_kib_is_refused(tmp_path):
    body = (CASE / "account-wire.txt").read_bytes() * 4
    path = tmp_path / "story.txt"
    path.write_bytes(body[:9000] + b"\x00" + body[9000:])
    with pytest.raises(ReadoutCompareError, match="binary"):
        load(str(path))


def test_only_invisible_characters_is_nothing_to_compare(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeff\u200b\u200c\u200d\u2060\ufeff\n \u200b\n".encode())
    with pytest.raises(ReadoutCompareError, match="no text to compare"):
        load(str(path))


def test_a_local_file_named_like_a_url_is_read_as_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data:2024.txt").write_bytes((CASE / "account-wire.txt").read_bytes())
    assert load("data:2024.txt").source.path == "data:2024.txt"
    with pytest.raises(ReadoutCompareError, match="only http and https"):
        load("data:2025.txt")  # no such file: still a URL, and refused


# -- Encodings hard to tell apart ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Þórdís Guðmundsdóttir ræddi við ráðherra í Þórshöfn um samstarfið.",
    "Ça été où ?", "Þórshöfn", "Blåbærsyltetøy", "Grüße aus Köln", "Perché no?",
])
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_and_nordic_single_byte_text_is_read_exactly(text, encoding):
    got, how = decode(text.encode(encoding), name="x")
    assert got == text and how.startswith("cp1252"), how


def test_the_source_says_when_the_letters_chose_the_encoding():
    _, how = decode("Þórshöfn við æð".encode("cp1252"), name="x")
    assert how == "cp1252 (also readable as cp1250; Western European letters chosen)"
    assert decode(b"plain ascii", name="x")[1] == "utf-8"


def test_utf8_with_many_stray_windows_1252_bytes():
    text = "Les “négociations” ont repris à Genève — selon l’Élysée. " * 3
    parts = text.split(" ")
    data = b"".join(p.encode() + (b"\x92 " if k % 2 else b"\xe9 ") for k, p in enumerate(parts))
    got, how = decode(data, name="x")
    assert got == "".join(p + ("\u2019 " if k % 2 else "é ") for k, p in enumerate(parts))
    assert how == f"utf-8 ({len(parts)} stray bytes read as Windows-1252)"


# -- URLs the user did not type ------------------------------------------------------------------

ROUTES["/news?access_token=SECRET"] = ROUTES["/news"]
ROUTES["/to-token"] = (302, {"Location": "/news?access_token=SECRET#part"}, b"")


@pytest.fixture(scope="module")
def server():
    """tests/test_inputs.py's local server, with the two routes above."""
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_redirect_token_is_left_out_of_shared_reports(server, cli_invoke):
    base = ("compare", CASE / "readout-pentagon.txt", f"{server}/to-token", "-q")
    for fmt in ("json", "html", "md"):
        r = cli_invoke(*base, "-f", fmt)
        assert r.exit_code == 0, r.output
        assert "SECRET" not in r.output and "access_token" not in r.output, fmt
    source = json.loads(cli_invoke(*base, "-f", "json").output)["accounts"][0]["source"]
    assert source["url"] == f"{server}/to-token" and source["final_url"] == f"{server}/news"
    whole = json.loads(cli_invoke(*base, "-f", "json", "--full-urls").output)
    assert whole["accounts"][0]["source"]["final_url"].startswith(f"{server}/news?access_token=SECRET")
    assert whole["settings"]["full_urls"] is True


def test_a_url_the_user_typed_keeps_its_query(server, cli_invoke):
    r = cli_invoke("compare", CASE / "readout-pentagon.txt", f"{server}/news?access_token=SECRET",
                   "-q", "-f", "json")
    source = json.loads(r.output)["accounts"][0]["source"]
    assert source["url"] == source["final_url"] == f"{server}/news?access_token=SECRET"


def test_a_wrapped_numbered_list_keeps_its_numbers_in_the_report():
    readout = ("Readout of the Secretary's call\n\nThe Secretary and the Minister agreed on the "
               "following steps:\n\n1. The two sides will hold talks on border security\n"
               "   in the coming weeks, led by their deputies.\n2. They will set up a joint "
               "working group on trade\n   and investment before the end of the year.\n"
               "(c) Both will meet again in Mexico City\n   in the spring.\n")
    account = "The two sides will hold talks on border security in the coming weeks, officials said.\n"
    report = report_dict(compare(readout, [account], settings=Settings(semantic=False)))
    items = [s for s in report["readout"]["sentences"] if s["context"]]
    assert [s["marker"] for s in items] == ["1.", "2.", "(c)"]
    assert all(s["text"] == readout[s["start"] : s["end"]] for s in items)  # offsets as before
    html, md = renderer("html")(report), renderer("md")(report)
    for s in items:
        assert f'<span class="marker">{s["marker"]}</span>' in html
    assert "2. They will set up" in md and "(c) Both will meet" in md


# -- Web pages past their budget -------------------------------------------------------------------

@pytest.mark.parametrize("shape, size, message", [
    ("deep elements", 3_000, "nested 255 or more deep"),
    ("deep elements", 240_000, "elements; the limit is 50,000"),
    ("inline spans", 2_400_000, "elements; the limit is 50,000"),
])
def test_web_pages_past_their_element_or_depth_budget_are_one_line_errors(shape, size, message):
    with pytest.raises(ReadoutCompareError, match=message):
        load_bytes(HTML_SHAPES[shape](size).encode(), Source(path="page.html"), name="page.html")


@pytest.mark.slow
def test_web_page_extraction_stops_at_its_deadline(monkeypatch):
    monkeypatch.setattr(extract, "HTML_SECONDS", 0.05)
    page = HTML_SHAPES["inline spans"](400_000).encode()  # about 9,000 spans: over a second
    start = time.perf_counter()
    with pytest.raises(ReadoutCompareError, match="took over 0.05 s"):
        load_bytes(page, Source(path="page.html"), name="page.html")
    assert time.perf_counter() - start < 5
    # The timer is gone afterwards: a page read next is read whole.
    assert "Secretary" in load_bytes(HTML_SHAPES["inline spans"](2_000).encode(),
                                     Source(path="p.html"), name="p.html").text


_ODD_TOKENS = ["1", "1,1", "1.5", "9" * 320, "1," * 40 + "1", "0", "billion", "trillion",
               "million", "hundred", "half", "a", "and", "twenty", "three", "%", "25%", "double"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ODD_TOKENS), max_size=30))
def test_numbers_are_read_from_any_run_of_odd_tokens_without_overflow(tokens):
    """Every value read is a finite figure (a float past its range, or a numeral too long to be a
    figure, is none), and its key is made without error."""
    for first, end, value in number_values(tokens):
        assert 0 <= first < end <= len(tokens) and math.isfinite(value)
        assert number_key(value).startswith("#")
    text = " ".join(tokens)
    assert all(math.isfinite(v) for v in crosslingual.read(text, "es").figures)


def test_short_central_european_text_is_not_taken_for_western():
    assert decode("Čeština je těžká".encode("cp1250"), name="x") == ("Čeština je těžká", "cp1250")


def test_a_chinese_number_past_what_a_float_holds_is_no_figure():
    figures = crosslingual.read("一" + "亿" * 300 + "人，另有三十名专家。", "zh").figures
    assert figures == {30.0: "三十"}
