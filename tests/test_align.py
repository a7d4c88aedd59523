from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys

import pytest

from readout_compare import Settings, compare
from readout_compare.align import align
from readout_compare.pipeline import resolved_settings
from readout_compare.segment import segment
from tests.conftest import ROOT

READOUT = (
    "The Secretary highlighted the importance of continued cooperation on border security. "
    "The two leaders agreed to meet again in the spring to review progress on trade. "
    "The Minister thanked the Secretary for the hospitality of the American delegation."
)


def matches_for(readout: str, account: str, **settings):
    r = segment(readout, doc_id="r", label="r")
    a = segment(account, doc_id="a1", label="a")
    found = align(r, a, resolved_settings(Settings(**settings)))
    return {sid: [(m.readout_sentence, m.kind) for m in ms] for sid, ms in found.items()}


def test_verbatim_copy_is_verbatim():
    got = matches_for(READOUT, "The two leaders agreed to meet again in the spring to review progress on trade.")
    assert got == {"a1-1": [("r-2", "verbatim")]}


def test_paraphrase_is_matched():
    got = matches_for(
        READOUT,
        "The Secretary stressed the importance of continuing cooperation on security at the border.",
    )
    assert got["a1-1"][0] == ("r-1", "paraphrase")


def test_unordered_and_many_to_one():
    account = (
        "The leaders agreed to meet again in the spring to review trade progress. "
        "Earlier, the Secretary highlighted the importance of continued cooperation on border security. "
        "They agreed to meet again in the spring to review progress on trade."
    )
    got = matches_for(READOUT, account)
    assert [m[0] for m in got["a1-1"]] == ["r-2"]
    assert [m[0] for m in got["a1-2"]] == ["r-1"]
    assert [m[0] for m in got["a1-3"]] == ["r-2"]


def test_one_account_sentence_draws_on_two_readout_sentences():
    account = (
        "The Secretary highlighted the importance of continued cooperation on border security, "
        "and the two leaders agreed to meet again in the spring to review progress on trade."
    )
    got = matches_for(READOUT, account)
    assert sorted(m[0] for m in got["a1-1"]) == ["r-1", "r-2"]


def test_quoted_fragment_is_partial():
    account = 'Officials said he "highlighted the importance of continued cooperation" before leaving for Ottawa on a trade mission.'
    got = matches_for(READOUT, account)
    assert got["a1-1"] == [("r-1", "partial")]


def test_sharing_names_is_not_sharing_a_claim():
    readout = (
        "Readout of Secretary of Defense Pete Hegseth's Call With Mexican Counterparts\n\n"
        "Secretary of Defense Pete Hegseth spoke with Mexico's Secretary of National Defense, "
        "General Ricardo Trevilla Trejo, about border security."
    )
    account = "Secretary of Defense Pete Hegseth threatened General Ricardo Trevilla Trejo with strikes on cartels."
    got = matches_for(readout, account)
    assert got == {"a1-1": []}


def test_a_few_shared_characters_of_japanese_are_no_copied_fragment():
    # "ベルグ外相" (Minister Berg) is five characters and one name with its title: in Chinese or
    # Japanese a copied fragment needs twice the characters a spaced language needs words.
    readout = ("さらに,ベルグ外相から,漁業協力の重要性について述べました。"
               "これに対し,ベルグ外相から謝意が述べられました。")
    assert matches_for(readout, "この日はベルグ外相と各国首脳の電話会談も予定されていた。") == {
        "a1-1": []}
    assert matches_for(readout, "両外相は漁業協力の重要性について述べたという。")["a1-1"]


def test_unrelated_sentence_has_no_match():
    got = matches_for(READOUT, "Stock markets fell sharply in Asia on Tuesday amid fears of recession.")
    assert got == {"a1-1": []}


def test_threshold_setting_changes_the_decision():
    account = "The Secretary stressed that working together on the border matters."
    low = matches_for(READOUT, account, threshold=0.05)
    high = matches_for(READOUT, account, threshold=0.99)
    assert low["a1-1"] and not high["a1-1"]


