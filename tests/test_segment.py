from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_compare.layout import LIST_MARKER
from readout_compare.segment import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text, doc_id="d", label="d").sentences]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The call was on Jan. 31 with Gen. Smith. He spoke to Adm. Jones.",
         ["The call was on Jan. 31 with Gen. Smith.", "He spoke to Adm. Jones."]),
        ("The U.S. military was ready. Mr. Smith said so.",
         ["The U.S. military was ready.", "Mr. Smith said so."]),
        ("She met Dr. J. R. R. Tolkien in Washington, D.C. on Monday. It rained.",
         ["She met Dr. J. R. R. Tolkien in Washington, D.C. on Monday.", "It rained."]),
        ("He said “we are ready.” Then he left.",
         ["He said “we are ready.”", "Then he left."]),
        # A quotation of several sentences: a unit a sentence, as fact-checkers label them.
        ("“We are ready. We will act,” he said. Then he left.",
         ["“We are ready.", "We will act,” he said.", "Then he left."]),
        ('"We are ready. We will act," he said. Then he left.',
         ['"We are ready.', 'We will act," he said.', "Then he left."]),
        ("The Secretary spoke\u00a0on Jan. 31.\u00a0He was clear.",
         ["The Secretary spoke\u00a0on Jan. 31.", "He was clear."]),
        ("Costs rose 2.5 percent. Then they fell.",
         ["Costs rose 2.5 percent.", "Then they fell."]),
        ("First paragraph ends here.\n\nSecond paragraph starts here.",
         ["First paragraph ends here.", "Second paragraph starts here."]),
        # Abbreviated titles and offices syntok ends a sentence at; not before "The".
        ("It was said by State Dept. Spokesperson Ana Ruiz and Rep. Tom Hale. It rained.",
         ["It was said by State Dept. Spokesperson Ana Ruiz and Rep. Tom Hale.", "It rained."]),
        ("The talks were run by the Defense Dept. The ministry did not comment.",
         ["The talks were run by the Defense Dept.", "The ministry did not comment."]),
    ],
    ids=["abbreviations", "initialisms", "initials", "closing-quote", "multi-sentence-quote",
         "straight-quotes", "nbsp", "decimal", "paragraphs", "title-abbreviations",
         "office-abbreviation-at-the-end"],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, roles",
    [
        ("Readout of the Secretary's Call\n\nThe Secretary spoke today.", ["heading", "body"]),
        ("Big News Story Headline\nThe Secretary spoke today.", ["heading", "body"]),
        ("By Jane Doe\n\nThe Secretary spoke today.", ["furniture", "body"]),
        ("The Secretary spoke today.\n\nShare.\nExit mobile version", ["body", "furniture", "furniture"]),
        ("The Secretary spoke today.\n\nAdvertisement\n\nHe left.", ["body", "furniture", "body"]),
        ("The Secretary spoke today.\n\nShare this article\nRead more", ["body", "furniture", "furniture"]),
    ],
    ids=["title", "title-single-newline", "byline", "share-exit", "advert", "share-read-more"],
)
def test_roles(text, roles):
    assert [s.role for s in segment(text, doc_id="d", label="d").sentences] == roles


def test_ids_are_prefixed_with_the_document():
    doc = segment("One. Two.", doc_id="a3", label="x")
    assert [s.id for s in doc.sentences] == ["a3-1", "a3-2"]


def test_reference_case_furniture_and_title(case_texts):
    doc = segment(case_texts["account-nypost"], doc_id="a1", label="x")
    assert [s.text for s in doc.sentences if s.role == "furniture"] == ["Share.", "Exit mobile version"]
    readout = segment(case_texts["readout-pentagon"], doc_id="r", label="x")
    assert readout.sentences[0].role == "heading"
    assert len(readout.body) == 4


words = st.sampled_from(
    ["The", "Secretary", "said", "Jan.", "31", "U.S.", "“We", "act.”", "Mr.", "ready.", "no",
     "Gen.", "it", "e.g.", "—", "(see", "above).", "“Quote", "here,”", "he", "said.", "Share."]
)
seps = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\u00a0", "  ", "\r\n".replace("\r", "")])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(words, seps), min_size=1, max_size=40))
def test_offsets_reproduce_text(parts):
    text = "".join(w + s for w, s in parts)
    doc = segment(text, doc_id="d", label="d")
    last_end = 0
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last_end
        last_end = s.end
    # No words lost: every non-space character is inside some sentence.
    covered = sum(len(s.text.replace(" ", "")) for s in doc.sentences)
    assert covered <= len(text.replace(" ", ""))
    # Outside the units there is only white space and list markers ("- ", "1. ").
    inside = [False] * len(text)
    for s in doc.sentences:
        inside[s.start : s.end] = [True] * (s.end - s.start)
    pos = 0
    for line in text.split("\n"):
        marker = LIST_MARKER.match(line)
        for i, ch in enumerate(line):
            if not inside[pos + i] and not ch.isspace():
                assert marker and i < marker.end(), (line, ch)
        pos += len(line) + 1


# --- Real text structure: wraps, lists, datelines, furniture, lead-ins (issue 11) -------------

import random  # noqa: E402
import textwrap  # noqa: E402

from readout_compare import compare, furniture  # noqa: E402


def units(text: str) -> list[tuple[str, str]]:
    return [(" ".join(s.text.split()), s.role) for s in segment(text, doc_id="d", label="d").sentences]


def wrap_paragraphs(text: str, rnd: random.Random, share: float = 0.7) -> str:
    """Hard-wrap some one-line paragraphs at random widths from 50 to 100 columns."""
    return "\n\n".join(
        textwrap.fill(p, rnd.randint(50, 100), break_long_words=False, break_on_hyphens=False)
        if rnd.random() < share and "\n" not in p.strip() else p
        for p in text.split("\n\n")
    )


def verdicts(comparison) -> list:
    """Everything a reader sees decided, with texts folded so that line breaks don't count."""
    fold = lambda t: " ".join(t.split())  # noqa: E731
    readout = {s.id: fold(s.text) for s in comparison.readout.sentences}
    out = []
    for acc in comparison.accounts:
        out.append(sorted((readout[c.readout_sentence], c.status, c.kind) for c in acc.coverage))
        out.append([(fold(s.sentence.text), s.status) for s in acc.sentences if s.status])
        out.append([(fold(q.text), q.fidelity, q.readout_sentence and readout[q.readout_sentence])
                    for q in acc.quotes])
    return out


def test_wrapped_account_keeps_its_verdicts(case_texts):
    """fmt -w 72 on the New York Post account used to lose two of its three verbatim quotes."""
    readout, account = case_texts["readout-pentagon"], case_texts["account-nypost"]
    wrapped = "\n\n".join(textwrap.fill(p, 72) if "\n" not in p.strip() else p
                          for p in account.split("\n\n"))
    assert wrapped.count("\n") > account.count("\n") + 20
    plain, folded = compare(readout, [account]), compare(readout, [wrapped])
    assert verdicts(folded) == verdicts(plain)
    acc = folded.accounts[0]
    assert sum(c.status == "reported" for c in acc.coverage) == 4
    assert sum(q.fidelity == "verbatim" for q in acc.quotes) == 3
    assert [s.role for s in acc.document.sentences].count("heading") == 0  # it has no title


def test_wrapped_readout_keeps_every_body_sentence(case_texts):
    readout = case_texts["readout-pentagon"]
    wrapped = "\n\n".join(textwrap.fill(p, 64) for p in readout.split("\n\n"))
    doc = segment(wrapped, doc_id="r", label="r")
    assert [" ".join(s.text.split()) for s in doc.body] == [
        s.text for s in segment(readout, doc_id="r", label="r").body
    ]
    assert doc.sentences[0].role == "heading" and "\n" in doc.sentences[0].text
    for s in doc.sentences:
        assert wrapped[s.start : s.end] == s.text


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000))
def test_wrapping_random_paragraphs_changes_no_verdict(case_texts, seed):
    rnd = random.Random(seed)
    texts = [case_texts[k] for k in ("readout-pentagon", "account-nypost", "account-wire")]
    plain = compare(texts[0], texts[1:])
    wrapped = compare(wrap_paragraphs(texts[0], rnd), [wrap_paragraphs(t, rnd) for t in texts[1:]])
    assert verdicts(wrapped) == verdicts(plain)


def test_one_paragraph_a_line_is_not_merged():
    """Text copied from a web page: one paragraph a line. The quotation belongs to the second
    paragraph, its speaker to the third; neither is glued to the other."""
    text = (
        "The foreign minister said the talks had been useful.\n"
        "“We will meet again in March,” the spokeswoman told reporters.\n"
        "Officials did not say where."
    )
    doc = segment(text, doc_id="d", label="d")
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2]


