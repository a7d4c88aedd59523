"""Attribution: whose words a quotation or a sentence of an account carries, by the phrases
around it that credit a source.

A quotation attributed to someone other than the readout is reported as coming from that
source; a speaker whose words another source reports is given as that source reports them
("Lavrov, according to the Russian foreign ministry"); "he said" is resolved to the person
named before it, and "the statement said" to the statement the story named before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from readout_compare.attribution_languages import (
    PERSONAL_PRONOUNS,
    SHE,
    opens_with_bare_verb,
)
from readout_compare.attribution_patterns import (
    SPEECH_VERBS,
    FoundAttribution,
    attributions_in,
    blank_quotes,
    well_formed,
)
from readout_compare.lexicon import word_key
from readout_compare.model import Attribution, Document, Sentence
from readout_compare.source_kinds import (
    DESCRIPTION_WINDOW,
    described_person,
    is_description,
    issuer_names,
    names_foreign_country,
    office_holders,
    person_name,
    with_kind,
)

# What attribution finds in each sentence, by sentence id (see found_in); made once per account
# and shared by the quotation and the sentence passes.
Found = dict[str, tuple[FoundAttribution, ...]]


def found_in(sentences: Sequence[Sentence]) -> Found:
    """Every attribution in each sentence, by sentence id: the patterns' work, which the
    quotation pass and the sentence pass both need and which large accounts do in parallel."""
    return {s.id: attributions_in(s.text) for s in sentences}


def attribute_quote(
    sentence: Sentence, q_start: int, q_end: int, found_by_sentence: Found | None = None
) -> Attribution | None:
    """The attribution of the quotation at q_start:q_end (offsets into the account's text)
    within its sentence: the nearest
    attribution after the quote ("...," the readout continued), else the nearest before it.
    When another source in the sentence reports the speaker's words ("Xinhua said Xi told …";
    "Lavrov stressed …, the ministry said"), the speaker is given as that source reports them."""
    found = found_for(sentence, found_by_sentence)
    if not found:
        return None
    index = _indexed(found)
    rel_start, rel_end = q_start - sentence.start, q_end - sentence.start
    first_after = index.first_after(rel_end - 1)
    after = ([first_after] if first_after is not None
             and _words_between(sentence.text, rel_end, first_after[0]) < AFTER_WINDOW else [])
    last_before = index.last_ending_by(rel_start + 1)
    before = [last_before] if last_before is not None else []
    end = _credit_end(sentence.text)
    closing = next((f for f in found if f[0] >= rel_end and f[1] >= end - 1), None)
    if before and closing is not None and closing[2].source != before[0][2].source:
        # "Both leaders emphasized an “immediate ceasefire” …, but noted …, a Kremlin
        # statement said.": the credit that ends the sentence reports all of it, the
        # quotation's speaker before it included.
        return _reported(before[0][2], closing[2])
    if not before and not after and closing is not None:
        after = [closing]  # however far the quotation is from it
    if before and after:
        # The speaker named before the quotation, the reporter after it.
        return _reported(before[0][2], after[0][2])
    nearest = _nearest(found, before, after, rel_start)
    if nearest is None:
        return None
    outer = index.first_other_source(nearest[2].source)
    if outer is not None and outer[0] < rel_start and nearest[0] >= rel_end - 1:
        # 'He conveyed to Lavrov “…,” said a statement by …': the subject before the quotation,
        # as the credit after it gives him.
        return _reported(outer[2], nearest[2])
    if outer is not None and outer[0] < nearest[0]:
        # "Xinhua said Xi told Hale that …": Xi's words as Xinhua gives them.
        return _reported(nearest[2], outer[2])
    readout = index.readout
    if readout is not None and not nearest[2].is_readout:
        return _reported(nearest[2], readout)
    return nearest[2]


# An attribution after a quotation credits it when this many characters of the story's own
# words stand between them ("“big” and “powerful” missiles, …, Trump said": the quotations in
# between are not counted).
AFTER_WINDOW = 80
# A stretch longer than this between a quotation and a credit after it is never read.
_BETWEEN_READ = 4 * AFTER_WINDOW


def _words_between(text: str, start: int, end: int) -> int:
    """The length of ``text[start:end]`` without its quotations and with runs of spaces as one:
    how far a credit after a quotation is from it in the story's own words."""
    if end - start >= _BETWEEN_READ:
        return end - start
    return len(re.sub(r"\s+", " ", blank_quotes(text[start:end])))


