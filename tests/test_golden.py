"""Golden reports: the bundled example reports are what the code makes today.

The volatile field (the generation time) is scrubbed on both sides. On a mismatch the new
report is written beside the gold as ``report.FORMAT.new`` for inspection; if the change is
intended, regenerate the examples with the command in the README."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CASE, ROOT

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
