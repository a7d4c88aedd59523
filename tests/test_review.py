"""Reviews: a reporter's verdicts, read from a review file, replace the tool's in the report,
which keeps the tool's beside them; stale entries are listed, malformed files refused."""

from __future__ import annotations

import json

import pytest

from readout_compare.model import ReviewEntry
from readout_compare.review import ReviewFileError, apply_reviews, parse_reviews
from tests.conftest import CASE

INPUTS = (CASE / "readout-pentagon.txt", CASE / "account-nypost.txt", CASE / "account-wire.txt")
LABELS = ("--label", "Pentagon readout", "--label", "New York Post", "--label", "Wire report")


def run(cli_invoke, tmp_path, name: str, *extra, inputs=INPUTS):
    out = tmp_path / name
    r = cli_invoke("compare", *inputs, *LABELS, "-q", "-o", out, *extra)
    assert r.exit_code == 0, r.output
    return r, out


def report(cli_invoke, tmp_path, name: str, *extra, inputs=INPUTS) -> dict:
    _, out = run(cli_invoke, tmp_path, f"{name}.json", *extra, inputs=inputs)
    return json.loads(out.read_text(encoding="utf-8"))


def sentence(data: dict, text_start: str) -> tuple[dict, dict]:
    for acc in data["accounts"]:
        for s in acc["sentences"]:
            if s["text"].startswith(text_start):
                return acc, s
    raise AssertionError(text_start)


def readout_key(data: dict, sid: str) -> str:
    return next(s["key"] for s in data["readout"]["sentences"] if s["id"] == sid)


def write_reviews(path, entries) -> str:
    path.write_text(json.dumps({"reviews": entries}), encoding="utf-8")
    return str(path)


@pytest.fixture
def tool(cli_invoke, tmp_path) -> dict:
    return report(cli_invoke, tmp_path, "tool")


def test_a_correction_replaces_the_verdict_and_the_counts_follow(cli_invoke, tmp_path, tool):
    # The Wire's "shocked and angry" sentence: the tool finds no counterpart in the readout; the
    # reviewer links it to the readout's account of the call (r-2).
    acc, s = sentence(tool, "The Mexican officers were shocked")
    assert s["status"] == "not_in_readout"
    before = acc["summary"]
    entries = [{"key": s["key"], "status": "supported", "readout": readout_key(tool, "r-2"),
                "note": "reports the call", "reviewer": "Ana", "at": "2026-12-05T10:00:00Z"}]
    data = report(cli_invoke, tmp_path, "reviewed", "--review",
                  write_reviews(tmp_path / "r.json", entries))
    acc2, s2 = sentence(data, "The Mexican officers were shocked")
    assert s2["status"] == "supported"
    assert [m["readout_sentence"] for m in s2["matches"] if m["basis"] == "claim"] == ["r-2"]
    assert s2["review"]["outcome"] == "corrected"
    assert s2["review"]["tool_verdict"] == "not_in_readout"
    assert (s2["review"]["reviewer"], s2["review"]["note"]) == ("Ana", "reports the call")
    after = acc2["summary"]
    assert after["not_in_readout"] == before["not_in_readout"] - 1
    assert after["supported"] == before["supported"] + 1
    assert after["reviews"] == {"confirmed": 0, "corrected": 1}
    cov = {c["readout_sentence"]: c for c in acc2["readout_coverage"]}
    assert s2["id"] in cov["r-2"]["account_sentences"]
    assert data["reviews"]["corrected"] == 1 and data["reviews"]["stale"] == []
    # The other account is untouched.
    assert data["accounts"][0]["summary"] == {**tool["accounts"][0]["summary"]}


def test_a_correction_to_not_in_readout_omits_what_only_it_reported(cli_invoke, tmp_path, tool):
    acc, s = sentence(tool, "The Pentagon's public summary of the calls said")
    assert s["status"] == "supported"
    entries = [{"key": s["key"], "status": "not_in_readout", "reviewer": "Ben"}]
    data = report(cli_invoke, tmp_path, "reviewed", "--review",
                  write_reviews(tmp_path / "r.json", entries))
    acc2, s2 = sentence(data, "The Pentagon's public summary of the calls said")
    assert s2["status"] == "not_in_readout" and s2["matches"] == []
    (tool_r3,) = [c for c in acc["readout_coverage"] if c["readout_sentence"] == "r-3"]
    (r3,) = [c for c in acc2["readout_coverage"] if c["readout_sentence"] == "r-3"]
    assert tool_r3["account_sentences"] == [s["id"]]
    assert r3["status"] == "omitted"
    assert acc2["summary"]["omitted"] == acc["summary"]["omitted"] + 1
    row = next(r for r in data["coverage_matrix"] if r["readout_sentence"] == "r-3")
    assert row["cells"][acc2["id"]] == "omitted"
    assert acc2["placement"]["first_point"]["readout_sentence"] != "r-3"