def test_headline_is_not_glued_to_the_first_sentence():
    text = "Chile, Peru agree to reopen border crossing\nChile and Peru agreed on Friday to reopen the crossing."
    assert units(text) == [
        ("Chile, Peru agree to reopen border crossing", "heading"),
        ("Chile and Peru agreed on Friday to reopen the crossing.", "body"),
    ]


def test_a_line_broken_before_a_quotation_in_lower_case_runs_on():
    # A page saved with a break inside a sentence, before its quoted word: one sentence, not
    # a heading above a fragment.
    text = ("Halvorsen spoke with the Nordic council chair on Sunday.\n"
            "Halvorsen had called the council\n"
            "\u201cobsolete\u201d because it \u201cwas not taking care of the fisheries\u201d.")
    assert units(text)[1:] == [
        ("Halvorsen had called the council \u201cobsolete\u201d because it \u201cwas not taking "
         "care of the fisheries\u201d.", "body"),
    ]


def test_a_line_broken_at_a_link_before_the_sentences_last_word_runs_on():
    # A page that broke its lines at its links ("NATO", "Europe"): the last word or two of a
    # sentence on a line of their own end that sentence; a line of the story's text does not
    # become a heading.
    text = ("Halvorsen will meet the Nordic leaders in May, the palace said.\n"
            "They stressed the need for continued efforts to share costs among all Nordic\n"
            "Allies.\n"
            "\"They also discussed the fisheries,\" Nordic\n"
            "statement said.")
    assert units(text)[1:] == [
        ("They stressed the need for continued efforts to share costs among all Nordic "
         "Allies.", "body"),
        ("\"They also discussed the fisheries,\" Nordic statement said.", "body"),
    ]


def test_sentences_run_together_without_a_space():
    text = "The ministers met on Tuesday.The talks lasted two hours.“We agreed,” she said.The U.S. was absent."
    assert [u for u, _ in units(text)] == [
        "The ministers met on Tuesday.", "The talks lasted two hours.", "“We agreed,” she said.",
        "The U.S. was absent.",
    ]


@pytest.mark.parametrize(
    "marker", ["- ", "* ", "\u2022 ", "1. ", "(a) ", ""], ids=["dash", "star", "bullet", "number", "letter", "plain"]
)
def test_list_items_are_body_units_with_their_lead_in(marker):
    items = ["Two NASAMS;", "Up to 150,000 rounds of 155mm ammunition; and", "Additional HIMARS munitions."]
    lines = [marker.replace("1", str(n)).replace("(a)", f"({'abc'[n - 1]})") + item
             for n, item in enumerate(items, 1)]
    text = "Today the Department announced a new package.\n\nThe package includes:\n" + "\n".join(lines)
    doc = segment(text, doc_id="r", label="r")
    assert [(" ".join(s.text.split()), s.role) for s in doc.sentences] == [
        ("Today the Department announced a new package.", "body"),
        ("The package includes:", "lead-in"),
        *[(item, "body") for item in items],
    ]
    lead = doc.sentences[1].id
    assert [s.context for s in doc.sentences[2:]] == [lead] * 3
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_inline_semicolon_list_is_split_into_items():
    text = ("The delegations agreed on the following steps: a joint task force on precursor "
            "shipments; expanded tracing of seized firearms; and quarterly reviews of progress.")
    assert units(text) == [
        ("The delegations agreed on the following steps:", "lead-in"),
        ("a joint task force on precursor shipments;", "body"),
        ("expanded tracing of seized firearms; and", "body"),
        ("quarterly reviews of progress.", "body"),
    ]


def test_a_list_lead_in_with_a_figure_is_a_claim():
    text = "The $400 million package includes:\n- Two NASAMS;\n- Artillery rounds."
    assert units(text)[0] == ("The $400 million package includes:", "body")


def test_semicolons_in_prose_are_not_a_list():
    text = "The Secretary noted progress; he also raised concerns; the minister agreed."
    assert units(text) == [(text, "body")]


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("WASHINGTON (AP) — The Secretary spoke with his counterpart.", "WASHINGTON (AP) —"),
        ("KYIV (Wire) - Ukraine said on Sunday it shot down 52 drones.", "KYIV (Wire) -"),
        ("MOSCOW, March 3. /TASS/. Russia's deputy foreign minister held talks.", "MOSCOW, March 3. /TASS/."),
        ("New Delhi [India], March 4 (ANI): The minister held talks on Tuesday.", "New Delhi [India], March 4 (ANI):"),
        ("Kyiv (Reuters) - Ukraine and Poland agreed to set up a working group.", "Kyiv (Reuters) -"),
        ("SAN JUAN, Puerto Rico (AP) — The governor declared an emergency.", "SAN JUAN, Puerto Rico (AP) —"),
        ("OTTAWA — Canada will send two frigates to the Baltic.", "OTTAWA —"),
        # Shapes seen on real pages: cities joined by a slash, a date and agency without a
        # city, a full date after the place, a Spanish dateline, a page's date stamp.
        ("WASHINGTON/MOSCOW, Aug 1 (Reuters) - Obama phoned Putin on Friday.",
         "WASHINGTON/MOSCOW, Aug 1 (Reuters) -"),
        ("Jan 24 (Reuters) - Starmer spoke with Trump by telephone on Saturday.", "Jan 24 (Reuters) -"),
        ("Beijing/Washington DC, 5 February 2023 (TDI): The two ministers spoke by phone.",
         "Beijing/Washington DC, 5 February 2023 (TDI):"),
        ("CIUDAD DE MÉXICO.- La presidenta recibió a la gobernadora general de Canadá.",
         "CIUDAD DE MÉXICO.-"),
        ("date 2025-07-03 The EU's chief diplomat said China must stop supporting Russia.",
         "date 2025-07-03"),
        ("2024-10-07 14:05 Turkish President Erdogan held a call with Putin.", "2024-10-07 14:05"),
        # A date and a time in words and figures.
        ("October 26, 2021, 09:50 The Nordic premier told Vale the relationship was not the "
         "one Oslo wants.", "October 26, 2021, 09:50"),
    ],
)
def test_dateline_is_split_off_with_exact_offsets(text, dateline):
    doc = segment(text, doc_id="a1", label="a")
    first, second = doc.sentences
    assert (first.text, first.role) == (dateline, "furniture")
    assert second.role == "body" and text[second.start : second.end] == second.text
    assert second.text == text[len(dateline):].strip()


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-China talks resumed in Geneva on Monday.",
        "NATO allies agreed to raise spending.",
        "Officials (who spoke anonymously) said the talks failed.",
        "Kyiv, the capital, was hit by drones overnight.",
        "NATO- led forces held the line.",
        "US- China talks resumed in Geneva on Monday.",
        "Berlin, 2025 was a hard year for the coalition.",
        "Oslo, June 20 was the day the talks ended.",
    ],
)
def test_no_dateline_where_there_is_none(text):
    assert units(text) == [(text, "body")]


def test_lead_in_glued_to_the_first_sentence_is_split():
    text = ("The below is attributable to Spokesperson Elena Voss: Secretary Harlan met today with "
            "Portuguese Foreign Minister Rui Duarte in Washington.")
    assert units(text) == [
        ("The below is attributable to Spokesperson Elena Voss:", "lead-in"),
        ("Secretary Harlan met today with Portuguese Foreign Minister Rui Duarte in Washington.", "body"),
    ]


def test_an_as_stated_by_lead_in_introduces_the_readout():
    text = ("As stated by Spokesperson Elena Voss:\n\nSecretary Harlan met today with "
            "Portuguese Foreign Minister Rui Duarte in Washington.")
    assert units(text) == [
        ("As stated by Spokesperson Elena Voss:", "lead-in"),
        ("Secretary Harlan met today with Portuguese Foreign Minister Rui Duarte in Washington.", "body"),
    ]


