"""Golden reports: the bundled example reports are what the code makes today.

The volatile field (the generation time) is scrubbed on both sides. On a mismatch the new
report is written beside the gold as ``report.FORMAT.new`` for inspection; if the change is
intended, regenerate the examples with the command in the README."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CASE, ROOT, bench_module

SCRUB = [
    (re.compile(r'"generated": "[^"]+"'), '"generated": "SCRUBBED"'),  # JSON
    (re.compile(r'"generated":"[^"]+"'), '"generated":"SCRUBBED"'),  # JSON embedded in HTML
    (re.compile(r"generated \d{4}-\d\d-\d\dT[\d:+-]+"), "generated SCRUBBED"),  # HTML header
    (re.compile(r"· \d{4}-\d\d-\d\dT[\d:+-]+_"), "· SCRUBBED_"),  # Markdown header
]


def scrub(text: str) -> str:
    for pattern, replacement in SCRUB:
        text = pattern.sub(replacement, text)
    return text


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_example_reports_are_current(cli_invoke, monkeypatch, tmp_path, fmt):
    monkeypatch.chdir(ROOT)
    rel = CASE.relative_to(ROOT)
    out = tmp_path / f"report.{fmt}"
    r = cli_invoke(
        "compare", rel / "readout-pentagon.txt", rel / "account-nypost.txt", rel / "account-wire.txt",
        "--label", "Pentagon readout", "--label", "New York Post", "--label", "Wire report",
        "-o", out,
    )
    assert r.exit_code == 0, r.output
    gold = CASE / f"report.{fmt}"
    new, old = scrub(out.read_text(encoding="utf-8")), scrub(gold.read_text(encoding="utf-8"))
    if new != old:
        (tmp_path / f"report.{fmt}.new").write_text(new, encoding="utf-8")
    assert new == old, f"examples/hegseth-mexico/report.{fmt} is out of date; see {tmp_path}"


@pytest.mark.parametrize("example", ["hegseth-mexico", "two-readouts", "two-governments"])
def test_every_evidence_word_in_the_examples_is_a_word_of_the_two_texts(example):
    import json

    ew = bench_module("evidence_words")
    report = json.loads((ROOT / "examples" / example / "report.json").read_text("utf-8"))
    assert ew.count_lines(report) > 0
    assert list(ew.report_problems(report)) == []


def test_the_evidence_check_catches_stems_and_keys():
    ew = bench_module("evidence_words")
    words = ew.text_words("Secretary Hegseth spoke with Mexico's defense chief.",
                          "Hegseth called Mexican military officials.")
    assert ew.foreign_words("the same call: both name Hegseth; “Mexico's” = “Mexican”", words) == []
    assert "hegse" in ew.foreign_words("the same call: names hegse", words)
    assert "mexic" in ew.foreign_words("country mexic", words)


def test_evidence_of_the_labelled_stories_is_in_their_words():
    """The development stories of bench/data/matching-dev.txt, as bench/evidence_words.py
    reads all of them (figures in docs/report.md)."""
    from readout_compare import compare
    from readout_compare.report import report_dict

    ew = bench_module("evidence_words")
    load = bench_module("matching").load
    problems = []
    for story in load("dev")[:8]:
        report = report_dict(compare(story.readout.text, [a.text for a in story.accounts]))
        problems += [(story.id, *p) for p in ew.report_problems(report)]
    assert problems == []