def _generated_document(rng: random.Random, n: int, vocabulary: list[str]) -> list[str]:
    """Sentences of Zipf-distributed words: a few very common, most rare, as in news text."""
    # The running sums once (what choices() makes of weights= on every call: the same draws).
    cum_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    out = []
    for _ in range(n):
        words = rng.choices(vocabulary, cum_weights=cum_weights, k=rng.randint(8, 25))
        out.append(" ".join(words).capitalize() + ".")
    return out


@pytest.mark.slow
def test_candidate_search_stays_sub_quadratic():
    """The regression guard for cost: at 2,000 x 2,000 sentences, the candidate search gives
    under 5% of all pairs to be scored, and still gives each planted copy its original."""
    from readout_compare.candidates import EXHAUSTIVE_PAIRS, candidates
    from readout_compare.model import Sentence
    from readout_compare.similarity import profile

    rng = random.Random(7)
    vocabulary = [f"w{i}x" for i in range(20_000)]
    readout = _generated_document(rng, 2000, vocabulary)
    account = _generated_document(rng, 2000, vocabulary)
    planted = rng.sample(range(2000), 100)
    for k, i in enumerate(planted):
        account[k] = readout[i]
    r_sents, a_sents = (
        tuple(Sentence(id=f"{doc}-{n + 1}", text=text, start=0, end=len(text), role="body",
                       paragraph=n)
              for n, text in enumerate(texts))
        for doc, texts in (("r", readout), ("a", account))
    )
    r_prof = {s.id: profile(s.text) for s in r_sents}
    a_prof = {s.id: profile(s.text) for s in a_sents}
    possible = len(r_sents) * len(a_sents)
    found = candidates(r_sents, r_prof, a_sents, a_prof, possible <= EXHAUSTIVE_PAIRS)
    assert sum(len(proposed) for _, proposed in found) < 0.05 * possible
    for k, i in enumerate(planted):
        assert r_sents[i] in found[k][1]


def _ranked_by_hand(index, terms):
    """candidates()'s pruning written as plain Python loops over dicts (how it was first
    written), for the numpy version to be held to; and whether two candidates tied."""
    import heapq
    import math
    from collections import defaultdict

    from readout_compare.candidates import (
        CANDIDATES_PER_SENTENCE,
        MIN_SHARED_WEIGHT,
        RELATIVE_SHARE,
    )

    weight = defaultdict(float)
    a_total = 0.0
    for st in sorted(terms):
        ids = index.postings.get(st, ())
        a_total += index.idf.get(st, math.log(1 + index.n))
        if len(ids) > index.common:
            continue
        for i in ids:
            weight[i] += index.idf[st]
    a_least = MIN_SHARED_WEIGHT * a_total
    share = {i: 2 * w / (a_total + index.r_weight[i]) for i, w in weight.items()
             if w >= a_least or w >= index.r_least[i]}
    kept = heapq.nlargest(CANDIDATES_PER_SENTENCE, share, key=lambda i: (share[i], -i))
    if kept:
        floor = RELATIVE_SHARE * share[kept[0]]
        kept = [i for i in kept if share[i] >= floor]
    return sorted(kept), len(set(share.values())) < len(share)


