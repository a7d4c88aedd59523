"""Reproducible synthetic readout/account pairs built from real news sentences in ../shared/data.

A readout of R sentences and an account of A sentences: a share of the account's sentences copy a
readout sentence, a share paraphrase one (the other half of an MSRP or STS-B pair labelled as a
paraphrase or scored 4+), and the rest are unrelated sentences from other pairs. Seeded, so every
run builds the same documents.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import msrp, sts

COPY_SHARE = 0.15
PARAPHRASE_SHARE = 0.15


def _pools() -> tuple[list[tuple[str, str]], list[str]]:
    pairs: list[tuple[str, str]] = []
    singles: list[str] = []
    for split in ("train", "test"):
        for label, a, b in msrp(split):
            if label == 1:
                pairs.append((a, b))
            else:
                singles += [a, b]
    for split in ("train", "dev", "test"):
        for score, a, b in sts(split, ("main-news",)):
            if score >= 4.0:
                pairs.append((a, b))
            elif score <= 2.0:
                singles += [a, b]
    # Unique sentences only, so "the same best match" is well defined.
    seen: set[str] = set()
    uniq_pairs = []
    for a, b in pairs:
        if a not in seen and b not in seen and a != b:
            seen.update((a, b))
            uniq_pairs.append((a.strip(), b.strip()))
    uniq_singles = []
    for s in singles:
        if s not in seen:
            seen.add(s)
            uniq_singles.append(s.strip())
    return uniq_pairs, uniq_singles


def make_pair(n_readout: int, n_account: int, *, seed: int = 0) -> tuple[str, str, dict[int, int]]:
    """(readout text, account text, truth) where truth maps account sentence index (0-based) to
    the readout sentence index it copies or paraphrases."""
    rng = random.Random(seed)
    pairs, singles = _pools()
    rng.shuffle(pairs)
    rng.shuffle(singles)
    n_copy = int(n_account * COPY_SHARE)
    n_para = int(n_account * PARAPHRASE_SHARE)
    n_linked = min(n_copy + n_para, n_readout)
    readout: list[str] = []
    linked: list[tuple[str, str]] = pairs[:n_linked]
    readout += [a for a, _ in linked]
    pool = iter(pairs[n_linked:])
    spare = iter(singles)

    def unrelated() -> str:
        try:
            return next(spare)
        except StopIteration:
            a, _ = next(pool)
            return a

    readout += [unrelated() for _ in range(n_readout - len(readout))]
    order = list(range(n_readout))
    rng.shuffle(order)
    readout = [readout[i] for i in order]
    position = {old: new for new, old in enumerate(order)}
    account: list[tuple[str, int | None]] = []
    for k, (a, b) in enumerate(linked):
        account.append((a if k < n_copy else b, position[k]))
    account += [(unrelated(), None) for _ in range(n_account - len(account))]
    rng.shuffle(account)
    truth = {i: r for i, (_, r) in enumerate(account) if r is not None}
    return _paragraphs(readout, rng), _paragraphs([s for s, _ in account], rng), truth


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    out, para = [], []
    for s in sentences:
        if s[-1:] not in ".!?\"'\u201d":
            s += "."  # STS captions have no full stop; a sentence here always ends with one
        para.append(s)
        if len(para) >= rng.randint(2, 5):
            out.append(" ".join(para))
            para = []
    if para:
        out.append(" ".join(para))
    return "\n\n".join(out) + "\n"


SHARED_CLAIM_SHARE = 0.2  # of each account's other sentences: claims that travel between accounts


def make_accounts(
    n_readout: int, n_account: int, n_accounts: int, *, seed: int = 0
) -> tuple[str, list[str]]:
    """(readout text, account texts): several accounts of one readout. Each copies 15% and
    paraphrases 15% of its sentences from randomly chosen readout sentences; of the rest, a
    fifth come from a pool of claims that several accounts share (claims that travel) and the
    others are its own. Sentences are reused only when the MSRP and STS-B pools run out."""
    rng = random.Random(seed)
    pairs, singles = _pools()
    rng.shuffle(pairs)
    rng.shuffle(singles)
    n_linked = min(n_readout, len(pairs) // 4)
    linked = pairs[:n_linked]
    rest = [a for a, _ in pairs[n_linked:]] + [b for _, b in pairs[n_linked:]] + singles
    rng.shuffle(rest)
    readout = [a for a, _ in linked] + rest[: n_readout - n_linked]
    rest = rest[n_readout - n_linked:]
    rng.shuffle(readout)
    n_shared = max(1, n_account)
    shared, rest = rest[:n_shared], rest[n_shared:]
    own = iter(rest)
    accounts = []
    for _ in range(n_accounts):
        n_copy = int(n_account * COPY_SHARE)
        n_para = int(n_account * PARAPHRASE_SHARE)
        chosen = rng.sample(range(n_linked), min(n_copy + n_para, n_linked))
        sentences = [linked[i][0] if k < n_copy else linked[i][1] for k, i in enumerate(chosen)]
        n_other = n_account - len(sentences)
        n_travel = int(n_other * SHARED_CLAIM_SHARE)
        sentences += rng.sample(shared, min(n_travel, len(shared)))
        for _ in range(n_account - len(sentences)):
            try:
                sentences.append(next(own))
            except StopIteration:  # pools exhausted: start again (only for very large runs)
                own = iter(rest)
                sentences.append(next(own))
        rng.shuffle(sentences)
        accounts.append(_paragraphs(sentences, rng))
    return _paragraphs(readout, rng), accounts


def make_long_account(chars: int = 5_000_000) -> tuple[str, str]:
    """(readout, account): a 200-sentence readout (make_pair, seed 1) and an account of
    ``chars`` characters made of its account's paragraphs drawn at random (the speed bench's
    5 MB account). Paragraphs repeat: make_pair's account is about a tenth of that size."""
    readout, account, _ = make_pair(200, 5000, seed=1)
    paragraphs = account.split("\n\n")
    rng = random.Random(2)
    out, size = [], 0
    while size < chars:
        p = rng.choice(paragraphs)
        out.append(p)
        size += len(p) + 2
    return readout, "\n\n".join(out)[:chars]

