from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readout_compare import compare

SENTENCES = [
    "The Secretary highlighted the importance of continued cooperation on border security.",
    "The two leaders agreed to meet again in the spring to review progress on trade.",
    "The Minister thanked the Secretary for the hospitality of the American delegation.",
    "Both sides reaffirmed their commitment to deepening bilateral cooperation.",
    "The Secretary said the agreement may be extended next year.",
    "Officials from both governments will meet in Ottawa on March 4.",
    "The Secretary underscored that his top priority is to safeguard the United States.",
    "The ministers discussed 12 joint patrols along the shared border.",
    "“We will not accept further delays,” the Minister said.",
    "The call lasted about forty minutes, according to the statement.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8, unique=True), st.sampled_from([" ", "\n\n"]))
def test_text_compared_with_itself_is_fully_supported(chosen, sep):
    text = sep.join(chosen)
    acc = compare(text, [text]).accounts[0]
    assert all(s.status == "supported" for s in acc.sentences if s.sentence.role == "body")
    assert all(c.status == "reported" and c.kind == "verbatim" for c in acc.coverage)
    assert all(q.fidelity == "verbatim" for q in acc.quotes if q.kind != "title")
