"""Placement: where each account first reports each readout sentence, and what it led with."""

from __future__ import annotations

import pytest

from readout_compare import compare
from readout_compare.render import renderer
from readout_compare.report import report_dict

READOUT = """Readout of Minister Halvorsen's Meeting with Minister Okafor

Minister of Trade Ingrid Halvorsen met on March 4 with Nigeria's Minister of Industry, Chidi Okafor, in Oslo.

The ministers agreed to expand joint inspections at the port of Lagos to speed the clearance of fertilizer shipments.

Minister Halvorsen emphasized the importance of transparent procurement rules for both countries' state buyers.

Both ministers committed to meeting again before the end of the year.
"""
LEADS_WITH_READOUT = """Norway and Nigeria agree to expand joint inspections at Lagos port

OSLO (Wire) - Norway and Nigeria agreed on Tuesday to expand joint inspections at the port of Lagos to speed the clearance of fertilizer shipments, the Norwegian trade ministry said.

The agreement came during a meeting in Oslo between Trade Minister Ingrid Halvorsen and Nigeria's industry minister, Chidi Okafor.

Fertilizer prices in West Africa have risen by a third since January, according to industry data.

Exporters have complained for months about delays of up to six weeks at Lagos.

Halvorsen also stressed the importance of transparent procurement rules for state buyers, the ministry said.

Analysts said the deal could cut delays by half, though officials gave no timetable.
"""
BURIES_READOUT = """Norway threatened to halt fertilizer deliveries to Nigeria, officials say

Norway's trade minister told her Nigerian counterpart that fertilizer deliveries could be halted, two officials familiar with the talks said on Wednesday.

The warning, which has not been reported before, came as shipments piled up at Lagos.

Nigerian officials were said to be surprised by the tone of the meeting.

Neither ministry would comment on the account.

Fertilizer prices in West Africa have risen by a third since January, according to industry data.

Exporters have complained for months about delays of up to six weeks at Lagos.

In a statement after the meeting, the Norwegian ministry said the ministers agreed to expand joint inspections at the port of Lagos to speed the clearance of fertilizer shipments.
"""


def placements(comparison, n=0):
    sp = comparison.placement[n]
    return sp, {p.readout_sentence: p for p in sp.placements}


def test_reference_case_post_leads_with_claims_not_in_the_readout(case_comparison):
    sp, by_readout = placements(case_comparison, 0)
    assert [item.status for item in sp.lead] == ["not_in_readout", "not_in_readout"]
    assert [item.position for item in sp.lead] == ["lede", "lede"]
    assert sp.led_with.startswith("led with 2 claims not in the readout, attributed to")
    assert "Wall Street Journal" in sp.led_with
    # The readout's own words come after the lede, from the fourth paragraph on.
    assert sp.first_point.readout_sentence == "r-3" and sp.first_point.paragraph == 4
    for rid in ("r-3", "r-4", "r-5"):
        assert by_readout[rid].basis == "claim"
        assert by_readout[rid].position not in ("headline", "lede")
    # r-2 (who spoke with whom) is only mentioned as the call, in the lede.
    assert by_readout["r-2"].basis == "event" and by_readout["r-2"].position == "lede"


def test_reference_case_wire_headline_and_lower_half(case_comparison):
    sp, by_readout = placements(case_comparison, 1)
    assert sp.lead[0].position == "headline" and sp.lead[0].status == "not_in_readout"
    assert all(item.status == "not_in_readout" for item in sp.lead)
    for rid in ("r-3", "r-4", "r-5"):
        assert by_readout[rid].position == "lower_half"
        assert by_readout[rid].share_before >= 0.5
    shares = [by_readout[r].share_before for r in ("r-3", "r-4", "r-5")]
    assert shares == sorted(shares)


def test_a_story_that_leads_with_the_readout():
    sp, by_readout = placements(compare(READOUT, LEADS_WITH_READOUT))
    assert sp.lead[0].position == "headline" and sp.lead[0].readout_sentences == ("r-3",)
    assert sp.led_with.startswith("led with 2 sentences that report the readout (r-3)")
    assert by_readout["r-3"].position == "lede" and by_readout["r-3"].share_before == 0.0
    assert by_readout["r-3"].paragraph == 1
    assert by_readout["r-4"].position == "lower_half"
    assert "r-5" not in by_readout  # omitted: no placement
    assert sp.first_point.readout_sentence == "r-3"


