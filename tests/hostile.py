"""Hostile shapes of text and web page, of any size, for the tests and bench/hostile.py: a
quotation opened and never closed around the readout's words, quotations continued over
paragraphs that never close, possessives inside a single quotation, deep nesting, long runs of
digits, punctuation and capitalised words, a sentence of many quotations, and a new office
holder at every turn. Made here, from the bundled example's readout, so
the shapes are the project's own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

READOUT = (Path(__file__).resolve().parents[1] / "examples" / "hegseth-mexico"
           / "readout-pentagon.txt").read_text(encoding="utf-8")
_PARAGRAPHS = [p.strip() for p in READOUT.split("\n") if p.strip()]


def _readout_words(size: int, join: str = " ", mark: str = "") -> str:
    """The readout's paragraphs, repeated to ``size`` characters, each opened by ``mark``."""
    out: list[str] = []
    length = 0
    while length < size:
        for p in _PARAGRAPHS:
            out.append(mark + p)
            length += len(p) + len(mark) + len(join)
    return join.join(out)[:size]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    # One quotation mark never closed, then the readout's words over a whole paragraph.
    "unclosed quote": lambda n: 'The ministry said: "' + _readout_words(n),
    # Every paragraph opens a quotation (the newspaper convention) and none closes.
    "quote over paragraphs": lambda n: _readout_words(n, "\n\n", "\u201c"),
    # A single quotation never closed, full of plural possessives.
    "possessives in a quote": lambda n: "He said '" + _repeat(
        "the officials' views and the ministers' aims were heard. ", n),
    # Quotation marks inside quotation marks inside brackets, deeper and deeper.
    "deep nesting": lambda n: _repeat("(\u201c\u2018[\u00ab", n // 2) + _repeat("\u00bb]\u2019\u201d)", n // 2),
    # "1,1,1,…" and one long number.
    "run of digits": lambda n: "The figure was " + _repeat("1,", n) + " in all.",
    "long number": lambda n: "They agreed on " + _repeat("9", n) + " troops. " * 3,
    # Punctuation with no words, and words with no sentence end.
    "run of punctuation": lambda n: _repeat("!?.;:-\u2014\u2026\"'", n),
    "capitalised words": lambda n: _repeat("Minister Hegseth Met Defense Secretary Garcia ", n),
    # One sentence of many short quotations, none credited: each is read in its clause.
    "quotations in one sentence": lambda n: _repeat("the minister called it \u201cfine\u201d and ", n),
    # Quotations opened by a curly mark and closed by a straight one, no curly closing mark.
    "curly opened, straight closed": lambda n: _repeat('he said \u201cfine" and ', n),
    # A guillemet quotation with a double mark opened inside it, then closing marks only.
    "marks in guillemets": lambda n: '\u00aba "b c" ' + _repeat('x" ', n),
    # A new office holder at every turn ("Minister Zed1a2b …"), each a name to classify.
    "office holders": lambda n: " ".join(
        f"Minister Zed{i:x} spoke." for i in range(n // 18))[:n],
    # Dashes after sentence ends, none closed by a verb of saying; and speech set off by dashes
    # (Polish papers' convention) over and over on one line.
    "dashes after sentences": lambda n: _repeat("Word word. - Another thing ", n),
    "speech set off by dashes": lambda n: _repeat(
        "S\u0142owo. - Flota wr\u00f3ci - powiedzia\u0142. ", n),
    # Chinese, read by character pairs; and a Japanese corner bracket never closed.
    "Chinese text": lambda n: _repeat("\u4e2d\u65b9\u613f\u540c\u7f8e\u65b9\u52a0\u5f3a"
                                      "\u6c9f\u901a\u5408\u4f5c\uff0c\u53cc\u65b9\u540c\u610f"
                                      "\u4fdd\u6301\u8054\u7cfb\u3002", n),
    "open corner bracket": lambda n: "\u5916\u76f8\u306f\u300c" + _repeat(
        "\u4e21\u56fd\u95a2\u4fc2\u3092\u5f37\u5316\u3057\u305f\u3044", n),
}


HTML_SHAPES: dict[str, Callable[[int], str]] = {
    # Tens of thousands of inline elements in one paragraph.
    "inline spans": lambda n: "<html><body><article><p>" + _repeat(
        "<span>The Secretary met the minister.</span> ", n) + "</p></article></body></html>",
    # Elements nested ever deeper, never closed.
    "deep elements": lambda n: "<html><body>" + _repeat("<div><p>", n) + "The readout said words.",
}
