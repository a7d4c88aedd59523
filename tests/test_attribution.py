from __future__ import annotations

import pytest

from readout_compare.attribution import attribute_sentences
from readout_compare.segment import segment


@pytest.mark.parametrize(
    "sentence, source, is_readout",
    [
        ("The talks stalled, according to people briefed on the call.", "people briefed on the call", False),
        ("Tariffs will rise, the Wall Street Journal reported on Friday.", "Wall Street Journal", False),
        ("Hegseth, however, insisted that it was up to the president.", "Hegseth", False),
        ("The Pentagon's public summary of the calls said he stressed security.",
         "Pentagon's public summary of the calls", True),
        ("According to the readout, both sides agreed to meet again.", "the readout", True),
        ("The talks were tense, said Ambassador Smith.", "Ambassador Smith", False),
        ("Officials reportedly discussed new patrols.", "unnamed sources (reportedly)", False),
        ("Tariffs rose sharply last year.", None, None),
    ],
)
def test_sentence_attribution(sentence, source, is_readout):
    doc = segment(sentence, doc_id="a1", label="a")
    found = attribute_sentences(doc).get("a1-1")
    if source is None:
        assert found is None
    else:
        assert (found.source, found.is_readout) == (source, is_readout)