def test_a_story_that_buries_the_readout():
    sp, by_readout = placements(compare(READOUT, BURIES_READOUT))
    assert sp.lead[0].position == "headline" and sp.lead[0].status == "not_in_readout"
    assert sp.led_with.startswith("led with 3 claims not in the readout")
    assert by_readout["r-3"].position == "lower_half"
    assert by_readout["r-3"].paragraph == 7
    assert sp.first_point.share_before > 0.7  # the last paragraph, after long ones


def test_placement_in_every_format(case_comparison):
    report = report_dict(case_comparison)
    post = report["accounts"][0]["placement"]
    assert post["first_point"]["readout_sentence"] == "r-3"
    assert report["coverage_matrix"][1]["placements"]["a1"]["position"] == post["first_point"]["position"]
    md = renderer("md")(report)
    assert "**Placement:** Led with 2 claims not in the readout" in md
    assert "The readout's first point (`r-3`) appears at 28% of the story, paragraph 4." in md
    html = renderer("html")(report)
    assert 'id="overview-a1"' in html and "paragraph 4, 28% into the story" in html


def test_a_large_overview_is_one_row_of_first_reports(case_comparison, monkeypatch):
    from readout_compare.render import html

    report = report_dict(case_comparison)
    monkeypatch.setattr(html, "OVERVIEW_MAX_ROWS", 2)  # the case has 4 readout sentences
    page = renderer("html")(report)
    overview = page[page.index('id="overview-a1"'):page.index('id="overview-a2"')]
    assert "First reports" in overview
    assert 'aria-label="first report of r-3 in a1-4"' in overview
    assert "r-3: first reported in a1-4" in overview  # still in words
    assert overview.count("<tr>") == 2  # the strip and the row of first reports, no grid


def test_a_lede_credited_to_the_readout_is_not_said_to_be_attributed_to_it():
    readout = ("Foreign Minister Ana Ruiz spoke today with Secretary of State Dana Whitlock. "
               "The two discussed trade in the region.")
    account = ("Whitlock threatened new tariffs on the region's steel exports, according to a "
               "readout released by the ministry. Markets fell sharply after the call. "
               "The two also discussed trade in the region, the ministry said.")
    sp = compare(readout, [account]).placement[0]
    assert sp.lead[0].status == "not_in_readout" and sp.lead[0].attribution.is_readout
    assert "attributed to a readout" not in sp.led_with
    assert "credited to the readout (a readout released by the ministry), which does not say so" \
        in sp.led_with


MENTIONS_THE_CALL_FIRST = """Halvorsen and Okafor meet in Oslo

Norway's trade minister Ingrid Halvorsen met Nigerian industry minister Chidi Okafor in Oslo on Tuesday.

The two agreed to expand joint inspections at the port of Lagos to speed the clearance of fertilizer shipments.

Exporters have complained for months about delays of up to six weeks at Lagos.
"""


def test_a_lede_that_only_mentions_the_meeting_is_not_the_first_point():
    # The first sentence reports the readout's event sentence in other words and shares
    # nothing with it but who met, where and when: it is supported (the meeting took place),
    # but the story's first point of the readout is the inspections agreement after it.
    comparison = compare(READOUT, [MENTIONS_THE_CALL_FIRST])
    sp, by_readout = placements(comparison)
    acc = comparison.accounts[0]
    first, second = [
        s for s in acc.sentences if s.sentence.role == "body"][:2]
    assert first.status == "supported"
    event_sentence = comparison.readout.body[0].id
    assert by_readout[event_sentence].basis == "event"
    assert sp.first_point is not None
    assert sp.first_point.account_sentence == second.sentence.id
    assert sp.first_point.readout_sentence == comparison.readout.body[1].id


