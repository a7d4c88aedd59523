"""HTML: one self-contained page (inline CSS and JS, no outside requests, a Content-Security-Policy
that forbids them), readable without JavaScript, with the findings embedded as JSON.

Text from the inputs is untrusted: autoescaping is on for every template, and the embedded JSON
escapes ``<``, ``>`` and ``&`` so that no input can close the script element.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from markupsafe import Markup

from readout_compare.render.templates import _PACKAGE_TEMPLATES, environment  # noqa: F401


def render(report: dict[str, Any]) -> str:
    env = environment()
    script = env.get_template("report.js").render()
    style = env.get_template("report.css").render()
    data = embedded_json(report)
    csp = (
        "default-src 'none'; "
        f"style-src 'sha256-{_sha256(style)}'; "
        f"script-src 'sha256-{_sha256(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return env.get_template("report.html.j2").render(
        **report,
        view=view_model(report),
        script=Markup(script),
        style=Markup(style),
        data=Markup(data),
        csp=csp,
    )


def embedded_json(report: dict[str, Any]) -> str:
    """The report as JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def view_model(report: dict[str, Any]) -> dict[str, Any]:
    """What the page shows that the report states only indirectly: paragraphs of sentences,
    partners of every sentence, and the findings in reading order."""
    readout = report["readout"]
    readout_text = {s["id"]: s["text"] for s in readout["sentences"]}
    partners: dict[str, dict[str, list[str]]] = {}
    findings: list[dict[str, Any]] = []
    for acc in report["accounts"]:
        aid = acc["id"]
        for s in acc["sentences"]:
            for m in s["matches"]:
                partners.setdefault(m["readout_sentence"], {}).setdefault(aid, []).append(s["id"])
                partners.setdefault(s["id"], {}).setdefault(aid, []).append(m["readout_sentence"])
            if s["status"] == "not_in_readout":
                findings.append({"kind": "not_in_readout", "account": aid, "id": s["id"],
                                 "text": s["text"], "attribution": s["attribution"]})
            for d in s["divergences"]:
                findings.append({"kind": "divergence", "account": aid, "id": s["id"],
                                 "text": s["text"], "divergence": d})
        for c in acc["readout_coverage"]:
            if c["status"] == "omitted":
                findings.append({"kind": "omitted", "account": aid, "id": c["readout_sentence"],
                                 "text": readout_text[c["readout_sentence"]]})
        for q in acc["quotes"]:
            if q["kind"] != "title":
                findings.append({"kind": "quote", "account": aid, "id": q["id"],
                                 "text": q["text"], "quote": q})
    seen: set[str] = set()
    for f in findings:
        anchor = f"finding-{f['account']}-{f['kind']}-{f['id']}"
        if f["kind"] == "divergence":
            anchor += f"-{f['divergence']['type']}"
        base, n = anchor, 1
        while anchor in seen:
            n += 1
            anchor = f"{base}-{n}"
        seen.add(anchor)
        f["anchor"] = anchor
    return {
        "readout_paragraphs": paragraphs(readout["sentences"]),
        "account_paragraphs": {a["id"]: paragraphs(a["sentences"]) for a in report["accounts"]},
        "partners": partners,
        "findings": findings,
        "sentence_text": {s["id"]: s["text"] for s in readout["sentences"]}
        | {s["id"]: s["text"] for a in report["accounts"] for s in a["sentences"]},
        "description": description(report),
        "quoted_sentences": {
            q["account_sentence"] for a in report["accounts"] for q in a["quotes"]
            if q["kind"] != "title"
        },
    }


def paragraphs(sentences: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = []
    last = None
    for s in sentences:
        if s["paragraph"] != last:
            out.append([])
            last = s["paragraph"]
        out[-1].append(s)
    return out


def description(report: dict[str, Any]) -> str:
    """One line for link previews: what the comparison found."""
    parts = []
    for acc in report["accounts"]:
        sm = acc["summary"]
        q = sm["quotes"]
        parts.append(
            f"{acc['label']}: {sm['headline']}; quotes {q['verbatim']} verbatim, "
            f"{q['altered'] + q['stitched']} altered, {q['not_in_readout']} not in the readout"
        )
    return " | ".join(parts)


