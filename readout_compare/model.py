"""The plain, frozen data passed from one pipeline step to the next.

load -> :class:`Source` and text; segment -> :class:`Document`;
align and classify -> :class:`AccountComparison`; all of it -> :class:`Comparison`,
which every renderer takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

# Settings has a module of its own so that the command line's options can use its bounds
# without making every data type (about 20 ms of start-up); it is one of the data types passed on.
from readout_compare.settings import MAX_PARTIAL_MIN_WORDS, Settings  # noqa: F401

# body: a claim; heading: a title or section head; lead-in: text that introduces what follows
# ("The below is attributable to ...:", "The package includes:"); furniture: not the text's own
# (datelines, captions, credits, share buttons, boilerplate).
Role = Literal["body", "heading", "lead-in", "furniture"]
SentenceStatus = Literal["supported", "divergent", "not_in_readout"]
CoverageStatus = Literal["reported", "omitted"]
MatchKind = Literal["verbatim", "paraphrase", "partial"]
# What a match reports: the readout's content ("claim"), or only its event ("event": the
# account mentions the call or meeting the readout sentence announces, with its participants
# or date, but says something else about it).
MatchBasis = Literal["claim", "event"]
# Where in a story a sentence stands: its headline, its lede (the first two body sentences),
# or the upper or lower half of the rest, by the share of body text before it.
Position = Literal["headline", "lede", "upper_half", "lower_half"]
# Best first: a verbatim report outranks a paraphrase, which outranks a partial one.
KIND_ORDER: dict[str, int] = {"verbatim": 0, "paraphrase": 1, "partial": 2}
# "translated": a quotation in another language than the readout's, in a sentence that reports
# a readout sentence (its words cannot be held to the readout's word for word).
QuoteFidelity = Literal["verbatim", "altered", "stitched", "translated", "not_in_readout"]
QuoteKind = Literal["quotation", "title", "scare"]
DivergenceType = Literal[
    "number", "date", "negation", "modality", "reporting_verb", "entity", "quote"
]
# A word-diff opcode in the manner of difflib: (tag, readout words, account words).
DiffOp = tuple[str, str, str]


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where an input came from, recorded in every report."""

    path: str | None = None
    url: str | None = None
    final_url: str | None = None
    retrieved: str | None = None
    content_type: str = "text/plain"
    encoding: str | None = None
    title: str | None = None
    date: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class LoadedText:
    """Text ready to segment, with where it came from (what load gives the pipeline)."""

    text: str
    source: Source


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """A unit of text (a sentence, a list item, a heading) with exact offsets:
    ``document.text[start:end] == text``; the text may hold the line breaks of a wrapped input."""

    id: str
    text: str
    start: int
    end: int
    role: Role
    paragraph: int
    context: str | None = None  # for a list item, the id of the list's lead-in
    # For a list item, its number or letter as written ("1.", "(b)"), which is not part of the
    # text compared but is part of what the reader sees; None for a bullet or anything else.
    marker: str | None = None


@dataclass(frozen=True, kw_only=True)
class Document:
    """A readout or an account, segmented into sentences."""

    id: str
    label: str
    text: str
    sentences: tuple[Sentence, ...]
    source: Source = field(default_factory=Source)
    language: str = "und"  # ISO 639-1 code (language.detect), "und" when undetermined

    def sentence(self, sentence_id: str) -> Sentence:
        return self._by_id[sentence_id]

    @cached_property
    def _by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @property
    def body(self) -> tuple[Sentence, ...]:
        """The sentences that make claims (not headings, not page furniture)."""
        return tuple(s for s in self.sentences if s.role == "body")