@pytest.mark.parametrize("kept", [10, 2])
@pytest.mark.parametrize("numpy_from, scan_below", [(0, 1), (0, 10**9), (10**9, 1)])
def test_ranked_candidates_are_the_plain_python_ranking(case_texts, monkeypatch, kept,
                                                        numpy_from, scan_below):
    """The index ranks with numpy; the same sums in the same order give the same candidates,
    ties included (a small vocabulary makes ties common; keeping 2 puts ties at the cut), on
    generated and real sentences, with numpy (finding the sentences reached by their ids or
    by a scan) or without."""
    from readout_compare import candidates as candidates_module
    from readout_compare.candidates import ReadoutIndex

    monkeypatch.setattr(candidates_module, "CANDIDATES_PER_SENTENCE", kept)
    monkeypatch.setattr(candidates_module, "SCAN_BELOW", scan_below)
    monkeypatch.setattr(candidates_module, "NUMPY_FROM", numpy_from)
    from readout_compare.similarity import profile

    rng = random.Random(11)
    vocabulary = [f"w{i}x" for i in range(300)]
    readout = _generated_document(rng, 400, vocabulary)
    account = _generated_document(rng, 400, vocabulary)
    real = " ".join(case_texts.values())
    readout += [s.text for s in segment(real, doc_id="r", label="r").body]
    account += [s.text for s in segment(real, doc_id="a", label="a").body]
    r_sents = segment("\n\n".join(readout), doc_id="r", label="r").body
    r_prof = {s.id: profile(s.text) for s in r_sents}
    index = ReadoutIndex(r_sents, r_prof)
    assert index.common < 100, "some terms are too common to follow"
    tied = 0
    for text in account:
        terms = profile(text).terms
        expected, ties = _ranked_by_hand(index, terms)
        assert index.ranked(terms) == expected, text
        tied += ties
    assert tied >= 5


def test_a_copied_fragment_counts_even_when_both_models_are_made_strict():
    # With --threshold 0.99 neither the paraphrase model nor the in-domain model matches this
    # long sentence, but it copies six content words of the readout in a row: a partial report.
    readout = ("The Secretary highlighted the importance of Mexico's armed forces continuing to "
               "disrupt cartel activities that threaten the United States, and for Mexico to "
               "continue taking steps to curb illegal migration into the United States.")
    account = ("Speaking at a campaign rally in Ohio on a different subject entirely, the senator "
               "ridiculed what he called diplomatic boilerplate about armed forces continuing to "
               "disrupt cartel activities, and promised tariffs, a wall, new drone patrols along "
               "the Rio Grande and a ban on remittances.")
    (sentence,) = compare(readout, account, settings=Settings(threshold=0.99)).accounts[0].sentences
    (match,) = sentence.matches
    assert match.kind == "partial" and match.evidence == ("a shared run of 6 content words",)
    # A run shorter than --partial-min-words is not a copied fragment.
    strict = compare(readout, account, settings=Settings(threshold=0.99, partial_min_words=7))
    assert strict.accounts[0].sentences[0].matches == ()


