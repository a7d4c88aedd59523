from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from readout_compare import Settings, compare
from readout_compare.render import renderer
from readout_compare.report import SCHEMA_VERSION, report_dict

FIXED = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def case_report(case_comparison):
    return report_dict(case_comparison, generated=FIXED)


def test_json_contract(case_report):
    data = json.loads(renderer("json")(case_report))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["tool"]["name"] == "readout-compare"
    assert {"threshold", "partial_min_words", "model"} <= set(data["settings"])
    for s in data["readout"]["sentences"]:
        assert {"id", "text", "start", "end", "role"} <= set(s)
    ids = [s["id"] for s in data["readout"]["sentences"]]
    for acc in data["accounts"]:
        assert {"id", "label", "sentences", "readout_coverage", "quotes", "summary"} <= set(acc)
        ids.append(acc["id"])
        for s in acc["sentences"]:
            ids.append(s["id"])
            assert {"id", "text", "start", "end", "role", "status", "matches", "divergences"} <= set(s)
            for m in s["matches"]:
                assert {"readout_sentence", "score", "kind"} <= set(m)
                assert 0.0 <= m["score"] <= 1.0
        for c in acc["readout_coverage"]:
            assert {"readout_sentence", "status", "account_sentences"} <= set(c)
        for q in acc["quotes"]:
            ids.append(q["id"])
            assert {"text", "start", "end", "fidelity", "readout_sentence", "attribution"} <= set(q)
    ids += [g["id"] for g in data["claim_groups"]]
    assert len(ids) == len(set(ids)), "every id is unique across the whole comparison"


def test_offsets_in_json_point_into_the_inputs(case_report, case_texts):
    acc = case_report["accounts"][0]
    for s in acc["sentences"]:
        assert case_texts["account-nypost"][s["start"] : s["end"]] == s["text"]
    for s in case_report["readout"]["sentences"]:
        assert case_texts["readout-pentagon"][s["start"] : s["end"]] == s["text"]


def test_markdown_summary(case_report):
    md = renderer("md")(case_report)
    assert "4 of 4 readout sentences reported, 1 only in part; 11 account sentences have no counterpart" in md
    assert "### Readout sentences omitted" in md and "### Claims not in the readout" in md
    assert "Secretary of Defense Pete Hegseth spoke on January 31" in md
    assert "unilateral action" in md
    assert "## Coverage matrix" in md


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.scripts: list[dict] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        d = dict(attrs)
        if "id" in d:
            self.ids.append(d["id"])
        if tag == "script":
            self.scripts.append(d)
        self.handlers += [k for k in d if k.startswith("on")]


def test_html_is_self_contained_with_anchors(case_report):
    html = renderer("html")(case_report)
    p = _Collect()
    p.feed(html)
    assert len(p.ids) == len(set(p.ids)), "anchor ids are unique"
    for sid in ("r-2", "a1-1", "a1-4", "a2-5", "a1-q1", "g1"):
        assert sid in p.ids
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "no outside requests"
    assert "<link" not in html and "@import" not in html
    assert "Content-Security-Policy" in html and "default-src &#39;none&#39;" in html
    assert "4 of 4 readout sentences reported" in html
    # Status shown by label as well as colour.
    assert ">not in readout<" in html and ">supported<" in html


HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> "quoted" & <b>bold</b> </script>'


def test_hostile_input_is_inert():
    readout = f"Title {HOSTILE}\n\nThe Secretary met the Minister. {HOSTILE}."
    account = f"The Secretary met the Minister. He said “{HOSTILE}” today."
    report = report_dict(compare(readout, [account], labels=[f"<i>{HOSTILE}</i>"]), generated=FIXED)
    html = renderer("html")(report)
    p = _Collect()
    p.feed(html)
    assert "img" not in p.tags and "b" not in p.tags and "i" not in p.tags
    assert p.handlers == []
    assert len(p.scripts) == 2  # the embedded JSON and the page's own script
    assert "<script>alert(1)</script>" not in html
    # The embedded JSON cannot close its script element and still parses to the input.
    start = html.index('id="report-data">') + len('id="report-data">')
    embedded = html[start : html.index("</script>", start)]
    assert "<" not in embedded
    assert json.loads(embedded)["accounts"][0]["label"] == f"<i>{HOSTILE}</i>"
    md = renderer("md")(report)
    assert not re.search(r"(?<!\\)<(script|img|b|i)\b", md), "markup in Markdown is escaped"


def test_markdown_names_accounts_by_label_and_opens_a_symmetric_report_with_both_sides(case_texts):
    from readout_compare import Settings, compare

    both = compare(case_texts["readout-pentagon"],
                   [case_texts["account-nypost"], case_texts["account-wire"]],
                   labels=["New York Post", "Wire"])
    md = renderer("md")(report_dict(both))
    group_lines = [line for line in md.splitlines() if line.startswith("- **g")]
    assert group_lines and all("in New York Post, Wire" in line for line in group_lines[:1])
    symmetric = compare(case_texts["readout-pentagon"], [case_texts["account-wire"]],
                        labels=["Wire"], settings=Settings(symmetric=True))
    md = renderer("md")(report_dict(symmetric))
    sections = [line for line in md.splitlines() if line.startswith("## ")]
    # The findings first, then both sides.
    assert sections[:2] == ["## What this comparison finds", "## Two documents, neither the reference"]
    assert "not in the readout" in renderer("html")(report_dict(both))
    assert "from elsewhere" not in renderer("html")(report_dict(both))


