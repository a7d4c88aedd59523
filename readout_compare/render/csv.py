"""CSV: one row per account sentence, for a spreadsheet: the account, the sentence's id, key and
text, its verdict, the readout sentence it reports, its divergences and whom it is attributed to.

Written by the standard library's csv module (every field that needs it quoted, line breaks
inside a sentence kept inside its field), with a header row and "\\r\\n" line ends as RFC 4180
has them.
"""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ("account", "id", "key", "text", "verdict", "readout_sentence", "readout_text",
           "divergences", "attribution")
VERDICTS = {"supported": "reports the readout", "divergent": "reports it with a divergence",
            "not_in_readout": "not in the readout"}


def render(report: dict[str, Any]) -> str:
    readout = {s["id"]: s["text"] for s in report["readout"]["sentences"]}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for acc in report["accounts"]:
        for s in acc["sentences"]:
            matched = [m["readout_sentence"] for m in s["matches"]]
            writer.writerow([
                acc["label"],
                s["id"],
                s["key"],
                s["text"],
                VERDICTS.get(s["status"] or "", s["role"]),
                " ".join(matched),
                " / ".join(readout[r] for r in matched if r in readout),
                "; ".join(
                    f"{d['type'].replace('_', ' ')}: “{d['readout_text']}” → “{d['account_text']}”"
                    for d in s["divergences"]),
                (s["attribution"] or {}).get("source", ""),
            ])
    return out.getvalue()
