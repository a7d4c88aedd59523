"""Across accounts: claims beyond the readout that several accounts make, and the coverage matrix.

Claim groups use the same matcher as the alignment, between accounts: two account sentences
that have no counterpart in the readout belong together when the matcher would call them a
report of one another. Groups are connected components, and only groups that span two or more
accounts are kept (a claim that travels).

The pairs worth scoring come from the alignment's own candidate index (:func:`align.candidates`,
with every claim on both sides), so the work grows with the number of claims, not with its
square: small sets are compared exhaustively, large ones through the index's rare-word pruning.
"""

from __future__ import annotations

from readout_compare.align import EXHAUSTIVE_PAIRS, candidates, score_pair
from readout_compare.model import AccountComparison, AccountSentence, ClaimGroup
from readout_compare.similarity import default_model, profile, stem

CLAIM_MIN_STEMS = 3
CLAIM_MIN_OVERLAP = 0.25


def claim_groups(
    accounts: tuple[AccountComparison, ...],
) -> tuple[ClaimGroup, ...]:
    """Groups of claims not in the readout that appear in two or more accounts."""
    if len(accounts) < 2:
        return ()
    model = default_model()
    order = {acc.document.id: k for k, acc in enumerate(accounts)}  # accounts in given order
    claims: list[tuple[str, AccountSentence]] = [
        (acc.document.id, s)
        for acc in accounts
        for s in acc.sentences
        if s.status == "not_in_readout"
    ]
    profiles = [profile(s.sentence.text) for _, s in claims]
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Each claim links to its best partner in every other account, if that partner makes the
    # same claim. Claims written independently share facts, not sentences, so the evidence is
    # the matcher's content overlap rather than its whole-sentence paraphrase score: three or
    # more shared content stems that are not names, a fair share of the shorter claim.
    content = [p.stems - {stem(w) for w in p.names} for p in profiles]
    sentences = tuple(s.sentence for _, s in claims)
    by_id = {s.sentence.id: i for i, (_, s) in enumerate(claims)}
    prof = {s.id: p for s, p in zip(sentences, profiles)}
    exhaustive = len(claims) ** 2 <= EXHAUSTIVE_PAIRS
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for a_sent, partners in candidates(sentences, prof, sentences, prof, exhaustive):
        i = by_id[a_sent.id]
        for r_sent in partners:
            j = by_id[r_sent.id]
            if claims[i][0] == claims[j][0]:
                continue
            shared = len(content[i] & content[j])
            if shared < CLAIM_MIN_STEMS:
                continue
            overlap = shared / min(len(content[i]), len(content[j]))
            if overlap < CLAIM_MIN_OVERLAP:
                continue
            pair = score_pair(
                claims[i][1].sentence, claims[j][1].sentence, profiles[i], profiles[j], model
            )
            strength = overlap + pair.score
            key = (i, claims[j][0])
            if key not in best or strength > best[key][0]:
                best[key] = (strength, j)
    for (i, _), (_, j) in best.items():
        parent[find(i)] = find(j)
    members: dict[int, list[int]] = {}
    for i in range(len(claims)):
        members.setdefault(find(i), []).append(i)
    groups: list[ClaimGroup] = []
    for idx in sorted(members.values(), key=lambda m: min(m)):
        owners = sorted({claims[i][0] for i in idx}, key=order.__getitem__)
        if len(owners) < 2:
            continue
        attributions = []
        for i in idx:
            a = claims[i][1].attribution
            if a and a.text not in attributions:
                attributions.append(a.text)
        groups.append(
            ClaimGroup(
                id=f"g{len(groups) + 1}",
                account_sentences=tuple(claims[i][1].sentence.id for i in idx),
                accounts=tuple(owners),
                attributions=tuple(attributions),
            )
        )
    return tuple(groups)