class _Index:
    """A sentence's attributions, looked up by position: a sentence holding thousands of
    quotations ("called it “fine” and …" over a megabyte) is searched in log time for each
    one, not scanned whole for each."""

    def __init__(self, found: tuple[FoundAttribution, ...]) -> None:
        self.found = found
        self.starts = [f[0] for f in found]  # attributions_in gives them by start
        self.by_end = sorted(found, key=lambda f: f[1])
        self.ends = [f[1] for f in self.by_end]
        self.readout = next((f[2] for f in found if f[2].is_readout), None)
        first = found[0][2].source
        # The first attribution whose source is not the first one's.
        self.other = next((f for f in found if f[2].source != first), None)

    def first_after(self, position: int) -> FoundAttribution | None:
        """The attribution that starts first at or after ``position``."""
        k = bisect.bisect_left(self.starts, position)
        return self.found[k] if k < len(self.found) else None

    def last_ending_by(self, position: int) -> FoundAttribution | None:
        """Of the attributions that end at or before ``position``, the one that ends last."""
        k = bisect.bisect_right(self.ends, position)
        if not k:
            return None
        # Of several ending there, the first in the sentence (as max() picks it).
        return self.by_end[bisect.bisect_left(self.ends, self.ends[k - 1])]

    def first_other_source(self, source: str) -> FoundAttribution | None:
        """The first attribution of the sentence whose source is not ``source``."""
        return self.found[0] if self.found[0][2].source != source else self.other


_LAST_INDEX: list = [None, None]  # the last sentence's attributions and their _Index


def _indexed(found: tuple[FoundAttribution, ...]) -> _Index:
    """The index of ``found``, kept for the next quotation of the same sentence."""
    if _LAST_INDEX[0] is not found:
        _LAST_INDEX[:] = [found, _Index(found)]
    return _LAST_INDEX[1]


def _nearest(found: Sequence[FoundAttribution], before: list[FoundAttribution],
             after: list[FoundAttribution], rel_start: int) -> FoundAttribution | None:
    """The attribution nearest a quotation that starts at ``rel_start`` in its sentence: the
    first after it, else the last before it, else one that covers the whole sentence."""
    if after:
        return min(after, key=lambda f: f[0])
    if before:
        return max(before, key=lambda f: f[1])
    # Only "according to" and its kind cover a whole sentence; "X said that …" is about
    # what follows it, not a quotation far before it.
    sure = [f for f in found if f[3] == 0 or f[0] <= rel_start]
    return sure[0] if sure else None


def _credit_end(text: str) -> int:
    """Where a credit that ends the sentence ends (", the ministry said.", "… it said.\u201d"):
    the sentence without its full stop and closing quotation marks."""
    return len(text.rstrip(" .\u201d\"'"))


def _reported(speaker: Attribution, reporter: Attribution) -> Attribution:
    """The speaker's words as a reporter gives them: "Lavrov, according to the Russian foreign
    ministry"."""
    if speaker.source == reporter.source:
        return speaker
    if _within(speaker.source, reporter.source):
        return reporter  # "Trend, citing TASS" reports Trend's own words: no chain
    if _within(reporter.source, speaker.source):
        return speaker
    return Attribution(
        text=f"{reporter.text} … {speaker.text}" if reporter.text != speaker.text else speaker.text,
        source=f"{speaker.source}, according to {reporter.source}",
        is_readout=reporter.is_readout,
        kind=speaker.kind,
    )


def _within(part: str, whole: str) -> bool:
    """``part``'s words stand together in ``whole`` ("Trend" in "Trend, citing TASS"; not "Xi"
    in "Xinhua", not "he" in "the official")."""
    words, within = re.findall(r"\w+", part.lower()), re.findall(r"\w+", whole.lower())
    n = len(words)
    return n > 0 and any(within[i : i + n] == words for i in range(len(within) - n + 1))


