"""The reference case (examples/hegseth-mexico, from ../shared/cases): what its README says a
reader expects a comparison to show."""

from __future__ import annotations

import re

import pytest


def account(case_comparison, n):
    return case_comparison.accounts[n]


def find_sentence(acc, pattern):
    hits = [s for s in acc.sentences if re.search(pattern, s.sentence.text)]
    assert len(hits) == 1, f"{pattern!r} should be in exactly one sentence"
    return hits[0]


def test_three_quoted_passages_are_verbatim_in_the_post(case_comparison):
    post = account(case_comparison, 0)
    cov = {c.readout_sentence: c for c in post.coverage}
    readout = case_comparison.readout
    for pattern, quoted_in in [
        (r"underscored that his top priority", r"notes that the defense secretary"),
        (r"highlighted the importance", r"the readout continued"),
        (r"reaffirmed their commitment", r"^“In both calls"),
    ]:
        (r_sent,) = [s for s in readout.body if re.search(pattern, s.text)]
        a_sent = find_sentence(post, quoted_in)
        assert cov[r_sent.id].status == "reported"
        assert cov[r_sent.id].kind == "verbatim"
        assert cov[r_sent.id].account_sentences == (a_sent.sentence.id,)
        assert a_sent.status == "supported"


@pytest.mark.parametrize(
    "pattern", [r"“unilateral action”", r"collusion", r"“shocked and angered”"]
)
def test_headline_claims_are_not_in_the_readout(case_comparison, pattern):
    assert find_sentence(account(case_comparison, 0), pattern).status == "not_in_readout"


def test_title_is_not_a_claim_and_opening_is_not_a_full_report(case_comparison):
    readout = case_comparison.readout
    assert readout.sentences[0].role == "heading"
    post = account(case_comparison, 0)
    assert [c.readout_sentence for c in post.coverage] == [s.id for s in readout.body]
    # The opening sentence is only loosely echoed ("a Jan. 31 call with top Mexican military
    # officials"): not reported verbatim or as a paraphrase.
    assert post.coverage[0].kind in (None, "partial")


def test_page_furniture_is_ignored(case_comparison):
    post = account(case_comparison, 0)
    furniture = [s for s in post.sentences if s.sentence.role == "furniture"]
    assert [s.sentence.text for s in furniture] == ["Share.", "Exit mobile version"]
    assert all(s.status is None for s in furniture)


def test_wire_paraphrases_are_matched_not_omitted(case_comparison):
    wire = account(case_comparison, 1)
    kinds = {c.readout_sentence: (c.status, c.kind) for c in wire.coverage}
    readout = case_comparison.readout
    ids = {re.search(p, s.text) and p: s.id for s in readout.body for p in
           ("underscored", "highlighted", "reaffirmed") if re.search(p, s.text)}
    assert kinds[ids["underscored"]] == ("reported", "paraphrase")
    # The wire drops the migration half of this sentence: reported only in part.
    assert kinds[ids["highlighted"]] == ("reported", "partial")
    assert kinds[ids["reaffirmed"]] == ("reported", "paraphrase")
    assert find_sentence(wire, r"unilateral action").status == "not_in_readout"


def quotes_by_text(acc):
    return {q.text: q for q in acc.quotes}


def test_quote_verdicts_and_attributions(case_comparison):
    quotes = quotes_by_text(account(case_comparison, 0))
    verbatim = [q for q in quotes.values() if q.fidelity == "verbatim" and q.kind == "quotation"]
    assert len(verbatim) == 3
    assert all(q.attribution is not None and q.attribution.is_readout for q in verbatim)
    expected = {
        # Named, but only as others report it (issue 15: "reportedly" keeps a named speaker).
        "unilateral action": "Defense Secretary Pete Hegseth (reportedly)",
        "shocked and angered": "the outlet",
        "All options will be on the table": "he (Hegseth)",
        "Drugs are still pouring into our Country from Mexico and Canada at very high and "
        "unacceptable levels": "Trump",
    }
    for text, source in expected.items():
        q = quotes[text]
        assert q.fidelity == "not_in_readout", text
        assert q.attribution is not None and q.attribution.source == source
    assert quotes["All options will be on the table"].attribution.text.startswith(
        "he said during a “Fox & Friends” interview"
    )
    assert quotes["Drugs are still pouring into our Country from Mexico and Canada at very high "
                  "and unacceptable levels"].attribution.text == "Trump wrote on Truth Social"
    assert quotes["Fox & Friends"].kind == "title"


def test_claims_travel_across_accounts(case_comparison):
    groups = case_comparison.claim_groups
    post, wire = (a.document.id for a in case_comparison.accounts)
    unilateral = [
        g for g in groups
        if any("unilateral" in case_comparison.accounts[0].sentence(s).sentence.text
               for s in g.account_sentences if s.startswith(post + "-"))
    ]
    assert len(unilateral) == 1
    (g,) = unilateral
    assert set(g.accounts) == {post, wire}
    assert any("unilateral" in case_comparison.accounts[1].sentence(s).sentence.text
               for s in g.account_sentences if s.startswith(wire + "-"))
    assert any("Wall Street Journal" in a for a in g.attributions)


def test_other_framing_verbs_on_the_same_rung_are_no_divergence(case_comparison):
    """The readout "underscored"/"highlighted"; the wire "stressed"/"emphasized": other verbs on
    the same rung of the ladder, so the wire's sentences report the readout's without a
    reporting-verb divergence, while the Post quotes verbatim."""
    readout, wire = case_comparison.readout, account(case_comparison, 1)
    for wire_verb, readout_verb in (("stressed", "underscored"), ("emphasized", "highlighted")):
        s = find_sentence(wire, rf"\b{wire_verb}\b")
        assert s.status == "supported"
        assert [readout_verb in readout.sentence(m.readout_sentence).text
                for m in s.matches] == [True]
    for acc in case_comparison.accounts:
        for s in acc.sentences:
            assert not [d for d in s.divergences if d.type == "reporting_verb"]