def test_the_report_is_built_as_dataclasses_asdict_builds_it(case_texts, monkeypatch):
    """The report's own asdict gives the dictionaries dataclasses.asdict gives, on a comparison
    with quotations, attributions, divergences, placements and framing verbs."""
    import dataclasses

    from readout_compare import report

    readout = case_texts["readout-pentagon"]
    stronger = readout.replace("highlighted", "warned of").replace("underscored", "demanded")
    comparison = compare(readout, [case_texts["account-nypost"], case_texts["account-wire"],
                                   stronger], settings=Settings(semantic=False))
    fast = report_dict(comparison, generated=FIXED)
    monkeypatch.setattr(report, "_asdict", dataclasses.asdict)
    assert fast == report_dict(comparison, generated=FIXED)
    sentences = [s for a in fast["accounts"] for s in a["sentences"]]
    assert any(s["divergences"] for s in sentences) and any(s["attribution"] for s in sentences)
    assert any(q["attribution"] for a in fast["accounts"] for q in a["quotes"])


def test_keys_survive_reruns_thresholds_and_hash_seeds(tmp_path):
    """Stable keys: the same text gives the same key in another process, under another
    PYTHONHASHSEED and another threshold; a changed sentence gets a new key, the others keep
    theirs."""
    import os
    import subprocess
    import sys

    from tests.conftest import CASE

    readout, account = CASE / "readout-pentagon.txt", CASE / "account-nypost.txt"

    def keys(seed: str, *extra: str, account_path=account) -> dict:
        out = tmp_path / f"k{seed}{len(extra)}{account_path.name}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "readout_compare", "compare", str(readout), str(account_path),
             "--label", "Pentagon", "--label", "Post", "-q", "-o", str(out), *extra],
            check=True, env=env, capture_output=True,
        )
        data = json.loads(out.read_text())
        return {
            "readout": [s["key"] for s in data["readout"]["sentences"]],
            "account": {s["key"]: s["text"] for s in data["accounts"][0]["sentences"]},
            "quotes": [q["key"] for q in data["accounts"][0]["quotes"]],
        }

    first, second = keys("0"), keys("12345", "--threshold", "0.9")
    assert first == second
    assert len(set(first["account"])) == len(first["account"])
    assert all(k.startswith("s-") for k in first["account"])
    assert first["quotes"] and all(k.startswith("q-") for k in first["quotes"])

    text = account.read_text()
    edited = tmp_path / "edited.txt"
    victim = next(t for t in first["account"].values() if len(t) > 60 and t in text)
    edited.write_text(text.replace(victim, victim[:-1] + " today."))
    third = keys("7", account_path=edited)
    assert third["readout"] == first["readout"]
    changed = set(first["account"]) - set(third["account"])
    assert [first["account"][k] for k in changed] == [victim]


def test_csv_has_one_row_per_account_sentence(case_report):
    import csv
    import io

    text = renderer("csv")(case_report)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    sentences = [(acc["label"], s) for acc in case_report["accounts"] for s in acc["sentences"]]
    assert len(rows) == len(sentences)
    assert list(rows[0]) == ["account", "id", "key", "text", "verdict", "readout_sentence",
                             "readout_text", "divergences", "attribution"]
    for row, (label, s) in zip(rows, sentences):
        assert (row["account"], row["id"], row["key"], row["text"]) == (
            label, s["id"], s["key"], s["text"])
    by_id = {row["id"]: row for row in rows}
    assert by_id["a1-1"]["verdict"] == "not in the readout"
    assert by_id["a1-1"]["attribution"] == "Defense Secretary Pete Hegseth (reportedly)"
    assert by_id["a1-5"]["verdict"] == "reports the readout"
    assert by_id["a1-5"]["readout_sentence"] == "r-4"
    assert by_id["a1-5"]["readout_text"].startswith("The Secretary highlighted the importance")


def test_csv_keeps_commas_quotes_and_line_breaks_inside_fields():
    import csv
    import io

    readout = "The minister said 40 soldiers, not 50, went to the border."
    account = 'The minister said "400 soldiers,\nnot 50," went to the border.'
    report = report_dict(compare(readout, [account], labels=['Post, "Daily"']))
    rows = list(csv.reader(io.StringIO(renderer("csv")(report), newline="")))
    assert rows[1][0] == 'Post, "Daily"'
    assert "\n" in rows[1][3] and rows[1][3].startswith('The minister said "400 soldiers')
    assert rows[1][7].startswith("quote: “40 soldiers, not 50” → “400 soldiers,")