@dataclass(frozen=True, kw_only=True)
class Match:
    """An account sentence reports (all or part of) a readout sentence."""

    readout_sentence: str
    score: float  # confidence that the account sentence reports this readout content, 0..1
    kind: MatchKind
    # Share of the readout sentence's words that the account sentence reproduces.
    readout_coverage: float
    # Share of the account sentence's words that come from the readout sentence.
    account_coverage: float
    diff: tuple[DiffOp, ...]
    basis: MatchBasis = "claim"
    evidence: tuple[str, ...] = ()  # what made the match, in words
    part: str | None = None  # the clause of the readout sentence reported, when one is
    # The account sentence sums up the readout (several of its sentences, in other words) and
    # this is the closest of them: no words of the pair are compared, so no divergence is read.
    summary: bool = False

    @property
    def words_compared(self) -> bool:
        """Whether the pair's words say what the account sentence reports, so that a change
        in them is a divergence: a claim, not a mention of the event nor a summary."""
        return self.basis == "claim" and not self.summary


@dataclass(frozen=True, kw_only=True)
class Divergence:
    """A material difference inside a matched pair, with both spans as evidence."""

    type: DivergenceType
    account_text: str
    readout_text: str
    readout_sentence: str
    direction: str | None = None  # for reporting verbs: "escalates" or "softens"
    detail: str = ""


@dataclass(frozen=True)
class Attribution:
    """Whose words the account says a quotation or claim is."""

    text: str  # the words that say so, as written ("the readout continued")
    source: str  # who, as best we can tell ("the readout", "Trump", "Wall Street Journal")
    is_readout: bool
    # "issuer" (the readout's issuer or its people), "government" (another government),
    # "person", "organisation", "media", "unnamed" (unnamed sources, "reportedly").
    kind: str = "person"


@dataclass(frozen=True, kw_only=True)
class ReviewEntry:
    """One entry of a review file: a reporter's verdict on one account sentence or quotation,
    named by its stable key (keys.py). ``status`` and ``readout`` (the key of the readout
    sentence it reports) are for a sentence; ``fidelity`` for a quotation."""

    key: str
    status: SentenceStatus | None = None
    readout: str | None = None
    fidelity: QuoteFidelity | None = None
    note: str = ""
    reviewer: str = ""
    at: str = ""  # ISO 8601 time of the review


@dataclass(frozen=True)
class Review:
    """A reviewed verdict as applied: the reporter's entry, and what the tool had said."""

    entry: ReviewEntry
    outcome: Literal["confirmed", "corrected"]
    tool_verdict: str | None  # the tool's sentence status or quotation fidelity
    tool_readout: tuple[str, ...] = ()  # readout sentences the tool linked it to (by claim)
    readout_sentence: str | None = None  # the readout sentence the reviewer linked, by id


@dataclass(frozen=True)
class StaleReview:
    """A review entry that no longer fits the comparison (its sentence or quotation, or the
    readout sentence it links, changed or went), with why in words."""

    entry: ReviewEntry
    reason: str


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A quotation found in an account, with its verdict against the readout."""

    id: str
    text: str  # the quoted words, without the quotation marks
    start: int
    end: int
    kind: QuoteKind
    fidelity: QuoteFidelity
    account_sentence: str
    readout_sentence: str | None = None
    readout_start: int | None = None  # span matched, as offsets into the readout text
    readout_end: int | None = None
    readout_text: str | None = None
    attribution: Attribution | None = None
    diff: tuple[DiffOp, ...] = ()
    score: float = 0.0
    review: Review | None = None  # a reporter's verdict, when the comparison was reviewed


@dataclass(frozen=True, kw_only=True)
class AccountSentence:
    sentence: Sentence
    status: SentenceStatus | None  # None for headings and furniture
    matches: tuple[Match, ...] = ()
    divergences: tuple[Divergence, ...] = ()
    attribution: Attribution | None = None
    review: Review | None = None  # a reporter's verdict, when the comparison was reviewed


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """What became of one readout sentence in one account."""

    readout_sentence: str
    status: CoverageStatus
    kind: MatchKind | None  # the best match's kind, None when omitted
    account_sentences: tuple[str, ...]
    divergent: bool = False
    # When reported only in part: which parts (readout clauses, or "the event" when the
    # account only mentions the call or meeting the sentence announces).
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hint:
    """A possible paraphrase the lexical matcher did not confirm: a readout sentence left
    omitted and an account sentence left without a counterpart whose meanings the semantic
    encoder finds close. Shown as a hint to check, never counted as a match."""

    readout_sentence: str
    account_sentence: str
    similarity: float  # cosine of the two sentence embeddings


@dataclass(frozen=True, kw_only=True)
class AccountComparison:
    document: Document
    sentences: tuple[AccountSentence, ...]
    coverage: tuple[Coverage, ...]
    quotes: tuple[Quote, ...] = ()
    hints: tuple[Hint, ...] = ()
    across_languages: bool = False  # matched by the semantic encoder, not by words

    def sentence(self, sentence_id: str) -> AccountSentence:
        return self._by_id[sentence_id]

    @cached_property
    def _by_id(self) -> dict[str, AccountSentence]:
        return {s.sentence.id: s for s in self.sentences}


@dataclass(frozen=True)
class ClaimGroup:
    """Account sentences, in different accounts, making the same claim beyond the readout."""

    id: str
    account_sentences: tuple[str, ...]
    accounts: tuple[str, ...]
    attributions: tuple[str, ...]


@dataclass(frozen=True)
class Verb:
    """A verb of saying, with its rung on the ladder (lexicon.VERB_LADDER)."""

    word: str
    rung: str  # neutral, emphatic, forceful
    quoted: bool = False  # inside quotation marks: the quoted speaker's verb, not the framing


@dataclass(frozen=True)
class Framing:
    """The verbs of saying each account uses for one readout sentence, beside the readout's."""

    readout_sentence: str
    readout_verbs: tuple[Verb, ...]
    account_verbs: dict[str, tuple[Verb, ...]]  # account id -> verbs (empty when omitted)


