"""Placement: where each account puts the readout's points, and what it led with.

A story's order is an editorial judgement: the New York Post opened with an unnamed-source claim
and carried the readout's own words from its fourth paragraph. For every readout sentence an
account reports, this step records where its first report stands: the headline, the lede (the
first two body sentences), or the upper or lower half of the rest, by the share of the story's
body text before it; its paragraph; and whether the report is of the sentence's claim or only
mentions the call it announces (a claim report is preferred when both exist).

Headlines are not aligned with the body (a heading makes no claim in the pipeline's sense), but
what a story leads with includes its headline: so the headline sentences, and only they, are
aligned here with the same matcher and settings, to give the lead its verdicts.
"""

from __future__ import annotations

import dataclasses
import re

from readout_compare.align import align, align_across_languages
from readout_compare.attribution import attribute_sentences
from readout_compare.evidence import Keyed, only_the_event
from readout_compare.model import (
    AccountComparison,
    Attribution,
    Document,
    Lead,
    Placement,
    Position,
    Settings,
    StoryPlacement,
)
from readout_compare.normalize import cjk_characters

LEDE_SENTENCES = 2  # the lede: the first two body sentences, as editors count it in wire copy
# A headline has at least this many words (or, in Chinese, Japanese or Korean, characters): a
# shorter line above the story is a section label, a site's name or a link ("Новини",
# "• Kyodo", "ここから本文です"). Of the real benchmark's 194 dev headlines, one is shorter
# ("Crossed Wires").
HEADLINE_MIN_WORDS = 4
HEADLINE_MIN_CJK = 12
POSITION_WORDS = {
    "headline": "the headline",
    "lede": "the lede",
    "upper_half": "the upper half",
    "lower_half": "the lower half",
}


def placement(
    readout: Document, accounts: tuple[AccountComparison, ...], settings: Settings
) -> tuple[StoryPlacement, ...]:
    return tuple(story_placement(readout, acc, settings) for acc in accounts)


def story_placement(
    readout: Document, acc: AccountComparison, settings: Settings
) -> StoryPlacement:
    story = _Story(acc.document)
    placements = []
    for cov in acc.coverage:
        if cov.status != "reported" or not cov.account_sentences:
            continue
        reports = sorted(cov.account_sentences, key=story.order)
        # (The first report of the claim is enough: _basis reads the texts' keys.)
        first_claim = next((sid for sid in reports
                            if _basis(readout, acc, sid, cov.readout_sentence) == "claim"), None)
        first = first_claim or reports[0]
        placements.append(Placement(
            readout_sentence=cov.readout_sentence,
            account_sentence=first,
            position=story.position(first),
            paragraph=story.paragraph(first),
            share_before=round(story.share_before(first), 3),
            basis="claim" if first_claim else "event",
        ))
    claim_placements = sorted((p for p in placements if p.basis == "claim"),
                              key=lambda p: story.order(p.account_sentence))
    lead = _headline_lead(readout, acc.document, story, settings,
                          across=acc.across_languages) + _lede_lead(acc, story)
    return StoryPlacement(
        account=acc.document.id,
        placements=tuple(placements),
        lead=lead,
        led_with=led_with(lead),
        first_point=claim_placements[0] if claim_placements else None,
    )


def _headline_sized(text: str) -> bool:
    """Whether a heading is long enough to be the story's headline."""
    return (len(text.split()) >= HEADLINE_MIN_WORDS
            or cjk_characters(text) >= HEADLINE_MIN_CJK)


class _Story:
    """An account's sentences in story order, with paragraph numbers and text shares."""

    def __init__(self, doc: Document) -> None:
        self.sentences = doc.sentences
        self._order = {s.id: i for i, s in enumerate(doc.sentences)}
        body = doc.body
        first_body = self._order[body[0].id] if body else len(doc.sentences)
        self.headline = tuple(s for s in doc.sentences[:first_body]
                              if s.role == "heading" and _headline_sized(s.text))
        self.lede = {s.id for s in body[:LEDE_SENTENCES]}
        paragraphs = sorted({s.paragraph for s in body})
        self._paragraph = {p: n for n, p in enumerate(paragraphs, 1)}
        total = sum(len(s.text) for s in body) or 1
        before = 0
        self._share: dict[str, float] = {}
        for s in body:
            self._share[s.id] = before / total
            before += len(s.text)
        self._headline_ids = {s.id for s in self.headline}

    def order(self, sid: str) -> int:
        return self._order[sid]

    def paragraph(self, sid: str) -> int:
        s = self.sentences[self._order[sid]]
        return 0 if sid in self._headline_ids else self._paragraph.get(s.paragraph, 0)

    def share_before(self, sid: str) -> float:
        return self._share.get(sid, 0.0)

    def position(self, sid: str) -> Position:
        if sid in self._headline_ids:
            return "headline"
        if sid in self.lede:
            return "lede"
        return "upper_half" if self.share_before(sid) < 0.5 else "lower_half"


def _basis(readout: Document, acc: AccountComparison, sid: str, readout_sentence: str) -> str:
    """"claim" when the account sentence reports the readout sentence's content, "event" when
    it only mentions the call that sentence announces: a match made on the event alone, or a
    report (not word for word) that shares nothing but the event with it."""
    for m in acc.sentence(sid).matches:
        if m.readout_sentence == readout_sentence:
            if m.basis == "claim":
                said = Keyed(readout.sentence(readout_sentence).text)
                # Across languages no words can be compared: a report of a readout sentence
                # that says nothing but the event ("Secretary Rubio spoke today with …") is a
                # mention of the call.
                told = said if acc.across_languages else Keyed(acc.document.sentence(sid).text)
                if only_the_event(said, told) or _announces_only(
                        readout.sentence(readout_sentence).text):
                    return "event"
            return m.basis
    return "event"


