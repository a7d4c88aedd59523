"""The store's timeline pages: ``history.json`` (the store as one dictionary) and ``index.html``
(the readout's and each account's versions, with their changes, word diffs and report links)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from readout_compare.track.store import history

# A run of unchanged words longer than this is shortened in the index's diffs, keeping CONTEXT
# words at each end.
LONG_EQUAL = 40
CONTEXT = 12


def write_index(db: sqlite3.Connection, folder: Path) -> Path:
    """Write history.json and index.html from the store; return the index's path."""
    from readout_compare.output import write_report

    data = history(db)
    write_report(str(folder / "history.json"),
                 json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_report(str(folder / "index.html"), index_html(data))
    return folder / "index.html"


def index_html(data: dict[str, Any]) -> str:
    """The timeline page: self-contained, no script, every text from the pages escaped."""
    from markupsafe import Markup

    from readout_compare.render.html import content_security_policy
    from readout_compare.render.templates import environment

    env = environment()
    style = env.get_template("report.css").render() + env.get_template("track.css").render()
    documents = [d for d in [data["readout"], *data["accounts"]] if d]
    for d in documents:
        for v in d["versions"]:
            v["shown_diff"] = shortened(v["diff"])
    last = data["runs"][-1] if data["runs"] else None
    return env.get_template("track.html.j2").render(
        documents=documents, last=last, runs=len(data["runs"]), style=Markup(style),
        csp=content_security_policy(style),
    )


def shortened(diff: list[list[str]]) -> list[list[str]]:
    """A version's word diff with long runs of unchanged words cut to their ends."""
    out = []
    for k, (tag, old, new) in enumerate(diff):
        tokens = new.split(" ")
        if tag == "equal" and len(tokens) > LONG_EQUAL:
            head = " ".join(tokens[:CONTEXT]) + " " if k > 0 else ""
            tail = " " + " ".join(tokens[-CONTEXT:]) if k < len(diff) - 1 else ""
            out.append(["equal", "", f"{head}…{tail}" if k > 0 or tail else new])
        else:
            out.append([tag, old, new])
    return out