@pytest.mark.parametrize("text, dateline", [
    ("New Delhi:\n\nExternal Affairs Minister Jaishankar spoke with the Secretary.", "New Delhi:"),
    ("Washington, Jan 14\n\nThe Secretary spoke with the Minister.", "Washington, Jan 14"),
    ("ERBIL, Kurdistan Region of Iraq \u2014 The Secretary met the Minister.",
     "ERBIL, Kurdistan Region of Iraq \u2014"),
    ("Washington, D.C. \u2014 The Secretary met the Minister.", "Washington, D.C. \u2014"),
    ("MADRID (efe).- El ministro habl\u00f3 con el secretario.", "MADRID (efe).-"),
    ("Washington, Jan 14 US Secretary of State Dana Lind spoke with the Minister.",
     "Washington, Jan 14"),
    ("New Delhi: External Affairs Minister Rao spoke with the Secretary.", "New Delhi:"),
    ("Berlin - Bundeskanzler Weber hat am Abend mit dem Pr\u00e4sidenten telefoniert.", "Berlin -"),
    ("Warsaw \u2013 The Minister met the Secretary on Friday.", "Warsaw \u2013"),
    ("Bruselas, 26 nov (EFE).- El canciller habl\u00f3 con la ministra.", "Bruselas, 26 nov (EFE).-"),
    ("OSLO, OCTOBER 26, NORDPRESS: The Minister met the Secretary.",
     "OSLO, OCTOBER 26, NORDPRESS:"),
    ("SEOUL \u2022 The Minister met the Secretary on Friday.", "SEOUL \u2022"),
    ("\u041e\u0421\u041b\u041e, 31 \u043c\u0430\u0440 \u2014 Sputnik. \u041c\u0438\u043d"
     "\u0438\u0441\u0442\u0440 \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f"
     " \u0441 \u0433\u043e\u0441\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u0451\u043c.",
     "\u041e\u0421\u041b\u041e, 31 \u043c\u0430\u0440 \u2014 Sputnik."),
    # A city with its state's letters, a country in brackets, two agencies, a hyphen glued to
    # the place in capitals.
    ("Washington DC [US], May 3 (ANI): The Secretary met the Minister.",
     "Washington DC [US], May 3 (ANI):"),
    ("Washington DC - The Secretary told his counterpart the talks were useful.",
     "Washington DC -"),
    ("Tel Aviv [Israel], March 4 (ANI/TPS): The Minister met the Secretary.",
     "Tel Aviv [Israel], March 4 (ANI/TPS):"),
    ("NAIROBI- The Minister met the Secretary on Friday.", "NAIROBI-"),
    # Two capitals joined by a slash, a space after it.
    ("Beijing/ Moscow: The two ministers agreed to meet again.", "Beijing/ Moscow:"),
    # Two places each with its country, in capitals or in brackets; a date with no agency
    # after it, the story's first sentence run on after a space.
    ("BERGEN, Norway/LAGOS (Wire) \u2013 Norway asked Nigeria to help.",
     "BERGEN, Norway/LAGOS (Wire) \u2013"),
    ("Oslo [Norway]/ Abuja [Nigeria], June 20 Norwegian Prime Minister Berg spoke with the "
     "President.", "Oslo [Norway]/ Abuja [Nigeria], June 20"),
    # Xinhua's dateline glued to the story's first sentence, with or without a reporter.
    ("新华社奥斯陆3月4日电 3月4日下午,两国外长通电话。", "新华社奥斯陆3月4日电"),
    ("新华社北京3月4日电（记者李明）3月4日晚,两国外长通电话。", "新华社北京3月4日电（记者李明）"),
    ("〔編譯李明／綜合報導〕兩國外長十日通電。", "〔編譯李明／綜合報導〕"),
    # A page template's token, or a source line naming an agency (and a comment count), run
    # into the story's first sentence.
    ("{adsense}Norway said in a statement that the two ministers spoke.", "{adsense}"),
    ("Bron: NTB 0 De minister sprak vandaag met de secretaris.", "Bron: NTB 0"),
    ("Source: Reuters The two ministers spoke on Tuesday.", "Source: Reuters"),
])
def test_datelines_of_more_shapes(text, dateline):
    got = units(text)
    assert got[0] == (dateline, "furniture") and got[1][1] == "body"


@pytest.mark.parametrize("text", [
    "EU-China: High Representative Kallas holds the strategic dialogue with Wang Yi.",
    "China: the ministry said the talks were useful.",
    "Biden: We will stand with Ukraine.",
    "Biden - who spoke first - said the talks were useful.",
    "Germany - the government said - will pay its share.",
])
def test_a_country_or_a_name_before_a_colon_is_no_dateline(text):
    assert units(text)[0][1] != "furniture"


def test_readout_lead_in_on_its_own_line():
    text = ("Readout of the Secretary's Call\n\nPentagon Press Secretary Daniel Okafor provided the "
            "following readout:\n\nSecretary Ellison spoke today with the Minister.")
    assert [r for _, r in units(text)] == ["heading", "lead-in", "body"]


def test_chinese_and_japanese_text_is_split_at_full_width_stops():
    zh = "外交部发言人答记者问\n\n双方就双边关系深入交换意见。双方同意加强合作。"
    assert units(zh) == [("外交部发言人答记者问", "heading"), ("双方就双边关系深入交换意见。", "body"),
                         ("双方同意加强合作。", "body")]
    ja = "本日、外務大臣は電話会談を行いました。両外相は一致しました。"
    assert [r for _, r in units(ja)] == ["body", "body"]


