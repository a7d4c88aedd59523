"""The labelled segmentation set: documents written for this project in the style of
government readouts and wire copy (fictional events), in an authoring format that says each
unit's expected role, rendered to raw text in the document's layout with exact gold spans.

Authoring format (bench/data/segmentation-*.txt):

    === id | style options
    [role] text            a unit that starts a new paragraph
    +[role] text           a unit in the same paragraph as the one before
    -[role] text           a list item (rendered with the document's list marker)

Style options, separated by spaces: ``wrap=N`` (hard-wrap paragraphs at N columns, as ``fmt``
or an e-mail client does), ``para=single`` (paragraphs separated by one line break, as text
copied from a web page; default a blank line), ``list=dash|bullet|number|letter|plain|inline``
(how items are written; ``inline`` puts the lead-in and its items in one sentence), ``nospace``
(sentences of a paragraph run together without a space, as scraped text does), ``glue``
(a unit marked ``+`` after a lead-in or dateline follows it on the same line; always the case).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
SPLITS = {
    "dev": DATA / "segmentation-dev.txt",
    "dev-b": DATA / "segmentation-devb.txt",
    "heldout": DATA / "segmentation-heldout.txt",
}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    role: str


@dataclass(frozen=True)
class LabelledDoc:
    id: str
    style: dict[str, str]
    text: str
    units: tuple[Gold, ...]


def load(split: str) -> list[LabelledDoc]:
    return [render(*doc) for doc in parse(SPLITS[split].read_text("utf-8"))]


def parse(source: str) -> list[tuple[str, dict[str, str], list[tuple[str, str, str]]]]:
    docs: list[tuple[str, dict[str, str], list[tuple[str, str, str]]]] = []
    for line in source.splitlines():
        if line.startswith("==="):
            name, _, opts = line[3:].partition("|")
            style = {}
            for opt in opts.split():
                key, _, value = opt.partition("=")
                style[key] = value or "yes"
            docs.append((name.strip(), style, []))
        elif line.strip() and not line.startswith("#"):
            how = "new"
            if line[0] in "+-":
                how = {"+": "join", "-": "item"}[line[0]]
                line = line[1:]
            role, _, text = line.partition("] ")
            docs[-1][2].append((how, role.lstrip("["), text.strip()))
    return docs


_MARKERS = {"dash": "- ", "bullet": "\u2022 ", "plain": "", "number": "{n}. ", "letter": "({a}) "}


def render(name: str, style: dict[str, str], units: list[tuple[str, str, str]]) -> LabelledDoc:
    """The raw text of a document in its style, and the gold span and role of every unit."""
    width = int(style["wrap"]) if "wrap" in style else None
    para_sep = "\n" if style.get("para") == "single" else "\n\n"
    list_style = style.get("list", "dash")
    # Group units into paragraphs (lists: each item its own line, unless inline).
    paragraphs: list[list[tuple[str, str, str]]] = []
    for how, role, text in units:
        if how == "new" or not paragraphs:
            paragraphs.append([(how, role, text)])
        else:
            paragraphs[-1].append((how, role, text))
    out = ""
    gold: list[Gold] = []
    for p_no, para in enumerate(paragraphs):
        if p_no:
            out += para_sep
        item_no = 0
        # Lines of this paragraph: a run of non-item units is one line (wrapped as one), each
        # item its own line; inline lists keep everything on one line.
        lines: list[list[tuple[str, str, str]]] = []
        for unit in para:
            own_line = unit[0] == "item" and list_style != "inline"
            after_item = bool(lines) and lines[-1][0][0] == "item" and list_style != "inline"
            if own_line or not lines or after_item:
                lines.append([unit])
            else:
                lines[-1].append(unit)
        for l_no, line in enumerate(lines):
            if l_no:
                out += "\n"
            prefix = ""
            if line[0][0] == "item" and list_style != "inline":
                item_no += 1
                prefix = _MARKERS[list_style].format(n=item_no, a="abcdefghij"[item_no - 1])
            sep = "" if style.get("nospace") else " "
            pieces: list[tuple[str, str]] = []
            for u_no, (_, role, text) in enumerate(line):
                joiner = "" if u_no == 0 else (sep if role == "body" and line[u_no - 1][1] == "body" else " ")
                pieces.append((joiner, text))
            flat = prefix
            spans = []
            for (joiner, text), (_, role, _) in zip(pieces, line):
                flat += joiner
                spans.append((len(flat), len(flat) + len(text), role))
                flat += text
            wrapped, mapping = _wrap(flat, width, indent=" " * len(prefix) if prefix else "")
            base = len(out)
            out += wrapped
            for s, e, role in spans:
                gold.append(Gold(base + mapping[s], base + mapping[e - 1] + 1, role))
    return LabelledDoc(name, style, out + "\n", tuple(gold))


def _wrap(flat: str, width: int | None, indent: str) -> tuple[str, list[int]]:
    """Hard-wrap a line at ``width`` (spaces become line breaks, nothing else changes), with
    the position of every character of ``flat`` in the result."""
    if width is None or len(flat) <= width:
        return flat, list(range(len(flat)))
    lines = textwrap.wrap(flat, width=width, subsequent_indent=indent, break_long_words=False,
                          break_on_hyphens=False)
    out = "\n".join(lines)
    # Map characters: walk both strings, skipping the white space textwrap changed.
    mapping = []
    j = 0
    for ch in flat:
        if ch.isspace():
            mapping.append(j)
            while j < len(out) and out[j].isspace():
                j += 1
            continue
        while out[j] != ch:
            j += 1
        mapping.append(j)
        j += 1
    return out, mapping