def attribute_sentences(
    account: Document, readout: Document | None = None, found_by_sentence: Found | None = None
) -> dict[str, Attribution]:
    """The attribution each body sentence of the account carries, where it carries one, with
    the speaker's kind (``readout`` tells who its issuer is). ``found_by_sentence``: what
    :func:`found_in` gave for the account, when made already."""
    issuer = issuer_names(readout)
    known = office_holders(account.text, issuer)
    out = {}
    body = [s for s in account.sentences if s.role == "body"]
    followed = FollowedPeople()
    for i, s in enumerate(body):
        found = found_for(s, found_by_sentence)
        if not found:
            carried = _carried_on(s, body[i - 1] if i else None, out)
            if carried is not None:
                out[s.id] = carried
            continue
        # "according to" and "citing" name the source more surely than a verb of saying;
        # a speaker whose words another source reports is given as that source reports him.
        # A source at the end of the sentence ("…, his office said") reports what comes
        # before it, so it ranks with "according to".
        end = _credit_end(s.text)
        found = [(a, b, att, 0 if b >= end - 1 and a > 0 else p) for a, b, att, p in found]
        best = min(found, key=lambda f: (f[3], f[0]))
        speaker = next((f for f in found if f[3] == 1 and f is not best
                        and f[2].source != best[2].source), None)
        chosen = _reported(speaker[2], best[2]) if best[3] == 0 and speaker else best[2]
        # "That's according to the Pentagon's press service, Ukrinform reports.": a source
        # phrase, then an outlet's verb of saying at the end, which reports it.
        outer = next((f for f in found if f[3] == 0 and f is not best and f[0] > best[1]
                      and f[1] >= end - 1 and f[2].source != best[2].source), None)
        if outer is not None and best[3] == 0 and not speaker:
            chosen = _reported(best[2], outer[2])
        before = account.text[max(0, s.start - DESCRIPTION_WINDOW) : s.start]
        chosen = resolve_pronoun(chosen, body[max(i - 3, 0) : i], before, s.text,
                                 followed.near(i))
        followed.note(i, chosen)
        chosen = resolve_description(chosen, before)
        chosen = whose_document(with_kind(chosen, issuer, known), account.text[: s.start], issuer)
        if printable(chosen) is not None:
            out[s.id] = chosen
    return out


# A sentence that carries on the one before with its speaker as a pronoun and a verb of what
# they did ("He also wished Chinese people a happy Spring Festival."): the same source.
_CARRIES_ON = re.compile(r"^(?:He|She)\s+(?:also\s+|further\s+|then\s+|later\s+)?[a-z]+ed\b")
# Or with the speaker's name again and "also" ("Minister Gallant also raised …").
_NAME_ALSO = re.compile(
    r"^(?:[A-Z][\w'\u2019-]+\s+){0,3}(?P<name>[A-Z][\w'\u2019-]+)\s+(?:also|further)\s+[a-z]+ed\b")


def _carried_on(s: Sentence, previous: Sentence | None,
                found: dict[str, Attribution]) -> Attribution | None:
    """The source of the sentence before, for a sentence that carries on its account."""
    if previous is None or previous.id not in found:
        return None
    before = found[previous.id]
    person = person_name(before.source.split(" (")[-1].rstrip(")"))
    if person is None:
        return None  # a pronoun stands for a person, not a ministry
    named = _NAME_ALSO.match(s.text)
    if named and named.group("name") == person:
        return replace(before, text=named.group(0))
    if opens_with_bare_verb(s.text):
        # "Aseguró, además, que …": Spanish and Portuguese leave out the subject named before.
        return replace(before, text=s.text.split(",")[0] if "," in s.text[:60] else
                       s.text.split()[0])
    if not _CARRIES_ON.match(s.text):
        return None
    return replace(before, text=s.text[:s.text.index(" ")])


def printable(attribution: Attribution | None) -> Attribution | None:
    """The attribution when its source is one a report can print (well_formed, whatever step
    made it: a pronoun resolved, a description tied to a name, a chain of sources), else None:
    a source is named rightly or left unresolved, never a fragment."""
    if attribution is None or not well_formed(attribution.source):
        return None
    return attribution