def test_a_word_for_word_copy_of_a_sentence_that_only_announces_the_meeting_is_no_point():
    # The readout's first sentence says only who met; a story that copies it word for word
    # reports that the meeting took place, not a point of the readout: its first point is the
    # inspections agreement after it.
    readout = ("Readout of Minister Halvorsen's Meeting with Minister Okafor\n\n"
               "Minister of Trade Ingrid Halvorsen met today with Nigerian Minister of Industry "
               "Chidi Okafor.\n\n" + READOUT.split("\n\n", 2)[2])
    story = ("Minister of Trade Ingrid Halvorsen met today with Nigerian Minister of Industry "
             "Chidi Okafor in Oslo.\n\nThe ministers agreed to expand joint inspections at the port "
             "of Lagos to speed the clearance of fertilizer shipments.\n")
    comparison = compare(readout, [story])
    sp, by_readout = placements(comparison)
    first, second = [s for s in comparison.accounts[0].sentences if s.sentence.role == "body"][:2]
    assert first.status == "supported"
    assert by_readout[comparison.readout.body[0].id].basis == "event"
    assert sp.first_point is not None and sp.first_point.account_sentence == second.sentence.id


def test_a_chinese_sentence_that_only_announces_the_call_is_no_point():
    # Character pairs of names and titles are all the story's first sentence shares with the
    # readout's announcement of the call; its first point is the sentence on trade after it.
    readout = ("外交部长林海同挪威外交大臣哈尔沃森通电话\n\n"
               "5月3日,外交部长林海同挪威外交大臣哈尔沃森通电话。\n\n"
               "双方同意扩大渔业和航运合作,尽早举行经贸混委会会议。\n")
    story = ("挪威外交大臣哈尔沃森3日与中国外交部长林海通电话。\n\n"
             "双方同意扩大渔业和航运合作,并尽早举行经贸混委会会议。\n")
    comparison = compare(readout, [story])
    sp, by_readout = placements(comparison)
    first, second = [s for s in comparison.accounts[0].sentences if s.sentence.role == "body"][:2]
    assert by_readout[comparison.readout.body[0].id].basis == "event"
    assert sp.first_point is not None and sp.first_point.account_sentence == second.sentence.id


@pytest.mark.parametrize(("text", "announces"), [
    ("5月3日,外交部长林海同挪威外交大臣哈尔沃森通电话。", True),
    ("本3日、林外務大臣はハルヴォルセン外務大臣との間で電話会談を行ったところ、概要は以下のとおりです。", True),
    # A call about something says what it was about.
    ("林海同哈尔沃森就渔业合作通电话。", False),
    ("双方认为,此次通话及时、必要。", False),
])
def test_which_chinese_and_japanese_sentences_only_announce_the_call(text, announces):
    from readout_compare.placement import _announces_only

    assert _announces_only(text) is announces


@pytest.mark.parametrize(("readout_sentence", "story_sentence", "event_only"), [
    # A name that opens the readout's sentence is a name, as it is inside the story's.
    ("Ingrid Halvorsen had a telephone conversation with Minister of Industry Chidi Okafor.",
     "On March 4, Nigeria's Minister Chidi Okafor and Norway's trade minister Ingrid Halvorsen "
     "held a telephone conversation.", True),
    # How many times they have met is about the meeting.
    ("Minister Halvorsen and Minister Okafor met for the third time this year.",
     "A third meeting between Ingrid Halvorsen and Chidi Okafor took place in Oslo.", True),
    # What they agreed is a point of the readout.
    ("Minister Halvorsen and Minister Okafor agreed to expand joint inspections.",
     "Ingrid Halvorsen and Chidi Okafor agreed on joint inspections.", False),
])
def test_what_only_mentions_the_event(readout_sentence, story_sentence, event_only):
    from readout_compare.evidence import Keyed, only_the_event
    assert only_the_event(Keyed(readout_sentence), Keyed(story_sentence)) is event_only


def test_a_line_too_short_for_a_headline_is_not_the_headline():
    # However the roles come out, a one- or two-word line above the story (a section label, a
    # site's button) is not what the story led with.
    import dataclasses

    from readout_compare.placement import _Story
    from readout_compare.segment import segment

    doc = segment("Ports\n\nNorway and Nigeria agree to expand joint inspections at Lagos port\n\n"
                  "Norway and Nigeria agreed on Tuesday to expand joint inspections.\n",
                  doc_id="a1", label="a")
    roles = ["heading", "heading", "body"]
    doc = dataclasses.replace(doc, sentences=tuple(
        dataclasses.replace(s, role=r) for s, r in zip(doc.sentences, roles)))
    assert [s.text for s in _Story(doc).headline] == [
        "Norway and Nigeria agree to expand joint inspections at Lagos port"]
