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


# Sentences that partly repeat one another (a clause, a negation, a figure, a modal, a month),
# so that a sentence of a text also partly matches a longer one of the same text.
OVERLAPPING = [
    *SENTENCES,
    "The talks were useful.",
    "The talks were useful, but the sides did not agree on a date for the next round.",
    "The Secretary said the agreement may be extended next year if neither side objects.",
    "The Secretary said the agreement will not be extended without a vote in May.",
    "The ministers discussed 12 joint patrols and up to 300 new border guards.",
    "Both sides reaffirmed their commitment, and Washington warned that cartels threaten it.",
    "The Minister did not thank the Secretary for the delegation's visit.",
    "Russia's attacks on Ukraine's cities continued, the Russian ministry said.",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(OVERLAPPING), min_size=2, max_size=10, unique=True))
def test_text_compared_with_itself_has_no_divergence(chosen):
    text = " ".join(chosen)
    acc = compare(text, [text]).accounts[0]
    assert [d for s in acc.sentences for d in s.divergences] == []
    assert all(s.status == "supported" for s in acc.sentences if s.sentence.role == "body")


def _all_initials(words, stopwords):
    """Every run of 2-10 words by its initials (the map the matcher once built for every
    sentence): the reference that lexicon.spelled_out must agree with."""
    out = {}
    for i in range(len(words)):
        if words[i] in stopwords:
            continue
        full = content = ""
        for j in range(i, min(len(words), i + 10)):
            full += words[j][0]
            if words[j] not in stopwords:
                content += words[j][0]
            if j > i and words[j] not in stopwords:
                for key in (full, content):
                    if 2 <= len(key) <= 8:
                        out.setdefault(key, (i, j + 1))
    return out


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(["of", "the", "and", "gross", "grand", "domestic",
                                       "deal", "product", "plan", "party"]), max_size=16),
       letters=st.text(alphabet="gdpotea", min_size=1, max_size=9))
def test_spelled_out_finds_the_first_run_with_those_initials(words, letters):
    from readout_compare.lexicon import spelled_out
    from readout_compare.normalize import STOPWORDS

    assert spelled_out(words, STOPWORDS, letters) == _all_initials(words, STOPWORDS).get(letters)


def _runs_by_table(a, b, counted):
    """The full run-length table: the reference for similarity.longest_common_run."""
    best = best_counted = 0
    prev, prev_c = [0] * (len(b) + 1), [0] * (len(b) + 1)
    for x in a:
        cur, cur_c = [0] * (len(b) + 1), [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                cur_c[j] = prev_c[j - 1] + (x in counted)
                best, best_counted = max(best, cur[j]), max(best_counted, cur_c[j])
        prev, prev_c = cur, cur_c
    return best, best_counted


@settings(max_examples=300, deadline=None)
@given(a=st.lists(st.sampled_from("abcd"), max_size=20),
       b=st.lists(st.sampled_from("abcd"), max_size=20),
       counted=st.frozensets(st.sampled_from("abcd")))
def test_longest_common_run_is_the_full_tables(a, b, counted):
    from readout_compare.similarity import longest_common_run

    assert longest_common_run(tuple(a), tuple(b), counted) == _runs_by_table(a, b, counted)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \n\u2019.é", max_size=30), n=st.sampled_from([3, 4, 5]))
def test_char_ngrams_are_every_slice(text, n):
    from readout_compare.similarity import _char_ngrams

    assert _char_ngrams(text, n) == frozenset(text[i : i + n] for i in range(len(text) - n + 1))


_PIECES = ["The Secretary", "’s", "Ã©", "â€™", "â€œ", "Â ", "Ã ", "caf", "&amp;", "&#39;",
           "&lt;b&gt;", "<b>", "</b>", "ﬁnal", "\x1b[31m", "\x7f", "\x0c", "\r", "\t", "—", "“",
           "”", " ", " ", "\n", "\n", "\n\n", ".", "AT&T", "a < b"]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40))
def test_mojibake_fixed_line_by_line_is_ftfy_on_the_whole_text(pieces):
    """ftfy runs when the text has what it fixes, and then only on the lines it might change;
    the text is the one ftfy makes of the whole (including its switch to leaving entities
    alone after the first "<")."""
    import ftfy

    from readout_compare.load import _FTFY_WORK, fix_mojibake

    text = "".join(pieces)
    whole = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False,
                          fix_line_breaks=False, normalization=None, explain=False)
    assert fix_mojibake(text) == (whole if _FTFY_WORK.search(text) else text)
