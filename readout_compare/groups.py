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

from readout_compare.candidates import COMMON_MIN_DF, EXHAUSTIVE_PAIRS, candidates
from readout_compare.model import AccountComparison, AccountSentence, ClaimGroup
from readout_compare.similarity import Profile, default_model, features, five_letter_stem, profile

CLAIM_MIN_STEMS = 3
CLAIM_MIN_OVERLAP = 0.25


# A claim: the id of the account that makes it, and its sentence.
Claim = tuple[str, AccountSentence]


def claim_groups(
    accounts: tuple[AccountComparison, ...], *, profiles: dict[str, Profile] | None = None
) -> tuple[ClaimGroup, ...]:
    """Groups of claims not in the readout that appear in two or more accounts. ``profiles``:
    the account sentences' profiles that alignment made (any missing are made here)."""
    if len(accounts) < 2:
        return ()
    claims: list[Claim] = [
        (acc.document.id, s)
        for acc in accounts
        for s in acc.sentences
        if s.status == "not_in_readout"
    ]
    made = profiles or {}
    claim_profiles = [made.get(s.sentence.id) or profile(s.sentence.text) for _, s in claims]
    best = _best_partners(claims, claim_profiles, len(accounts))
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, _), (_, j) in best.items():
        parent[find(i)] = find(j)
    members: dict[int, list[int]] = {}
    for i in range(len(claims)):
        members.setdefault(find(i), []).append(i)
    order = {acc.document.id: k for k, acc in enumerate(accounts)}  # accounts in given order
    groups: list[ClaimGroup] = []
    for idx in sorted(members.values(), key=lambda m: min(m)):
        owners = sorted({claims[i][0] for i in idx}, key=order.__getitem__)
        if len(owners) >= 2:
            groups.append(_group(f"g{len(groups) + 1}", [claims[i] for i in idx], owners))
    return tuple(groups)


def _best_partners(claims: list[Claim], claim_profiles: list[Profile],
                   n_accounts: int) -> dict[tuple[int, str], tuple[float, int]]:
    """Each claim's best partner in every other account, if that partner makes the same
    claim: (claim, other account) -> (score, partner), claims by their index.

    Claims written independently share facts, not sentences, so the evidence is the matcher's
    content overlap rather than its whole-sentence paraphrase score: three or more shared
    content stems that are not names, a fair share of the shorter claim."""
    model = default_model()
    content = [p.stems - {five_letter_stem(w) for w in p.names} for p in claim_profiles]
    sentences = tuple(s.sentence for _, s in claims)
    by_id = {s.sentence.id: i for i, (_, s) in enumerate(claims)}
    prof = {s.id: p for s, p in zip(sentences, claim_profiles)}
    exhaustive = len(claims) ** 2 <= EXHAUSTIVE_PAIRS
    # A claim that travels appears at most once per account, so a stem in more claims than
    # twice the number of accounts (or 1% of all claims) is a common word, not a claim's, and
    # is not followed in the index (what the cap keeps and saves, measured with bench/speed.py,
    # is in docs/performance.md).
    max_df = max(COMMON_MIN_DF, 2 * n_accounts, len(claims) // 100)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for a_sent, partners in candidates(sentences, prof, sentences, prof, exhaustive,
                                       max_df=max_df, terms=lambda p: p.stems):
        i = by_id[a_sent.id]
        by_account = _sharing(i, [by_id[r_sent.id] for r_sent in partners], claims, content)
        # The best partner in each other account: the overlap plus the paraphrase model's
        # probability, which is computed only where an account offers more than one partner.
        for owner, found in by_account.items():
            if len(found) == 1:
                best[(i, owner)] = found[0]
                continue
            scores = model.probabilities(
                [features(claim_profiles[i], claim_profiles[j]) for _, j in found]
            )
            best[(i, owner)] = max(
                ((overlap + score, j) for (overlap, j), score in zip(found, scores)),
                key=lambda item: (item[0], -item[1]),
            )
    return best


def _sharing(i: int, partners: list[int], claims: list[Claim],
             content: list[set[str]]) -> dict[str, list[tuple[float, int]]]:
    """The partners of claim ``i`` in other accounts that share enough of it, as (overlap,
    partner) by their account."""
    by_account: dict[str, list[tuple[float, int]]] = {}
    for j in partners:
        if claims[i][0] == claims[j][0]:
            continue
        shared = len(content[i] & content[j])
        if shared < CLAIM_MIN_STEMS:
            continue
        overlap = shared / min(len(content[i]), len(content[j]))
        if overlap >= CLAIM_MIN_OVERLAP:
            by_account.setdefault(claims[j][0], []).append((overlap, j))
    return by_account


def _group(gid: str, members: list[Claim], owners: list[str]) -> ClaimGroup:
    """The claim group of ``members``, made by ``owners`` (in the accounts' order)."""
    attributions: list[str] = []
    for _, s in members:
        a = s.attribution
        if a and a.text not in attributions:
            attributions.append(a.text)
    return ClaimGroup(
        id=gid,
        account_sentences=tuple(s.sentence.id for _, s in members),
        accounts=tuple(owners),
        attributions=tuple(attributions),
    )
