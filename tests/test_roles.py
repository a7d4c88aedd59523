"""Roles of units on pages as they are pasted or scraped: the role model (roles.py) over the
furniture rules. The page below is written for this test in the manner of a news site's page
copied whole: masthead, section menu, tickers, headline, byline with a job title, update
stamp, photo caption with its credit, dateline, related links, an embedded-content notice and
a newsletter line."""

from __future__ import annotations

import pytest

from readout_compare import roles
from readout_compare.segment import laid_out, role_units, segment

PAGE = """GLOBAL DISPATCH
World | Politics | Business | Markets
EUR/USD 1.0842 +0.12%
Brent 82.15 -0.47%
FTSE 100 7,702.08 ▲ 0.3%
Ministers pledge closer cooperation on Arctic security
By Helen Marsh, Diplomatic Correspondent
Updated 14:32 GMT, 12 March 2025
Foreign Minister Lena Berg arrives for talks in Oslo, Norway, March 12, 2025. REUTERS/Ola Stein
OSLO, March 12 (Global Dispatch) - Norway and Canada agreed on Wednesday to expand joint patrols in the Arctic, their foreign ministers said after talks in Oslo.
The two ministers also discussed support for Ukraine and sanctions on Russia, according to a statement from the Norwegian foreign ministry.
Related: Canada orders new icebreakers
Related: Norway raises defence budget to 2%
This content is embedded from a third party. Please enable cookies to view it.
Berg said the patrols would begin in the summer.
Sign up for our newsletter | Privacy policy
"""


def _roles(text: str) -> dict[str, str]:
    return {s.text: s.role for s in segment(text, doc_id="a", label="a").sentences}


@pytest.mark.parametrize("line, role", [
    ("GLOBAL DISPATCH", "furniture"),  # the site's name in capitals
    ("World | Politics | Business | Markets", "furniture"),  # section menu
    ("EUR/USD 1.0842 +0.12%", "furniture"),  # tickers
    ("Brent 82.15 -0.47%", "furniture"),
    ("FTSE 100 7,702.08 ▲ 0.3%", "furniture"),
    ("Ministers pledge closer cooperation on Arctic security", "heading"),  # the headline
    ("By Helen Marsh, Diplomatic Correspondent", "furniture"),  # byline with a job title
    ("Updated 14:32 GMT, 12 March 2025", "furniture"),  # update stamp
    ("Foreign Minister Lena Berg arrives for talks in Oslo, Norway, March 12, 2025. "
     "REUTERS/Ola Stein", "furniture"),  # a caption in the present tense, with its credit
    ("OSLO, March 12 (Global Dispatch) -", "furniture"),  # dateline
    ("Related: Canada orders new icebreakers", "furniture"),  # related headlines
    ("Related: Norway raises defence budget to 2%", "furniture"),
    ("This content is embedded from a third party. Please enable cookies to view it.", "furniture"),
    ("Sign up for our newsletter | Privacy policy", "furniture"),
    ("Berg said the patrols would begin in the summer.", "body"),
])
def test_a_scraped_page_keeps_only_the_story_as_claims(line, role):
    assert _roles(PAGE)[line] == role


def test_the_lede_is_the_first_body_sentence_not_the_furniture_above_it():
    body = [s.text for s in segment(PAGE, doc_id="a", label="a").sentences if s.role == "body"]
    assert body[0].startswith("Norway and Canada agreed on Wednesday")


def test_roles_are_explained_by_features_of_the_unit():
    units = role_units(PAGE, laid_out(PAGE))
    index = next(i for i, u in enumerate(units) if u.text.startswith("EUR/USD"))
    role, probabilities, reasons = roles.explain(units, index)
    assert role == "furniture"
    assert abs(sum(probabilities.values()) - 1) < 1e-9
    assert probabilities["furniture"] == max(probabilities.values())
    assert reasons and all(isinstance(r, str) for r in reasons)


def test_the_same_text_gets_the_same_roles():
    assert _roles(PAGE) == _roles(PAGE)


def test_a_text_unlike_any_news_keeps_the_rules_roles():
    # Sentences of made-up words: the model reads no claim, so the rules' roles stand.
    text = " ".join(f"W{i}x w{i + 1}x w{i + 2}x w7x w9x w11x w13x w{i}5x." for i in range(20))
    assert {s.role for s in segment(text, doc_id="a", label="a").sentences} == {"body"}