def test_a_confirmation_keeps_the_verdict_and_says_so(cli_invoke, tmp_path, tool):
    acc, s = sentence(tool, "The Pentagon's public summary of the calls said")
    q = next(q for q in tool["accounts"][0]["quotes"] if q["fidelity"] == "verbatim")
    entries = [{"key": s["key"], "status": "supported", "readout": readout_key(tool, "r-3"),
                "reviewer": "Ana"},
               {"key": q["key"], "fidelity": "altered", "note": "a word dropped", "reviewer": "Ana"}]
    data = report(cli_invoke, tmp_path, "reviewed", "--review",
                  write_reviews(tmp_path / "r.json", entries))
    _, s2 = sentence(data, "The Pentagon's public summary of the calls said")
    assert s2["status"] == "supported" and s2["matches"] == s["matches"]
    assert s2["review"]["outcome"] == "confirmed"
    q2 = next(x for x in data["accounts"][0]["quotes"] if x["key"] == q["key"])
    assert (q2["fidelity"], q2["review"]["tool_verdict"], q2["review"]["outcome"]) == (
        "altered", "verbatim", "corrected")
    quotes, tool_quotes = data["accounts"][0]["summary"]["quotes"], tool["accounts"][0]["summary"]["quotes"]
    assert quotes["altered"] == tool_quotes["altered"] + 1
    assert quotes["verbatim"] == tool_quotes["verbatim"] - 1
    assert (data["reviews"]["confirmed"], data["reviews"]["corrected"]) == (1, 1)
    assert data["reviews"]["reviewers"] == ["Ana"]


def test_a_review_survives_another_threshold(cli_invoke, tmp_path, tool):
    _, s = sentence(tool, "The Mexican officers were shocked")
    entries = [{"key": s["key"], "status": "supported", "readout": readout_key(tool, "r-2"),
                "reviewer": "Ana"}]
    path = write_reviews(tmp_path / "r.json", entries)
    for threshold in ("0.5", "0.95"):
        data = report(cli_invoke, tmp_path, f"t{threshold}", "--threshold", threshold,
                      "--review", path)
        assert data["settings"]["threshold"] == float(threshold)
        _, s2 = sentence(data, "The Mexican officers were shocked")
        assert s2["status"] == "supported" and s2["review"]["reviewer"] == "Ana"
        assert data["reviews"]["stale"] == []


def test_a_review_of_a_changed_sentence_is_stale(cli_invoke, tmp_path, tool):
    _, s = sentence(tool, "The Mexican officers were shocked")
    _, kept = sentence(tool, "The Pentagon's public summary of the calls said")
    entries = [{"key": s["key"], "status": "supported", "readout": readout_key(tool, "r-2"),
                "reviewer": "Ana", "note": "the call"},
               {"key": kept["key"], "status": "not_in_readout", "reviewer": "Ana"}]
    path = write_reviews(tmp_path / "r.json", entries)
    wire = CASE / "account-wire.txt"
    edited = tmp_path / "account-wire.txt"
    edited.write_text(wire.read_text(encoding="utf-8").replace(
        "shocked and angry", "shocked and furious"), encoding="utf-8")
    inputs = (INPUTS[0], INPUTS[1], edited)
    r, out = run(cli_invoke, tmp_path, "stale.json", "--review", path, inputs=inputs)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["key"] for e in data["reviews"]["stale"]] == [s["key"]]
    assert data["reviews"]["stale"][0]["note"] == "the call"
    assert f"stale review {s['key']} (by Ana)" in r.stderr
    _, kept2 = sentence(data, "The Pentagon's public summary of the calls said")
    assert kept2["status"] == "not_in_readout"  # the other entry still applies
    md = run(cli_invoke, tmp_path, "stale.md", "--review", path, inputs=inputs)[1].read_text()
    html = run(cli_invoke, tmp_path, "stale.html", "--review", path, inputs=inputs)[1].read_text()
    for text in (md, html):
        assert s["key"] in text and "stale" in text.lower()


def test_a_review_whose_readout_sentence_changed_is_stale(case_comparison):
    from readout_compare.keys import sentence_keys

    acc = case_comparison.accounts[1]
    skeys = sentence_keys("account", acc.document)
    target = next(s for s in acc.sentences if s.status == "not_in_readout")
    entry = ReviewEntry(key=skeys[target.sentence.id], status="supported",
                        readout="r-0123456789ab", reviewer="Ana")
    reviewed = apply_reviews(case_comparison, [entry])
    assert [s.entry for s in reviewed.stale_reviews] == [entry]
    assert "readout sentence r-0123456789ab" in reviewed.stale_reviews[0].reason
    assert reviewed.accounts == case_comparison.accounts


