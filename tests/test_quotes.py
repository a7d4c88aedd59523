from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_compare import compare
from readout_compare.quote_marks import quote_kind, quote_spans

READOUT = (
    "The Secretary highlighted the importance of continued cooperation on border security. "
    "The two leaders agreed to meet again in the spring to review progress on trade. "
    "The Minister thanked the Secretary for the hospitality of the American delegation."
)


def spans(text: str) -> list[str]:
    return [s.text for s in quote_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He called it “a good call,” aides said.", ["a good call"]),
        ('He called it "a good call," aides said.', ["a good call"]),
        ("The Secretary’s aides didn’t comment on Mexico’s army.", []),
        ("The officials’ views differed.", []),
        ("He said: ‘We are ready to act now.’", ["We are ready to act now."]),
        ("“He told me ‘never again’ twice,” she said.", ["He told me ‘never again’ twice", "never again"]),
        ("“We are ready. We will act,” he said.", ["We are ready. We will act"]),
        ("“The first paragraph of a long quote.\n\n“The second paragraph ends it.” Then prose.",
         ["The first paragraph of a long quote. The second paragraph ends it."]),
        ("“An unclosed quote at the end of a paragraph.\n\nA new paragraph without a mark.",
         ["An unclosed quote at the end of a paragraph."]),
        ('Vance later posted "Good talk with the minister.\n\nWe agreed on next steps.\n\n'
         'Our bond is strong." The ministry did not comment.',
         ["Good talk with the minister. We agreed on next steps. Our bond is strong."]),
        ('She wrote "A first line left open.\n\nA plain paragraph.\n\nThen "a new quote" here.',
         ["A first line left open.", "a new quote"]),
        # A page pasted a paragraph a line: a quotation left open ends with its paragraph.
        ("Hale asked Dolan to \u201cwithdraw the 40% tariff on steel and the measures against "
         "officials, pointing out that Norway buys more than it sells.\nThe talks also "
         "included the trade ministers of both countries and their senior advisers.\n"
         "\u201cWe will meet again soon,\u201d Dolan posted after the call.",
         ["withdraw the 40% tariff on steel and the measures against officials, pointing out "
          "that Norway buys more than it sells.", "We will meet again soon"]),
        ("He spoke on “Fox & Friends” today.", ["Fox & Friends"]),
        ("„Ich möchte keinen Handelskrieg“, sagte er. „Wir reden“, fügte er hinzu.",
         ["Ich möchte keinen Handelskrieg", "Wir reden"]),
    ],
    ids=["curly", "straight", "apostrophes", "plural-possessive", "single", "nested",
         "multi-sentence", "continued-paragraphs", "unclosed", "pasted-post", "pasted-not-closed",
         "paragraph-a-line", "title", "german"],
)
def test_quote_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    "quoted, kind",
    [
        ("Fox & Friends", "title"),
        ("The Art of the Deal", "title"),
        ("unilateral action", "scare"),
        ("as scheduled", "scare"),
        ("shocked and angered", "quotation"),
        ("All options will be on the table,", "quotation"),
    ],
)
def test_quote_kind(quoted, kind):
    assert quote_kind(quoted, f"He said “{quoted}” today.", 9) == kind


def verdicts(account: str):
    acc = compare(READOUT, [account]).accounts[0]
    return [(q.text, q.kind, q.fidelity, q.readout_sentence) for q in acc.quotes]


def test_verbatim_quote_names_sentence_and_span():
    account = "The readout said the two sides “agreed to meet again in the spring to review progress on trade.”"
    acc = compare(READOUT, [account]).accounts[0]
    (q,) = acc.quotes
    assert q.fidelity == "verbatim" and q.readout_sentence == "r-2"
    readout_text = acc.document.text  # the account; the span is into the readout
    assert q.readout_text == "agreed to meet again in the spring to review progress on trade"
    assert q.attribution is not None and q.attribution.is_readout
    assert readout_text[q.start : q.end] == q.text


def test_typography_does_not_alter_a_quote():
    account = 'The readout said he "highlighted the importance of continued cooperation on border security."'
    assert verdicts(account)[0][2] == "verbatim"


def test_a_hyphenated_name_written_as_two_words_is_verbatim():
    readout = ("The Minister expects to speak with Commission President Jean-Luc Marchetti and "
               "with other heads of Government over the coming days.")
    account = ('"The Minister expects to speak with Commission president Jean Luc Marchetti and '
               'with other heads of government over the coming days," the statement said.')
    (q,) = compare(readout, [account]).accounts[0].quotes
    assert q.fidelity == "verbatim"


