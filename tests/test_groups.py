"""Several accounts at once: the coverage matrix, claim groups, framing, symmetric mode."""

from __future__ import annotations

import json

import pytest

from readout_compare import Settings, compare
from readout_compare.render import renderer
from readout_compare.report import report_dict

UNRELATED = (
    "Stock markets in Asia fell sharply on Tuesday as investors weighed new data on inflation. "
    "The yen strengthened against the dollar in early trading in Tokyo. "
    "Oil prices rose for a third day on worries about supply from the Middle East."
)


def test_matrix_on_the_reference_case(case_comparison):
    report = report_dict(case_comparison)
    rows = {r["readout_sentence"]: r for r in report["coverage_matrix"]}
    post, wire = (a["id"] for a in report["accounts"])
    quoted = ["r-3", "r-4", "r-5"]
    for rid in quoted:
        assert rows[rid]["cells"][post] == "verbatim"
        # The wire paraphrases; for r-4 it drops the migration half, so "in part".
        assert rows[rid]["cells"][wire] in ("paraphrase", "partial")
        assert rows[rid]["reported_by"] == 2
    # Both mention the January 31 call with Mexican military officials: the opening sentence
    # is reported in part, by its event.
    assert rows["r-2"]["cells"] == {post: "partial", wire: "partial"}
    assert rows["r-3"]["account_sentences"][post] == ["a1-4"]


def test_copy_unrelated_and_real_accounts(case_texts):
    readout = case_texts["readout-pentagon"]
    comparison = compare(
        readout,
        [case_texts["account-nypost"], readout, UNRELATED, case_texts["account-wire"]],
        labels=["Post", "Copy", "Unrelated", "Wire"],
    )
    post, copy, unrelated, wire = comparison.accounts
    assert all(c.status == "reported" and c.kind == "verbatim" for c in copy.coverage)
    assert all(s.status == "supported" for s in copy.sentences if s.status)
    assert all(c.status == "omitted" for c in unrelated.coverage)
    assert all(s.status == "not_in_readout" for s in unrelated.sentences if s.status)
    for g in comparison.claim_groups:
        assert unrelated.document.id not in g.accounts, "no false groups with an unrelated account"
        assert copy.document.id not in g.accounts
    unilateral = [
        g for g in comparison.claim_groups
        if {post.document.id, wire.document.id} <= set(g.accounts)
        and any("unilateral" in post.sentence(s).sentence.text
                for s in g.account_sentences if s.startswith(post.document.id + "-"))
    ]
    assert len(unilateral) == 1
    report = report_dict(comparison)
    totals = [a["summary"]["reported"] for a in report["accounts"]]
    assert totals == [4, 4, 0, 4]


def test_framing_lists_verbs_per_account(case_comparison):
    report = report_dict(case_comparison)
    rows = {f["readout_sentence"]: f for f in report["framing"]}
    assert [v["word"] for v in rows["r-3"]["readout_verbs"]] == ["underscored"]
    wire_verbs = {v["word"]: v["rung"] for v in rows["r-3"]["accounts"]["a2"]}
    assert wire_verbs["stressed"] == "emphatic"
    post_verbs = rows["r-3"]["accounts"]["a1"]
    assert {"word": "underscored", "rung": "emphatic", "quoted": True} in post_verbs
    assert {"word": "notes", "rung": "neutral", "quoted": False} in post_verbs


def test_symmetric_two_readouts():
    us = (
        "The Secretary spoke with the Minister on Monday. "
        "The two leaders agreed to meet again in the spring to review progress on trade. "
        "The Secretary highlighted the importance of cooperation on border security."
    )
    mx = (
        "The Minister spoke with the Secretary on Monday. "
        "The two leaders agreed to meet again in the spring to review progress on trade. "
        "The Minister raised the treatment of migrants at the border."
    )
    symmetric = Settings(symmetric=True)
    data = json.loads(renderer("json")(report_dict(compare(us, [mx], settings=symmetric))))
    sym = data["symmetric"]
    first = {s["id"]: s["status"] for s in sym["first"]["sentences"]}
    second = {s["id"]: s["status"] for s in sym["second"]["sentences"]}
    assert first["r-2"] == "shared" and second["a1-2"] == "shared"
    assert first["r-3"] == "only_here" and second["a1-3"] == "only_here"
    html = renderer("html")(report_dict(compare(us, [mx], settings=symmetric)))
    assert "Two documents, neither the reference" in html