def found_for(sentence: Sentence, found_by_sentence: Found | None) -> tuple[FoundAttribution, ...]:
    """The attributions in a sentence, from ``found_by_sentence`` when it has them."""
    if found_by_sentence is not None and sentence.id in found_by_sentence:
        return found_by_sentence[sentence.id]
    return attributions_in(sentence.text)


_SUBJECT_NAME = re.compile(
    # (lower-case words of an office between: "Australian ambassador to the US Kevin Rudd")
    r"^(?:[A-Z][\w.\u2019'-]*\s+|(?:ambassador|minister|secretary|president|spokes(?:person|man|"
    r"woman)|adviser|advisor|envoy|chief|counterpart|to|of|the|for)\s+){0,8}?"
    r"(?P<name>[A-Z][a-z][\w\u2019'-]*)"
    # (the past of German and Spanish too: "Weber telefonierte", "Ruiz habló")
    # (an adverb may stand before the verb: "Trump sharply changed")
    r"(?=,|\s+(?:[a-z]+ly\s+)?(?:has|had|is|was|said|says|told|also|then|later|[a-z]+ed|hat|"
    r"hatte|[a-zäöüß]+te|sprach|traf|[a-záéíóú]+ó|dijo)\b)"
)
# The offices a story or a readout names one person by ("the Prime Minister", "the Secretary").
OFFICE_ALONE = (r"(?:PM|Prime\s+Minister|President|Premier|Chancellor|Taoiseach|"
                r"(?:Foreign\s+|Defen[cs]e\s+)?(?:Minister|Secretary)(?:\s+of\s+"
                r"(?:State|Defen[cs]e|War))?|Secretary[- ]General)")
# Or a person the story names by office alone ("The PM addressed …", "The Taoiseach told …",
# "The US Secretary of State reiterated …"), for a "he" or "she" after it.
_SUBJECT_OFFICE = re.compile(
    rf"^(?P<office>[Tt]he\s+(?:[A-Z][\w.]*\s+){{0,2}}{OFFICE_ALONE})"
    r"\s+(?:also\s+|[a-z]+ly\s+)?[a-z]{3,}(?:ed|s)\b")


# A person named with a title and then a verb in the past: the subject of a clause.
_TITLED_ACTOR = re.compile(
    r"\b(?:President|Prime Minister|Premier|Chancellor|Minister|Secretary|Mr|Mrs|Ms)\.?\s+"
    r"(?:[A-Z][\w'\u2019-]+\s+){0,2}(?P<name>[A-Z][\w'\u2019-]+)\s+(?:also\s+)?"
    r"(?:[a-z]+ed|spoke|met|told|held|made|took|gave|sent)\b")


# A word and a comma that open a sentence before its subject ("Meanwhile, ", "However, ").
_LEADING_CONNECTIVE = re.compile(r"([A-Z][a-z]+),\s+")