# Every furniture rule with a realistic example it must catch.
FURNITURE_EXAMPLES = {
    "byline-name-role": "Ingrid Berg, Staff Writer",
    "share": "Share this article",
    "navigation": "Sign up here.",
    "caption-comma-position": "Foreign Minister Sato, left, speaks with Minister Lind in Tokyo, "
                              "Japan, on Friday.",
    "navigation-other": "\u041d\u0430\u0441\u0442\u0440\u043e\u0439\u043a\u0438",
    "site-name": "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438\u0438 \u2014 \u043e\u0444\u0438\u0446\u0438\u0430\u043b\u044c\u043d\u044b\u0439 \u0441\u0430\u0439\u0442",
    "advertisement": "Story continues below advertisement",
    "listen": "Listen to this article 3 min",
    "ai-audio": "This audio is created with AI assistance",
    "media-label": "Watch",
    "caption-credit": "Photo: Barges wait at the Iron Gate locks on the Danube. / Reuters",
    "credit-trailer": "Firefighters work at the site of a drone strike in Kharkiv, Ukraine, March 2, 2025. REUTERS/Vitaliy Hnidyi",
    "credit-agency": "Demonstrators gather outside the parliament in Tbilisi on Tuesday. / AFP",
    "reader-appeal": "Your donation allows us to keep sending reporters to both sides of the story.",
    "credit-agency-dated": "Demonstrators gather outside the parliament in Tbilisi. March 4, 2025 (AFP)",
    "read-more": "Read more: EU unveils plan to revive inland waterways",
    "caption-left-right": "Trade Minister Ingrid Halvorsen (L) and Industry Minister Chidi Okafor meet in Oslo, Norway, March 4, 2025.",
    "caption-file": "FILE - Trade Minister Ingrid Halvorsen speaks to reporters in Oslo, Norway, March 4, 2025.",
    "read-more-other": "Le puede interesar: Austria y Chile firman un acuerdo de pesca",
    "appeared-first": "The post Ministers agree on inland waterways plan appeared first on Danube Daily.",
    "editors-note": "Editor's note: This story has been updated with comment from the Defense Ministry.",
    "reporting-credits": "(Reporting by Olena Harmash; Writing by Tom Balmforth; Editing by Andrew Heavens)",
    "contributed": "Associated Press writer Ken Moritsugu in Beijing contributed to this report.",
    "source-line": "Source: Exchange data",
    "source-line-other": "\u0179r\u00f3d\u0142o: TVN24",
    "syndication": "This content is distributed by the Ministry of External Affairs. The distributor does not guarantee the accuracy of this content.",
    "syndication-responsibility": "The Ministry of Defence published this content on 3 March 2026, and is solely responsible for the information contained herein. Distributed via a wire service, unedited and unaltered.",
    "auto-generated": "(This story has not been edited by the news desk and is auto-generated from a syndicated feed.)",
    "views-disclaimer": "Views expressed in this article are those of the author and do not necessarily reflect the position of the publisher.",
    "disclaimer": "Legal Disclaimer: The agency provides the information as is, without warranty of any kind.",
    "distributed-by": "Distributed by APO Group on behalf of the Ministry of Foreign Affairs.",
    "tags": "Tags: Rubio, Mexico, border security",
    "source-caps": "SOURCE U.S. Department of State",
    "tweet-signature": "\u2014 Secretary Dana Lind (@SecLind) March 25, 2025",
    "tweet-embed": "Met with Foreign Minister @RuizAna today to discuss trade and security. pic.twitter.com/Ab12Cd34",
    "newsletter-offer": "I would like to be emailed about offers, events and updates from the Daily Courier.",
    "image-representational": "Image for representational purposes.",
    "republication-notice": "This material from the originating organization/author(s) might be of the point-in-time nature.",
    "public-release": "/Public Release.",
    "view-in-full": "The full text of this publication is available via Foreign Affairs Weekly.",
    "update-count": "2nd Update",
    "copyright": "Copyright 2025 Wire Service. All rights reserved.",
    "rights-reserved": "All rights reserved.",
    "follow-us": "Follow us on Telegram for the latest updates",
    "originally-published": "This article was originally published by Defense Weekly.",
    "photo-by": "[Photo by Jane Roe/NTB]",
    "byline": "By Tomas Keller and Ana Ruiz",
    "timestamp": "Updated 3:45 PM CET, Wed March 5, 2025",
    "stock-ticker": "RHM.DE +4.2%",
    "companies-line": "Companies: Rheinmetall AG, Saab AB",
    "end-readout": "###",
    "gov-banner": "Share sensitive information only on official, secure websites.",
    "ai-takeaways": "Yahoo is using AI to generate takeaways from this article.",
    "captcha": "Enter the characters shown in the image.",
    "update-note": "(Adds minister's comments from news conference)",
    "logo": "RT logo",
    "breadcrumb": "Home | Politics | News",
    "caption-source": "The minister with his Baltic counterparts in Vilnius. Source: SCANPIX/EPA",
    "date-only": "Saturday, 17 May 2025, 16:15",  # also after a byline: see the test below
    "stamp-line": "NWA | Updated: 28-07-2023 18:50 IST | Created: 28-07-2023 18:50 IST",
    "age-stamp": "6 hours ago 2",
    "audio-offer": "NEWYou can now listen to Herald articles!",
    "agency-alone": "(Télam)",
    "editor-initials": "ak/jr/mlb",
    "photo-label": "(Photo) Foreign Ministers' Strategic Dialogue in Tokyo",
    "comment-form": "Your email address will not be published. Required fields are marked *",
    "notifications": "Herald.com would like to send you notifications for breaking news alerts.",
    "embed-label": "Watch on YouTube: \"Ministers meet in Vilnius | Herald\"",
    "no-words": "| -",
    "template-token": "{inlineads}",
    "embed-failure": "We apologize, but this video has failed to load.",
    "embed-failure-retry": ("tap here to see other videos from our team. Try refreshing your "
                            "browser, or Oslo talks end in agreement on quotas Back to video"),
    "cms-meta": "- Geschrieben von Presse- und Informationsamt der Landesregierung",
    "trust-principles": "Our standards: The Wire Trust Principles.",
    "credit-photographer-agency": "Ministers arrive for the talks in Oslo (Anna Berg/PA)",
    "caption-position": "Left: Minister Halvorsen at the ministry in Oslo. Right: Minister Okafor.",
    "page-nav-zh": "当前位置: 头条",
    "agency-dateline-zh": "新华社北京6月19日电",
    # A page's notice that it belongs to an earlier government (as gov.uk prints it), a
    # republisher's thanks (Dutch), a presidency's closing formula, a financial site's
    # disclaimer and its source line (Chinese).
    "govuk-history": "This was published under the 2019 to 2022 Halvorsen Labour government",
    "syndication-nl": "Met dank overgenomen van Raad van Ministers, gepubliceerd op dinsdag 3 maart 2026.",
    "public-announcement": "Respectfully announced to the public!",
    "disclaimer-zh": "风险提示及免责条款 市场有风险,投资需谨慎。本文不构成个人投资建议。",
    "source-title-zh": "本文来源:新华社,原文标题:《两国外长通电话》",
    # Chinese pages' writer, editor and reporter credits and an agency's or desk's credit in
    # brackets; Japanese sites' "the main text starts here"; a Korean paper's posting stamp;
    # a breadcrumb whose last step is the story's headline.
    "credit-zh": "撰文：李明",
    "bracket-credit-cjk": "（法新社奥斯陆10日电）",
    "page-nav-ja": "ここから本文です",
    "stamp-ko": "입력 2026.03.04 (10:15) 수정 2026.03.04 (11:02)",
    "stamp-ja": "最終更新:3/4(火) 17:57",
    "age-stamp-other": "hace 6 mesesPor Ana Lind",
    "language-menu": "English | Español | Français | عربي",
    "date-only-other": "Jueves, 27 de noviembre de 2025",
    "date-agency-bracketed": "( Mar. 4, 2026 / NWS )",
    "caption-left-right-cjk": "哈爾沃森(右)與奧卡福(左)週二在奧斯陸會晤,討論漁業配額。",
    "caption-pictured-cjk": "兩國外長十日通電。圖為兩人三月在奧斯陸會晤。",
    "caption-photo-by": ("After two summits under former Prime Minister Tor Halvorsen, talks between "
                         "Oslo and Lagos have stalled for the past year. File Photo by Anna "
                         "Berg/NWS | License Photo"),
    "byline-labelled": "Reported by: Anna Berg",
    "byline-role": "- By Diplomatic Correspondent",
    "credit-line": "Credit: Anna Berg/NWS Wire",
    "caption-credit-es": "Los cancilleres Halvorsen y Okafor antes de su reunión en Oslo (Especial)",
    "breadcrumb-arrows": "Home >News >World >Nordic ministers agree on fisheries quotas",
    "credit-parenthesised": "Minister Halvorsen (C) listens during a session in Oslo. The talks ran late. (Photo: ANNA BERG/POOL/AFP via Getty Images)",
    # Chinese and Japanese pages: an editor's or compiler's credit in parentheses, a photo
    # credit in full-width parentheses, and the "▲" that opens a photo caption.
    "editor-credit-cjk": "\uff08\u7f16\u8bd1\uff1a\u5f20\u4e3d\uff09",
    "credit-photo-cjk": ("\u4e24\u56fd\u5916\u957f\u5728\u5965\u65af\u9646\u4f1a\u6664\u3002"
                         "\uff08\u5716\uff0f\u8def\u900f\u793e\uff09"),
    "caption-in-this-photo": ("In this photo provided by the Nordic presidential office, President "
                              "Halvorsen speaks on the phone in Oslo, Tuesday."),
    "agency-name-alone": "Yonhap",
    "caption-marker": "\u25b2 \u4e24\u56fd\u5916\u957f\u4e03\u6708\u5728\u5965\u65af\u9646\u4f1a\u6664\u3002",
}
# Body sentences that look like furniture to a careless rule.
NOT_FURNITURE = [
    "\u201cYour support helps us defend our cities,\u201d the president told the leaders.",
    "Your support helps us, the president told the leaders.",
    "From Washington, the Secretary flew to Kyiv.",
    "Related talks are planned for March.",
    "Published figures show 3 million people were displaced.",
    "Issued on Tuesday, the statement said the talks went well.",
    "Markets rallied after the announcement.",
    "A Reuters/Ipsos poll showed support for the plan.",
    "Follow-on talks will be held on Friday.",
    "Sources close to the ministry said the deal was near.",
    "Up 3% from last year, exports reached a record.",
    "Putin posted a photo of the meeting.",
    "On 17 May 2025, the ministers met in Istanbul.",
    "Details of the plan were not released.",
    "Written by the minister himself, the letter was published.",
    "This video shows the minister arriving in Vilnius.",
    "Por su parte, el ministro dijo que el acuerdo era bueno.",
    "In this picture of the economy, growth is slowing, the minister said.",
    "Reuters reported the talks had stalled.",
]


def test_every_furniture_rule_has_an_example():
    names = {r.name for r in furniture.rules() if r.scope in ("unit", "paragraph", "caption")}
    assert names == set(FURNITURE_EXAMPLES)


@pytest.mark.parametrize("name", sorted(FURNITURE_EXAMPLES))
def test_furniture_rule_examples(name):
    text = "The ministers met on Tuesday in Vienna.\n\n" + FURNITURE_EXAMPLES[name] + "\n\nThey agreed to meet again."
    got = units(text)
    assert got[0] == ("The ministers met on Tuesday in Vienna.", "body")
    assert got[-1] == ("They agreed to meet again.", "body")
    # (A dateline-shaped start, "FILE -", is a unit of its own: furniture too.)
    assert got[1:-1] and {r for _, r in got[1:-1]} == {"furniture"}, got


@pytest.mark.parametrize("sentence", NOT_FURNITURE)
def test_body_sentences_are_not_furniture(sentence):
    text = "The ministers met on Tuesday in Vienna.\n\n" + sentence
    assert units(text)[-1] == (sentence, "body")