@dataclass(frozen=True, kw_only=True)
class Placement:
    """Where an account first reports one readout sentence."""

    readout_sentence: str
    account_sentence: str  # the first report in story order (a report of its claim if any)
    position: Position
    paragraph: int  # the story's body paragraphs counted from 1 (0: the headline)
    share_before: float  # share of the story's body text before this sentence, 0..1
    basis: MatchBasis  # "event" when the account only mentions the call the sentence announces


@dataclass(frozen=True)
class Lead:
    """One sentence of an account's headline or lede, with its verdict."""

    account_sentence: str
    position: Position  # "headline" or "lede"
    status: SentenceStatus
    readout_sentences: tuple[str, ...]  # what it reports, by claim
    attribution: Attribution | None


@dataclass(frozen=True)
class StoryPlacement:
    """Where one account puts the readout's points, and what it led with."""

    account: str
    placements: tuple[Placement, ...]  # one per reported readout sentence, in readout order
    lead: tuple[Lead, ...]  # headline and lede sentences, in story order
    led_with: str  # the lead in words: "led with 2 claims not in the readout, attributed to …"
    first_point: Placement | None  # the earliest report of a readout claim, in story order


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One thing a reporter could write, in a plain sentence, with where its evidence stands on
    the report's page and how sure the tool is of it (findings.py)."""

    kind: str  # lead_claim, altered_quote, stitched_quote, divergence, omitted, only_here,
    #            shared_claim, part_left_out
    text: str
    target: str  # the id of the element holding its evidence ("a1-4", "a1-q2", "r-3", "g1")
    accounts: tuple[str, ...]  # the accounts it is about, in account order
    certainty: float | None  # 0..1, from the match and quotation scores; None: not scored
    sureness: str  # the certainty in words: "certain", "very likely", "likely", "possible"
    sentences: tuple[str, ...] = ()  # every sentence id it rests on


@dataclass(frozen=True, kw_only=True)
class Comparison:
    readout: Document
    accounts: tuple[AccountComparison, ...]
    settings: Settings
    claim_groups: tuple[ClaimGroup, ...] = ()
    framing: tuple[Framing, ...] = ()
    placement: tuple[StoryPlacement, ...] = ()  # one per account, in account order
    findings: tuple[Finding, ...] = ()  # at most findings.MAX_FINDINGS, weightiest first
    matcher: str = ""  # what the matching models were fitted on (calibration.json)
    # None: not reviewed; else the review file's entries that no longer name a unit of this
    # comparison (kept, never dropped, so the reporter sees what to review again).
    stale_reviews: tuple[StaleReview, ...] | None = None