def resolve_pronoun(attribution: Attribution, earlier: Sequence[Sentence],
                    before: str = "", sentence: str = "",
                    followed: Sequence[tuple[str, str]] = ()) -> Attribution:
    """"he said" -> "he (Hegseth)": the nearest earlier speaker who is a person (a name the
    account credited words to in the last three sentences), else the subject of the nearest
    earlier sentence that opens with a person's name; never a country or an organisation.
    He and she (and their forms in the other languages read, "er", "él", "il", "он") are
    resolved to a person, "it" to the body or document credited just before; the guess is shown
    beside the pronoun, and a pronoun left unresolved says so ("it (unresolved)").
    ``followed``: (gender, name) of the story's earlier pronouns resolved, oldest first
    (:meth:`FollowedPeople.near`)."""
    reporter = _PRONOUN_REPORTER.search(attribution.source)
    if reporter is not None:
        # "Rubio, according to her": the pronoun that reports the speaker is resolved too.
        said = resolve_pronoun(replace(attribution, source=reporter.group(1)), earlier, before,
                               sentence).source
        head_part = attribution.source[:reporter.start(1)]
        attribution = replace(attribution, source=head_part + said)
    head = attribution.source.split(",")[0].strip()
    if head.lower() == "it":
        # "It said" opening a sentence after "The Pentagon's summary of the calls said …", or
        # '"He recalled …," it added' after '"…," the statement read': the body or document
        # credited in the sentence before (or the one before it); an "it" inside a sentence
        # may be that sentence's own subject ("The White House released a statement in which
        # it said"), so the sentence's own words before the "it" come first.
        looked = [before[-DESCRIPTION_WINDOW:]] if head == "it" and before else []
        looked += [s.text for s in reversed(earlier[-1:] if head == "It" else earlier[-2:])]
        body = next((f[2].source for text in looked
                     for f in reversed(attributions_in(text))
                     if f[2].source.lower() not in _PRONOUNS and person_name(f[2].source) is None),
                    None)
        if body is not None:
            return replace(attribution,
                           source=attribution.source.replace(head, f"{head} ({body})", 1))
    if head.lower() in ("it", "they", "we"):
        return _unresolved(attribution, head)
    if head.lower() not in ("he", "she", "him", "her") and head.lower() not in PERSONAL_PRONOUNS:
        return attribution
    wanted = "f" if head.lower() in ("she", "her") or head.lower() in SHE else "m"
    own = _own_subject(attribution, sentence, earlier, wanted)
    if own is not None:
        return replace(attribution, source=attribution.source.replace(head, f"{head} ({own})", 1))
    # A speaker described rather than named ("the Chinese Defense Minister") is the person
    # the story named before with that office (``before``: the text up to the pronoun).
    recent = [p for s in reversed(earlier[-3:])
              for p in reversed([_person(f[2].source, before) for f in _speakers_of(s.text)])
              if p]
    genders = {p: _gender(p, earlier) for p in recent}
    # A speaker the text says is of the pronoun's gender first, then one it says nothing of.
    name = next((p for p in recent if genders[p] == wanted), None) or next(
        (p for p in recent if genders[p] is None), None)
    if name is None:
        for s in reversed(earlier[-3:]):
            opening = s.text.lstrip("\u201c\"' ")
            lead = _LEADING_CONNECTIVE.match(opening)
            if lead and person_name(lead.group(1)) is None:
                opening = opening[lead.end():]  # "Meanwhile, Austin arrived …"
            m = _SUBJECT_NAME.match(opening)
            if m and person_name(m.group("name")):
                name = person_name(m.group("name"))
                break
            # Or a titled person acting later in it (", and afterwards, President Moon shared
            # what the two leaders discussed").
            acting = [a.group("name") for a in _TITLED_ACTOR.finditer(s.text)]
            if acting and person_name(acting[-1]):
                name = person_name(acting[-1])
                break
            if office := _SUBJECT_OFFICE.match(opening):
                name = "the" + office.group("office")[3:]
                break
    if name is None:
        # No one of that gender named in the three sentences before: the person an earlier
        # pronoun of the same gender stood for, whom the story is still following ('"…," she
        # said while briefing the media.' four sentences up, then "She further informed …").
        name = next((n for g, n in reversed(followed) if g == wanted), None)
    if name is None:
        return _unresolved(attribution, head)
    return replace(attribution, source=attribution.source.replace(head, f"{head} ({name})", 1))


# How many sentences back a pronoun resolved before still names the person the story is
# following (resolve_pronoun's ``followed``).
FOLLOWED_SENTENCES = 6
_RESOLVED = re.compile(r"(?P<pronoun>[^\W\d_]+) \((?P<name>[^()]+)\)")


class FollowedPeople:
    """The people a story's pronouns were resolved to, sentence by sentence, for the pronouns
    after them (resolve_pronoun's ``followed``)."""

    def __init__(self) -> None:
        self._resolved: list[tuple[int, str, str]] = []  # (sentence position, gender, name)

    def near(self, at: int) -> list[tuple[str, str]]:
        """(gender, name) of those resolved within FOLLOWED_SENTENCES before ``at``."""
        return [(g, n) for j, g, n in self._resolved if at - j <= FOLLOWED_SENTENCES]

    def note(self, at: int, attribution: Attribution) -> None:
        """Remember a "he" or "she" resolved to a person ("she (Okano)") at sentence ``at``."""
        m = _RESOLVED.match(attribution.source)
        if m is None or m.group("name") == "unresolved":
            return
        pronoun = m.group("pronoun").lower()
        if pronoun in ("he", "she") or pronoun in PERSONAL_PRONOUNS:
            gender = "f" if pronoun == "she" or pronoun in SHE else "m"
            self._resolved.append((at, gender, m.group("name")))


