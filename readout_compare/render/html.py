"""HTML: one self-contained page (inline CSS and JS, no outside requests, a Content-Security-Policy
that forbids them), readable without JavaScript, with the findings embedded as JSON.

Text from the inputs is untrusted: autoescaping is on for every template, and the embedded JSON
escapes ``<``, ``>`` and ``&`` so that no input can close the script element.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

import orjson
from markupsafe import Markup

from readout_compare.render.templates import _PACKAGE_TEMPLATES, environment  # noqa: F401


def render(report: dict[str, Any]) -> str:
    env = environment()
    env.filters["readable"] = readable_diff
    script = env.get_template("report.js").render()
    style = env.get_template("report.css").render()
    data = embedded_json(report)
    return env.get_template("report.html.j2").render(
        **report,
        view=view_model(report),
        script=Markup(script),
        style=Markup(style),
        data=Markup(data),
        csp=content_security_policy(style, script, data_images=True),
    )


def content_security_policy(style: str, script: str | None = None, *,
                            data_images: bool = False) -> str:
    """The Content-Security-Policy of a self-contained page: nothing from outside it; its own
    inline style, and script when it has one, allowed by their SHA-256; images only from data:
    URLs when ``data_images``. (The report's page and corpus mode's index.html both use it.)"""
    allowed = [f"style-src 'sha256-{_sha256(style)}'"]
    if script is not None:
        allowed.append(f"script-src 'sha256-{_sha256(script)}'")
    if data_images:
        allowed.append("img-src data:")
    return "; ".join(["default-src 'none'", *allowed, "base-uri 'none'", "form-action 'none'"])


def embedded_json(report: dict[str, Any]) -> str:
    """The report as JSON that is safe inside a <script type="application/json"> element
    (written by orjson, as the JSON report is: the same text as the standard library's compact
    form, in an eighth of the time)."""
    text = orjson.dumps(report).decode()
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
    findings = _anchored(_page_findings(report))
    return {
        "review_id": review_id(report),
        "readout_paragraphs": paragraphs(readout["sentences"]),
        "account_paragraphs": {a["id"]: paragraphs(a["sentences"]) for a in report["accounts"]},
        "partners": _partners(report),
        "findings": findings,
        "sentence_text": {s["id"]: s["text"] for s in readout["sentences"]}
        | {s["id"]: s["text"] for a in report["accounts"] for s in a["sentences"]},
        "description": description(report),
        "quoted_sentences": {
            q["account_sentence"] for a in report["accounts"] for q in a["quotes"]
            if q["kind"] != "title"
        },
        "overview": {a["id"]: overview(report, a) for a in report["accounts"]},
        "finding_links": {f["target"]: finding_link(report, f["target"])
                          for f in report.get("findings", [])},
        # The words of each divergent account sentence's divergences (both sides), which its
        # diffs mark.
        "divergent_words": {
            s["id"]: [d["account_text"] for d in s["divergences"]]
            + [d["readout_text"] for d in s["divergences"]]
            for a in report["accounts"] for s in a["sentences"] if s["divergences"]
        },
        # Each account's paraphrase hints by readout sentence and by account sentence (looked
        # up per sentence: a filter over all hints for each sentence is quadratic).
        "hints_by_readout": {a["id"]: _grouped(a.get("hints", []), "readout_sentence")
                             for a in report["accounts"]},
        "hints_by_account": {a["id"]: _grouped(a.get("hints", []), "account_sentence")
                             for a in report["accounts"]},
    }


def _partners(report: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """For every matched sentence, by account, the sentences on the other side it matches."""
    partners: dict[str, dict[str, list[str]]] = {}
    for acc in report["accounts"]:
        aid = acc["id"]
        for s in acc["sentences"]:
            for m in s["matches"]:
                partners.setdefault(m["readout_sentence"], {}).setdefault(aid, []).append(s["id"])
                partners.setdefault(s["id"], {}).setdefault(aid, []).append(m["readout_sentence"])
    return partners


def _page_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Everything the page lists as a finding, account by account: claims not in the
    readout, divergences, omissions, hints and quotations."""
    readout_text = {s["id"]: s["text"] for s in report["readout"]["sentences"]}
    findings: list[dict[str, Any]] = []
    for acc in report["accounts"]:
        aid = acc["id"]
        for s in acc["sentences"]:
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
        for h in acc.get("hints", []):
            findings.append({"kind": "hint", "account": aid, "id": h["account_sentence"],
                             "text": readout_text[h["readout_sentence"]], "hint": h})
        for q in acc["quotes"]:
            if q["kind"] != "title":
                findings.append({"kind": "quote", "account": aid, "id": q["id"],
                                 "text": q["text"], "quote": q})
    return findings