def test_symmetric_needs_two_documents(cli_invoke, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("The Secretary spoke with the Minister on Monday.")
    r = cli_invoke("compare", a, a, a, "--symmetric")
    assert r.exit_code == 2 and "exactly two documents" in r.output


def test_matrix_with_ten_accounts_renders(case_texts):
    accounts = [case_texts["account-nypost"], case_texts["account-wire"]] * 5
    report = report_dict(compare(case_texts["readout-pentagon"], accounts))
    html = renderer("html")(report)
    assert html.count('class="acc-col"') == 20  # matrix and framing headers
    md = renderer("md")(report)
    assert "| `r-3`" in md


def test_framing_is_part_of_the_comparison_library_users_get(case_comparison):
    framed = {f.readout_sentence: f for f in case_comparison.framing}
    post = case_comparison.accounts[0].document.id
    assert [v.word for v in framed["r-3"].readout_verbs] == ["underscored"]
    assert "underscored" in [v.word for v in framed["r-3"].account_verbs[post]]


def test_the_report_reads_only_the_comparison():
    """report.py turns a Comparison into a dictionary; analysis (framing) and the matcher stay
    in the pipeline."""
    import ast
    from pathlib import Path

    import readout_compare.report as report

    tree = ast.parse(Path(report.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"readout_compare.framing", "readout_compare.similarity",
                           "readout_compare.align", "readout_compare.scoring",
                           "readout_compare.candidates"}


def test_presegmented_documents_with_any_ids(case_texts):
    from readout_compare.errors import ReadoutCompareError
    from readout_compare.segment import segment

    readout = segment(case_texts["readout-pentagon"], doc_id="pentagon", label="Pentagon")
    post = segment(case_texts["account-nypost"], doc_id="post", label="Post")
    wire = segment(case_texts["account-wire"], doc_id="wire", label="Wire")
    result = compare(readout, [post, wire])
    assert [a.document.id for a in result.accounts] == ["post", "wire"]
    assert any(set(g.accounts) == {"post", "wire"} for g in result.claim_groups)
    with pytest.raises(ReadoutCompareError, match="distinct ids"):
        compare(readout, [post, post])


def test_claim_groups_reuse_the_profiles_alignment_made(case_texts, monkeypatch):
    from readout_compare import groups

    made_here = []
    real = groups.profile
    monkeypatch.setattr(groups, "profile", lambda text: made_here.append(text) or real(text))
    comparison = compare(case_texts["readout-pentagon"],
                         [case_texts["account-nypost"], case_texts["account-wire"]])
    assert comparison.claim_groups  # the "unilateral action" claim travels
    assert made_here == []  # every claim's profile came from the alignment


def test_accounts_compared_in_workers_send_back_their_claims_profiles(case_texts, monkeypatch):
    """Accounts compared in worker processes send back the profiles of their claims (without
    the cached n-grams), so claim groups make none again, and group as in one process."""
    import os
    import pickle

    from readout_compare import groups, pipeline
    from readout_compare.similarity import Profile, profile
    from readout_compare.workers import fork_available

    if (os.cpu_count() or 1) < 2 or not fork_available():
        pytest.skip("needs two cores and fork")
    readout = case_texts["readout-pentagon"]
    accounts = [case_texts["account-nypost"], case_texts["account-wire"], UNRELATED]
    serial = compare(readout, accounts, settings=Settings(semantic=False))
    made_here = []
    real = groups.profile
    monkeypatch.setattr(groups, "profile", lambda text: made_here.append(text) or real(text))
    monkeypatch.setattr(pipeline, "PARALLEL_ACCOUNT_PAIRS", 1)
    runs = []
    real_map = pipeline.parallel_map

    def counted(work, *args, **kwargs):
        parts = real_map(work, *args, **kwargs)
        runs.append((work, len(parts)))
        return parts

    monkeypatch.setattr(pipeline, "parallel_map", counted)
    parallel = compare(readout, accounts, settings=Settings(semantic=False))
    assert (pipeline._compare_part, 3) in runs  # an account a part, in worker processes
    assert parallel.claim_groups == serial.claim_groups and serial.claim_groups
    assert made_here == []
    # What a profile sends: what it is made with, not what it caches.
    p = profile(case_texts["account-wire"][:300])
    made = set(p.__dict__)
    p.keyed, p.char3, p.terms  # noqa: B018
    assert set(pickle.loads(pickle.dumps(p)).__dict__) == made == set(Profile._MADE)
