from __future__ import annotations

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
        ("“We are ready. We will act,” he said. Then he left.",
         ["“We are ready. We will act,” he said.", "Then he left."]),
        ('"We are ready. We will act," he said. Then he left.',
         ['"We are ready. We will act," he said.', "Then he left."]),
        ("The Secretary spoke\u00a0on Jan. 31.\u00a0He was clear.",
         ["The Secretary spoke\u00a0on Jan. 31.", "He was clear."]),
        ("Costs rose 2.5 percent. Then they fell.",
         ["Costs rose 2.5 percent.", "Then they fell."]),
        ("First paragraph ends here.\n\nSecond paragraph starts here.",
         ["First paragraph ends here.", "Second paragraph starts here."]),
    ],
    ids=["abbreviations", "initialisms", "initials", "closing-quote", "multi-sentence-quote",
         "straight-quotes", "nbsp", "decimal", "paragraphs"],
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
