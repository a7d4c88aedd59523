from __future__ import annotations

from readout_compare import compare

READOUT = (
    "Readout of the Call\n\n"
    "The Secretary highlighted the importance of continued cooperation on border security. "
    "The two leaders agreed to meet again in the spring to review progress on trade. "
    "The Minister thanked the Secretary for the hospitality of the American delegation."
)


def test_statuses_and_coverage():
    account = (
        "Leaders agree to meet again in the spring\n\n"
        "The Secretary warned of the importance of continued cooperation on border security. "
        "The two leaders agreed to meet again in the spring to review progress on trade. "
        "The Secretary also threatened new tariffs, people familiar with the call said.\n\n"
        "Share."
    )
    acc = compare(READOUT, [account]).accounts[0]
    statuses = [(s.sentence.role, s.status) for s in acc.sentences]
    assert statuses == [
        ("heading", None),
        ("body", "divergent"),
        ("body", "supported"),
        ("body", "not_in_readout"),
        ("furniture", None),
    ]
    cov = {c.readout_sentence: (c.status, c.kind, c.divergent) for c in acc.coverage}
    assert cov == {
        "r-2": ("reported", "paraphrase", True),
        "r-3": ("reported", "verbatim", False),
        "r-4": ("omitted", None, False),
    }
    claim = acc.sentences[3]
    assert claim.attribution is not None
    assert claim.attribution.source == "people familiar with the call"


def test_headings_are_not_omissions():
    acc = compare(READOUT, ["Nothing related here at all, apparently."]).accounts[0]
    assert [c.readout_sentence for c in acc.coverage] == ["r-2", "r-3", "r-4"]