def test_a_distribution_notice_after_a_line_of_tags_is_furniture_with_it():
    text = ("Secretary Lind spoke today with Foreign Minister Berg about Arctic patrols. "
            "They agreed to meet again in May.\n\nTags\n\n"
            "Bureau of Nordic Affairs Office of the Spokesperson Norway The Secretary of State\n"
            "Department of State published this content on May 2, 2025, and is solely "
            "responsible for the information contained herein. Distributed via a wire service, "
            "unedited and unaltered, on May 2, 2025.\n")
    body = [s.text for s in segment(text, doc_id="r", label="r").sentences if s.role == "body"]
    assert body == ["Secretary Lind spoke today with Foreign Minister Berg about Arctic patrols.",
                    "They agreed to meet again in May."]


def test_a_caption_that_ends_in_a_date_and_an_agency_is_furniture_a_story_ending_in_one_is_not():
    text = ("Leaders discuss Arctic security\n\n"
            "Prime Minister Lena Berg speaks to the media in Oslo, Norway, after talks on "
            "patrols. March 12, 2025 (Reuters)\n\n"
            "Norway and Canada agreed on Wednesday to expand joint patrols in the Arctic.\n\n"
            "The ministers will meet again in May, officials said. (ANI)\n")
    roles_of = _roles(text)
    # The caption is one unit of furniture with its credit.
    assert roles_of["Prime Minister Lena Berg speaks to the media in Oslo, Norway, after talks "
                    "on patrols. March 12, 2025 (Reuters)"] == "furniture"
    assert roles_of["Norway and Canada agreed on Wednesday to expand joint patrols in the "
                    "Arctic."] == "body"
    assert roles_of["The ministers will meet again in May, officials said."] == "body"


def test_headlines_listed_after_the_story_are_furniture():
    story = ("Ministers agree to keep talking\n\n"
             "The two ministers agreed on Tuesday to keep channels of communication open, the "
             "ministry said. They discussed trade and tariffs at length.\n\n"
             "Related\n\n"
             "Indonesia president says ready to face all possibilities\n\n"
             "Pezeshkian says Iran will not bow to pressure amid nuclear talks\n")
    doc = segment(story, doc_id="a", label="a")
    roles_of = {s.text.strip(): s.role for s in doc.sentences}
    assert roles_of["Ministers agree to keep talking"] == "heading"
    assert roles_of["Pezeshkian says Iran will not bow to pressure amid nuclear talks"] == "furniture"
    assert roles_of["Indonesia president says ready to face all possibilities"] == "furniture"
    assert not any(s.role == "heading" for s in doc.sentences[2:])


def test_a_long_headline_on_its_own_line_above_the_story_is_a_heading():
    story = ("Dublin\n\n"
             "Leo Varadkar warns Boris Johnson that his new Brexit plan falls short as leaders "
             "talk for 30 minutes on phone\n\n"
             "Taoiseach Leo Varadkar has told Boris Johnson that the UK proposals do not fully "
             "meet the agreed objectives. The two leaders spoke by phone on Wednesday.\n")
    doc = segment(story, doc_id="a", label="a")
    headline = next(s for s in doc.sentences if s.text.startswith("Leo Varadkar warns"))
    assert headline.role == "heading"
    assert [s.role for s in doc.sentences if s.text.startswith(("Taoiseach", "The two"))] == [
        "body", "body"]


def test_the_publishers_name_above_a_readout_is_furniture_and_its_title_the_headline():
    page = ("U.S. Department of State\n\n"
            "10/20/2025 | Press release | Distributed by Public on 10/20/2025 09:31\n\n"
            "Secretary Lind\u2019s Call with Varnian Foreign Minister Orlov\n\n"
            "HomeOffice of the SpokespersonPress ReleasesSecretary Lind's Call with Varnian "
            "Foreign Minister Orlov\n\n"
            "Readout\n\nOffice of the Spokesperson\n\nOctober 20, 2025\n\n"
            "Secretary of State Dana Lind spoke today with Varnian Foreign Minister Ivan Orlov "
            "to discuss next steps on the port agreement. The Secretary emphasized the "
            "importance of upcoming talks in Vienna.\n")
    doc = segment(page, doc_id="r", label="r")
    roles_of = {s.text: s.role for s in doc.sentences}
    assert roles_of["U.S. Department of State"] == "furniture"
    assert roles_of["Secretary Lind\u2019s Call with Varnian Foreign Minister Orlov"] == "heading"


def test_a_bodys_website_as_where_a_statement_came_out_is_no_web_furniture():
    page = ("Oslo \u2022 NORDWIRE\n\n"
            "Prime Minister Lena Berg and President Tom Hale held a call on the Arctic patrols."
            "\n\nThis was reported on the Norwegian government's website, informs NORDWIRE.\n\n"
            "Details\n\nVisit our website for more stories.\n")
    got = _roles(page)
    assert got["This was reported on the Norwegian government's website, informs NORDWIRE."] == (
        "body")
    assert got["Visit our website for more stories."] == "furniture"