def test_furniture_is_never_omitted_nor_a_claim():
    readout = (
        "Readout of the Foreign Minister's Meeting\n\n"
        "The Foreign Minister received the Ambassador of Vietnam on 14 May.\n\n"
        "They reviewed preparations for the Joint Commission in Hanoi.\n\n"
        "This content is distributed by the Ministry of Foreign Affairs. The views expressed "
        "here are those of the original author. The distributor does not guarantee accuracy."
    )
    account = (
        "This audio is created with AI assistance\n"
        "HANOI (Wire) - The Foreign Minister received the Ambassador of Vietnam on 14 May, the ministry said.\n"
        "Delegates arrive at the ministry in Hanoi, May 14, 2025. REUTERS/Thanh Hue\n"
        "Reporting by Khanh Vu; Editing by Ed Davies\n"
        "Read more: Vietnam hosts regional trade talks"
    )
    comparison = compare(readout, [account])
    acc = comparison.accounts[0]
    covered = {c.readout_sentence for c in acc.coverage}
    furniture_ids = {s.id for s in comparison.readout.sentences if s.role == "furniture"}
    assert furniture_ids and not covered & furniture_ids
    assert [c.status for c in acc.coverage] == ["reported", "omitted"]
    claims = [s.sentence.text for s in acc.sentences if s.status == "not_in_readout"]
    assert claims == []
    assert [s.sentence.role for s in acc.sentences] == [
        "furniture", "furniture", "body", "furniture", "furniture", "furniture"]


def _count_parts(segment_module, monkeypatch) -> list[int]:
    """Any text segmented in worker processes (where there are two cores and fork), and the
    number of parts of each run noted."""
    from readout_compare.workers import fork_available

    if (os.cpu_count() or 1) < 2 or not fork_available():
        pytest.skip("needs two cores and fork")
    monkeypatch.setattr(segment_module, "PARALLEL_CHARS", 1)
    runs: list[int] = []
    real = segment_module.parallel_map

    def counted(work, *args, **kwargs):
        parts = real(work, *args, **kwargs)
        runs.append(len(parts))
        return parts

    monkeypatch.setattr(segment_module, "parallel_map", counted)
    return runs


def test_a_long_document_split_between_workers_is_segmented_as_in_one_process(
    case_texts, monkeypatch
):
    # Paragraphs go to worker processes in runs; each paragraph's units and roles are its own,
    # so the document must come back identical: ids, offsets, roles, lists and their lead-ins.
    listing = ("The package includes the following capabilities:\n\n- Two air defence systems;\n"
               "- Up to 150,000 rounds of artillery ammunition; and\n- Spare parts.\n\n"
               "BRUSSELS (Wire) — Ministers met on Tuesday. They agreed to meet again.\n\n"
               "Reporting by A. Writer; Editing by B. Editor")
    text = "\n\n".join([*case_texts.values(), listing] * 3)
    one = segment(text, doc_id="a1", label="Long")
    from readout_compare import segment as segment_module

    runs = _count_parts(segment_module, monkeypatch)
    split = segment(text, doc_id="a1", label="Long")
    assert runs and runs[0] > 2  # the paragraphs went to workers, in several runs
    assert len({s.paragraph for s in one.sentences}) > 20
    assert split == one
    assert {"lead-in", "furniture", "heading"} <= {s.role for s in one.sentences}


def test_several_texts_segmented_together_in_workers_are_as_each_alone(case_texts, monkeypatch):
    # The paragraphs of all the inputs go to the workers together, in runs; each document must
    # come back as if segmented alone, in one process.
    from readout_compare import segment as segment_module
    from readout_compare.model import Source
    from readout_compare.segment import segment_texts

    items = [(text * (k + 1), f"d{k}", name, Source(title=name))
             for k, (name, text) in enumerate(case_texts.items())]
    alone = [segment(t, doc_id=i, label=lb, source=src) for t, i, lb, src in items]
    runs = _count_parts(segment_module, monkeypatch)
    together = segment_texts(items)
    assert runs and runs[0] > len(items)  # in more runs than documents
    assert together == alone
    assert [d.source.title for d in together] == list(case_texts)


def test_title_and_lead_in_lines_above_a_one_line_paragraph_are_not_a_wrapped_text():
    text = ("Secretary Lind's Phone Call With Ecuador's Foreign Minister Ortega\n"
            "The below is attributable to Spokesperson Ana Ruiz:\n"
            "Secretary of State Tom Lind spoke with Ecuadorian Foreign Minister Luis Ortega. "
            "Secretary Lind welcomed Ecuador's new border patrols along the northern frontier. "
            "The two agreed to meet in Quito before June 30 to review progress.\n")
    got = units(text)
    assert got[:3] == [
        ("Secretary Lind's Phone Call With Ecuador's Foreign Minister Ortega", "heading"),
        ("The below is attributable to Spokesperson Ana Ruiz:", "lead-in"),
        ("Secretary of State Tom Lind spoke with Ecuadorian Foreign Minister Luis Ortega.",
         "body"),
    ]


def test_a_first_line_that_starts_with_a_space_is_still_the_first_line():
    text = (" Posted Tuesday, 02 January 2024 12:17 GMT by the press office\n"
            "Secretary Lind's Phone Call With Foreign Minister Ortega\n\n"
            "Secretary of State Tom Lind spoke with Foreign Minister Luis Ortega today.\n\n"
            "They agreed to meet in Quito before June 30 to review progress on patrols.\n")
    texts = [t for t, _ in units(text)]
    assert "Secretary Lind's Phone Call With Foreign Minister Ortega" in texts


@pytest.mark.parametrize(("text", "datelines"), [
    (" date 2026-01-16 MEXICO CITY — Mexican Foreign Minister Ortega spoke on Thursday.\n",
     ["date 2026-01-16", "MEXICO CITY —"]),
    ("Cancilleres conversan por teléfono sobre seguridad\n\nCIUDAD DE MÉXICO (apro).-\n"
     "Los secretarios hablaron el jueves.\n", ["CIUDAD DE MÉXICO (apro).-"]),
    ("Austin, TX [US], May 3 (ANI): The governor spoke with the minister on Friday.\n",
     ["Austin, TX [US], May 3 (ANI):"]),
])
def test_a_stamp_then_a_dateline_and_a_dateline_alone_on_its_line_are_furniture(text, datelines):
    got = units(text)
    assert [t for t, r in got if r == "furniture"] == datelines
    assert got[-1][1] == "body"


def test_a_sites_appeal_to_its_reader_is_furniture_over_several_paragraphs():
    page = (
        "Minister Ruiz met Secretary Lind in Geneva on Monday to discuss border security.\n\n"
        "Your support helps us to tell the story\n\n"
        "From border towns to the capital, the Tribune is on the ground when the story breaks. "
        "We know how important it is to separate the facts from the spin.\n\n"
        "At such a critical moment, we need reporters on the ground.\n\n"
        "Your support makes all the difference.\n\n"
        "Lind said the two governments would meet again in March, officials said. "
        "\u201cWe are making progress,\u201d Ruiz told reporters.\n"
    )
    doc = segment(page, doc_id="a", label="a")
    body = [s.text for s in doc.sentences if s.role == "body"]
    assert not any("Tribune" in t or "reporters on the ground" in t for t in body)
    # The story's own sentences, and its quoted "we", stay the story's.
    assert any(t.startswith("Minister Ruiz met") for t in body)
    assert any("We are making progress" in t for t in body)


def test_a_stamp_line_above_a_headline_is_its_own_furniture_unit():
    # Scraped pages set an agency's time stamp, the headline again and a caption on lines
    # of one paragraph, none ending in a full stop: the stamp is not run into the headline.
    text = ("NWA | Updated: 28-07-2023 18:50 IST | Created: 28-07-2023 18:50 IST\n"
            "Ministers agree to deepen defence cooperation\n\n"
            "The two ministers agreed on Thursday to deepen defence cooperation.")
    got = units(text)
    assert got[0] == ("NWA | Updated: 28-07-2023 18:50 IST | Created: 28-07-2023 18:50 IST",
                      "furniture")
    assert got[1][0] == "Ministers agree to deepen defence cooperation"
    assert got[-1] == ("The two ministers agreed on Thursday to deepen defence cooperation.",
                       "body")


@pytest.mark.parametrize("line", ["2023-03-16 23:00", "Tuesday, 02 January 2024 12:17 GMT",
                                  "Friday 18 March 2022 18:02 EDT", "24.1.2026"])
def test_a_line_of_date_and_time_is_one_furniture_unit(line):
    got = units(f"{line}\n\nThe ministers met on Tuesday in Vienna.")
    assert got == [(line, "furniture"), ("The ministers met on Tuesday in Vienna.", "body")]


def test_a_date_stamp_and_the_line_after_it_are_two_units():
    got = units("date 2024-08-23 10 Downing Street\n\nThe Prime Minister spoke to the President.")
    # (Before, the two were one unit, "date 2024-08-23 10 Downing Street".)
    assert got == [("date 2024-08-23", "furniture"), ("10 Downing Street", "furniture"),
                   ("The Prime Minister spoke to the President.", "body")]


