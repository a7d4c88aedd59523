"""How sure the tool is that something has no counterpart on the other side: one minus the best
score any sentence there reaches against it, with the alignment's own scorer (both of the
matcher's models). Findings ask it only for the few absences they keep, since a large
comparison has thousands of candidates.
"""

from __future__ import annotations

from readout_compare.align import domain_features, score_pairs
from readout_compare.model import AccountComparison, Document, Sentence
from readout_compare.similarity import Profile, default_model, profile


class Absences:
    """The certainty of each absence in one comparison, each worked out once."""

    def __init__(self, readout: Document, accounts: tuple[AccountComparison, ...]) -> None:
        self.readout = readout
        self.accounts = accounts
        self.by_id = {acc.document.id: acc for acc in accounts}
        self._profiles: dict[str, Profile] = {}
        self._absence: dict[str, float | None] = {}

    def of_account_sentence(self, aid: str, sid: str) -> float | None:
        """One minus the best score the account sentence reaches against any readout
        sentence it is not already known to mention only the event of ("during a Jan. 31
        call, he urged ...": the call is the readout's, the claim is not)."""
        acc = self.by_id[aid]
        if acc.across_languages:
            return None
        key = sid
        if key not in self._absence:
            sentence = acc.document.sentence(sid)
            events = {m.readout_sentence for m in acc.sentence(sid).matches
                      if m.basis == "event"} if sentence.role == "body" else set()
            self._absence[key] = 1.0 - self._best(
                [(r, sentence) for r in self.readout.body if r.id not in events])
        return self._absence[key]

    def least(self, members: list[tuple[str, str]]) -> float | None:
        """The least certainty of the (account, sentence) absences that are scored."""
        scored = [c for aid, sid in members
                  if (c := self.of_account_sentence(aid, sid)) is not None]
        return min(scored, default=None)

    def of_readout_sentence(self, r: Sentence) -> float | None:
        """One minus the best score any account sentence reaches against the readout
        sentence."""
        if any(acc.across_languages for acc in self.accounts):
            return None
        if r.id not in self._absence:
            self._absence[r.id] = 1.0 - self._best(
                [(r, s) for acc in self.accounts for s in acc.document.body])
        return self._absence[r.id]

    def _best(self, pairs: list[tuple[Sentence, Sentence]]) -> float:
        """The best confidence of the matcher's two models over the pairs that share a stem
        (a pair that shares none scores next to nothing)."""
        model = default_model()
        items = []
        for r, a in pairs:
            rp, ap = self._profile(r), self._profile(a)
            if rp.stems & ap.stems:
                items.append((r, a, rp, ap))
        best = 0.0
        for pair in score_pairs(items, model):
            p = pair.score
            if model.domain is not None:
                p = max(p, model.domain.probability(domain_features(pair)))
            best = max(best, p)
        return best

    def _profile(self, s: Sentence) -> Profile:
        if s.id not in self._profiles:  # ids are unique across the documents
            self._profiles[s.id] = profile(s.text)
        return self._profiles[s.id]
