"""Hostile inputs, second round (issue 33, part A): text whose shape makes the work grow faster
than the text, numbers past what a float holds, broken PDFs, encodings that are hard to tell
apart, markup and bidirectional controls from the inputs, odd arguments.

Sizes that take seconds are measured by bench/hostile.py, not here."""

from __future__ import annotations

import random
import time
import zlib

import pytest

from readout_compare import attribution, divergence, quotes
from readout_compare.lexicon import number_values
from readout_compare.normalize import words
from readout_compare.segment import segment
from tests.conftest import CASE
from tests.hostile import HTML_SHAPES, READOUT, TEXT_SHAPES
from tests.pdfmaker import encrypted, make_pdf, with_stream
from tests.test_faults import one_line_error

# -- Time grows at most in proportion to the text ---------------------------------------------

_READOUT_DOC = segment(READOUT, doc_id="r", label="Readout")


def _text_steps(text: str) -> None:
    """The steps that read an account's text pattern by pattern: segmentation (with its roles),
    quotations and their verdicts, speakers, and the numbers and names divergences compare."""
    doc = segment(text, doc_id="a1", label="Account")
    quotes.find_quotes(_READOUT_DOC, doc, found_by_sentence=attribution.found_in(doc.body))
    for s in doc.body:
        number_values(words(s.text))
        divergence._name_keys(s.text, True)


def _seconds(text: str) -> float:
    """The least of two timings (a busy machine only ever adds time)."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        _text_steps(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", sorted(TEXT_SHAPES))
def test_time_grows_at_most_about_linearly_on_hostile_shapes(shape):
    """Four times the text may cost at most eight times the time (linear is four, quadratic
    sixteen): generous, so a busy machine does not fail it, and still far from quadratic. The
    small size is large enough that the quadratic cases this caught took most of its time."""
    make = TEXT_SHAPES[shape]
    small, large = 12_000, 48_000
    _text_steps(make(2_000))  # warm the caches of word lists and patterns
    t_small, t_large = _seconds(make(small)), _seconds(make(large))
    # Under a hundredth of a second the ratio is noise; the large size must then stay quick.
    assert t_large <= max(8 * t_small, 0.05), (shape, t_small, t_large)


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