def _speakers_of(text: str) -> list[FoundAttribution]:
    """The attributions of a sentence whose speaker a later pronoun may stand for: not one in
    the clause another reports ("The State Department said Whitlock welcomed …": Whitlock
    acts in what the department said; a later "he added" is not his)."""
    found = attributions_in(text)
    return [f for f in found
            if not any(g[1] <= f[0] and _REPORTED_CLAUSE.fullmatch(text, g[1], f[0])
                       for g in found if g is not f)
            and not _SUBORDINATE_BEFORE.search(text, 0, _source_at(text, f))]


def _source_at(text: str, found: FoundAttribution) -> int:
    """Where a found attribution's source is named in its sentence (its match may open
    earlier)."""
    at = text.find(found[2].source, found[0], found[1])
    return at if at != -1 else found[0]


_REPORTED_CLAUSE = re.compile(r"\s*(?:that\s+)?")
# Or in a clause of time or cause inside a sentence ("Sir Keir delivered his rebuke after Mr
# Trump claimed …": a later "He" is Sir Keir, the sentence's subject).
_SUBORDINATE_BEFORE = re.compile(
    r"\S\s+(?:after|before|when|while|since|because|although|though|until)\s+$")
_PRONOUN_REPORTER = re.compile(r", according to (he|she|him|her)$", re.IGNORECASE)

# A phrase of time or place and its comma before a sentence's subject.
_OPENING_PHRASE = re.compile(r"^(?:On|In|At|During|After|Before|Last|Earlier|Later)\b[^,]{0,40},\s+")


def _own_subject(attribution: Attribution, sentence: str, earlier: Sequence[Sentence],
                 wanted: str) -> str | None:
    """The person a sentence opens with, for a pronoun later in the same sentence ("Starmer
    also spoke to Abbas …, in which he stated …"): the pronoun's nearest antecedent, when
    nothing the story says gives that person the other gender."""
    at = sentence.find(attribution.text) if attribution.text else -1
    if at <= 0:
        return None
    # (Quotations blanked: the name opening "“Trump is wrong,” he said" is not its subject.)
    opening = blank_quotes(sentence[:at]).lstrip()
    opening = _OPENING_PHRASE.sub("", opening)  # "On Monday, Trump had spoken …"
    lead = _LEADING_CONNECTIVE.match(opening)
    if lead and person_name(lead.group(1)) is None:
        opening = opening[lead.end():]
    m = _SUBJECT_NAME.match(opening)
    name = person_name(m.group("name")) if m else None
    if name is None or _gender(name, earlier) not in (None, wanted):
        return None
    return name


def _person(source: str, before: str) -> str | None:
    """The person a source names, or the one its description stands for; else the
    description itself ("the Australian Prime Minister said …. “…,” he said": he is the
    Prime Minister, whoever the story has not said that is)."""
    named = person_name(source)
    if named is not None or not before:
        return named
    head = source.split(",")[0].strip()
    if _SPOKESPERSON.match(head):
        return re.sub(r"^(?i:the|a|an)\s+", "", head)
    return described_person(head, before) or (head if is_description(head) else None)


# A spokesperson named by the role alone ("the spokeswoman", "a Downing Street spokesperson"):
# "she added" after what the spokeswoman said is the spokeswoman.
_SPOKESPERSON = re.compile(
    r"^(?:(?i:the|a|an)\s+)?(?:[A-Z][\w.\u2019'-]*\s+){0,3}(?i:spokes(?:man|woman))$")


_PRONOUNS = frozenset("he she it they we i him her".split())


def resolve_description(attribution: Attribution, before: str) -> Attribution:
    """"the Chinese leader said" -> "the Chinese leader (Xi Jinping)": the person the story
    named before with that nationality and office (:func:`source_kinds.described_person`); the
    guess is shown beside the description, as a pronoun's is."""
    head = attribution.source.split(",")[0].strip()
    name = described_person(head, before)
    if name is None:
        return attribution
    return replace(attribution, source=attribution.source.replace(head, f"{head} ({name})", 1))