# A readout sentence in Chinese or Japanese that announces the call and says nothing else:
# its last words are the call ("…外交部长王毅同美国国务卿鲁比奥通电话。", "…電話会談を行った
# ところ、概要は以下のとおりです。"), with no topic ("就…", "…について") before them. Its words
# in character pairs are names and titles, which the account shares whatever it says.
_CJK_CALL_ENDS = re.compile(
    r"(?:通电话|通電話|通话|通話|电话会谈|会谈|會談|会见|會見|会晤|會晤|電話会談を行った(?:ところ)?"
    r"|会談を行った(?:ところ)?)[、，,]?(?:概要は以下のとおりです)?[。.]?\s*$")
_CJK_TOPIC = re.compile(r"就|讨论|討論|商讨|について|に関し")


def _announces_only(text: str) -> bool:
    """Whether a Chinese or Japanese readout sentence only announces the call."""
    return bool(_CJK_CALL_ENDS.search(text)) and not _CJK_TOPIC.search(text)


def _headline_lead(
    readout: Document, doc: Document, story: _Story, settings: Settings, *, across: bool
) -> tuple[Lead, ...]:
    """The headline's verdicts, from the same alignment the body had."""
    if not story.headline:
        return ()
    as_body = tuple(
        dataclasses.replace(s, role="body", marker=None)
        for s in story.headline
    )
    headline_doc = dataclasses.replace(doc, sentences=as_body)
    if across:
        matches = align_across_languages(readout, headline_doc)
    else:
        matches = align(readout, headline_doc, settings, lede=False)
    attributions = attribute_sentences(headline_doc, readout)
    out = []
    for s in story.headline:
        claims = tuple(m.readout_sentence for m in matches.get(s.id, ()) if m.basis == "claim")
        out.append(Lead(s.id, "headline", "supported" if claims else "not_in_readout", claims,
                        attributions.get(s.id)))
    return tuple(out)


def _lede_lead(acc: AccountComparison, story: _Story) -> tuple[Lead, ...]:
    out = []
    for s in acc.sentences:
        if s.sentence.id in story.lede and s.status:
            claims = tuple(m.readout_sentence for m in s.matches if m.basis == "claim")
            out.append(Lead(s.sentence.id, "lede", s.status, claims, s.attribution))
    return tuple(out)


def led_with(lead: tuple[Lead, ...]) -> str:
    """'led with 2 claims not in the readout, attributed to …, and 1 sentence that reports the
    readout (r-3)'."""
    if not lead:
        return ""
    parts = []
    added = [item for item in lead if item.status == "not_in_readout"]
    if added:
        parts.append(_claims_led_with(added))
    reporting = [item for item in lead if item.status != "not_in_readout"]
    if reporting:
        parts.append(_reports_led_with(reporting))
    if reporting and lead[0].status != "not_in_readout":
        parts.reverse()  # in the order the story gives them
    joiner = "; and " if any("attributed to" in part for part in parts[:-1]) else " and "
    return "led with " + joiner.join(parts)


def _claims_led_with(added: list[Lead]) -> str:
    """'2 claims not in the readout, attributed to …'."""
    noun = "claim" if len(added) == 1 else "claims"
    text = f"{len(added)} {noun} not in the readout"
    # A claim the story credits to the readout itself is not "attributed to" it in the
    # same breath as the readout's absence of it: said apart, as what it is.
    credited = [item for item in added
                if item.attribution is not None and item.attribution.is_readout]
    sources = _sources([item.attribution for item in added if item not in credited])
    if sources:
        text += f", attributed to {sources}"
    if credited:
        which = ("it is" if len(added) == 1 else
                 "all are" if len(credited) == len(added) else
                 "1 of them is" if len(credited) == 1 else f"{len(credited)} of them are")
        names = _sources([item.attribution for item in credited])
        text += (f"{';' if sources else ','} {which} credited to the readout ({names}), "
                 "which does not say so")
    return text


def _reports_led_with(reporting: list[Lead]) -> str:
    """'1 sentence that reports the readout (r-3)', with how many of them diverge."""
    noun = "sentence that reports" if len(reporting) == 1 else "sentences that report"
    ids = sorted({r for item in reporting for r in item.readout_sentences},
                 key=lambda r: int(r.rsplit("-", 1)[-1]) if r.rsplit("-", 1)[-1].isdigit() else 0)
    changed = sum(1 for item in reporting if item.status == "divergent")
    text = f"{len(reporting)} {noun} the readout"
    if ids:
        text += f" ({', '.join(ids)})"
    if changed:
        text += f", {changed} of {len(reporting)} with a divergence"
    return text


def _sources(attributions: list[Attribution | None]) -> str:
    """Who the claims are attributed to, each once, in order ("A and B"; "A, B and C", or with
    semicolons when a name holds a comma)."""
    names: list[str] = []
    for a in attributions:
        if a is not None and a.source not in names:
            names.append(a.source)
    unattributed = sum(1 for a in attributions if a is None)
    if not names:
        return ""
    sep = "; " if any("," in n for n in names) else ", "
    text = names[0] if len(names) == 1 else sep.join(names[:-1]) + f"{sep.strip()} and {names[-1]}"
    if len(names) == 2:
        text = f"{names[0]} and {names[1]}"
    return text + (f" ({unattributed} without attribution)" if unattributed else "")