def _anchored(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings, each given a distinct anchor on the page."""
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
    return findings


def review_id(report: dict[str, Any]) -> str:
    """The report's identity for reviews kept in a browser: a hash of its texts' keys, so that
    re-running the same texts (another threshold, a reviewed run) finds the same reviews."""
    keys = [s["key"] for s in report["readout"]["sentences"]]
    for acc in report["accounts"]:
        keys += [acc["id"]] + [s["key"] for s in acc["sentences"]]
    return hashlib.blake2b("\n".join(keys).encode("utf-8"), digest_size=8).hexdigest()


def _grouped(items: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        out.setdefault(item[key], []).append(item)
    return out


def finding_link(report: dict[str, Any], target: str) -> str:
    """Where a finding's evidence stands on the page, in words."""
    labels = {a["id"]: a["label"] for a in report["accounts"]}
    account, _, rest = target.partition("-")
    label = labels.get(account)
    if label is None:
        return "the claims across accounts" if target.startswith("g") else "the readout coverage table"
    if rest.startswith("q"):
        return f"the quotation in {label}"
    if rest.startswith("r-"):
        return f"{label} beside the readout"
    return f"the sentence in {label}"


OVERVIEW_MAX_ROWS = 60  # readout sentences shown as rows of the overview grid
OVERVIEW_MAX_COLUMNS = 400  # story sentences shown as its columns
VERDICT_MARK = {"supported": "✓", "divergent": "≠", "not_in_readout": "+"}
VERDICT_WORDS = {"supported": "reports the readout", "divergent": "reports it with a divergence",
                 "not_in_readout": "not in the readout"}
POSITION_WORDS = {"headline": "headline", "lede": "lede", "upper_half": "upper half",
                  "lower_half": "lower half"}


def overview(report: dict[str, Any], acc: dict[str, Any]) -> dict[str, Any]:
    """One account as a strip of its sentences in story order (headline and body), and for each
    readout sentence the column of its first report and of any later ones."""
    placement = acc.get("placement") or {"placements": [], "lead": [], "led_with": "",
                                         "first_point": None}
    cells = _overview_cells(acc, placement)
    # The grid has a row per readout sentence and a column per story sentence; past a size a
    # reader can take in (and a page can hold), one row of marks replaces it: each column
    # lists the readout sentences first reported there. (Its marks are rows x columns, so they
    # are made only for a grid that is shown.)
    grid = (len(acc["readout_coverage"]) <= OVERVIEW_MAX_ROWS
            and len(cells) <= OVERVIEW_MAX_COLUMNS)
    rows = _overview_rows(report, acc, placement, cells, grid)
    firsts: list[list[str]] = [[] for _ in cells]
    column = {cell["id"]: k for k, cell in enumerate(cells)}
    for row in rows:
        p = row["placement"]
        if p and p["account_sentence"] in column:
            firsts[column[p["account_sentence"]]].append(row["id"])
    fp = placement["first_point"]
    first_point = (
        f"the readout's first point ({fp['readout_sentence']}) appears in paragraph "
        f"{fp['paragraph']}, {round(100 * fp['share_before'])}% into the story"
        if fp else "no readout point is reported"
    )
    return {"cells": cells, "rows": rows, "led_with": placement["led_with"],
            "first_point": first_point, "grid": grid, "firsts": firsts}


def _overview_cells(acc: dict[str, Any], placement: dict[str, Any]) -> list[dict[str, Any]]:
    """The overview's strip: a cell for each headline and body sentence with a verdict."""
    headline = {item["account_sentence"]: item for item in placement["lead"]
                if item["position"] == "headline"}
    lede = {item["account_sentence"] for item in placement["lead"] if item["position"] == "lede"}
    quoted = {q["account_sentence"] for q in acc["quotes"] if q["kind"] != "title"}
    cells = []
    for s in acc["sentences"]:
        status = headline[s["id"]]["status"] if s["id"] in headline else s["status"]
        if not status or (s["role"] != "body" and s["id"] not in headline):
            continue
        where = "headline" if s["id"] in headline else "lede" if s["id"] in lede else None
        words = VERDICT_WORDS[status] + (", has a quotation" if s["id"] in quoted else "")
        cells.append({
            "id": s["id"], "status": status, "quote": s["id"] in quoted, "lead": bool(where),
            "mark": VERDICT_MARK[status] + ("“" if s["id"] in quoted else ""),
            "label": f"{s['id']}{' (' + where + ')' if where else ''}: {words}",
        })
    return cells


def _overview_rows(report: dict[str, Any], acc: dict[str, Any], placement: dict[str, Any],
                   cells: list[dict[str, Any]], grid: bool) -> list[dict[str, Any]]:
    """The overview's rows: each readout sentence, where it is first reported, and (for a
    grid) its mark in each cell's column."""
    first = {p["readout_sentence"]: p for p in placement["placements"]}
    texts = {s["id"]: s["text"] for s in report["readout"]["sentences"]}
    rows = []
    for c in acc["readout_coverage"]:
        rid = c["readout_sentence"]
        p = first.get(rid)
        reports = set(c["account_sentences"])
        rows.append({
            "id": rid,
            "omitted": c["status"] == "omitted",
            "marks": [
                "first" if p and p["account_sentence"] == cell["id"]
                else "also" if cell["id"] in reports else ""
                for cell in cells
            ] if grid else [],
            "placement": p,
            "words": (
                f"{rid}: omitted" if not p else
                f"{rid}: first reported in {p['account_sentence']}, paragraph {p['paragraph']}, "
                f"{POSITION_WORDS[p['position']]}, {round(100 * p['share_before'])}% into the story"
                + (" (only a mention of the call)" if p["basis"] == "event" else "")
            ),
        })
    for row, label in zip(rows, excerpts([texts.get(row["id"], row["id"]) for row in rows])):
        row["label"] = label
    return rows


EXCERPT_WORDS = 6


def excerpt(text: str, n: int = EXCERPT_WORDS) -> str:
    """The first words of a sentence, to name it where its id would be: "In both calls, the
    Secretary underscored …"."""
    words = text.split()
    if len(words) <= n + 1:
        return " ".join(words)
    return " ".join(words[:n]).rstrip(",;:") + " …"


def excerpts(texts: list[str]) -> list[str]:
    """:func:`excerpt` of each text, longer where two would read the same."""
    n = {k: EXCERPT_WORDS for k in range(len(texts))}
    for _ in range(12):
        labels = [excerpt(t, n[k]) for k, t in enumerate(texts)]
        seen: dict[str, list[int]] = {}
        for k, label in enumerate(labels):
            seen.setdefault(label, []).append(k)
        clashes = [k for ks in seen.values() if len(ks) > 1 for k in ks]
        if not clashes:
            break
        for k in clashes:
            n[k] += 2
    return labels


_WORDLIKE = re.compile(r"\w")


def readable_diff(ops: list[list[str]] | tuple[tuple[str, str, str], ...]) -> list[tuple[str, str, str, str]]:
    """A word diff as a reader takes it: (tag, readout words, account words, space after).
    A change of punctuation or quotation marks alone is no change (the account's text is
    shown); a replacement reads as a substitution ("urged → ordered")."""
    out: list[tuple[str, str, str, str]] = []
    for tag, old, new in ops:
        if tag != "equal" and not (_WORDLIKE.search(old) or _WORDLIKE.search(new)):
            tag = "equal"
        if tag == "equal":
            text = new if new or not old else ""
            if out and out[-1][0] == "equal":
                prev = out.pop()
                text = prev[2] + prev[3] + text
            out.append(("equal", "", text, ""))
            continue
        space = (new if tag != "delete" else old)[len((new if tag != "delete" else old).rstrip()):]
        out.append((tag, old.strip(), new.strip(), space))
    return out


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


