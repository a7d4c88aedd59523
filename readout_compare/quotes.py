"""Quotations: every quotation in an account, with its kind, its verdict against the readout
and the source the story credits it to.

The spans and their kinds come from :mod:`readout_compare.quote_marks`, the verdicts from
:mod:`readout_compare.quote_verdicts` and the credit from :mod:`readout_compare.attribution`.
A ``title`` ("Fox & Friends") is not checked against the readout; a ``scare`` quote is. A
quotation of another government's readout, of a post on social media, or of words the story
quotes at more length from someone else is their own words, not an altered quotation of this
readout.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from readout_compare.attribution import (
    OFFICE_ALONE,
    FollowedPeople,
    Found,
    attribute_quote,
    found_for,
    printable,
    resolve_description,
    resolve_pronoun,
    whose_document,
)
from readout_compare.attribution_languages import bare_verb, bare_verb_before
from readout_compare.attribution_patterns import CLAUSE_WINDOW, clause_subject
from readout_compare.diff import word_diff
from readout_compare.model import Attribution, Document, Match, Quote, QuoteKind, Sentence
from readout_compare.quote_marks import QuotedSpan, quote_kind, quote_spans
from readout_compare.quote_verdicts import (
    Verdict,
    names_someone_new,
    quote_words,
    speaks_in_first_person,
    verdict,
)
from readout_compare.source_kinds import (
    DESCRIPTION_WINDOW,
    OTHER_SIDE,
    READOUT_WORDS,
    issuer_display,
    issuer_names,
    names_foreign_country,
    office_holders,
    person_name,
    with_kind,
)


def find_quotes(
    readout: Document,
    account: Document,
    *,
    found_by_sentence: Found | None = None,
    verdicts: dict[int, Verdict] | None = None,
    spans: Sequence[QuotedSpan] | None = None,
    translated_by: dict[str, tuple[Match, ...]] | None = None,
) -> tuple[Quote, ...]:
    """Every quotation in the account, with its kind, verdict and attribution.
    ``found_by_sentence`` (:func:`attribution.found_in`) and ``verdicts`` (:func:`verdicts`,
    by the quotation's start) and ``spans`` (:func:`quote_spans` of its text), when given, are
    the work already done, in parallel for a large account. ``translated_by``: for an account
    in another language than the readout's, the matches of its sentences: a quotation is then
    "translated" when its sentence reports a readout sentence, its words not compared."""
    out: list[Quote] = []
    sentence_at = _sentence_lookup(account)
    speakers = _Speakers(readout, account, found_by_sentence)
    body = account.body
    ends = [s.end for s in body]
    for whole in quote_spans(account.text) if spans is None else spans:
        sentence = sentence_at(whole.start)
        if sentence is None or sentence.role != "body":
            continue
        kind = quote_kind(whole.text, account.text, whole.start)
        if kind == "title" and translated_by is None and (
                verdict(readout, whole.text)[0] == "verbatim"):
            # Words in capitals that the readout has ("‘Strategic Debate’ to be held …", the
            # readout's "a strategic debate"): its words, not a title of a work.
            kind = "scare" if len(whole.text.split()) <= 2 else "quotation"
        # A quotation of several sentences is credited where it closes, and judged sentence by
        # sentence: each may give the readout's words or change them.
        attribution = speakers.credit(whole, sentence, sentence_at(whole.end), kind)
        parts = ([(whole, sentence)] if kind == "title"
                 else _by_sentence(whole, sentence, account, body, ends))
        for span, part_sentence in parts:
            qid = f"{account.id}-q{len(out) + 1}"
            if kind == "title":
                out.append(Quote(id=qid, text=span.text, start=span.start, end=span.end,
                                 kind=kind, fidelity="not_in_readout",
                                 account_sentence=part_sentence.id, attribution=attribution))
                continue
            if translated_by is not None:
                judged = _translated(readout, part_sentence, translated_by)
                if judged[0] == "translated" and speaks_in_first_person(
                        span.text, _passage(readout, judged)):
                    # "President Xi and I will do everything possible …": its speaker's own
                    # words, where the readout speaks of its people in the third person.
                    judged = ("not_in_readout", None, None, None, judged[4])
            elif span is whole:
                judged = (verdicts or {}).get(span.start) or verdict(readout, span.text)
            else:
                judged = verdict(readout, span.text)
            if judged[0] == "translated" and (_other_government(attribution, speakers.issuer)
                                              or _a_post(attribution)
                                              or (_other_sides_person(attribution,
                                                                      speakers.issuer)
                                                  and not _translates(span.text,
                                                                      _passage(readout,
                                                                               judged)))):
                # Across languages too: the other government's words ("very good phone call,"
                # Trump wrote; "Grazie per aver convocato il vertice," Meloni said beside a
                # readout of Downing Street's) are theirs, not a translation of this readout.
                judged = ("not_in_readout", None, None, None, judged[4])
            credit = attribution
            if (judged[0] in ("verbatim", "altered", "stitched")
                    and _other_government(attribution, speakers.issuer)
                    and _owner_guessed(attribution, judged)):
                # The readout's words: the document is the readout, whoever was named before.
                credit = replace(attribution, source=_GUESSED_OWNER.sub("", attribution.source),
                                 is_readout=True, kind="issuer")
            if judged[0] in ("altered", "stitched") and (
                    _other_government(credit, speakers.issuer) or _a_post(credit)
                    or ((credit is None or not credit.is_readout)
                        and _POST.search(part_sentence.text) is not None)
                    or names_someone_new(span.text, readout)
                    or speaks_in_first_person(span.text, _passage(readout, judged))):
                # The other government's readout, or a post, quoted: its words are its own,
                # not a misquotation of this readout however alike the two are. So is a
                # passage that names, with a title, someone the readout never names
                # ("updated President Abbas on …" beside a readout of a call with someone
                # else): a misquotation changes words, it does not bring in new people. And
                # so is one in the first person where the readout speaks in the third ("Our
                # commitment … remains unwavering," Austin said).
                judged = ("not_in_readout", None, None, None, judged[4])
            out.append(_judged_quote(qid, span, kind, part_sentence, credit, judged, readout))
    return _the_readouts_words(_echoes_as_their_own(out), readout, account.text)


def _the_readouts_words(quotes: tuple[Quote, ...], readout: Document,
                        story: str = "") -> tuple[Quote, ...]:
    """A quotation of the readout's words that the story credits to no one is the readout's
    ('Austin also “raised concerns about …”', the readout's words about Austin): its source is
    the readout, with its issuer's usual name where the readout says who issued it."""
    if not any(_uncredited_readout_words(q) for q in quotes):
        return quotes
    # The issuer's usual name; else the story's own name for the readout where it credits one
    # of its quotations to it ("el comunicado de la Presidencia").
    name = issuer_display(readout, story) or next(
        (q.attribution.source for q in quotes
         if q.attribution is not None and q.attribution.is_readout), None)
    words = Attribution(text="its words are the readout's",
                        source=f"the readout ({name})" if name else "the readout",
                        is_readout=True, kind="issuer")
    return tuple(replace(q, attribution=_speaker_in_readout(words, q, readout))
                 if _uncredited_readout_words(q) else q for q in quotes)


def _speaker_in_readout(words: Attribution, q: Quote, readout: Document) -> Attribution:
    """The readout's words, with the person its sentence gives them to where it opens with one
    ("The Prime Minister stressed …" in a No 10 readout that names "Prime Minister Boris
    Johnson": "the Prime Minister (Boris Johnson), according to the readout (Downing
    Street)"); the readout alone where its sentence opens with no one person."""
    sentence = readout.sentence(q.readout_sentence) if q.readout_sentence else None
    if sentence is None:
        return words
    opening = _READOUT_SUBJECT.match(sentence.text)
    if opening is None:
        return words
    who = opening.group("who")
    office = _OFFICE_ALONE.fullmatch(who)
    if office is not None:
        # Named with the office in the readout's own sentences (not its title, whose words
        # are all capitalised: "Secretary Hegseth Talks With …").
        holder = re.compile(rf"\b{re.escape(office.group('office'))}"
                            r"(?:\s+of\s+(?:the\s+)?[A-Z]\w+)?\s+(?P<name>"
                            r"(?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)")
        named = next((m for m in map(holder.search, (b.text for b in readout.body)) if m), None)
        if named is None or person_name(named.group("name")) is None:
            return words
        who = f"the {office.group('office')} ({named.group('name')})"
    elif person_name(who) is None:
        return words
    # ("Both leaders …", "Los presidentes …": no one person; such a source is not printed.)
    return printable(replace(words, source=f"{who}, according to {words.source}")) or words


# A readout sentence that opens with its subject and a verb ("The Prime Minister stressed …",
# "Secretary Blinken expressed …", "President Michel underlined …").
_READOUT_SUBJECT = re.compile(
    r"(?:The\s+)?(?P<who>(?:[A-Z][\w.\u2019'-]*\s+){0,4}[A-Z][\w\u2019'-]*)\s+"
    r"(?:also\s+|further\s+|again\s+)?[a-z]{3,}(?:ed|s)\b")
_OFFICE_ALONE = re.compile(rf"(?P<office>{OFFICE_ALONE})")


def _uncredited_readout_words(q: Quote) -> bool:
    """A quotation (or a word or two in quotation marks) of the readout's words, in its
    language or translated, that the story credits to no one."""
    return (q.attribution is None and q.kind in READOUT_WORDS_KINDS
            and q.fidelity in ("verbatim", "altered", "stitched", "translated"))


READOUT_WORDS_KINDS = ("quotation", "scare")


# A quotation over several sentences is read whole for its speaker when its sentences hold at
# most this many characters (a mark never closed over a story is not).
SPANNED_READ_CHARS = 2000


# A quotation's part in one sentence is judged on its own from this many words (a shorter one,
# "Yes.", goes with the part after it); over more sentences than QUOTE_MAX_PARTS (a mark never
# closed) the quotation is judged whole.
QUOTE_PART_WORDS = 3
QUOTE_MAX_PARTS = 20
_MARKS = " \t\n\"\u201c\u201d\u201e\u00ab\u00bb"


def _by_sentence(whole: QuotedSpan, opening: Sentence, account: Document,
                 body: Sequence[Sentence], ends: list[int]) -> list[tuple[QuotedSpan, Sentence]]:
    """The quotation's parts, one per body sentence it runs over, each with its sentence; the
    quotation itself, with the sentence it opens in (``opening``), when it lies in one
    sentence."""
    first = bisect.bisect_right(ends, whole.start)
    spanned = []
    for s in body[first : first + QUOTE_MAX_PARTS + 1]:
        if s.start >= whole.end:
            break
        spanned.append(s)
    if not 2 <= len(spanned) <= QUOTE_MAX_PARTS:
        return [(whole, opening)]
    parts: list[tuple[QuotedSpan, Sentence]] = []
    carried = None  # the start of a short part, joined to the next
    for s in spanned:
        lo, hi = max(whole.start, s.start), min(whole.end, s.end)
        raw = account.text[lo:hi]
        lo += len(raw) - len(raw.lstrip(_MARKS))
        hi -= len(raw) - len(raw.rstrip(_MARKS))
        if hi <= lo:
            continue
        start = lo if carried is None else carried
        text = account.text[start:hi]
        if len(text.split()) < QUOTE_PART_WORDS and s is not spanned[-1]:
            carried = start
            continue
        carried = None
        parts.append((QuotedSpan(start, hi, _unmarked(text), whole.single), s))
    return parts if len(parts) >= 2 else [(whole, opening)]


def _unmarked(text: str) -> str:
    """A part's words without the marks that reopen a quotation at a paragraph's start."""
    return re.sub(r"\n\s*[\"\u201c\u201e\u00ab]", "\n", text)


# A credit to a post on social media ("Biden said in a Twitter post", "the Prime Minister in a
# tweet", "wrote on X"): lower-case "post", so "the Washington Post" is not one.
_POST = re.compile(
    r"\b(?:tweet(?:s|ed)?|posts?|posted|wrote|writes)\b"
    # "on X", "via Telegram", "Taking to X, Rubio said …"
    r"|\b(?:[Oo]n|[Vv]ia|to) (?:X|Telegram|Facebook|Instagram|Truth Social|Weibo|WeChat)\b"
    r"|\b(?:Twitter|[Ss]ocial media)\b")


def _a_post(attribution: Attribution | None) -> bool:
    """The story credits the words to a post (or something written) rather than the readout:
    a leader's post on social media says in its own words what the readout says in its own."""
    return (attribution is not None and not attribution.is_readout
            and _POST.search(attribution.text) is not None)


def _echoes_as_their_own(quotes: list[Quote]) -> tuple[Quote, ...]:
    """A phrase the story quotes, altered or stitched from the readout, that stands whole in a
    longer quotation of the same story not in the readout ("the “multifaceted defence support
    for Ukraine”" before the leader's post, "We discussed the multifaceted defense support for
    Ukraine …", quoted in full) is from that quotation: not in the readout, credited as it is
    unless it has no credit of its own."""
    others = [(q, quote_words(q.text)) for q in quotes
              if q.fidelity == "not_in_readout" and q.kind != "title"]
    out = []
    for q in quotes:
        if q.fidelity in ("altered", "stitched") and others:
            words = quote_words(q.text)
            host = next((o for o, o_words in others
                         if len(o_words) > len(words) and _contains(o_words, words)), None)
            if host is not None:
                q = replace(q, fidelity="not_in_readout", readout_sentence=None,
                            readout_start=None, readout_end=None, readout_text=None, diff=(),
                            attribution=q.attribution or host.attribution)
        out.append(q)
    return tuple(out)


def _passage(readout: Document, judged: Verdict) -> str | None:
    """The readout passage a verdict found."""
    _, _, start, end, _ = judged
    return readout.text[start:end] if start is not None and end is not None else None


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and any(words[i:i + n] == part for i in range(len(words) - n + 1))


def _translated(readout: Document, sentence: Sentence,
                matches: dict[str, tuple[Match, ...]]) -> Verdict:
    """Across languages: "translated" from the readout sentence the quotation's sentence
    reports, else not in the readout."""
    reported = [m for m in matches.get(sentence.id, ()) if m.basis == "claim"]
    if not reported:
        return ("not_in_readout", None, None, None, 0.0)
    best = max(reported, key=lambda m: m.score)
    r = readout.sentence(best.readout_sentence)
    return ("translated", r.id, r.start, r.end, best.score)


def _judged_quote(qid: str, span: QuotedSpan, kind: QuoteKind, sentence: Sentence,
                  attribution: Attribution | None, judged: Verdict, readout: Document) -> Quote:
    """The quotation with its verdict and the readout passage the verdict found."""
    fidelity, r_sid, r_start, r_end, score = judged
    r_text = readout.text[r_start:r_end] if r_start is not None else None
    return Quote(
        id=qid,
        text=span.text,
        start=span.start,
        end=span.end,
        kind=kind,
        fidelity=fidelity,
        account_sentence=sentence.id,
        readout_sentence=r_sid,
        readout_start=r_start,
        readout_end=r_end,
        readout_text=r_text,
        attribution=attribution,
        diff=word_diff(r_text, span.text) if fidelity == "altered" and r_text else (),
        score=round(score, 3),
    )


class _Speakers:
    """Whom the story credits each of its quotations to, the quotations taken in order: a
    quotation with no credit of its own may keep the speaker of the one before it."""

    def __init__(self, readout: Document, account: Document,
                 found_by_sentence: Found | None) -> None:
        self.account = account
        self.found_by_sentence = found_by_sentence
        self.issuer = issuer_names(readout)
        # Kinds of the people named so far (with_kind), from the offices the story names.
        self.known = office_holders(account.text, self.issuer)
        self.position = {s.id: k for k, s in enumerate(account.sentences)}
        # The last quotation's speaker in each paragraph, and in the whole account (at -1).
        self.last: dict[int, Attribution] = {}
        self.last_quote_at = -1  # the position of the story's last credited quotation
        self.followed = FollowedPeople()  # the people its pronouns were resolved to so far

    def credit(self, span: QuotedSpan, sentence: Sentence, closing: Sentence | None,
               kind: QuoteKind) -> Attribution | None:
        """The quotation's source; ``closing`` is the sentence where the quotation ends."""
        attribution = printable(self._named(span, sentence, closing))
        if attribution is None and kind == "quotation":
            attribution = printable(self._introduced(span, sentence))
        if attribution is None and kind in ("quotation", "scare"):
            # A word or two in quotation marks inside what someone did ("Starmer condemned
            # Russia's “barbaric attacks”") are that someone's words too.
            attribution = printable(self._subject(span, sentence))
        if attribution is not None and _THEY.match(attribution.source):
            # "They agreed that “…”", "they stressed that “…”": the call's participants did
            # what the quotation says; its words are the document's the story has been
            # reporting, when it named one.
            k = self.position[sentence.id]
            attribution = (self._carried(span, sentence)
                           or self._named_just_before(span, sentence, k)
                           or self.last.get(-1) or attribution)
        # (The text read around the quotation is at most CLAUSE_WINDOW characters each side:
        # in a sentence of many quotations each would otherwise read the whole sentence.)
        if attribution is None and kind in ("quotation", "scare") and (
                (kind == "quotation" and closing is not None
                 and bare_verb(self.account.text[span.end + 1 : min(
                     closing.end, span.end + 1 + CLAUSE_WINDOW)]))
                or bare_verb_before(self.account.text[max(
                    sentence.start, span.start - CLAUSE_WINDOW) : span.start])):
            # "…", dijo en su conferencia; "aseguró que «…»": a verb with its subject left out
            # (Spanish, Portuguese, Russian), the speaker the story named just before.
            k = self.position[sentence.id]
            attribution = printable(self._named_just_before(span, sentence, k)
                                    or self.last.get(-1))
        if attribution is None and kind == "quotation":
            attribution = printable(self._carried(span, sentence))
        if attribution is None and kind in ("quotation", "scare"):
            attribution = printable(self._paragraph_speaker(span, sentence))
        if kind == "quotation" and attribution is not None:
            self.last[sentence.paragraph] = attribution
            self.last[-1] = attribution
            self.last_quote_at = self.position[sentence.id]
        return attribution

    def _named(self, span: QuotedSpan, sentence: Sentence,
               closing: Sentence | None) -> Attribution | None:
        """The source named around the quotation, with its kind, a pronoun resolved."""
        attribution = attribute_quote(sentence, span.start - 1, span.end + 1,
                                      self.found_by_sentence)
        if attribution is None and closing is not None and closing is not sentence:
            # A quotation of several sentences is credited where it closes ("…. …," he said).
            attribution = attribute_quote(closing, span.start - 1, span.end + 1,
                                          self.found_by_sentence)
        if (attribution is None and closing is not None and closing is not sentence
                and closing.end - sentence.start <= SPANNED_READ_CHARS):
            # Or by the clause it sits in, read whole from its opening to its closing sentence:
            # "安倍首相は「…。…」と述べた" names the speaker before the quotation's first sentence
            # and the verb after its last (the quotation itself is blanked when read).
            whole = replace(sentence, id=f"{sentence.id}..{closing.id}", end=closing.end,
                            text=self.account.text[sentence.start:closing.end])
            attribution = attribute_quote(whole, span.start - 1, span.end + 1)
        if attribution is None:
            return None
        return self._with_context(attribution, span, sentence)

    def _with_context(self, attribution: Attribution, span: QuotedSpan,
                      sentence: Sentence) -> Attribution:
        """The attribution with a pronoun resolved, its kind, and a document ("the
        statement") tied to the one the story named before."""
        k = self.position[sentence.id]
        # (The guesses read only the text a description's person may be named in.)
        before = self.account.text[max(0, sentence.start - DESCRIPTION_WINDOW) : sentence.start]
        attribution = resolve_pronoun(
            attribution, self.account.sentences[max(k - 3, 0) : k], before, sentence.text,
            self.followed.near(k))
        self.followed.note(k, attribution)
        attribution = resolve_description(attribution, before)
        attribution = with_kind(attribution, self.issuer, self.known)
        return whose_document(attribution, self.account.text[: span.start], self.issuer)

    def _subject(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """A quotation inside what the sentence's subject did ("Austin asked Beijing to
        “refrain …”") is the subject's words, when no phrase credits it."""
        attribution = clause_subject(sentence.text, span.start - 1 - sentence.start)
        return self._with_context(attribution, span, sentence) if attribution else None

    def _carried(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """A quotation that goes on in the next sentence of the same paragraph keeps the
        speaker named before ("...," the readout continued. "In both calls, ..."); so does a
        paragraph that is only a quotation, by newspaper convention: the speaker of the
        quotation before it, or of the sentence just before ("…, Hegseth said." then a
        paragraph of his words), whichever the story named last."""
        attribution = self.last.get(sentence.paragraph)
        k = self.position[sentence.id]
        opens = (k == 0 or self.account.sentences[k - 1].paragraph != sentence.paragraph) and (
            span.start - sentence.start <= 1)
        if attribution is None and opens:
            attribution = self._named_just_before(span, sentence, k) or self.last.get(-1)
        return attribution

    def _paragraph_speaker(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """The speaker the sentence just before names with a verb of saying, in the same
        paragraph: a quotation the story credits to no one goes on with what that speaker
        said ("Johnson said the relationship was not the one London wanted. Issues … meant
        “significant bilateral difficulties remain”")."""
        k = self.position[sentence.id]
        if k == 0:
            return None
        before = self.account.sentences[k - 1]
        if before.role != "body" or before.paragraph != sentence.paragraph:
            return None
        found = [f for f in found_for(before, self.found_by_sentence) if f[3] <= 1]
        return self._with_context(found[-1][2], span, before) if found else None

    def _introduced(self, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
        """A quotation that opens its sentence right after a sentence or lead-in ending in a
        colon ("In a Government statement, the Taoiseach stressed the plans fall short:"
        then '"The Taoiseach and the UK prime minister spoke …'): the source that introduces
        it."""
        k = self.position[sentence.id]
        if k == 0 or self.account.text[sentence.start:span.start].strip(_OPENING_MARKS):
            return None
        before = self.account.sentences[k - 1]
        if before.role not in ("body", "lead-in") or not before.text.rstrip().endswith(":"):
            return None
        found = attribute_quote(before, before.end, before.end, self.found_by_sentence)
        return self._with_context(found, span, before) if found is not None else None

    def _named_just_before(self, span: QuotedSpan, sentence: Sentence,
                           k: int) -> Attribution | None:
        """The speaker a body sentence names between the last quotation and this one, at most
        three sentences back; None when the last quotation is nearer."""
        for j in range(k - 1, max(k - 4, self.last_quote_at, -1), -1):
            before = self.account.sentences[j]
            if before.role != "body":
                continue
            found = [f for f in found_for(before, self.found_by_sentence)
                     if f[3] <= 1 and not _AS_SAID.search(before.text[: f[0]])]
            if found:
                return self._with_context(found[-1][2], span, before)
        return None


# What may stand before a quotation's first word at the start of its sentence.
_OPENING_MARKS = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u300c\u300e"

# An unresolved "they" (the call's participants, as a rule).
_THEY = re.compile(r"(?i)they \(unresolved\)$")

# "…, as Sheinbaum herself said.", "como dijo la presidenta": an aside that vouches for one
# fact; it does not introduce the quotation that follows.
_AS_SAID = re.compile(r"(?:\bas|\bcomo|\bcomme|\bwie|(?<!\w)как)\s*$", re.IGNORECASE)


def verdicts(readout: Document, spans: Sequence[QuotedSpan]) -> dict[int, Verdict]:
    """The readout's verdict on each quoted span, by the span's start (the part of
    :func:`find_quotes` that a large account's workers do in parallel)."""
    return {s.start: verdict(readout, s.text) for s in spans}


_BODY_WORDS = re.compile(
    r"\b(?:ministry|ministries|statement|readout|communiqu[eé]|release|embassy|office|department|"
    r"spokes(?:person|man|woman)|kremlin|presidency|government)\b", re.I)


def _other_government(attribution: Attribution | None, issuer: frozenset[str]) -> bool:
    """The story credits the words to another government's statement or ministry, named as
    such ("Russia's Foreign Ministry", "the statement (Russian)", "a statement issued by the
    Ministry of External Affairs" beside Japan's readout), not a bare "the embassy"."""
    return (attribution is not None and attribution.kind == "government"
            and not attribution.is_readout and bool(_BODY_WORDS.search(attribution.source))
            and (names_foreign_country(attribution.source, issuer)
                 or bool(READOUT_WORDS.search(attribution.source))))


def _other_sides_person(attribution: Attribution | None, issuer: frozenset[str]) -> bool:
    """The story credits the words to the person the readout's principal met or called, as
    that person's own ("Meloni said"), not as the readout gives them ("Meloni, according to
    the statement")."""
    if attribution is None or ", according to " in attribution.source:
        return False
    name = person_name(attribution.source)
    return bool(name) and OTHER_SIDE + name.lower() in issuer


def _translates(quoted: str, passage: str | None) -> bool:
    """Whether a quotation in another language says what the readout's passage says, as close
    as a translation (the encoders' similarity at their bar for sure matches across
    languages): "the Secretary and the Foreign Minister agreed to expand cooperation", said by
    the minister, is still the readout's sentence."""
    from readout_compare import semantic

    if not passage:
        return False
    rows, bars = semantic.cross_similarities([quoted], [passage], both=True)
    return rows[0][0] >= bars.ceiling


# "the statement (Kremlin)": a document the story does not say whose, its owner guessed from
# the body named last before it (attribution.whose_document).
_GUESSED_DOCUMENT = re.compile(
    r"^(?:the|a|an)\s+(?:statement|readout|read-out|release|communiqu[eé]|summary)\s+\([^()]+\)$",
    re.IGNORECASE)
_GUESSED_OWNER = re.compile(r"\s+\([^()]+\)$")
# Share of a quotation's words in one passage of the readout that outweighs a guessed owner.
READOUTS_OWN_SHARE = 0.85


def _owner_guessed(attribution: Attribution | None, judged: Verdict) -> bool:
    """The quotation is credited to a document whose owner is only guessed, and nearly all its
    words are the readout's ("the statement said" after "the Kremlin said last week …", of a
    passage of the readout with two words changed): the words say whose it is."""
    return (attribution is not None and bool(_GUESSED_DOCUMENT.match(attribution.source))
            and judged[4] >= READOUTS_OWN_SHARE)


def _sentence_lookup(doc: Document) -> Callable[[int], Sentence | None]:
    """offset -> the sentence holding it (or the last one starting before it)."""
    starts = [s.start for s in doc.sentences]

    def at(offset: int) -> Sentence | None:
        i = bisect.bisect_right(starts, offset + 1) - 1
        return doc.sentences[i] if i >= 0 else None

    return at
