"""Hostile inputs, second round (issue 33, part A): text whose shape makes the work grow faster
than the text, numbers past what a float holds, broken PDFs, encodings that are hard to tell
apart, markup and bidirectional controls from the inputs, odd arguments.

Sizes that take seconds are measured by bench/hostile.py, not here."""

from __future__ import annotations

import time

import pytest

from readout_compare import attribution, divergence, quotes
from readout_compare.lexicon import number_values
from readout_compare.normalize import words
from readout_compare.segment import segment
from tests.hostile import HTML_SHAPES, READOUT, TEXT_SHAPES

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