def test_a_headline_the_model_takes_for_furniture_is_the_headline_above_the_story():
    page = ("Halvorsen warns Okafor that \u201cpressure\u201d on the fishing fleet would be "
            "\u201cunacceptable\u201d\n\n"
            "In a conversation with his Nigerian counterpart Ade Okafor, Norwegian Prime Minister "
            "Tor Halvorsen said outside pressure on the fleet would be unacceptable.\n\n"
            "According to a statement released by the Norwegian government, the two leaders "
            "spoke for an hour.\n\n"
            "Similar Posts\n")
    roles_of = _roles(page)
    assert roles_of["Halvorsen warns Okafor that \u201cpressure\u201d on the fishing fleet would "
                    "be \u201cunacceptable\u201d"] == "heading"
    assert roles_of["Similar Posts"] == "furniture"


def test_headings_in_a_row_inside_the_story_are_the_pages_links():
    page = ("Halvorsen and Okafor agree on fisheries quotas\n\n"
            "Norwegian Prime Minister Tor Halvorsen spoke with Nigerian President Ade Okafor on "
            "Tuesday about fisheries quotas.\n\n"
            "Storm closes ferry routes across the fjords for a second day\n\n"
            "Oslo council votes to extend the tram line to the airport\n\n"
            "The two leaders agreed to meet again in Lagos in the spring.\n\n"
            "They also discussed joint patrols in the Arctic.\n")
    roles_of = _roles(page)
    assert roles_of["Storm closes ferry routes across the fjords for a second day"] == "furniture"
    assert roles_of["Oslo council votes to extend the tram line to the airport"] == "furniture"
    assert roles_of["Halvorsen and Okafor agree on fisheries quotas"] == "heading"


def test_a_section_head_alone_inside_the_story_stays_a_heading():
    page = ("Halvorsen and Okafor agree on fisheries quotas\n\n"
            "Norwegian Prime Minister Tor Halvorsen spoke with Nigerian President Ade Okafor on "
            "Tuesday about fisheries quotas.\n\n"
            "What the leaders agreed on patrols in the Arctic\n\n"
            "They also discussed joint patrols in the Arctic.\n")
    roles_of = _roles(page)
    assert roles_of["What the leaders agreed on patrols in the Arctic"] == "heading"


def test_the_pages_header_again_after_the_story_starts_the_next_post():
    """A page of press releases sets each under the same header; the second release (another
    call) is the page's, not this readout's sentences."""
    header = ("- Details\n- Written by Press and Information Office of the Government\n"
              "- Category: Government News\n")
    page = (header +
            "This evening Prime Minister Tor Halvorsen and President Ade Okafor spoke by phone.\n"
            "The two leaders agreed to work closely on fisheries quotas.\n" + header +
            "Prime Minister Tor Halvorsen spoke today with Chancellor Ines Weber.\n"
            "Both agreed that the ceasefire must hold.\n")
    got = [(s.text, s.role) for s in segment(page, doc_id="r", label="r").sentences]
    body = [t for t, r in got if r == "body"]
    assert body == ["This evening Prime Minister Tor Halvorsen and President Ade Okafor spoke by "
                    "phone.", "The two leaders agreed to work closely on fisheries quotas."]
    # A header line that comes again alone (a share bar) does not end the story.
    page = ("Share this article\n\nThe two leaders spoke by phone on Tuesday.\n\n"
            "Share this article\n\nThey agreed to meet again in Lagos.\n")
    assert _roles(page)["They agreed to meet again in Lagos."] == "body"


def test_a_headline_set_twice_above_the_story_is_the_first_copy():
    """A page that sets its title again under the share links: the first is the headline, the
    copy is the page's; nor are the share link, the language menu or the date claims."""
    title = "Declaración conjunta tras el Consejo Conjunto Noruega-Chile y el Consejo de Comercio"
    page = ("Click acá para ir directamente al contenido\n"
            f"{title}\n"
            "• Comparte\n"
            "English | Español\n"
            f"{title}\n"
            "Jueves, 27 de noviembre de 2025\n"
            "• La ministra de Relaciones Exteriores de Noruega, Ana Lind, y el canciller de Chile, "
            "Tomás Ruiz, copresidieron el Consejo Conjunto en Bruselas el 26 de noviembre.\n"
            "• Al día siguiente, los ministros de comercio celebraron el primer Consejo de "
            "Comercio entre ambas partes.\n")
    got = [(s.text, s.role) for s in segment(page, doc_id="r", label="r").sentences]
    assert [r for t, r in got if t == title] == ["heading", "furniture"]
    assert all(r != "body" for t, r in got if t in (
        "Comparte", "English | Español", "Jueves, 27 de noviembre de 2025"))