def test_a_headline_repeated_above_a_caption_is_a_line_of_its_own():
    # A scraped page: the headline, a byline glued to its time stamp, the headline again, a
    # caption and its credit, then the story. The repeated headline does not run into the
    # caption, and none of it is a claim.
    headline = "Ministers discuss grain corridor talks held in Istanbul on Friday"
    text = (f"{headline}\n\nANNA KOVALENKOTuesday, 20 May 2025, 09:40\n{headline}\n"
            "Anna Ruiz. Photo: Getty Images\n\n"
            "The two ministers discussed the grain corridor by phone on Friday.")
    got = units(text)
    assert got[0] == (headline, "heading")
    assert got[1] == ("ANNA KOVALENKOTuesday, 20 May 2025, 09:40", "furniture")
    assert got[2][0] == headline and got[2][1] != "body"
    assert all(role != "body" for _, role in got[:-1]), got
    assert got[-1] == ("The two ministers discussed the grain corridor by phone on Friday.",
                       "body")


@pytest.mark.parametrize("lead_in", ["The overview is as follows.",
                                     "The overview of the talk is as follows.",
                                     "The main points of the meeting were as follows."])
def test_an_overview_as_follows_introduces_the_readout(lead_in):
    text = (f"{lead_in}\n\n1. Bilateral relations\n\nThe two ministers welcomed the progress "
            "of defence cooperation.")
    got = units(text)
    assert got[0] == (lead_in, "lead-in")
    assert got[-1][1] == "body"


def test_a_sentence_is_not_cut_inside_a_parenthesis():
    # syntok ends a sentence at "p.m. (local time;"; the parenthesis closes in the next part.
    text = ("On March 3, starting at 7:15 p.m. (local time; 1:15 a.m. CET) for about 90 "
            "minutes, the two ministers held talks in Lima. The overview is as follows.")
    assert [t for t, _ in units(text)] == [
        "On March 3, starting at 7:15 p.m. (local time; 1:15 a.m. CET) for about 90 minutes, "
        "the two ministers held talks in Lima.",
        "The overview is as follows."]


def test_a_read_time_and_update_stamp_line_ends_its_block():
    # The stamp line and the story's first sentence on the next line are two units.
    text = ("UK and Norway discuss trade\n\nNordic Wire Service London\n"
            "3 min read Last Updated : Mar 9 2024 | 08:05 PM IST\n"
            "The Prime Minister spoke to his Norwegian counterpart on Friday afternoon.\n")
    got = units(text)
    assert ("3 min read Last Updated : Mar 9 2024 | 08:05 PM IST", "furniture") in got
    assert got[-1] == ("The Prime Minister spoke to his Norwegian counterpart on Friday afternoon.",
                       "body")


@pytest.mark.parametrize(("text", "pieces"), [
    # An update count run into a headline, a logo or a byline into the lede.
    ("Moreau and Lind agree to talks after the May 12 election2nd Update",
     ["Moreau and Lind agree to talks after the May 12 election", "2nd Update"]),
    ("NTV logoIn a phone call with Tomas Lind, Anton Varenko said tariffs harm ties.",
     ["NTV logo", "In a phone call with Tomas Lind, Anton Varenko said tariffs harm ties."]),
    ("By Maren HolstCalling the port a priority, the spokesperson said so.",
     ["By Maren Holst", "Calling the port a priority, the spokesperson said so."]),
    ("First call since ferry MS12 sank (Adds Lind comments from news conference)",
     ["First call since ferry MS12 sank", "(Adds Lind comments from news conference)"]),
    # Capitals inside a word are no glue.
    ("McDonald and DeSantis met in iPhone land on Tuesday.",
     ["McDonald and DeSantis met in iPhone land on Tuesday."]),
])
def test_furniture_run_into_a_line_is_cut_off(text, pieces):
    got = units("The ministers met on Tuesday in Vienna.\n\n" + text + "\n\nThey agreed.")
    assert [t for t, _ in got[1:-1]] == pieces


@pytest.mark.parametrize("headline", [
    # A long headline on the text's first line, without a full stop.
    "Foreign Ministry: Lind, in a conversation with Varenko, welcomed the grain exchange "
    "between Moldova and Romania",
    # A headline in Title Case after a page's date stamp.
    " date 2025-07-03 Holst Once Again Calls On Oslo To Stop Delaying The Quota Deal, Which "
    "Threatens Nordic Fisheries",
])
def test_a_long_headline_line_is_not_run_into_the_story(headline):
    text = (headline + "\nDuring a telephone conversation, the Secretary praised the prisoner "
            "exchange that took place over the weekend.\n")
    got = units(text)
    assert got[-1] == ("During a telephone conversation, the Secretary praised the prisoner "
                       "exchange that took place over the weekend.", "body")
    assert len(got) >= 2


@pytest.mark.parametrize("notice", [
    "(This is an unedited and auto-generated story from Syndicated News feed, Herald Staff may "
    "not have modified or edited the content body)",
    "This story has been published from a wire agency feed without modifications to the text.",
])
def test_more_syndication_notices_are_furniture(notice):
    text = "The ministers met on Tuesday in Vienna.\n\n" + notice + "\n\nThey agreed to meet again."
    got = units(text)
    assert got[0][1] == "body" and got[-1] == ("They agreed to meet again.", "body")
    assert {r for _, r in got[1:-1]} == {"furniture"}


def test_a_numbered_section_head_above_its_points_is_a_heading():
    text = ("The overview is as follows.\n\n1. Bilateral Relations\n1. Minister Holst welcomed "
            "the regular exchanges between the two ministries on fisheries.\n2. Regional Situation\n"
            "2. The ministers exchanged views on the regional situation in detail.\n")
    got = units(text)
    assert ("Bilateral Relations", "heading") in got and ("Regional Situation", "heading") in got
    # A package's items under a lead-in that ends in a colon stay claims.
    text = ("The package includes:\n- Stinger Missiles\n- Javelin Systems\n- Spare parts and other "
            "ancillary equipment for the systems the United States provided before.\n")
    assert [r for _, r in units(text)][1:] == ["body", "body", "body"]


def test_a_paragraph_of_furniture_is_one_unit_a_line():
    # A caption's sentences on one line are one piece of furniture; a page's lines of details
    # are a piece each (as the real benchmark labels them).
    text = ("Minister Halvorsen (L) greets Minister Okafor in Oslo. (Photo: ANNA BERG/AFP)\n\n"
            "- Details\n- Written by Press Office of the Regional Government\n"
            "- Category: News of the Government\n"
            "The ministers met on Tuesday in Vienna. They agreed to meet again.")
    assert units(text) == [
        ("Minister Halvorsen (L) greets Minister Okafor in Oslo. (Photo: ANNA BERG/AFP)",
         "furniture"),
        ("Details", "furniture"),
        ("Written by Press Office of the Regional Government", "furniture"),
        ("Category: News of the Government", "furniture"),
        ("The ministers met on Tuesday in Vienna.", "body"),
        ("They agreed to meet again.", "body"),
    ]


def test_furniture_run_into_the_story_is_cut_off():
    # A link's label before a quotation, and the credits and standards line after the last
    # sentence on its line, as scraped wire pages give them.
    text = ("The talks came after a difficult week. Read more \u201cHe welcomed the steps taken,\u201d "
            "the statement said. The two agreed to stay in touch, the ministry said. Reporting by "
            "Ana Ruiz in Oslo; editing by Tom Hale Our standards: The Wire Trust Principles.")
    assert units(text) == [
        ("The talks came after a difficult week.", "body"),
        ("Read more", "furniture"),
        ("\u201cHe welcomed the steps taken,\u201d the statement said.", "body"),
        ("The two agreed to stay in touch, the ministry said.", "body"),
        ("Reporting by Ana Ruiz in Oslo; editing by Tom Hale", "furniture"),
        ("Our standards: The Wire Trust Principles.", "furniture"),
    ]



def test_a_list_after_the_story_with_nothing_to_introduce_it_is_the_pages():
    story = ("Minister Halvorsen met Minister Okafor in Oslo on Friday, the ministry said.\n"
             "They agreed to meet again in May.\n")
    related = ("- Court scraps plea deal in fraud case\n- Baltic ministers discuss energy links\n"
               "- Storm closes ports along the coast\n")
    got = units(story + related)
    assert [r for _, r in got] == ["body", "body", "furniture", "furniture", "furniture"]
    # A list the story introduces, or one under a heading, is the story's.
    introduced = story + "The package includes:\n- Two patrol boats\n- Radar systems\n"
    assert [r for _, r in units(introduced)][-2:] == ["body", "body"]
    headed = ("Outcomes of the meeting\n\n- Agreement on port fees\n- Joint patrols in the "
              "strait\n")
    assert [r for _, r in units(headed)][-2:] == ["body", "body"]