def test_no_entries_changes_nothing_but_marks_the_comparison_reviewed(case_comparison):
    reviewed = apply_reviews(case_comparison, [])
    assert reviewed.accounts == case_comparison.accounts
    assert reviewed.stale_reviews == ()
    assert case_comparison.stale_reviews is None


@pytest.mark.parametrize(
    "text, words",
    [
        ("{not json", "not JSON"),
        ("[]", 'expected an object {"reviews"'),
        ('{"reviews": {}}', 'expected an object {"reviews"'),
        ('{"reviews": [3]}', "reviews[0]: expected an object"),
        ('{"reviews": [{"key": "x", "status": "supported"}]}', "key must be a key"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "maybe"}]}', "status must be one of"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "supported"}]}', "needs readout"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "supported", "readout": "s-0123456789ab"}]}',
         "readout must be a readout sentence's key"),
        ('{"reviews": [{"key": "q-0123456789ab", "fidelity": "exact"}]}', "fidelity must be one of"),
        ('{"reviews": [{"key": "q-0123456789ab", "fidelity": "verbatim", "status": "supported"}]}',
         "status is for sentences"),
        ('{"reviews": [{"key": "r-0123456789ab", "status": "supported"}]}', "is a readout sentence"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "not_in_readout", "stauts": 1}]}',
         "unknown field 'stauts'"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "not_in_readout", "note": 5}]}',
         "note must be a string"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "not_in_readout", "at": "yesterday"}]}',
         "at must be an ISO 8601 time"),
        ('{"reviews": [{"key": "s-0123456789ab", "status": "not_in_readout"},'
         ' {"key": "s-0123456789ab", "status": "supported", "readout": "r-0123456789ab"}]}',
         "reviewed twice"),
    ],
)
def test_malformed_review_files_are_refused_in_one_line(cli_invoke, tmp_path, text, words):
    with pytest.raises(ReviewFileError, match="^r.json: "):
        parse_reviews(text, name="r.json")
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "report.json"
    r = cli_invoke("compare", *INPUTS[:2], "-q", "-o", out, "--review", path)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and str(path) in lines[0], r.stderr
    assert not out.exists()


@pytest.mark.parametrize("content", [None, b"\xff\xfe{\x00"])
def test_a_missing_or_unreadable_review_file_is_one_line_exit_2(cli_invoke, tmp_path, content):
    path = tmp_path / "r.json"
    if content is not None:
        path.write_bytes(content)
    r = cli_invoke("compare", *INPUTS[:2], "-q", "-o", tmp_path / "x.json", "--review", path)
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and str(path) in r.stderr


def test_notes_and_names_from_a_review_file_stay_text(cli_invoke, tmp_path, tool):
    hostile = '<script>alert(1)</script> *bold* | `code` [link](javascript:x)'
    _, s = sentence(tool, "The Mexican officers were shocked")
    entries = [{"key": s["key"], "status": "not_in_readout", "note": hostile, "reviewer": hostile},
               {"key": "s-0123456789ab", "status": "not_in_readout", "note": hostile}]
    path = write_reviews(tmp_path / "r.json", entries)
    page = run(cli_invoke, tmp_path, "r.html", "--review", path)[1].read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = run(cli_invoke, tmp_path, "r.md", "--review", path)[1].read_text(encoding="utf-8")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[link](javascript" not in md and "\\[link\\](javascript" in md


def test_claim_groups_follow_the_reviewed_verdicts(cli_invoke, tmp_path, tool):
    _, s = sentence(tool, "U.S. Defense Secretary Pete Hegseth told Mexico's top")
    assert any(s["id"] in g["account_sentences"] for g in tool["claim_groups"])
    entries = [{"key": s["key"], "status": "supported", "readout": readout_key(tool, "r-2")}]
    data = report(cli_invoke, tmp_path, "reviewed", "--review",
                  write_reviews(tmp_path / "r.json", entries))
    assert not any(s["id"] in g["account_sentences"] for g in data["claim_groups"])
    # A confirmation moves nothing: the groups are the tool's.
    entries = [{"key": s["key"], "status": "not_in_readout"}]
    data = report(cli_invoke, tmp_path, "confirmed", "--review",
                  write_reviews(tmp_path / "c.json", entries))
    assert data["claim_groups"] == tool["claim_groups"]
