"""Markdown: a compact summary, the omitted readout sentences, the claims not in the readout,
the quotations and divergences, for pasting into notes or a ticket."""

from __future__ import annotations

from typing import Any

from readout_compare.render.templates import environment


def render(report: dict[str, Any]) -> str:
    env = environment(autoescape=False)
    env.filters["md"] = _escape
    env.filters["cell"] = lambda s: _escape(s).replace("|", "\\|").replace("\n", " ")
    # An id in a code span: a backtick in it (a document id given to the library) would end
    # the span and let what follows be read as Markdown or HTML.
    env.filters["code"] = lambda s: "`" + " ".join(
        str(s).replace("`", "'").replace("|", "\\|").split()) + "`"
    return env.get_template("report.md.j2").render(**report, r=_lookup(report))


def _escape(text: str | None) -> str:
    """Keep input text from turning into Markdown structure (or HTML) in a renderer."""
    if text is None:
        return ""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def _lookup(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every sentence in the report by id."""
    def shown(s: dict[str, Any]) -> dict[str, Any]:
        # A list item's number belongs to what the reader sees ("2. The two sides …").
        return {**s, "text": f"{s['marker']} {s['text']}"} if s.get("marker") else s

    found = {s["id"]: shown(s) for s in report["readout"]["sentences"]}
    for acc in report["accounts"]:
        found.update({s["id"]: shown(s) for s in acc["sentences"]})
    return found
