"""Findings: what a reporter would write about a comparison, ranked, in plain sentences.

The steps before this one say what became of every sentence; a reader wants the few facts worth
a story first. This step picks at most :data:`MAX_FINDINGS` of them, weightiest first:

1. a claim the story led with (headline or lede) that the readout does not make, and whom the
   story credits for it (one finding per claim, across the accounts that lead with it);
2. a quotation of the readout with words changed ("urged → ordered"), or joined from separate
   passages;
3. a figure, date, negation or modality changed in a report of a readout sentence;
4. a readout sentence no account reports (in a symmetric comparison: what only one side says);
5. a claim not in the readout that several accounts carry;
6. a changed verb of saying or name;
7. a readout sentence an account reports only in part, with the words it leaves out.

Each finding names the element of the report that holds its evidence (an account sentence, a
quotation, a readout sentence, a claim group: the ids the HTML report gives them) and how sure
the tool is: a report's match or quotation score, or, for something absent, one minus the best
score any sentence on the other side reaches against it (:mod:`readout_compare.absence`,
for the few sentences that become findings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from readout_compare.absence import Absences
from readout_compare.evidence import Keyed, overlap
from readout_compare.model import (
    AccountComparison,
    Attribution,
    ClaimGroup,
    Document,
    Finding,
    Settings,
    StoryPlacement,
)
from readout_compare.phrasing import (
    DIVERGENCE_WORDS,
    as_sentence,
    credit,
    join_names,
    quoted,
    rest_of,
    verb_for,
    word_changes,
)

MAX_FINDINGS = 7
# Weights: the order of the list in the module docstring; within one kind, a finding about
# more accounts first.
WEIGHT = {
    "lead_claim": 100, "altered_quote": 90, "stitched_quote": 88, "divergence": 85,
    "omitted": 80, "only_here": 75, "shared_claim": 70, "divergence_minor": 60,
    "part_left_out": 50,
}
MAJOR_DIVERGENCES = ("number", "date", "negation", "modality")
# A headline with no claim group of its own belongs to a lede claim of the same story when
# this share of its keyed words is in that claim (the headline restates its lede).
HEADLINE_IN_LEDE = 0.5


def sureness(certainty: float | None) -> str:
    """The certainty in words."""
    if certainty is None:
        return "not scored across languages"
    if certainty >= 0.95:
        return "certain"
    if certainty >= 0.8:
        return "very likely"
    if certainty >= 0.6:
        return "likely"
    return "possible"


@dataclass
class _Candidate:
    weight: int
    breadth: int
    order: int
    kind: str
    text: str
    target: str
    accounts: tuple[str, ...]
    sentences: tuple[str, ...]
    # How sure, or how to work it out: absences are scored only for the findings kept (a
    # large comparison can have thousands of candidates).
    certainty: float | Callable[[], float | None] | None

    def finding(self) -> Finding:
        certainty = self.certainty() if callable(self.certainty) else self.certainty
        if certainty is not None:
            certainty = round(min(max(certainty, 0.0), 1.0), 2)
        return Finding(kind=self.kind, text=self.text, target=self.target, accounts=self.accounts,
                       certainty=certainty, sureness=sureness(certainty),
                       sentences=self.sentences)


def findings(
    readout: Document,
    accounts: tuple[AccountComparison, ...],
    settings: Settings,
    claim_groups: tuple[ClaimGroup, ...] = (),
    placement: tuple[StoryPlacement, ...] = (),
) -> tuple[Finding, ...]:
    """The weightiest findings of a comparison, at most :data:`MAX_FINDINGS`."""
    picker = _Picker(readout, accounts, settings, claim_groups, placement)
    return picker.pick()


class _Picker:
    def __init__(
        self,
        readout: Document,
        accounts: tuple[AccountComparison, ...],
        settings: Settings,
        claim_groups: tuple[ClaimGroup, ...],
        placement: tuple[StoryPlacement, ...],
    ) -> None:
        self.readout = readout
        self.accounts = accounts
        self.by_id = {acc.document.id: acc for acc in accounts}
        self.symmetric = settings.symmetric
        self.groups = claim_groups
        self.group_of = {sid: g for g in claim_groups for sid in g.account_sentences}
        self.placement = placement
        self.the_readout = readout.label if self.symmetric else "the readout"
        self.candidates: list[_Candidate] = []
        self.absences = Absences(readout, accounts)

    # -- ranking ------------------------------------------------------------------------

    def add(self, kind: str, weight_kind: str, text: str, target: str,
            accounts: Iterable[str], sentences: Iterable[str],
            certainty: float | Callable[[], float | None] | None) -> None:
        ordered = tuple(a.document.id for a in self.accounts if a.document.id in set(accounts))
        self.candidates.append(_Candidate(
            WEIGHT[weight_kind], len(ordered), len(self.candidates), kind, text, target,
            ordered, tuple(dict.fromkeys(sentences)), certainty,
        ))

    def pick(self) -> tuple[Finding, ...]:
        used = self._lead_claims()
        self._quotes()
        self._divergences()
        self._omissions()
        self._shared_claims(used)
        self._parts_left_out()
        ranked = sorted(self.candidates, key=lambda c: (-c.weight, -c.breadth, c.order))
        return tuple(c.finding() for c in ranked[:MAX_FINDINGS])

    # -- the kinds ----------------------------------------------------------------------

    def _lead_claims(self) -> set[str]:
        """Claims not in the readout that a story put in its headline or lede, one finding per
        claim (a claim group, or one sentence), across the stories that lead with it. Returns
        the claim groups used."""
        clusters = self._lead_clusters()
        for key, members in clusters.items():
            self._lead_claim(key, members)
        return {key for key in clusters if any(g.id == key for g in self.groups)}

    def _lead_clusters(self) -> dict[str, list[tuple[str, str]]]:
        """Each claim the stories lead with (a claim group's id, or a sentence's) and its
        (account, sentence) pairs; a headline joins the lede claim it restates."""
        clusters: dict[str, list[tuple[str, str]]] = {}
        for sp in self.placement:
            acc = self.by_id.get(sp.account)
            if acc is None:
                continue
            added = [item for item in sp.lead if item.status == "not_in_readout"]
            mine: list[str] = []  # this story's lede claims, by cluster key
            for item in added:
                if item.position == "headline":
                    continue
                key = self.group_of[item.account_sentence].id \
                    if item.account_sentence in self.group_of else item.account_sentence
                clusters.setdefault(key, []).append((sp.account, item.account_sentence))
                if key not in mine:
                    mine.append(key)
            for item in added:
                if item.position != "headline":
                    continue
                home = self._headline_home(acc, item.account_sentence, clusters, mine)
                clusters.setdefault(home, []).append((sp.account, item.account_sentence))
        return clusters

    def _lead_claim(self, key: str, members: list[tuple[str, str]]) -> None:
        """The finding of one claim the stories in ``members`` lead with."""
        body = [(aid, sid) for aid, sid in members if self._is_body(aid, sid)]
        main = (body or members)[0]
        accounts = [aid for aid, _ in members]
        group = next((g for g in self.groups if g.id == key), None)
        # The credit: from every sentence of the claim in the stories that lead with it.
        related = list(members) + [
            (self._account_of(sid), sid) for sid in (group.account_sentences if group else ())
        ]
        attributions = [self._attribution(aid, sid) for aid, sid in related]
        others = [g_acc for g_acc in (group.accounts if group else ()) if g_acc not in accounts]
        text = (f"{self._names(accounts)} led with a claim {self.the_readout} does not "
                f"make: {quoted(self._text(*main))}, {credit(attributions)}")
        if others:
            text += f"; {self._names(others)} also {verb_for(others, 'carries', 'carry')} it"
        across = any(self.by_id[a].across_languages for a in accounts)
        certainty = None if across else partial(self.absences.of_account_sentence, *main)
        self.add("lead_claim", "lead_claim", as_sentence(text), main[1],
                 [*accounts, *others], [sid for _, sid in related], certainty)

    def _headline_home(self, acc: AccountComparison, sid: str,
                       clusters: dict[str, list[tuple[str, str]]], mine: list[str]) -> str:
        """The lede claim a headline restates, or the headline itself."""
        words = Keyed(self._text(acc.document.id, sid))
        best, best_share = sid, 0.0
        for key in mine:
            for aid, other in clusters[key]:
                if aid != acc.document.id:
                    continue
                share = overlap(Keyed(self._text(aid, other)), words).precision
                if share >= HEADLINE_IN_LEDE and share > best_share:
                    best, best_share = key, share
        return best

    def _quotes(self) -> None:
        for acc in self.accounts:
            aid = acc.document.id
            for q in acc.quotes:
                if q.kind == "title" or q.fidelity not in ("altered", "stitched"):
                    continue
                if q.fidelity == "altered":
                    changes = word_changes(q.diff)
                    text = (f"{acc.document.label} quotes {self.the_readout} with words changed: "
                            f"{quoted(q.text)}, where {self.the_readout} says "
                            f"{quoted(q.readout_text or '')}")
                    if changes:
                        text += f" ({'; '.join(changes)})"
                    self.add("altered_quote", "altered_quote", as_sentence(text), q.id, [aid],
                             [q.account_sentence, *([q.readout_sentence] if q.readout_sentence
                                                    else [])], q.score)
                else:
                    text = (f"{acc.document.label} joins words from separate passages of "
                            f"{self.the_readout} into one quotation: {quoted(q.text)}")
                    self.add("stitched_quote", "stitched_quote", as_sentence(text), q.id, [aid],
                             [q.account_sentence], q.score)

    def _divergences(self) -> None:
        for acc in self.accounts:
            aid = acc.document.id
            for s in acc.sentences:
                for d in s.divergences:
                    if d.type == "quote":
                        continue  # an altered quotation: a finding of its own
                    what = DIVERGENCE_WORDS.get(d.type, "changes a readout statement")
                    if d.type == "reporting_verb":
                        what = ("gives the readout's words a stronger verb"
                                if d.direction == "escalates" else
                                "gives the readout's words a softer verb"
                                if d.direction == "softens" else "changes a verb of saying")
                    text = (f"{acc.document.label} {what}: {quoted(d.account_text)} where "
                            f"{self.the_readout} says {quoted(d.readout_text)}")
                    score = next((m.score for m in s.matches
                                  if m.readout_sentence == d.readout_sentence), None)
                    kind = "divergence" if d.type in MAJOR_DIVERGENCES else "divergence_minor"
                    self.add("divergence", kind, as_sentence(text), s.sentence.id, [aid],
                             [s.sentence.id, d.readout_sentence], score)

    def _omissions(self) -> None:
        """Readout sentences no account reports; in a symmetric comparison, each side's
        sentences the other lacks."""
        for k, r in enumerate(self.readout.body):
            if any(acc.coverage[k].status != "omitted" for acc in self.accounts):
                continue
            if self.symmetric:
                text = f"Only {self.readout.label} says: {quoted(r.text)}"
                kind = "only_here"
            elif len(self.accounts) == 1:
                text = (f"{self.accounts[0].document.label} does not report the readout's "
                        f"point: {quoted(r.text)}")
                kind = "omitted"
            else:
                text = f"No account reports the readout's point: {quoted(r.text)}"
                kind = "omitted"
            self.add("omitted", kind, as_sentence(text), r.id,
                     [a.document.id for a in self.accounts], [r.id],
                     partial(self.absences.of_readout_sentence, r))
        if self.symmetric:
            for acc in self.accounts:
                for s in acc.sentences:
                    if s.status == "not_in_readout":
                        text = f"Only {acc.document.label} says: {quoted(s.sentence.text)}"
                        self.add("only_here", "only_here", as_sentence(text), s.sentence.id,
                                 [acc.document.id], [s.sentence.id],
                                 partial(self.absences.of_account_sentence, acc.document.id,
                                         s.sentence.id))

    def _shared_claims(self, used: set[str]) -> None:
        for g in self.groups:
            if g.id in used:
                continue
            members = [(self._account_of(sid), sid) for sid in g.account_sentences]
            attributions = [self._attribution(aid, sid) for aid, sid in members]
            text = (f"{self._names(list(g.accounts))} "
                    f"{'both ' if len(g.accounts) == 2 else 'all '}carry a claim "
                    f"{self.the_readout} does not make: {quoted(self._text(*members[0]))}, "
                    f"{credit(attributions)}")
            self.add("shared_claim", "shared_claim", as_sentence(text), g.id, g.accounts,
                     g.account_sentences, partial(self.absences.least, members))

    def _parts_left_out(self) -> None:
        for acc in self.accounts:
            for cov in acc.coverage:
                if cov.status != "reported" or cov.kind != "partial" or len(cov.parts) != 1:
                    continue
                part = cov.parts[0]
                text = self.readout.sentence(cov.readout_sentence).text
                if part == "the event" or part not in text:
                    continue
                rest = rest_of(text, part)
                if len(rest.split()) < 3:
                    continue
                score = max((m.score for sid in cov.account_sentences
                             for m in acc.sentence(sid).matches
                             if m.readout_sentence == cov.readout_sentence), default=None)
                said = (f"{acc.document.label} carries only part of a readout sentence and "
                        f"leaves out {quoted(rest)}")
                self.add("part_left_out", "part_left_out", as_sentence(said),
                         f"{acc.document.id}-{cov.readout_sentence}", [acc.document.id],
                         [cov.readout_sentence, *cov.account_sentences], score)

    # -- words ----------------------------------------------------------------------------

    def _account_of(self, sid: str) -> str:
        return sid.rsplit("-", 1)[0]

    def _text(self, aid: str, sid: str) -> str:
        return self.by_id[aid].document.sentence(sid).text

    def _is_body(self, aid: str, sid: str) -> bool:
        return self.by_id[aid].document.sentence(sid).role == "body"

    def _attribution(self, aid: str, sid: str) -> Attribution | None:
        acc = self.by_id.get(aid)
        if acc is None or self.by_id[aid].document.sentence(sid).role != "body":
            for sp in self.placement:
                for item in sp.lead:
                    if item.account_sentence == sid:
                        return item.attribution
            return None
        return acc.sentence(sid).attribution

    def _names(self, accounts: Sequence[str]) -> str:
        ordered = [a.document.label for a in self.accounts if a.document.id in set(accounts)]
        return join_names(ordered)
