"""Align: decide which readout sentences each account sentence reports, of which kind, and why.

The alignment is unordered (accounts reorder), many-to-many (one readout sentence may be reported
by several account sentences, one account sentence may draw on several readout sentences), and
it finds an account sentence that quotes only a fragment of a readout sentence. The readout
sentences worth trying come from :mod:`readout_compare.candidates`, each pair's evidence from
:mod:`readout_compare.scoring`; this module makes the match decision (:func:`decide`) and runs
it over an account (:func:`align`).

Sharing names is not sharing a claim: the runs that count for a fragment must hold content words
other than names ("Secretary of Defense Pete Hegseth" alone reports nothing).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from readout_compare import crosslingual
from readout_compare.candidates import EXHAUSTIVE_PAIRS, ReadoutIndex, candidates
from readout_compare.diff import word_diff
from readout_compare.evidence import only_the_event, share_found
from readout_compare.model import (
    KIND_ORDER,
    Document,
    Match,
    MatchBasis,
    MatchKind,
    Sentence,
    Settings,
)
from readout_compare.normalize import CJK
from readout_compare.scoring import (
    DOMAIN_FEATURES,
    SUMMARY_FEATURES,
    Pair,
    domain_features,
    key_spread,
    keyed_overlap,
    score_pairs,
    summary_features,
)
from readout_compare.similarity import (
    ParaphraseClassifier,
    Profile,
    default_model,
    profile,
)
from readout_compare.workers import parallel_map

# Share of the readout sentence reproduced in runs of 3+ words for a match to be verbatim.
VERBATIM_COVERAGE = 0.8
# From this many pairs, alignment may run in worker processes (workers.parallel_map).
PARALLEL_PAIRS = 1_000_000


@dataclass
class AlignStats:
    """How much work the alignment did: the pairs it could have scored, and those it scored
    (``compare(..., stats=...)``)."""

    pairs_possible: int = 0
    pairs_scored: int = 0


def align(
    readout: Document,
    account: Document,
    settings: Settings,
    *,
    model: ParaphraseClassifier | None = None,
    stats: AlignStats | None = None,
    readout_profiles: dict[str, Profile] | None = None,
    account_profiles: dict[str, Profile] | None = None,
    lede: bool = True,
) -> dict[str, tuple[Match, ...]]:
    """Matches for every body sentence of the account, keyed by account sentence id. ``lede``:
    the account's first body sentences are its lede (not when they are a headline). The
    account sentences' profiles are taken from ``account_profiles`` when there (corpus mode
    compares one article with several readouts), and added to it when it is given, for the
    steps after alignment.

    Large comparisons (:data:`PARALLEL_PAIRS` pairs or more) split the account's sentences
    between worker processes (:func:`~readout_compare.workers.parallel_map`); each scores its
    share against the whole readout.
    """
    r_sents = readout.body
    a_sents = account.body
    total = len(r_sents) * len(a_sents)
    job = _Job(
        r_sents=r_sents,
        r_prof=readout_profiles or {s.id: profile(s.text) for s in r_sents},
        whole=" ".join(s.text for s in r_sents),
        settings=settings,
        model=model or default_model(),
        exhaustive=total <= EXHAUSTIVE_PAIRS,
        known=account_profiles if account_profiles is not None else {},
        keep_profiles=account_profiles is not None,
        lede=frozenset(s.id for s in a_sents[:LEDE_SENTENCES]) if lede else frozenset(),
    )
    parts = parallel_map(_align_part, a_sents, job, size=total, least=PARALLEL_PAIRS,
                         prepare=_indexed)
    result: dict[str, tuple[Match, ...]] = {}
    for found, scored, made in parts:
        result.update(found)
        if account_profiles is not None:
            account_profiles.update(made)
        if stats is not None:
            stats.pairs_scored += scored
    if stats is not None:
        stats.pairs_possible += total
    return {s.id: result.get(s.id, ()) for s in a_sents}


def align_across_languages(
    readout: Document, account: Document, *, both_encoders: bool = True
) -> dict[str, tuple[Match, ...]]:
    """Matches for an account in another language than the readout: each account sentence
    reports the readout sentence whose meaning the semantic encoders find closest, when each is
    the other's closest and their similarity reaches a threshold (a translation and its
    original find each other), or a higher one when not (a story that reports one readout
    sentence twice): :class:`semantic.CrossThresholds`. ``both_encoders``: average the hint
    encoder's cosines with the first encoder's, where it is installed. No words can be
    compared, so there is no diff and no verbatim or partial kind: every match is a
    paraphrase, and says how it was made."""
    from readout_compare import semantic

    r_sents, a_sents = readout.body, account.body
    if not r_sents or not a_sents:
        return {s.id: () for s in a_sents}
    rows, bars = semantic.cross_similarities([s.text for s in a_sents],
                                             [s.text for s in r_sents], both=both_encoders)
    # Each account sentence's closest readout sentence, and each readout sentence's closest
    # account sentence.
    best = [max(range(len(r_sents)), key=row.__getitem__) for row in rows]
    closest = [max(range(len(a_sents)), key=lambda i, k=k: rows[i][k])
               for k in range(len(r_sents))]
    mutual_scores = [rows[i][k] for i, k in enumerate(best) if closest[k] == i]
    mutual_bar = bars.mutual(statistics.median(mutual_scores) if mutual_scores else 0.0)
    out: dict[str, tuple[Match, ...]] = {}
    for i, (a_sent, row) in enumerate(zip(a_sents, rows)):
        k = best[i]
        score, r_text = row[k], r_sents[k].text
        mutual = closest[k] == i
        bar = mutual_bar if mutual else bars.one_way
        if (mutual and bars.supported <= score < bar
                and crosslingual.same_values(r_text, readout.language, a_sent.text,
                                             account.language)):
            bar = bars.supported  # a figure or a date in common
        if score < bar:
            out[a_sent.id] = ()
            continue
        how = "each closest to the other" if mutual else "the closest"
        evidence = [f"close in meaning across languages (semantic similarity {score:.2f}; {how})"]
        same = crosslingual.correspondences(r_text, readout.language, a_sent.text,
                                            account.language)
        if same:
            evidence.append("the same in both: " + "; ".join(
                f"\u201c{r_said}\u201d = \u201c{a_said}\u201d" for r_said, a_said in same))
        note = crosslingual.polarity_note(r_text, readout.language, a_sent.text,
                                          account.language)
        if note:
            evidence.append(note)
        out[a_sent.id] = (Match(readout_sentence=r_sents[k].id, score=round(score, 3),
                                kind="paraphrase", readout_coverage=0.0, account_coverage=0.0,
                                diff=(), basis="claim", evidence=tuple(evidence)),)
    return out


@dataclass(frozen=True)
class _Job:
    """What aligning each part of an account reads: the readout's side, the settings, and the
    account sentences' profiles made already (``known``); ``keep_profiles``: send back those
    made, for the steps after alignment."""

    r_sents: tuple[Sentence, ...]
    r_prof: dict[str, Profile]
    whole: str  # the readout's body as one text (for _summaries, profiled when needed)
    settings: Settings
    model: ParaphraseClassifier
    exhaustive: bool
    known: dict[str, Profile]
    keep_profiles: bool
    lede: frozenset[str] = frozenset()  # the account's first body sentences (LEDE_SENTENCES)


def _indexed(job: _Job) -> tuple[_Job, dict[str, int], ReadoutIndex]:
    """The job with the readout's key spread and candidate index, made once in each process
    that aligns (each worker makes its own, in parallel, rather than the parent before the
    fork)."""
    return job, key_spread(job.r_prof.values()), ReadoutIndex(job.r_sents, job.r_prof)


# Account sentences profiled and scored at a time (see _align_part).
ALIGN_BATCH = 2000


def _align_part(
    indexed: tuple[_Job, dict[str, int], ReadoutIndex], a_sents: Sequence[Sentence]
) -> tuple[dict[str, tuple[Match, ...]], int, dict[str, Profile]]:
    """(matches per account sentence, pairs scored, profiles made when the job keeps them)
    for some account sentences."""
    found: dict[str, tuple[Match, ...]] = {}
    scored = 0
    made: dict[str, Profile] = {}
    # Account sentences are profiled and scored a batch at a time, so that the n-gram sets of
    # the pairs scored (about 45 KB a sentence) are freed batch by batch rather than held
    # for the whole account. Each account sentence is judged on its own, so the batches change
    # nothing else.
    for k in range(0, len(a_sents), ALIGN_BATCH):
        batch_found, batch_scored, a_prof = _align_batch(indexed, a_sents[k : k + ALIGN_BATCH])
        found.update(batch_found)
        scored += batch_scored
        if indexed[0].keep_profiles:
            made.update(a_prof)
    return found, scored, made


def _align_batch(
    indexed: tuple[_Job, dict[str, int], ReadoutIndex], a_sents: Sequence[Sentence]
) -> tuple[dict[str, tuple[Match, ...]], int, dict[str, Profile]]:
    job, spread, index = indexed
    settings, model, r_prof = job.settings, job.model, job.r_prof
    a_prof = {s.id: job.known.get(s.id) or profile(s.text) for s in a_sents}
    pairs = score_pairs(
        [
            (r_sent, a_sent, r_prof[r_sent.id], a_prof[a_sent.id])
            for a_sent, r_ids in candidates(job.r_sents, r_prof, a_sents, a_prof,
                                            job.exhaustive, index=index)
            for r_sent in r_ids
        ],
        model,
        spread,
    )
    decisions = [decide(pair, settings, model) for pair in pairs]
    _second_look(pairs, decisions, r_prof, a_prof, settings, model)
    _summaries(pairs, decisions, job.whole, r_prof, a_prof, settings, model, job.lede)
    by_account: dict[str, list[Match]] = defaultdict(list)
    for pair, decision in zip(pairs, decisions):
        if decision is not None:
            by_account[pair.account.id].append(
                Match(
                    readout_sentence=pair.readout.id,
                    score=round(decision.confidence, 3),
                    kind=decision.kind,
                    basis=decision.basis,
                    evidence=decision.evidence,
                    part=decision.part,
                    summary=decision.summary,
                    readout_coverage=round(pair.readout_coverage, 3),
                    account_coverage=round(pair.account_coverage, 3),
                    diff=word_diff(pair.readout.text, pair.account.text),
                )
            )
    found = {
        a_id: tuple(sorted(ms, key=lambda m: (KIND_ORDER[m.kind], -m.score)))
        for a_id, ms in by_account.items()
    }
    return found, len(pairs), a_prof


def _second_look(
    pairs: list[Pair], decisions: list[Decision | None], r_prof: dict[str, Profile],
    a_prof: dict[str, Profile], settings: Settings, model: ParaphraseClassifier,
) -> None:
    """An account sentence that mentions the readout's event ("during a Jan. 31 call with
    Mexican officials, he urged ...") also carries a claim; judge its other pairs again with
    the words the event sentence accounts for set aside, so the claim is weighed on its own."""
    events: dict[str, str] = {}
    for pair, decision in zip(pairs, decisions):
        if decision is not None and decision.part == "the event":
            events.setdefault(pair.account.id, pair.readout.id)
    for i, (pair, decision) in enumerate(zip(pairs, decisions)):
        event_id = events.get(pair.account.id)
        if decision is not None or event_id is None or event_id == pair.readout.id:
            continue
        explained = frozenset(r_prof[event_id].keyed.weights)
        whole, part, part_text, _ = keyed_overlap(r_prof[pair.readout.id],
                                                  a_prof[pair.account.id], explained)
        pairs[i] = replace(pair, overlap=whole, part=part, part_text=part_text)
        decisions[i] = decide(pairs[i], settings, model)


# A summary carries at least this share of its words (by weight, its words about the event set
# aside) from the readout; below it, the summary model is not asked (bench/calibrate.py
# --summary fits it on the sentences above it).
SUMMARY_MIN_SHARE = 0.3
# A story's first body sentences sum up what it reports (its lede): there a summary counts from
# this probability rather than the fitted threshold (0.62). Chosen on the real benchmark's dev
# events, where each half of them gave the same choice (docs/alignment.md).
LEDE_SENTENCES = 2
LEDE_SUMMARY_THRESHOLD = 0.25


def summary_evidence(
    pairs: list[Pair], decisions: list[Decision | None], whole: Profile,
    r_prof: dict[str, Profile], a_prof: dict[str, Profile], settings: Settings,
    model: ParaphraseClassifier,
) -> dict[str, tuple[list[int], list[float], float, list[float]]]:
    """For each account sentence with no claim match among ``pairs`` that carries
    :data:`SUMMARY_MIN_SHARE` of its words from the readout: the indexes of its pairs, their
    in-domain probabilities, that share, and its
    :data:`~readout_compare.scoring.SUMMARY_FEATURES`. A sentence that names the readout's
    event ("during a Jan. 31 call with ...") is weighed without it: the words the event
    sentence accounts for are set aside, and so is that pair, so only what it claims about
    the call counts."""
    by_sentence: dict[str, list[int]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        by_sentence[pair.account.id].append(i)
    out = {}
    for a_id, ids in by_sentence.items():
        if any(decisions[i] is not None and decisions[i].basis == "claim" for i in ids):
            continue
        events = [i for i in ids if decisions[i] is not None]
        explained = frozenset(k for i in events
                              for k in r_prof[pairs[i].readout.id].keyed.weights)
        # (Its keys the event sentences hold are left out whatever the rest of the readout
        # holds, so the whole readout can stand for the readout without them.)
        found = share_found(whole.keyed, a_prof[a_id].keyed, explained)
        if found.precision < SUMMARY_MIN_SHARE:
            continue
        ids = [i for i in ids if i not in events]
        domain = [_in_domain(pairs[i], settings, model)[0] for i in ids]
        out[a_id] = (ids, domain, found.precision,
                     summary_features(found, [pairs[i] for i in ids], domain, bool(events)))
    return out


def _summaries(
    pairs: list[Pair], decisions: list[Decision | None], whole: str,
    r_prof: dict[str, Profile], a_prof: dict[str, Profile], settings: Settings,
    model: ParaphraseClassifier, lede: frozenset[str] = frozenset(),
) -> None:
    """An account sentence that no single readout sentence accounts for may still sum up the
    readout: a lede that draws on several of its sentences in other words ("the two leaders
    discussed trade and the Middle East"). When the summary model
    (:data:`~readout_compare.scoring.SUMMARY_FEATURES`) finds it likely, the sentence reports
    the readout sentence it shares most with, as a summary: a partial match whose words are
    not compared (no divergence is read from it). In the account's ``lede`` a story sums up
    what it reports, and the summary model's lower :data:`LEDE_SUMMARY_THRESHOLD` applies."""
    summary = model.summary
    # A threshold set by the user (not the fitted one) asks for matches of one sentence only.
    if summary is None or settings.threshold not in (None, model.threshold):
        return
    if summary.names != SUMMARY_FEATURES:
        raise RuntimeError("calibration.json's summary model does not match the feature list; "
                           "re-run bench/calibrate.py --summary")
    for a_id, (ids, domain, share, feats) in summary_evidence(
            pairs, decisions, _whole_profile(whole), r_prof, a_prof, settings, model).items():
        p = summary.probability(feats)
        shared = [(d, i) for d, i in zip(domain, ids) if pairs[i].overlap.shared_claims >= 1]
        bar = min(summary.threshold, LEDE_SUMMARY_THRESHOLD) if a_id in lede else summary.threshold
        if p < bar or not shared:
            continue
        best = max(shared)[1]
        decisions[best] = Decision(
            "partial", "claim", p,
            (f"sums up the readout: {share:.0%} of its words are in the readout, most of "
             f"them in this sentence (summary model {p:.2f})", *_keyed_evidence(pairs[best])),
            summary=True,
        )


@lru_cache(maxsize=8)
def _whole_profile(text: str) -> Profile:
    """The readout's body as one profile, made once for all the accounts (and the corpus's
    articles) compared with it, and only when summaries are weighed."""
    return profile(text)


# Characters of Chinese or Japanese that stand for one word of a spaced language in a copied
# fragment (a word there is one to three characters; the fragment's words are characters).
CJK_FRAGMENT_FACTOR = 2
_CJK_CHAR = re.compile(f"[{CJK}]")


# A report in the in-domain sense is a whole report (kind "paraphrase") when it carries this
# share of the readout sentence's weighted keys (evidence.overlap) and this share of the
# account sentence comes from it; otherwise it reports part of it. Chosen on MSRP train,
# whose "paraphrase" means the same claim both ways (docs/accuracy.md).
FULL_RECALL = 0.6
FULL_PRECISION = 0.6
# A clause of the readout sentence of which the account carries less than this share is left
# out, and the report is partial.
CLAUSE_MISSING = 0.34
# An event mention is the account sentence's own claim (it says only that the call took
# place) when it adds at most this many claim words to the readout's event sentence.
EVENT_CLAIM_EXTRA = 1


@dataclass(frozen=True)
class Decision:
    """Why a pair is a match: its kind, what it reports, how sure, and the evidence."""

    kind: MatchKind
    basis: MatchBasis  # "claim": the account reports this content; "event": only the event
    confidence: float
    evidence: tuple[str, ...]
    part: str | None = None  # the readout clause reported, when only one clause is
    summary: bool = False  # the account sentence sums up the readout (see _summaries)


def decide(
    pair: Pair, settings: Settings, model: ParaphraseClassifier
) -> Decision | None:
    """Decide whether a scored pair is a match, of which kind, and say why (see
    :func:`_decide`). An account sentence that reports the readout's event sentence ("X spoke
    with Y on January 31") but adds a claim of its own reports only the event: its claim is
    not the readout's."""
    decision = _decide(pair, settings, model)
    if (decision is not None and decision.basis == "claim" and pair.event_sentence
            and decision.kind != "verbatim"
            and pair.overlap.unmatched_claims > EVENT_CLAIM_EXTRA
            and _only_the_event(pair)):
        said = (f"the same {pair.event.event}: " + "; ".join(pair.event.evidence)
                if pair.event else "names the event this readout sentence announces")
        return replace(decision, kind="partial", basis="event", part="the event",
                       evidence=(said, *decision.evidence))
    return decision


def _decide(
    pair: Pair, settings: Settings, model: ParaphraseClassifier
) -> Decision | None:
    """Decide whether a scored pair is a match, of which kind, and say why.

    In order: shared runs of words covering the readout sentence (verbatim); the paraphrase
    model fitted on MSRP; the in-domain model over keyed evidence (synonyms, variants, numbers,
    acronyms, clauses; fitted on the development stories); a copied fragment; and last a
    mention of the readout's event (the call, its participants, its date).
    """
    p_domain, in_domain = _in_domain(pair, settings, model)
    threshold = settings.threshold if settings.threshold is not None else model.threshold
    o = pair.overlap
    if pair.readout_coverage >= VERBATIM_COVERAGE:
        return Decision(
            "verbatim", "claim", max(pair.readout_coverage, pair.score, p_domain),
            (f"{pair.readout_coverage:.0%} of the readout sentence's words in shared runs",),
        )
    # A clause of the readout sentence that the account leaves out makes the report partial.
    missing = bool(pair.clause_recall) and min(pair.clause_recall) < CLAUSE_MISSING
    if pair.score >= threshold and pair.fragment >= 1:
        kind: MatchKind = "partial" if missing else "paraphrase"
        return Decision(kind, "claim", max(pair.score, p_domain),
                        (f"paraphrase model {pair.score:.2f}", *_keyed_evidence(pair)),
                        pair.part_text if missing else None)
    if in_domain:
        whole = o.recall >= FULL_RECALL and o.precision >= FULL_PRECISION and not missing
        kind = "paraphrase" if whole else "partial"
        part = pair.part_text if kind == "partial" else None
        return Decision(kind, "claim", p_domain,
                        (f"in-domain model {p_domain:.2f}", *_keyed_evidence(pair)), part)
    if pair.fragment >= settings.partial_min_words and (
            pair.fragment >= settings.partial_min_words * CJK_FRAGMENT_FACTOR
            or not _CJK_CHAR.search(pair.readout.text)):
        # A quoted or copied fragment: a run of several content words, not just names. (In
        # Chinese and Japanese a word is a character: "電話会談", "phone talks", is four; the
        # script is looked for only when the run is long enough for a spaced language.)
        return Decision("partial", "claim", max(pair.score, p_domain),
                        (f"a shared run of {pair.fragment} content words",))
    if pair.event is not None:
        basis: MatchBasis = ("claim" if o.unmatched_claims <= EVENT_CLAIM_EXTRA
                             or not _only_the_event(pair) else "event")
        return Decision("partial", basis, max(p_domain, 0.5),
                        (f"the same {pair.event.event}: " + "; ".join(pair.event.evidence),),
                        "the event")
    return None


def _only_the_event(pair: Pair) -> bool:
    """The account sentence shares nothing of the readout sentence but the event (who, that
    they spoke or met, when): not the purpose or topic the event sentence gives ("spoke with
    Trump to convey New Year greetings" reported as "spoken with Trump to wish him for the New
    Year")."""
    o = pair.overlap
    return o.readout is None or o.account is None or only_the_event(o.readout, o.account)


def _in_domain(
    pair: Pair, settings: Settings, model: ParaphraseClassifier
) -> tuple[float, bool]:
    """The in-domain model's probability for the pair (0 without that model), and whether it
    makes the pair a match."""
    domain = model.domain
    if domain is None:
        return 0.0, False
    if domain.names != DOMAIN_FEATURES:
        raise RuntimeError("calibration.json's domain model does not match the feature list; "
                           "re-run bench/calibrate.py --domain")
    p_domain = domain.probability(domain_features(pair))
    # A threshold set by the user (not the fitted one) applies to both models.
    threshold = settings.threshold if settings.threshold is not None else model.threshold
    domain_threshold = domain.threshold if threshold == model.threshold else threshold
    # Sharing names is not sharing a claim: the in-domain decision needs a shared claim word.
    return p_domain, p_domain >= domain_threshold and pair.overlap.shared_claims >= 1


def _keyed_evidence(pair: Pair) -> tuple[str, ...]:
    o = pair.overlap
    out = [f"carries {o.recall:.0%} of the readout sentence; {o.precision:.0%} of the account "
           "sentence is from it"]
    if o.substitutions:
        out.append("; ".join(f"“{a}” for “{r}”" for r, a in o.substitutions[:6]))
    return tuple(out)