def _unresolved(attribution: Attribution, head: str) -> Attribution:
    return replace(attribution, source=attribution.source.replace(head, f"{head} (unresolved)", 1))


def _gender(name: str, sentences: Sequence[Sentence]) -> str | None:
    """What the text says of a person's gender: "Ms. Bruce", "Mr. Wang", or "her"/"his" after
    the name in the sentence that names them; None when it does not say."""
    if name.lower().endswith(("spokeswoman", "spokesman")):
        return "f" if name.lower().endswith("woman") else "m"
    for s in sentences:
        text = s.text
        if re.search(rf"\b(?:Ms|Mrs|Miss)\.?\s+{re.escape(name)}\b", text):
            return "f"
        if re.search(rf"\bMr\.?\s+{re.escape(name)}\b", text):
            return "m"
        m = re.search(rf"\b{re.escape(name)}\b(?P<rest>.*)", text)
        if m:
            after = re.search(r"\b(her|his|she|he)\b", m.group("rest"), re.I)
            # A pronoun after another person named in between is that person's ("Okano said
            # that Foreign Minister Yoshimasa Hayashi, during his interaction …").
            if after and not _ANOTHER_NAME.search(m.group("rest")[:after.start()]):
                return "f" if after.group(1).lower() in ("her", "she") else "m"
    return None


# Two capitalised words running together: another person, or an office, named.
_ANOTHER_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


_BARE_DOCUMENT = re.compile(
    r"^(?:the\s+)?(?:statement|readout|release|press\s+release|communiqu[eé]|summary|"
    r"read-out)$", re.I)
_DOCUMENT_MENTION = re.compile(
    r"\b(?:statement|readout|read-out|release|communiqu[eé]|summary)\b", re.I)
_ISSUING_BODY = re.compile(r"\b(?:ministry|kremlin|presidency|government|embassy)\b", re.I)
BODY_WINDOW = 600  # characters before a bare "the statement" where its issuer may be named


# The verb of saying that follows a document's mention ("In a statement, the ministry said").
_SAID_AFTER = re.compile(rf"\b(?:{SPEECH_VERBS})\b")


def whose_document(attribution: Attribution, earlier: str, issuer: frozenset[str]) -> Attribution:
    """"the statement said" after "Russia's foreign ministry said in a statement" is that
    ministry's statement, not the readout: a bare mention of a document is resolved to the last
    document the story named before it, when that one was another government's."""
    if not _BARE_DOCUMENT.match(attribution.source.strip()):
        return attribution
    mentions = list(_DOCUMENT_MENTION.finditer(earlier))
    if mentions:
        last = mentions[-1]
        around = earlier[max(0, last.start() - 120): last.end() + 120]
        window = re.split(r"(?<=[.!?])\s+", around)
        near = next((w for w in window if last.group(0) in w), around)
        # Whose document it is, the sentence says before what the document says ("In a
        # statement, Beijing's foreign ministry said Ma and Landau had …": Landau is not its
        # owner).
        said = _SAID_AFTER.search(near, near.find(last.group(0)) + len(last.group(0)))
        near = near[:said.end()] if said else near
    else:
        # No document named before: the body that issues documents, named just before ("…,
        # the Russian Foreign Ministry said." then "“…,” the statement said"), read in the
        # words that name it.
        body = list(_ISSUING_BODY.finditer(earlier, max(0, len(earlier) - BODY_WINDOW)))
        if not body:
            return attribution
        words_before = re.search(r"(?:[\w\u2019'.-]+\s+){0,3}$",
                                 earlier[max(0, body[-1].start() - 60): body[-1].start()])
        near = (words_before.group(0) if words_before else "") + body[-1].group(0)
    if not names_foreign_country(near, issuer) or any(
            re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", near.lower())
            for n in issuer if not n.startswith("@")):
        return attribution
    home = frozenset(n for n in issuer if n.startswith("@")) or {"@us"}
    owner = next((w for w in re.findall(r"[A-Za-z\u2019']+", near)
                  if word_key(w.lower()).startswith("@") and word_key(w.lower()) not in home),
                 None)
    return replace(attribution, source=f"{attribution.source} ({owner})", is_readout=False,
                   kind="government")