def test_altered_quote():
    account = "The readout said he “highlighted the importance of closer cooperation on border security.”"
    (q,) = compare(READOUT, [account]).accounts[0].quotes
    assert q.fidelity == "altered" and q.readout_sentence == "r-1"
    changed = [(tag, old.strip(), new.strip()) for tag, old, new in q.diff if tag != "equal"]
    assert changed[0] == ("replace", "continued", "closer")


@pytest.mark.parametrize(
    "quoted",
    [
        "highlighted the importance of continued cooperation … to review progress on trade",
        "thanked the Secretary for the hospitality highlighted the importance of continued cooperation",
    ],
    ids=["ellipsis-across-sentences", "joined-out-of-order"],
)
def test_stitched_quote(quoted):
    assert verdicts(f"The readout said he “{quoted}.”")[0][2] == "stitched"


def test_quote_from_elsewhere_keeps_its_attribution():
    account = "“All options will be on the table,” Trump wrote on Truth Social."
    acc = compare(READOUT, [account]).accounts[0]
    (q,) = acc.quotes
    assert q.fidelity == "not_in_readout"
    assert q.attribution.source == "Trump" and not q.attribution.is_readout
    assert q.attribution.text == "Trump wrote on Truth Social"
    # Not presented as the readout's words: no divergence, a claim from elsewhere.
    assert acc.sentences[0].status == "not_in_readout"


def test_scare_quote_is_checked_against_the_readout():
    got = verdicts("Critics called the talks “border security” theatre.")
    assert got == [("border security", "scare", "verbatim", "r-1")]


def test_a_short_altered_quotation_is_altered():
    """Not only a long quotation: four words with one changed are an altered quotation."""
    account = "The readout said the leaders sought “closer cooperation on border” issues."
    readout = "The leaders sought continued cooperation on border issues with Mexico."
    (q,) = compare(readout, [account]).accounts[0].quotes
    assert q.fidelity == "altered"


def test_a_quotation_sharing_only_function_words_with_a_passage_is_not_it():
    """Two of three words shared, but they are "en" and "la": the minister's own phrase, not
    the readout's with a word changed (one content word of three shared is still altered)."""
    readout = "Ambos cancilleres reafirmaron su compromiso en la confianza mutua."
    own = "El canciller afirmó que Chile se encuentra “en la vanguardia” de la región."
    (q,) = compare(readout, [own]).accounts[0].quotes
    assert q.fidelity == "not_in_readout"
    changed = "El canciller dijo que hay “compromiso en la transparencia mutua” entre ambos."
    (q,) = compare(readout, [changed]).accounts[0].quotes
    assert q.fidelity == "altered"

def test_a_plural_possessive_inside_single_quotes_is_an_apostrophe():
    account = ("The minister said the talks had been ‘useful for both countries’ officials’ "
               "understanding of the issues’, according to the ministry.")
    quotes = compare(READOUT, [account]).accounts[0].quotes
    assert [q.text for q in quotes] == [
        "useful for both countries’ officials’ understanding of the issues"
    ]