def test_a_list_of_tags_a_paragraph_each_is_the_pages_wherever_it_stands():
    text = ("Minister Halvorsen met Minister Okafor in Oslo on Friday, the ministry said. Scenes "
            "which recall the assault on the parliament in\n\n"
            "  \u2022 World\n\n  \u2022 Norland\n\n  \u2022 UNITED STATES\n\n"
            "  \u2022 Ingrid Halvorsen\n\n"
            "They agreed to meet again in May.\n")
    got = units(text)
    assert [r for t, r in got if t.strip("\u2022 ") in ("World", "Norland", "Ingrid Halvorsen")] \
        == ["furniture"] * 3
    assert got[-1][1] == "body"
    # Introduced by a lead-in, short items are the text's own.
    introduced = ("The ministers discussed:\n\n  \u2022 Ukraine\n\n  \u2022 Trade\n\n"
                  "They agreed to meet again in May.\n")
    assert [r for t, r in units(introduced) if t.strip("\u2022 ") in ("Ukraine", "Trade")] \
        == ["body", "body"]


def test_a_headline_that_ends_in_a_quoted_word_is_no_claim():
    # A closing mark after a word ends a headline, not a sentence.
    text = ("Lind warns Aalto that new tariffs would be \u201cunacceptable\u201d\n\n"
            "In a call on Tuesday, President Lind warned that new tariffs would be "
            "\u201cunacceptable\u201d.")
    got = units(text)
    assert got[0][1] != "body" and got[1][1] == "body"


@pytest.mark.parametrize(("line", "furniture_"), [
    ("Prime Minister Ingrid Halvorsen speaks during a news conference in Oslo.", True),
    ("President Lind and Chancellor Weber wave to the crowd at the airport.", True),
    ("President Lind talks with reporters outside the ministry.", True),
    # A headline so written has no full stop; a claim credits someone or is an organisation's.
    ("Halvorsen meets with Weber in margins of summit", False),
    ("Minister Lind speaks fluent French, officials said.", False),
    ("The EU stands united in the face of such acts.", False),
    # A caption with no verb: who, where, when.
    ("Prime Minister Halvorsen at a press conference after the Nordic-U.S. Summit "
     "Telephone Talk, January 28, 2021", True),
    ("Secretary General Ana Lind and then Vice President Tomas Berg at the Oslo Security "
     "Conference in February 2015", True),
    ("(Photo) 15th Nordic Foreign Ministers' Strategic Dialogue", True),
    # Not a sentence that says when they met.
    ("The two leaders met at the summit in 2019.", False),
    # No verb, and no date: who, and the occasion; or the two people alone; with a credit.
    ("Foreign Minister Ana Lind and her Nordic counterpart Tomas Berg during a meeting.", True),
    ("El presidente Tomas Berg durante su charla telefónica con la canciller Ana Lind.", True),
    ("Nordic PM Tomas Berg and PM Ana Lind.", True),
    ("Minister Tomas Berg with Minister Ana Lind during their talks in Oslo (Photo/NTB)", True),
    ("Minister Berg hosts Minister Lind at the ministry in Oslo, May 2, 2025. [Photo by A. "
     "Dahl/NTB]", True),
    # A verb after the occasion makes a sentence.
    ("Minister Berg and Minister Lind during the talks agreed to meet again.", False),
])
def test_a_photo_caption_in_the_present_tense_is_furniture(line, furniture_):
    from readout_compare import furniture

    assert furniture.present_caption(line) is furniture_
    text = ("The ministers met on Tuesday in Vienna.\n\n" + line +
            "\n\nThey agreed to meet again.")
    # (A credit after the caption, "[Photo by …]", is a unit of its own, furniture too.)
    caption = units(text)[1:-1]
    assert caption and all(r == "furniture" for _, r in caption) is furniture_


def test_a_line_of_furniture_inside_a_sentence_is_its_own_unit_a_wrapped_line_is_not():
    text = ("The minister spoke with the secretary on Friday.\nMinister Vale and Secretary Lind. "
            "/ Wire Service and Agencies\nBy Staff Reporter\nApril 17, 2025\n\nThe foreign "
            "ministers of three countries met in Weimar on\n29 August. They agreed to meet "
            "again.\n")
    got = units(text)
    assert ("By Staff Reporter", "furniture") in got
    assert ("The foreign ministers of three countries met in Weimar on 29 August.", "body") in got


def test_wire_editors_initials_run_into_the_last_sentence_are_furniture():
    text = ("Merkel called the president, according to a government spokesperson. jri/mlr/gd\n\n"
            "The talks will go on next week.")
    assert units(text) == [
        ("Merkel called the president, according to a government spokesperson.", "body"),
        ("jri/mlr/gd", "furniture"),
        ("The talks will go on next week.", "body"),
    ]


def test_korean_sentences_end_with_a_full_stop_before_a_space():
    text = ("\uc591\uad6d \uc7a5\uad00\uc774 \ubc31\uc545\uad00\uc5d0\uc11c \ub9cc\ub0ac\ub2e4. "
            "\ub450 \uc7a5\uad00\uc740 \ud22c\uc790\ub97c \ub17c\uc758\ud588\ub2e4. "
            "\u201c\uc88b\uc740 \ud68c\ub2f4\uc774\uc5c8\ub2e4.\u201d \uadf8\ub294 "
            "\ub9d0\ud588\ub2e4.")
    assert [t for t, _ in units(text)] == [
        "\uc591\uad6d \uc7a5\uad00\uc774 \ubc31\uc545\uad00\uc5d0\uc11c \ub9cc\ub0ac\ub2e4.",
        "\ub450 \uc7a5\uad00\uc740 \ud22c\uc790\ub97c \ub17c\uc758\ud588\ub2e4.",
        "\u201c\uc88b\uc740 \ud68c\ub2f4\uc774\uc5c8\ub2e4.\u201d",
        "\uadf8\ub294 \ub9d0\ud588\ub2e4.",
    ]


def test_a_full_stop_inside_chinese_text_is_no_boundary():
    text = "\u7f8e\u56fdU.S.\u4ee3\u8868\u56e2\u5c06\u8bbf\u95ee\u3002\u53cc\u65b9\u540c\u610f\u3002"
    assert [t for t, _ in units(text)] == [
        "\u7f8e\u56fdU.S.\u4ee3\u8868\u56e2\u5c06\u8bbf\u95ee\u3002",
        "\u53cc\u65b9\u540c\u610f\u3002",
    ]


def test_arabic_sentences_end_at_a_full_stop_even_run_together():
    text = ("\u0648\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u0625\u0646 "
            "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0645\u0641\u064a\u062f\u0629. "
            "\u0648\u0623\u0634\u0627\u0631 \u0627\u0644\u0628\u064a\u0627\u0646 \u0625\u0644\u0649 "
            "\u0627\u0644\u062a\u0639\u0627\u0648\u0646 \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629."
            "\u0648\u0643\u0627\u0646\u062a \u0627\u0644\u0645\u0645\u0644\u0643\u0629 \u0642\u062f "
            "\u0623\u0635\u062f\u0631\u062a \u0628\u064a\u0627\u0646\u0627.")
    got = [t for t, _ in units(text)]
    assert len(got) == 3
    assert got[1].endswith("\u0627\u0644\u0645\u0646\u0637\u0642\u0629.")


def test_a_dateline_after_a_piece_of_furniture_on_the_same_line_is_split_off():
    text = ("(SYNDIC- Nordic News Agency (NNA)) OSLO, April 17 (NNA) -- The foreign ministry "
            "said Thursday that Minister Lind spoke with Minister Vale.")
    assert units(text) == [
        ("(SYNDIC- Nordic News Agency (NNA))", "furniture"),
        ("OSLO, April 17 (NNA) --", "furniture"),
        ("The foreign ministry said Thursday that Minister Lind spoke with Minister Vale.", "body"),
    ]


@pytest.mark.parametrize("line, sentence", [
    ("Read also: Nordic leaders to skip the summit, ministry confirms",
     "The statement also says Halvorsen reaffirmed the commitment to the treaty."),
    ("Source: Nordwire", "The two leaders agreed to meet again in the spring."),
    ("Credit: Anna Berg/NWS", "The meeting, held at the Grand Hotel in Oslo, lasted about 20 minutes."),
])
def test_a_link_or_credit_line_run_into_the_next_sentence_is_cut_off(line, sentence):
    # As a scraped page runs them: the link glued to the end of a sentence, the sentence it
    # runs into on the next line of the same paragraph.
    got = units("The ministers met on Tuesday in Vienna.\nThey called for the release of the "
                "hostages." + line + "\n" + sentence + "\nThe other side has not yet released a "
                "statement.")
    assert (line, "furniture") in got and (sentence, "body") in got


