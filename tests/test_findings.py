"""The findings that lead every report: what a reader of the bundled examples would pick, written
down here before the code that picks them (examples/hegseth-mexico and its case README,
examples/two-readouts/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readout_compare import Settings, compare, semantic
from readout_compare.findings import MAX_FINDINGS, sureness
from readout_compare.report import report_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_reference_case_leads_with_the_unilateral_action_claim_credited_to_the_journal(
    case_comparison,
):
    found = case_comparison.findings
    first = found[0]
    # Both stories open with it; the Post credits it to the Journal in its second sentence,
    # the wire in its first.
    assert first.kind == "lead_claim"
    assert "unilateral action" in first.text
    assert "Wall Street Journal" in first.text
    assert first.accounts == ("a1", "a2")
    assert first.target == "a1-1"


def test_reference_case_findings_are_the_ones_a_reader_would_pick(case_comparison):
    found = case_comparison.findings
    # 2. The Mexican officers' reaction: not in the readout, in the wire's lede and the Post's
    #    third sentence, credited only to "the report"/"the outlet".
    # 3. The wire leaves out the migration half of the readout's fourth sentence.
    assert [f.kind for f in found] == ["lead_claim", "lead_claim", "part_left_out"]
    assert "shocked and angry" in found[1].text and found[1].target == "a2-4"
    assert set(found[1].accounts) == {"a1", "a2"}
    assert "Wall Street Journal" not in found[1].text  # no name is given for it there
    assert found[2].accounts == ("a2",) and found[2].target == "a2-r-4"
    assert "curb illegal migration into the United States" in found[2].text
    # The three quotations of the readout are verbatim: nothing to report about them.
    assert not any("quot" in f.kind for f in found)


@pytest.mark.skipif(not semantic.installed(), reason="needs the semantic extra")
def test_two_readouts_findings_are_the_ones_its_readme_lists():
    folder = EXAMPLES / "two-readouts"
    comparison = compare(
        (folder / "readout-english.txt").read_text(encoding="utf-8"),
        [(folder / "readout-spanish.txt").read_text(encoding="utf-8")],
        readout_label="State Department (English)", labels=["Foreign ministry (Spanish)"],
        settings=Settings(symmetric=True),
    )
    found = comparison.findings
    # The figure that differs first, then what only one side says.
    assert found[0].kind == "divergence" and found[0].target == "a1-4"
    assert "40" in found[0].text and "45" in found[0].text
    kinds = [(f.kind, f.target) for f in found[1:]]
    assert kinds == [("omitted", "r-4"), ("omitted", "r-6"), ("only_here", "a1-5")]
    assert "waiting times" in found[1].text and "journalists" in found[2].text
    assert found[1].text.startswith("Only State Department (English) says")
    assert found[3].text.startswith("Only Foreign ministry (Spanish) says")
    # Across languages the absence of a sentence is not scored word by word.
    assert found[1].certainty is None and "not scored" in found[1].sureness


def test_an_altered_quotation_is_a_finding_with_its_words():
    readout = ("The Secretary urged Mexico to act against the cartels. "
               "Both sides agreed to meet again in March.")
    account = ("The Secretary “ordered Mexico to act against the cartels,” according to the "
               "readout. They will meet again in March.")
    found = compare(readout, [account]).findings
    quote = next(f for f in found if f.kind == "altered_quote")
    assert "urged → ordered" in quote.text
    assert quote.target == "a1-q1"
    assert quote.sureness in ("certain", "very likely", "likely", "possible")


def test_a_changed_figure_and_an_omission():
    readout = ("The minister said 40 soldiers were sent to the border. "
               "The two leaders also discussed fishing rights in the Pacific.")
    account = "The minister said 400 soldiers were sent to the border."
    found = compare(readout, [account]).findings
    assert [f.kind for f in found] == ["divergence", "omitted"]
    assert "“400”" in found[0].text and "“40”" in found[0].text
    assert found[0].target == "a1-1"
    assert "fishing rights" in found[1].text and found[1].target == "r-2"
    # The omitted sentence has no near counterpart in the account: the tool is sure of it.
    assert found[1].certainty >= 0.8


def test_findings_are_capped_ranked_and_say_how_sure(case_texts):
    # Eight readout points no account reports, and more: only the first seven are kept.
    extra = " ".join(f"The Secretary also discussed topic number {w} at length."
                     for w in ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
                               "golf", "hotel"))
    comparison = compare(case_texts["readout-pentagon"] + "\n\n" + extra,
                         [case_texts["account-nypost"]])
    found = comparison.findings
    assert len(found) == MAX_FINDINGS == 7
    assert found[0].kind == "lead_claim"  # the lead still outranks the omissions
    for f in found:
        assert f.certainty is None or 0.0 <= f.certainty <= 1.0
        assert f.sureness == sureness(f.certainty)
        assert re.fullmatch(r"(a\d+-|g|r-|a\d+-r-)[\w-]+", f.target)


@pytest.mark.parametrize("value, words", [
    (0.99, "certain"), (0.95, "certain"), (0.9, "very likely"), (0.7, "likely"),
    (0.4, "possible"), (None, "not scored across languages"),
])
def test_sureness_in_words(value, words):
    assert sureness(value) == words


def test_findings_in_the_json_report(case_comparison):
    report = report_dict(case_comparison)
    assert report["schema_version"] == 9
    assert [f["kind"] for f in report["findings"]] == [f.kind for f in case_comparison.findings]
    first = report["findings"][0]
    assert set(first) == {"kind", "text", "target", "accounts", "certainty", "sureness",
                          "sentences"}