# The quotation verdicts find shared runs through an index of word pairs instead of difflib;
# they must be difflib's blocks exactly (ties included), on few-word vocabularies where ties
# and repeats are everywhere.
_words = st.lists(st.sampled_from("abcde"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(quote=_words, readout=_words, data=st.data())
def test_shared_runs_are_difflibs_blocks(quote, readout, data):
    from difflib import SequenceMatcher

    from readout_compare.diff import SharedRuns

    matcher = SequenceMatcher(None, quote, readout, autojunk=False)
    runs = SharedRuns(readout)
    assert runs.matching_blocks(quote) == matcher.get_matching_blocks()
    alo = data.draw(st.integers(0, len(quote)))
    ahi = data.draw(st.integers(alo, len(quote)))
    blo = data.draw(st.integers(0, len(readout)))
    bhi = data.draw(st.integers(blo, len(readout)))
    assert runs.longest(quote, alo, ahi, blo, bhi) == matcher.find_longest_match(alo, ahi, blo, bhi)


def test_quotation_spans_in_a_long_story_are_found_as_in_a_short_one():
    # The scan jumps between quotation marks; a long text must give each paragraph's spans.
    paragraph = ('The minister said the talks were "frank and useful" and added, \u201cWe will '
                 'meet again.\u201d Officials called it a \u2018reset\u2019.\n\n')
    one = quote_spans(paragraph)
    many = quote_spans(paragraph * 500)
    assert len(one) == 3
    assert len(many) == 500 * len(one)
    step = len(paragraph)
    assert [(s.start - k * step, s.end - k * step, s.text) for k in (0, 499)
            for s in many[k * 3 : k * 3 + 3]] == [(s.start, s.end, s.text) for s in one] * 2


@pytest.mark.parametrize(
    "quoted",
    [
        # Editors' conventions inside one passage of the readout: a bracketed insertion, an
        # ellipsis for words left out, a British spelling, a stray typographic apostrophe.
        "[the Secretary] highlighted the importance of continued cooperation on border security",
        "highlighted the importance of … cooperation on border security",
        "highlighted the importance of continued co-operation on border security",
    ],
    ids=["bracketed-insertion", "ellipsis-in-one-sentence", "spelling-variant"],
)
def test_editing_conventions_keep_a_quotation_verbatim(quoted):
    account = f"The readout said he “{quoted}.”"
    (q,) = compare(READOUT, [account]).accounts[0].quotes
    assert q.fidelity == "verbatim" and q.readout_sentence == "r-1"


def test_a_british_ise_spelling_of_an_american_ize_is_the_same_word():
    readout = "The Secretary emphasized the value of capitalizing on the new civil nuclear law."
    account = ("The readout said Rubio \u201cemphasised the value of capitalising on the new "
               "civil nuclear law.\u201d")
    (q,) = compare(readout, [account]).accounts[0].quotes
    assert q.fidelity == "verbatim"


def test_editing_conventions_in_a_long_readout():
    # A readout past LONG_READOUT_WORDS is narrowed to the sentences around the quote's rare
    # words before the quote is located; the narrowed stream must still tell one passage from
    # several (it once lacked the sentence of each word, and an ellipsis crashed the run).
    filler = " ".join(f"The delegation visited district number {n} and met its council."
                      for n in range(700))
    readout = READOUT + " " + filler
    account = ("The readout said he “highlighted the importance of … cooperation on border "
               "security.”")
    (q,) = compare(readout, [account]).accounts[0].quotes
    assert q.fidelity == "verbatim" and q.readout_sentence == "r-1"
def test_an_edited_quotation_of_a_long_readout_is_judged():
    # Past quote_verdicts.LONG_READOUT_WORDS, a quotation is checked against the stretches of the
    # readout around its rarer words; an ellipsis sends it through the one-passage check.
    filler = " ".join(f"The delegates reviewed agenda item number {n} in detail."
                      for n in range(700))
    readout = (filler + " The Secretary stressed the urgent need for a ceasefire in the "
               "northern provinces before the winter.")
    account = ("The Secretary stressed “the urgent need … in the northern provinces before the "
               "winter,” the readout said.")
    comparison = compare(readout, [account])
    (quote,) = [q for q in comparison.accounts[0].quotes if q.kind == "quotation"]
    assert quote.fidelity == "verbatim"


@pytest.mark.parametrize("quoted_words, fidelity", [
    # An editor spells out the readout's acronym: still the readout's words.
    ("“raised concerns about the dangerous behavior of People’s Liberation Army (PLA) aircraft in "
     "the region.”", "verbatim"),
    # "&" for "and".
    ("“reducing strategic risk, improving crisis communications, & enhancing operational "
     "safety.”", "verbatim"),
    # A spelled-out name whose initials are not the acronym is a change.
    ("“raised concerns about the dangerous behavior of Pacific Air Command (PLA) aircraft in the "
     "region.”", "altered"),
])
def test_editorial_spellings_in_quotations(quoted_words, fidelity):
    readout = ("He raised concerns about the dangerous behavior of PLA aircraft in the region. "
               "The Secretary discussed dialogue on reducing strategic risk, improving crisis "
               "communications, and enhancing operational safety.")
    account = f"Austin {quoted_words[0]}{quoted_words[1:]} the readout said."
    quotes = [q for q in compare(readout, [account]).accounts[0].quotes if q.kind == "quotation"]
    assert [q.fidelity for q in quotes] == [fidelity]


def test_a_straight_mark_closed_by_a_curly_one_ends_the_quotation():
    """Pasted pages mix marks ("…,” said Biden): the quotation ends there, with its speaker."""
    readout = "The President met the Prime Minister in London."
    account = ('"We have got a lot to talk about. We are moving along,” said Biden.\n'
               '"Great for us to carry on our conversations,” said Sunak.\n')
    quotes = compare(readout, [account]).accounts[0].quotes
    # (A quotation of two sentences is judged sentence by sentence, both parts Biden's.)
    assert [(q.text, q.attribution.source) for q in quotes] == [
        ("We have got a lot to talk about.", "Biden"), ("We are moving along", "Biden"),
        ("Great for us to carry on our conversations", "Sunak")]


def test_a_quotation_closed_with_the_wrong_mark_at_a_line_end_ends_there():
    text = ("The spokesman said: \u201cWe will never forget them, he said.\u2019\n"
            "The talks follow weeks of tension, with the two sides at odds.\n")
    (span,) = [s for s in quote_spans(text) if s.text.startswith("We will")]
    assert span.text == "We will never forget them, he said."


def test_a_long_quotation_with_one_word_changed_is_altered_not_stitched():
    from readout_compare.quote_verdicts import verdict
    from readout_compare.segment import segment

    readout = segment("The Secretary reaffirmed the commitment of the United States to a "
                      "lasting peace in the region and to the security of its partners.",
                      doc_id="r", label="r")
    fidelity, *_ = verdict(readout, "reaffirmed the commitment of the United States toward a "
                                    "lasting peace in the region and to the security of its "
                                    "partners")
    assert fidelity == "altered"
    joined, *_ = verdict(readout, "the security of its partners and the commitment of the "
                                  "United States")
    assert joined == "stitched"


@pytest.mark.parametrize(("text", "quoted"), [
    # A guillemet closed with a straight mark, as pasted text has it: the quotation ends there.
    ('«The sides discussed trade. Putin called it bad," the statement said.\nLast month the '
     'United States acted.', ["The sides discussed trade. Putin called it bad"]),
    # A double mark inside the guillemets opens an inner quotation: it closes nothing.
    ('«He called it "a farce" and left» the paper wrote.', ['He called it "a farce" and left']),
])
def test_a_guillemet_may_be_closed_by_a_double_mark(text, quoted):
    assert [s.text for s in quote_spans(text)] == quoted


KREMLIN = ("Telephone conversation with the President of Freedonia\n\n"
           "Vladimir Putin had a telephone conversation with President Ana Ruiz. "
           "The two heads of state discussed many aspects of the relations between Russia and "
           "Freedonia. They agreed to continue contacts at various levels.\n")


def test_a_quotation_credited_to_the_readout_in_other_words_is_altered():
    # The story's own translation of the readout, presented as its words: altered from the
    # readout sentence it reports, with the changed words shown; not words from elsewhere.
    account = ("Putin and Ruiz spoke by phone on Friday. The Kremlin said in a statement: "
               "\u00abThe sides discussed several aspects of Russian-Freedonian relations.\u00bb\n")
    acc = compare(KREMLIN, [account]).accounts[0]
    (q,) = [q for q in acc.quotes if q.kind == "quotation"]
    assert q.fidelity == "altered"
    assert "heads of state discussed many aspects" in q.readout_text
    assert any(d.type == "quote" for s in acc.sentences for d in s.divergences)


def test_a_person_quoted_in_other_words_is_not_made_a_misquotation_of_the_readout():
    account = ("Putin and Ruiz spoke by phone on Friday. Ruiz told reporters: \u201cWe discussed "
               "several aspects of our relations with Russia.\u201d\n")
    acc = compare(KREMLIN, [account]).accounts[0]
    (q,) = [q for q in acc.quotes if q.kind == "quotation"]
    assert q.fidelity == "not_in_readout"


@pytest.mark.parametrize("quoted, fidelity", [
    # An editor's aside in parentheses is left out of the comparison, as a bracket is.
    ("need to responsibly manage competition (between the two powers) and maintain open lines "
     "of communication", "verbatim"),
    ("need to manage competition (between the two powers) and keep lines of communication open",
     "altered"),
])
def test_an_aside_in_parentheses_is_an_editors_insertion(quoted, fidelity):
    readout = ("Secretary Austin emphasized the need to responsibly manage competition and "
               "maintain open lines of communication.")
    acc = compare(readout, [f"Austin stressed the \u201c{quoted}.\u201d"]).accounts[0]
    (q,) = acc.quotes
    assert q.fidelity == fidelity


def test_another_ministrys_statement_is_its_own_words_beside_this_readout():
    # Japan's readout; the story quotes India's Ministry of External Affairs, whose statement
    # says much the same thing in other words: not a misquotation of Japan's readout.
    readout = ("Japan-India Foreign Ministers' Strategic Dialogue\n\n"
               "Ministry of Foreign Affairs of Japan\n\n"
               "The ministers concurred that the public and private sectors would work together "
               "toward the target of 5 trillion yen in investment to India over the next 5 years.\n")
    account = ("\u201cThe Ministers emphasized the importance of achieving the target of JPY 5 "
               "trillion investment in India in the period 2022-27,\u201d according to an official "
               "statement issued by the Ministry of External Affairs.\n")
    acc = compare(readout, [account]).accounts[0]
    (q,) = acc.quotes
    assert q.attribution.kind == "government" and not q.attribution.is_readout
    assert q.fidelity == "not_in_readout"
    assert not any(d.type in ("quote", "number") for s in acc.sentences for d in s.divergences)


def test_a_quotation_of_several_sentences_is_judged_sentence_by_sentence():
    # The story gives two readout sentences word for word and drops a word from a third.
    readout = ("Both secretaries recognised that significant challenges remain. They agreed that "
               "the security group, which meets on 23 January, must keep delivering results. "
               "Likewise, they agreed to follow up on bilateral initiatives.")
    account = ("\u201cBoth secretaries recognised that significant challenges remain. They agreed "
               "that the security group, which meets 23 January, must keep delivering results.\n"
               "\u201cThey agreed to follow up on bilateral initiatives,\u201d the statement said.\n")
    quotes = compare(readout, [account]).accounts[0].quotes
    assert [q.fidelity for q in quotes] == ["verbatim", "altered", "verbatim"]
    assert {q.attribution.source for q in quotes} == {"the statement"}
    assert len({q.account_sentence for q in quotes}) == 3


@pytest.mark.parametrize(("text", "quoted"), [
    # A curly mark closed by a straight one, as pasted text has it.
    ('She said it “will not raise tariffs, but quotas", according to the ministry.',
     ["will not raise tariffs, but quotas"]),
    # Straight marks inside a curly quotation are a quotation inside it.
    ('“He said \"no\" to them,” the minister said.', ['He said "no" to them']),
])
def test_a_curly_quotation_closed_by_a_straight_mark(text, quoted):
    from readout_compare.quote_marks import quote_spans

    assert [s.text for s in quote_spans(text) if not s.single][:1] == quoted[:1]


def test_a_right_double_mark_opening_a_quotation():
    from readout_compare.quote_marks import quote_spans

    text = ("Potrivit ministerului, cei doi au discutat despre ”extinderea portului, inclusiv "
            "despre drumuri”, convenind să se revadă.")
    assert [s.text for s in quote_spans(text)] == ["extinderea portului, inclusiv despre drumuri"]


@pytest.mark.parametrize(("readout", "quoted"), [
    # A figure with or without its thousands separator; a British doubled consonant.
    ("Secretary Lind welcomed the 2,000-for-2,000 grain swap.",
     "“2000 for 2000” grain swap"),
    ("They agreed on the value of a fisheries accord that benefitted coastal towns.",
     "“a fisheries accord that benefited coastal towns”"),
])
def test_forms_of_a_figure_or_a_spelling_are_verbatim(readout, quoted):
    account = f"The leaders hailed the {quoted}, the statement said."
    quotes = compare(readout, [account]).accounts[0].quotes
    assert [q.fidelity for q in quotes] == ["verbatim"]


def test_they_agreed_on_words_quoted_from_the_statement_is_the_statement():
    readout = ("The leaders agreed that any reopening of the northern port would mark real "
               "progress. They discussed the importance of continued support for Moldova.")
    account = ("“The Prime Minister praised the work of the Moldovan engineers,” Downing Street "
               "said in a statement.\n\nThey also discussed “the importance of continued support "
               "for Moldova” ahead of the summit.\n")
    quotes = compare(readout, [account]).accounts[0].quotes
    assert [q.attribution.source for q in quotes] == ["Downing Street", "Downing Street"]


def test_a_quoted_term_inside_a_straight_quotation_nests():
    text = ('Aasen spoke to reporters. "We backed the "blue corridor" plan and agreed to meet '
            'again," the minister wrote.')
    assert [q.text for q in quote_spans(text)] == [
        'We backed the "blue corridor" plan and agreed to meet again']
    # A mark opening a line reopens the quotation (several paragraphs), and does not nest.
    text = ('"Our talks were good.\n"We will meet again in May," he added.\n'
            'Aasen called the plan "ambitious."')
    assert [q.text for q in quote_spans(text)][-1] == "ambitious."


def test_words_quoted_from_a_post_are_the_posts_not_an_altered_readout():
    readout = ("Secretary Lind spoke today with Minister Aalto. The Secretary condemned the "
               "appalling terrorist attack on the port and offered condolences.")
    account = ("Meanwhile, Lind on X conveyed his condolences for this \u201cappalling terrorist "
               "attack by the militants on the port.\u201d")
    (q,) = compare(readout, [account]).accounts[0].quotes
    assert q.fidelity == "not_in_readout"
    # Without the post, the same words credited to no one are an altered quotation.
    (q,) = compare(readout, [account.replace(" on X", "")]).accounts[0].quotes
    assert q.fidelity == "altered"


def test_the_readouts_uncredited_words_go_by_the_storys_name_for_the_readout():
    # A readout with no header naming its issuer: the story's own name for it is shown.
    readout = ("Ministers Ortiz and Aalto met today in Lima. The ministers agreed to deepen "
               "trade ties and to meet again in the spring.")
    account = ('According to the joint communique, the ministers "agreed to deepen trade ties".'
               "\n\nThe talks came after months of tension over fishing rights.\n\n"
               'The ministers have "to meet again in the spring" on the agenda.')
    sources = [q.attribution.source for q in compare(readout, [account]).accounts[0].quotes]
    assert sources == ["the joint communique", "the readout (the joint communique)"]


def test_japanese_corner_brackets_are_quotation_marks():
    from readout_compare.quote_marks import quote_kind, quote_spans

    text = "安倍首相は「二国間関係を適切にマネージしていきたい」と述べ、「合意」に触れた。"
    spans = quote_spans(text)
    assert [s.text for s in spans] == ["二国間関係を適切にマネージしていきたい", "合意"]
    assert [quote_kind(s.text, text, s.start) for s in spans] == ["quotation", "scare"]


def test_a_japanese_quotation_is_credited_to_its_speaker():
    from readout_compare import Settings, compare

    readout = "安倍総理から、二国間関係を適切にマネージしていきたい旨述べました。"
    account = ("一方、韓国大統領府によると、文氏は「国民の大多数が合意を受け入れられない」と語った。"
               "安倍首相は「二国間関係を適切にマネージしていきたい」と述べた。")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    speakers = [q.attribution.source if q.attribution else None for q in acc.quotes]
    assert speakers == ["文氏, according to 韓国大統領府", "安倍首相"]


@pytest.mark.parametrize(("text", "quoted"), [
    # German guillemets point inwards: »…«.
    ("Beide seien sich einig, \u00bbden Streit rasch beizulegen\u00ab, teilte ein Sprecher mit. "
     "Dies solle \u00bbRaum f\u00fcr Gespr\u00e4che schaffen\u00ab, sagte er.",
     ["den Streit rasch beizulegen", "Raum f\u00fcr Gespr\u00e4che schaffen"]),
    # French and Russian ones outwards, as before.
    ("Il a dit \u00abnous sommes pr\u00eats\u00bb hier.", ["nous sommes pr\u00eats"]),
    ("\u041e\u043d \u0441\u043a\u0430\u0437\u0430\u043b: \u00ab\u041c\u044b \u0433\u043e\u0442"
     "\u043e\u0432\u044b\u00bb.", ["\u041c\u044b \u0433\u043e\u0442\u043e\u0432\u044b"]),
])
def test_guillemets_either_way_round(text, quoted):
    from readout_compare.quote_marks import quote_spans

    assert [s.text for s in quote_spans(text)] == quoted


@pytest.mark.parametrize(("text", "quoted"), [
    # French typography: a no-break space (or a plain one) inside the guillemets.
    ("Le minist\u00e8re \u00e9voque \u00ab\u00a0une discussion franche\u00a0\u00bb avec Oslo.",
     ["une discussion franche"]),
    ("Le minist\u00e8re \u00e9voque \u00ab une discussion franche \u00bb avec Oslo.",
     ["une discussion franche"]),
    # A space after a curly opening mark, as some pages have it.
    ("Lind said the two agreed \u201c that there is no place for violence\u201d.",
     ["that there is no place for violence"]),
    # A curly mark standing alone opens nothing.
    ("The list \u201c . ends here.", []),
])
def test_a_space_inside_the_opening_mark(text, quoted):
    from readout_compare.quote_marks import quote_spans

    assert [s.text for s in quote_spans(text)] == quoted


def test_a_german_quotation_without_its_infinitives_zu_is_no_misquotation():
    from readout_compare import Settings, compare

    readout = ("Beide vereinbarten eine enge Zusammenarbeit, um Raum f\u00fcr Verhandlungen zu "
               "schaffen.")
    account = ("Dies solle \u00bbRaum f\u00fcr Verhandlungen schaffen\u00ab, sagte der Sprecher "
               "der Bundesregierung.")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    (q,) = acc.quotes
    assert q.fidelity == "altered"
    assert not any(d.type == "quote" for s in acc.sentences for d in s.divergences)


def test_a_quotation_credited_to_no_one_goes_on_with_the_speaker_of_the_sentence_before():
    from readout_compare import Settings, compare

    readout = ("The Prime Minister was clear that the relationship is not the one we want. He said "
               "significant bilateral difficulties remain.")
    account = ("Prime Minister Hale told President Orlov the relationship was not the one London "
               "wanted, a spokesman said. Issues including the port dispute meant \u201csignificant "
               "bilateral difficulties remain\u201d.\n\nThe Kremlin gave no details. Talks are "
               "\u201cpossible\u201d next month.\n")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    first, second = [q for q in acc.quotes]
    assert first.attribution is not None and first.attribution.source == "a spokesman"
    # A new paragraph, and a sentence before it that credits no one: no speaker carried.
    assert second.attribution is None or "spokesman" not in second.attribution.source


def test_a_straight_mark_run_into_the_sentence_before_opens_a_quotation():
    from readout_compare.quote_marks import quote_spans

    text = ('The talks were useful, the statement says."The two sides will meet again," it says.'
            'Lind left for Oslo.')
    assert [text[q.start:q.end] for q in quote_spans(text)] == [
        "The two sides will meet again"]


def test_a_mark_run_into_the_next_sentence_inside_a_quotation_does_not_open_another():
    from readout_compare.quote_marks import quote_spans

    text = 'Then "We will win," he said, "and soon."The minister left.'
    assert [text[q.start:q.end] for q in quote_spans(text)][:1] == ["We will win"]


def test_words_in_capitals_that_the_readout_has_are_its_words_not_a_title():
    from readout_compare import Settings

    readout = ("President Halvorsen informed Minister Dolan of his intention to convene a "
               "strategic debate in the March council.")
    account = ("\u2018Strategic Debate\u2019 to be held on Nordic relations at the March summit, "
               "Halvorsen told Dolan.\n\nThe talks were covered on \u201cMorning Report\u201d.")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    kinds = {q.text.rstrip("."): (q.kind, q.fidelity) for q in acc.quotes}
    assert kinds["Strategic Debate"] == ("scare", "verbatim")
    # A programme's name the readout does not have stays a title.
    assert kinds["Morning Report"] == ("title", "not_in_readout")


def test_an_initialism_with_points_and_an_inflected_passage():
    from readout_compare import Settings
    from readout_compare.quote_verdicts import verdict

    readout = compare(
        "The warm reception in Oslo to the U.S. framework shows that peace is possible. "
        "The Secretary expressed his hope that Norway will raise that target.",
        ["-"], settings=Settings(semantic=False)).readout
    # "US" for "U.S." is the readout's spelling, not a change.
    assert verdict(readout, "The warm reception in Oslo to the US framework shows")[0] == "verbatim"
    # The same passage with its words inflected otherwise is that passage, altered.
    got = verdict(readout, "The Secretary expresses his hopes that Norway would raise this target")
    assert got[:2] == ("altered", "r-2")
    # Words from nowhere in the readout are not.
    assert verdict(readout, "The minister hopes the fleet sails next spring")[0] == "not_in_readout"


@pytest.mark.parametrize(("text", "quoted"), [
    # Speech set off by dashes (Polish, Ukrainian, Russian, Slovak papers), on its own line or
    # after a sentence's end, closed by a dash and a verb of saying.
    ("Minister zabrał głos.\n- Rozmawiałem z ministrem Lindem o rybołówstwie - powiedział szef MSZ.",
     ["Rozmawiałem z ministrem Lindem o rybołówstwie"]),
    ("Minister odpowiedział posłom. - Flota wróci do portu w maju - przekazał.",
     ["Flota wróci do portu w maju"]),
    ("\u2013 Ми обговорили безпеку \u2013 сказав міністр.", ["Ми обговорили безпеку"]),
    # A dash inside the speech is the speech's; the closing one is before the verb.
    ("- To sprawa floty - w duchu współpracy - i nasza - zaznaczył Lind.",
     ["To sprawa floty - w duchu współpracy - i nasza"]),
    # A list item with a dash inside is no speech.
    ("The package includes:\n- Air defence - two systems\n- Ammunition - delivered", []),
])
def test_speech_set_off_by_dashes(text, quoted):
    assert spans(text) == quoted


def test_a_verb_of_saying_alone_after_dash_speech_is_a_pronoun_by_its_ending():
    from readout_compare.attribution_patterns import attributions_in

    assert [f[2].source for f in attributions_in("- Flota wróci w maju - powiedziała.")] == ["she"]
    assert [f[2].source for f in attributions_in("- Flota wróci w maju - powiedział.")] == ["he"]


def test_a_hyphenated_word_the_readout_writes_as_two_and_a_digit_for_a_numeral():
    from readout_compare import Settings
    from readout_compare.quote_verdicts import verdict

    readout = compare(
        "The Prime Minister hoped Norway will reach net zero by 2050 before the General Assembly. "
        "\u5b89\u500d\u7dcf\u7406\u306f\u4e8c\u56fd\u9593\u95a2\u4fc2\u3092\u9069\u5207\u306b"
        "\u30de\u30cd\u30fc\u30b8\u3057\u305f\u3044\u3068\u8ff0\u3079\u305f\u3002",
        ["-"], settings=Settings(semantic=False)).readout
    assert verdict(readout, "hoped Norway will reach net-zero by 2050")[0] == "verbatim"
    assert verdict(readout, "before the General-Assembly")[0] == "verbatim"
    # "2国間" for "二国間": the figure for the numeral.
    assert verdict(readout, "2\u56fd\u9593\u95a2\u4fc2\u3092\u9069\u5207\u306b\u30de\u30cd"
                            "\u30fc\u30b8\u3057\u305f\u3044")[0] == "verbatim"
    # A hyphenated word the readout does not have in any form is still a change.
    assert verdict(readout, "hoped Norway will reach carbon-free by 2050")[0] == "altered"


def test_a_quotation_from_a_post_the_story_names_is_the_posts_words():
    from readout_compare import Settings

    readout = ("Secretary Whitlock met Foreign Minister Dolan today. The Secretary thanked Dolan "
               "for Norway's partnership in countering piracy and preserving regional stability.")
    account = ("Taking to X, Whitlock said he thanked Dolan for \u201cNorway's partnership in "
               "countering piracy and keeping regional stability.\u201d")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    (quote,) = acc.quotes
    assert quote.fidelity == "not_in_readout"
    assert not any(d.type == "quote" for s in acc.sentences for d in s.divergences)
    # Without the post, the same words are the readout's, altered.
    plain = account.replace("Taking to X, Whitlock said he", "Whitlock")
    (quote,) = compare(readout, [plain], settings=Settings(semantic=False)).accounts[0].quotes
    assert quote.fidelity == "altered"


def test_the_readouts_words_in_a_statement_whose_owner_is_only_guessed_are_the_readouts():
    # "the statement said" follows a mention of another government ("the Kremlin said last
    # week"), but the words are the readout's with two words changed: the readout's, altered.
    readout = ("PM call with President Putin: 25 October\n\n"
               "The Prime Minister spoke to President Putin this morning. The Prime Minister "
               "expressed his hope that Russia will raise that target to achieving net zero by "
               "2050 as well as making further progress on ending deforestation.\n")
    account = ("Prime Minister Dolan urged President Putin to bring forward Russia's climate "
               "goal, Dolan's office said on Monday. The call came after the Kremlin said last "
               "week that Putin would not travel to the summit. \u201cThe Prime Minister "
               "expressed his hope that Russia will raise this target to reach net zero by 2050 "
               "as well as making further progress on ending deforestation,\u201d the statement "
               "said.\n")
    quote = compare(readout, [account]).accounts[0].quotes[0]
    assert quote.fidelity == "altered"
    assert quote.attribution.is_readout and quote.attribution.kind == "issuer"
    assert quote.attribution.source == "the statement"


def test_the_readouts_words_name_the_person_its_sentence_gives_them_to():
    from readout_compare import Settings

    readout = ("Readout of the Prime Minister's call with President Halvorsen\n\n"
               "Prime Minister Tom Dolan spoke to President Halvorsen of Norway today.\n\n"
               "The Prime Minister stressed the importance of keeping the port open to all "
               "shipping.\n\nBoth leaders agreed to speak again soon.\n")
    account = ("Dolan and Halvorsen spoke on Monday.\n\nDolan also \u201cstressed the importance "
               "of keeping the port open to all shipping.\u201d\n\nThe two \u201cagreed to speak "
               "again soon\u201d.\n")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    got = [q.attribution.source for q in acc.quotes]
    assert got[0].startswith("the Prime Minister (Tom Dolan), according to the readout")
    # A sentence that opens with no one person: the readout alone.
    assert got[1].startswith("the readout") and "according to" not in got[1]