@pytest.mark.parametrize("label, sentence", [
    ("Why it matters:", "The talks on fisheries quotas had stalled for a year."),
    ("What Happened:", "\u201cWe agreed on the quotas,\u201d Halvorsen said after the call."),
    ("The big picture:", "Norway and Nigeria trade more fish than ever."),
])
def test_a_sections_label_run_into_its_paragraph_is_a_head_of_its_own(label, sentence):
    got = units("The ministers met in Oslo on Tuesday.\n\n" + label + " " + sentence)
    assert got[1:] == [(label, "heading"), (sentence, "body")]


def test_a_word_and_a_colon_before_lower_case_is_no_sections_label():
    text = "The ministers met in Oslo on Tuesday.\n\nContext: matters, the minister said."
    assert units(text)[1] == ("Context: matters, the minister said.", "body")


@pytest.mark.parametrize("after", ["Credit: Ola Dahl/NTB", "Image for representational purposes."])
def test_a_credit_after_a_caption_on_its_line_is_a_unit_of_its_own(after):
    """One piece of furniture a unit: the caption, then its credit, as on two lines; a
    copyright notice and its "All rights reserved." stay one."""
    caption = "Minister Tomas Berg and Minister Ana Lind during a meeting."
    got = units("The ministers met in Oslo on Tuesday.\n\n" + caption + " " + after +
                "\n\nThey agreed to meet again.\n\nCopyright 2025 Nordic Wire. All rights "
                "reserved.")
    assert (caption, "furniture") in got and (after, "furniture") in got
    assert got[-1] == ("Copyright 2025 Nordic Wire. All rights reserved.", "furniture")


def test_a_photo_label_line_under_a_caption_is_a_unit_of_its_own():
    got = units("The ministers met in Oslo on Tuesday.\n\n"
                "Minister Halvorsen shakes hands with Minister Okafor in Oslo\n"
                "(Photo) Second Nordic-Nigerian Ministerial Dialogue\n\n"
                "The two ministers agreed to meet again.")
    assert ("(Photo) Second Nordic-Nigerian Ministerial Dialogue", "furniture") in got


@pytest.mark.parametrize("caption, credit", [
    ("Minister Tomas Berg speaks during a news conference in Oslo, Norway, March 2, 2025.",
     "REUTERS/Ola Dahl"),
    ("Minister Tomas Berg and Minister Ana Lind during a meeting.", "AFP/Ola Dahl"),
])
def test_a_caption_glued_after_the_storys_sentence_leaves_the_sentence_the_storys(caption,
                                                                                 credit):
    """A scraped page runs a photo's caption and credit on after the lede, on its line: the
    caption and its credit are one piece of furniture (as in a paragraph of their own); the
    sentence before them stays body."""
    lede = "Norway's trade minister pressed Nigeria on fisheries quotas on Monday, his office said."
    got = units("Berg presses Nigeria on quotas\n\n" + lede + " " + caption + " " + credit +
                "\nThe two also discussed shipping.")
    assert (lede, "body") in got
    assert (caption + " " + credit, "furniture") in got
    assert got[-1] == ("The two also discussed shipping.", "body")


def test_a_caption_paragraph_that_is_no_more_than_a_caption_stays_one_piece_of_furniture():
    caption = ("Delegates arrive for the talks at the ministry in Oslo. The talks were the "
               "first in a year. REUTERS/Ola Dahl")
    got = units("The ministers met in Oslo on Tuesday.\n\n" + caption +
                "\n\nThey agreed to meet again.")
    assert got[1] == (caption, "furniture")


def test_a_bylines_details_cut_off_as_sentences_are_the_bylines():
    """"By Tomas Berg. Nordic Editor. NRK. Oslo.": the office, outlet and place after a byline
    are furniture with it (one unit on its line), not four one-word claims; a sentence after
    them on the line stays the story's."""
    got = units("The ministers met on Tuesday in Vienna.\n\nBy Tomas Berg. Nordic Editor. NRK. "
                "Oslo.\n\nThey agreed to meet again.")
    assert got[1] == ("By Tomas Berg. Nordic Editor. NRK. Oslo.", "furniture")
    got = units("The ministers met on Tuesday in Vienna.\n\nBy Tomas Berg. Oslo. The two "
                "ministers agreed to meet again.")
    assert got[-1] == ("The two ministers agreed to meet again.", "body")
    assert ("Oslo.", "furniture") in got


@pytest.mark.parametrize("dek", [
    "Norwegian Prime Minister Ingrid Dahl and Nigerian President Ade Okafor discussed fisheries "
    "quotas, shipping routes and the protection of the Gulf of Guinea in a long telephone call "
    "on Tuesday evening",
    "Norwegian Prime Minister Ingrid Dahl told Nigerian President Ade Okafor about the need to "
    "immediately begin talks on fisheries quotas and shipping routes in the Gulf of Guinea, the "
    "Norwegian government said",
])
def test_a_line_longer_than_a_heading_without_its_full_stop_is_a_sentence(dek):
    """A story's standfirst under its headline, its full stop lost: more words than a heading
    has (segment.HEADING_MAX_WORDS), so a sentence of the story, not a second heading."""
    got = units("Dahl, Okafor talk quotas\n\n" + dek + "\n\nThe two leaders spoke for an hour, "
                "the ministry said.\n\nThey agreed to meet in June.")
    assert [r for _, r in got] == ["heading", "body", "body", "body"]


def test_a_headline_above_a_longer_line_is_no_wrapped_line():
    """Text wrapped at a width breaks a line only where the next word would not fit: a line
    followed by a longer one (with that word added) was not wrapped, so a headline of forty
    characters or more over the standfirst is a heading of its own; a paragraph wrapped at a
    width still runs on."""
    headline = "Norway and Nigeria agree on new fishing quotas"
    got = units("WORLD\n" + headline + "\nThe two governments agreed on Tuesday to raise the "
                "quotas for cod and herring in the Gulf of Guinea by a tenth from next year.\n"
                "By Staff Reporter\n\nNorwegian Prime Minister Ingrid Dahl called Nigerian "
                "President Ade Okafor on Monday.\n\nThey agreed to meet in June.")
    assert got[1] == (headline, "heading")
    wrapped = units("First paragraph of a wrapped story that runs on and on over\nseveral lines "
                    "because the page broke them at a fixed width\nof sixty characters.\n\n"
                    "Second paragraph.")
    assert len(wrapped) == 2


def test_a_distributors_notice_under_a_readout_is_a_unit_a_sentence():
    """"… published this content on …, and is solely responsible … Distributed via … If you
    believe …": a syndication notice's sentences are units (as labelled on real readouts),
    where a caption's sentences are one piece of furniture."""
    notice = ("Norwegian Ministry of Foreign Affairs published this content on May 2, 2025, and "
              "is solely responsible for the information contained herein. Distributed via "
              "Wire Services, unedited and unaltered, on May 2, 2025 at 15:31 UTC. If you "
              "believe the information is inaccurate, please contact us.")
    got = units("The two ministers spoke on Friday.\n\nTags\n\nNorway Nigeria Fisheries Trade "
                "Shipping Quotas Foreign Affairs Office\n" + notice + "\n")
    assert [u for u in got if u[0].startswith(("Norwegian Ministry", "Distributed", "If you"))] \
        == [(s, "furniture") for s in (
            "Norwegian Ministry of Foreign Affairs published this content on May 2, 2025, and "
            "is solely responsible for the information contained herein.",
            "Distributed via Wire Services, unedited and unaltered, on May 2, 2025 at 15:31 UTC.",
            "If you believe the information is inaccurate, please contact us.")]


@pytest.mark.parametrize("kicker", ["Новини", "clear", "Политика"])
def test_a_short_line_above_the_headline_is_the_pages(kicker):
    """A section's name or a stray word over the headline is page furniture: a story has one
    headline."""
    got = units(kicker + "\n\nNorway and Nigeria agree on new fishing quotas\n\nNorwegian Prime "
                "Minister Ingrid Dahl called Nigerian President Ade Okafor on Monday.\n\nThey "
                "agreed to meet in June.")
    assert [r for _, r in got] == ["furniture", "heading", "body", "body"]


@pytest.mark.parametrize("byline", ["By contributor Ingrid Berg, NTB Political Correspondent",
                                    "- By Political Correspondent"])
def test_a_byline_with_a_reporters_role_is_furniture_above_the_story(byline):
    got = units("Norway and Nigeria agree on new fishing quotas\n" + byline + "\nPublished\n\n"
                "Norwegian Prime Minister Ingrid Dahl called Nigerian President Ade Okafor on "
                "Monday.\n\nThey agreed to meet in June.")
    assert (byline.lstrip("- "), "furniture") in got  # (a dash opening a line is a marker)