@pytest.mark.slow
def test_a_large_comparison_is_the_same_from_run_to_run(tmp_path):
    """Python walks a set of strings in an order that changes with each process (hash
    randomisation). Ties between candidates, and the last bits of sums taken in set order,
    once made a large comparison come out slightly differently from run to run; a report must
    not depend on it. A small vocabulary makes ties common."""
    rng = random.Random(3)
    vocabulary = [f"w{i}x" for i in range(300)]
    readout = _generated_document(rng, 450, vocabulary)
    account = _generated_document(rng, 450, vocabulary)
    for k in range(0, 450, 9):  # quotations of the readout, some with a word changed
        words = rng.choice(readout).rstrip(".").split()[:6]
        if k % 2:
            words[-1] = rng.choice(vocabulary)
        account[k] = f'"{" ".join(words)}," the minister said.'
    (tmp_path / "r.txt").write_text("\n\n".join(readout), encoding="utf-8")
    (tmp_path / "a.txt").write_text("\n\n".join(account), encoding="utf-8")
    reports = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}.json"
        subprocess.run(
            [sys.executable, "-m", "readout_compare", "compare", str(tmp_path / "r.txt"),
             str(tmp_path / "a.txt"), "-o", str(out), "--no-semantic"],
            check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
        report.pop("generated")
        reports.append(report)
    assert reports[0] == reports[1]


def test_aligning_in_batches_changes_nothing(case_texts, monkeypatch):
    # Account sentences are aligned a batch at a time to keep memory flat; each is judged on
    # its own, so batches of three give the matches of one batch.
    from readout_compare import align as align_module

    readout = case_texts["readout-pentagon"]
    accounts = [case_texts["account-nypost"], case_texts["account-wire"]]
    whole = compare(readout, accounts, settings=Settings(semantic=False))
    monkeypatch.setattr(align_module, "ALIGN_BATCH", 3)
    batched = compare(readout, accounts, settings=Settings(semantic=False))
    assert [s.matches for a in batched.accounts for s in a.sentences] == [
        s.matches for a in whole.accounts for s in a.sentences
    ]
    assert any(s.matches for a in whole.accounts for s in a.sentences)


def test_the_library_leaves_cycle_collection_alone(case_texts, monkeypatch):
    """Pausing the collector is the command line's choice (it exits next), not the library's:
    compare() runs with the collector as its caller left it."""
    import gc

    from readout_compare import pipeline

    seen = []
    real = pipeline.segment_all
    monkeypatch.setattr(pipeline, "segment_all",
                        lambda items: seen.append(gc.isenabled()) or real(items))
    compare(case_texts["readout-pentagon"], case_texts["account-wire"],
            settings=Settings(semantic=False))
    assert seen == [True] and gc.isenabled()


def test_the_command_freezes_what_survives_before_resuming_collection(cli_invoke, tmp_path):
    """The command line exits after its report: what outlives the comparison (caches) is
    frozen rather than walked by the collector's first pass, and the collector is back on."""
    import gc

    from tests.conftest import CASE

    gc.unfreeze()
    try:
        r = cli_invoke("compare", str(CASE / "readout-pentagon.txt"),
                       str(CASE / "account-wire.txt"), "-o", str(tmp_path / "r.json"))
        assert r.exit_code == 0, r.output
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def _count_parts(module, monkeypatch, work_name: str) -> list[int]:
    """The number of parts of each run of ``module``'s work ``work_name`` by parallel_map
    (more than one: in worker processes); skipped without two cores and fork."""
    from readout_compare.workers import fork_available

    if (os.cpu_count() or 1) < 2 or not fork_available():
        pytest.skip("needs two cores and fork")
    runs: list[int] = []
    real = module.parallel_map

    def counted(work, *args, **kwargs):
        parts = real(work, *args, **kwargs)
        if work is getattr(module, work_name):
            runs.append(len(parts))
        return parts

    monkeypatch.setattr(module, "parallel_map", counted)
    return runs


def test_classifying_a_large_account_in_workers_changes_nothing(case_texts, monkeypatch):
    # Past a size, attribution's pattern work and the quotations' verdicts are made in worker
    # processes first, and the matched pairs' divergences are read in workers; the report must
    # be the one made in one process.
    from readout_compare import divergence, pipeline
    from readout_compare.report import report_dict

    readout = case_texts["readout-pentagon"]
    # An account that strengthens the readout's verbs of saying: divergences to read.
    stronger = readout.replace("highlighted", "warned of").replace("underscored", "demanded")

    def report(**kw):
        d = report_dict(compare(readout, [case_texts["account-nypost"],
                                          case_texts["account-wire"], stronger],
                                settings=Settings(semantic=False)))
        d.pop("generated")
        return d

    alone = report()
    runs = _count_parts(pipeline, monkeypatch, "_classify_part")
    monkeypatch.setattr(pipeline, "PARALLEL_CLASSIFY_SENTENCES", 5)
    read = _count_parts(divergence, monkeypatch, "_claims_part")
    monkeypatch.setattr(divergence, "PARALLEL_SENTENCES", 5)
    assert report() == alone
    assert any(n > 2 for n in runs)  # in several parts, in worker processes
    assert any(n > 2 for n in read)
    assert any(s["divergences"] for a in alone["accounts"] for s in a["sentences"])
    assert any(q["attribution"] for a in alone["accounts"] for q in a["quotes"])
