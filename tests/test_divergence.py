from __future__ import annotations

import pytest

from readout_compare import compare


def divergences(readout: str, account: str):
    acc = compare(readout, [account]).accounts[0]
    (s,) = acc.sentences
    assert s.matches, "the pair should match"
    return [(d.type, d.readout_text, d.account_text, d.direction) for d in s.divergences]


@pytest.mark.parametrize(
    "readout, account, expected",
    [
        ("The two ministers discussed 12 joint patrols along the border.",
         "The two ministers discussed 21 joint patrols along the border.",
         [("number", "12", "21", None)]),
        ("The two ministers discussed 12 joint patrols along the border.",
         "The two ministers discussed twenty-one joint patrols along the border.",
         [("number", "12", "twenty-one", None)]),
        ("Tariffs of 25% will apply to imports from both countries next month.",
         "Tariffs of 30 percent will apply to imports from both countries next month.",
         [("number", "25%", "30 percent", None)]),
        ("The delegation will visit Ottawa on March 4 to discuss trade.",
         "The delegation will visit Ottawa on April 4 to discuss trade.",
         [("date", "March", "April", None)]),
        ("The leaders did not discuss tariffs during the meeting in Washington.",
         "The leaders discussed tariffs during the meeting in Washington.",
         [("negation", "did not discuss", "discussed", None)]),
        ("The leaders discussed tariffs during the meeting in Washington.",
         "The leaders didn't discuss tariffs during the meeting in Washington.",
         [("negation", "discussed", "didn't discuss", None)]),
        ("The Secretary said the agreement may be extended next year by both governments.",
         "The Secretary said the agreement will be extended next year by both governments.",
         [("modality", "may", "will", None)]),
        ("The Secretary highlighted the importance of Mexico's armed forces continuing to disrupt cartels.",
         "The Secretary warned of the importance of Mexico's armed forces continuing to disrupt cartels.",
         [("reporting_verb", "highlighted", "warned", "escalates")]),
        ("The Secretary warned that cartel violence threatens both nations and their citizens.",
         "The Secretary noted that cartel violence threatens both nations and their citizens.",
         [("reporting_verb", "warned", "noted", "softens")]),
        ("The delegation will visit Ottawa on March 4 to discuss trade and energy.",
         "The delegation will visit Toronto on March 4 to discuss trade and energy.",
         [("entity", "Ottawa", "Toronto", None)]),
    ],
    ids=["number", "number-in-words", "percent", "date", "negation", "negation-contraction",
         "modality", "verb-escalates", "verb-softens", "entity"],
)
def test_divergence_types(readout, account, expected):
    assert divergences(readout, account) == expected


@pytest.mark.parametrize(
    "readout, account",
    [
        ("The Secretary underscored that his top priority is to safeguard the United States.",
         "The Secretary stressed that his first priority is to secure the United States."),
        ("The two ministers discussed 12 joint patrols along the border.",
         "The two ministers discussed twelve joint patrols along the border."),
        ("Tariffs of 25% will apply to imports from both countries next month.",
         "Tariffs of 25 percent will apply to imports from both countries next month."),
        ("The leaders did not discuss tariffs during the meeting in Washington.",
         "The leaders didn't discuss tariffs during the meeting in Washington."),
        ("In both calls, the Secretary reaffirmed the commitment to deepening cooperation.",
         "The Secretary reaffirmed the commitment to deepening cooperation in both calls."),
        ("The Secretary of Defense met the Minister in Washington on Monday.",
         "Hegseth met the Minister in Washington on Monday."),
    ],
    ids=["synonyms", "twelve", "percent-word", "contraction-both-negated", "reordered", "title-for-name"],
)
def test_meaning_preserving_changes_are_not_divergences(readout, account):
    assert divergences(readout, account) == []


def test_quote_divergence_for_misquoted_readout():
    readout = "The Secretary highlighted the importance of continued cooperation on border security."
    account = "The readout said the Secretary “highlighted the importance of closer cooperation on border security.”"
    acc = compare(readout, [account]).accounts[0]
    (s,) = acc.sentences
    assert s.status == "divergent"
    assert [d.type for d in s.divergences] == ["quote"]
