"""Attribution patterns: the phrases of a sentence that credit its words to a source ("the
readout continued", "he said during a “Fox & Friends” interview", "Trump wrote on Truth Social",
"according to people briefed on the call", "the Wall Street Journal reported"), each with the
source it names.

The patterns are English newswire conventions (see docs/quotes-and-divergences.md for limits);
stories in other languages are read by :mod:`readout_compare.attribution_languages`.
"""

from __future__ import annotations

import re

from readout_compare import attribution_languages, lexicon
from readout_compare.model import Attribution
from readout_compare.normalize import STOPWORDS
from readout_compare.quote_marks import german_closed
from readout_compare.source_kinds import (
    APPOSITIVE_NAME,
    READOUT_WORDS,
    WEEKDAYS_MONTHS,
    names_foreign_country,
)

# The verbs that tie words to their source, as one regular-expression alternation.
SPEECH_VERBS = "|".join(lexicon.SPEECH_VERBS)
# Words of a name are one to three spaces apart: a longer run is a quotation blanked out
# (blank_quotes), which a name does not span.
_NAME = (r"(?:[A-Z][\w\u2019'.&-]*)(?:\s{1,3}(?:of\s+|the\s+|for\s+|de\s+|da\s+|do\s+|del\s+|al\s+|"
         r"bin\s+|van\s+|von\s+|la\s+|le\s+)?[A-Z][\w\u2019'.&-]*)*")
# A month's name, capitalised.
_MONTH = "(?:" + "|".join(m.capitalize() for m in lexicon.MONTH_NAMES) + ")"
# Downing Street by its number: a name with a digit.
_NO10 = r"(?:No\.?|Number)\s10(?:\s+Downing\s+Street)?"
# Nouns that head a source that is not a named person: "China's defence ministry",
# "Environmental groups", "Haitian police".
_BODIES = (
    r"(?:ministry|ministries|office|government|embassy|prosecutors|investigators|police|groups?|"
    r"lawmakers|agency|guard|council|service|department|spokesperson|spokesman|spokeswoman|allies|"
    r"administration|"
    r"officials?|sources|diplomats|analysts|media|outlet|newspaper|survey|investigation|"
    r"operators|army|military|presidency|court|mission|bank|fund|company|union|leaders?|chief|"
    r"head|president|minister|authorities|aide|aides|adviser|advisers|advisor|envoy|ambassador|"
    r"diplomat|diplomats|negotiator|representative|secretary|chancellor)"
)
_SUBJECT = (
    # Words of a mention are one to three spaces apart: a longer run of spaces is a quotation
    # blanked out (blank_quotes), which a mention does not span.
    rf"(?:\b(?i:the|a|an|his|her|their|its)\s{{1,3}}(?:[\w\u2019'.-]+\s{{1,3}}){{0,12}}?[\w\u2019'-]+"
    r"|(?i:people|officials|sources|aides|diplomats|analysts|experts|several|some|two|three|"
    r"others|one)\s{1,3}(?:[\w\u2019'-]+\s{1,3}){0,8}?[\w\u2019'-]+"
    # "Beijing's embassy in the UK" (the body's place is part of its name, not the speaker)
    rf"|{_NAME}['\u2019]s\s+(?:[\w-]+\s+){{0,3}}?{_BODIES}(?:\s+in\s+(?:the\s+)?{_NAME}|\s+{_NAME})?"
    rf"|[A-Z][\w.-]*(?:\s{{1,3}}[a-z][\w-]*){{0,2}}\s{{1,3}}{_BODIES}"
    rf"|(?i:police|officials|authorities|investigators|prosecutors)\s+in\s+{_NAME}"
    # "…," NATO statement said: a document named without its article.
    rf"|{_NAME}\s{{1,3}}(?:statement|readout|communiqu[eé])"
    # "Biden and Obrador said", "Lind and Aasen released a joint statement": both speak.
    rf"|{_NAME}\s+and\s+{_NAME}"
    # "…," officials said: the unnamed-source nouns alone.
    r"|(?i:officials|sources|diplomats|aides|analysts|experts|critics|observers|commentators)"
    rf"|{_NO10}|{_NAME}|he|she|they|it|we|I)"
)
# Adverbs that may stand between a speaker and the verb of saying ("has repeatedly said");
# others ("Russia illegally claims") say the verb is not one of saying.
_ADVERBS = (r"(?:reportedly|repeatedly|previously|publicly|privately|separately|earlier|again|"
            r"recently|frequently|often|already|firmly|openly|also|later|then|subsequently|"
            r"initially|similarly|likewise|further|"
            # "Boris Johnson today told", "Starmer last night told", "Rubio himself described"
            r"today|yesterday|tonight|(?:last|this)\s+(?:night|week|morning|evening|afternoon)|"
            r"himself|herself|themselves|itself)")
# Between a source and its verb: "Hegseth, however, insisted", "The Pentagon, in a statement,
# said", "Yuri Ushakov, an aide to the Russian president, said", "A member of the council, who
# asked not to be named, said", "Colton, speaking at the start of the meeting, said".
_ASIDE = (
    r"(?:,\s*(?:however|though|meanwhile|too|also|instead|in\s+a\s+statement|"
    # "Trump, in a post on Truth Social, said", "Peskov, in an interview with …, said",
    # "Rubio, on X, wrote"
    r"in\s+(?:a|an|his|her|their|its)\s+[^,]{1,60}|on\s+(?:X|Twitter|Truth\s+Social|Facebook|"
    r"Telegram|Instagram|Weibo)|"
    # "Putin, on April 28, announced"
    rf"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{_MONTH}\s+\d{{1,2}}|"
    rf"\d{{1,2}}\s+{_MONTH})|"
    r"for\s+(?:his|her|their|its)\s+part|who\s+[^,]{1,80}|which\s+[^,]{1,80}|speaking\s+[^,]{1,80}|"
    r"following\s+[^,]{1,80}|after\s+[^,]{1,80}|"
    # "Yuri Ushakov, an aide to …,", "Pat Ryder, Spokesman for the Pentagon,"
    r"(?P<role>(?:an?|the|[A-Z][\w]*['\u2019]s)\s+[^,]{1,60}|"
    # "Tommy Pigott, principal State Department deputy spokesperson,"
    r"(?:[a-z][\w-]*\s+){1,2}[A-Z][^,]{0,50}?\b(?:spokes(?:person|man|woman)|secretary|"
    r"minister|adviser|advisor|ambassador|envoy|aide)|"
    r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|for|the|to|at))*\s+[A-Z][\w'-]*)),)?"
)
_AFTER_VERB = r"(?:\s+(?:on|in|during|to|at|via)\s+[^,.;:\u201c\u201d\"]*?(?:[\u201c\"][^\u201d\"]*[\u201d\"][^,.;:]*?)?(?=[,.;:]|\s+when\b|\s+after\b|$))?"

_ACCORDING = re.compile(
    # (Not Italian's "per evitare divisioni", "per il governo", "per porre fine": "for", "to".)
    r"\b(?:[Aa]ccording(?: to)?|[Pp]er(?!\s+(?:il|lo|la|i|gli|le|l['\u2019]|un|una|uno|cui|"
    r"questo|questa|quanto|[a-z\u00e0-\u00f9]+(?:are|ere|ire|rre))\b))"
    r"\s+(?P<src>(?:[^,.;:\u201c\u201d\"]|(?<=\b[A-Z])\.)+)"
)
_CITING = re.compile(r"\bciting\s+(?P<src>[^,.;:\u201c\u201d\"]+)")
# "In the statement, it was noted that …", "In a readout of the call, it was said …": the
# document says it, in the passive.
_IN_DOCUMENT = re.compile(
    r"^\s*In\s+(?P<src>(?:a|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|readout|"
    r"release|communiqu[eé]|summary)(?:\s+[^,]{0,60})?),\s+it\s+(?:was|is|has\s+been)\s+"
    r"(?:noted|said|stated|stressed|emphasi[sz]ed|underlined|added|reported)\b")
# "This was reported by the EU Diplomatic Service", "as reported by the British press",
# "reported on the British government's website", "with reference to the State Department".
_REPORTED_BY = re.compile(
    r"\b(?:(?:reported|announced|stated|said|confirmed|published|quoted)\s+by|"
    # "The call, described as “very constructive” by Carney's office" (the quotation blanked)
    r"(?:described|characteri[sz]ed|hailed|termed|called)\s+(?:as\s+)?(?:an?\s+)?\s{3,}by|"
    r"with\s+reference\s+to|"
    # "This is stated in a statement by the State Department"
    r"(?:stated|said|reported|noted|announced)\s+in\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|readout|release|message|communiqu[eé])\s+(?:by|of|from))\s+(?P<src>(?:[^,.;:\u201c\u201d\"]|(?<=\b[A-Z])\.)+"
    # "… by the spokesperson for the ministry, Maria Zakharova." (a name ending the sentence)
    rf"(?:,\s+{APPOSITIVE_NAME}(?=\s*[.;]?\s*$))?)"
    r"|\b(?:reported|published|posted)\s+on\s+(?P<site>[^,.;:\u201c\u201d\"]*?\bwebsite)")
# "The call was described by the Brazilian presidency as “friendly”": the source between "by"
# and "as".
_DESCRIBED_BY = re.compile(
    r"\b(?:described|characteri[sz]ed|hailed|termed|branded|labell?ed|called)\s+by\s+"
    r"(?P<src>[^,.;:\u201c\u201d\"]{1,80}?)\s+as\b")
_SUBJECT_VERB = re.compile(
    # "The Israel Defense Forces (IDF) said": the body's acronym after its name, with the
    # name it goes by ("the Mexican Ministry of Foreign Affairs (SRE, Foreign Ministry) said").
    rf"(?P<src>{_SUBJECT})(?:\s+\([A-Z][\w.]{{1,11}}(?:,\s+[A-Z][^()\u201c\u201d\"]{{0,40}})?\))?{_ASIDE}"
    # "Lloyd Austin on his part also stressed", "Yukiko Okano on Friday said"
    r"(?:\s+(?:on|for)\s+(?:his|her|their|its)\s+part)?"
    r"(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|"
    # "Austin on X conveyed": where, not who
    r"X|Twitter|Truth\s+Social|Facebook|Telegram|Instagram|Weibo),?)?"
    # "Hegseth in February said"
    rf"(?:\s+in\s+{_MONTH})?\s+"
    rf"(?:has\s+|have\s+|had\s+|also\s+|later\s+|then\s+)?(?P<adverb>{_ADVERBS}\s+)?"
    rf"(?P<verb>{SPEECH_VERBS})\b"
    # "added a layer of complication" says nothing
    r"(?!(?<=added)\s+(?:a|an|some|new|more)\b)(?!(?<=adds)\s+(?:a|an|some|new|more)\b)"
    # "charges over alleged war crimes": an adjective before its noun, not a verb of saying
    r"(?!(?<=alleged)\s+(?!that\b|to\b)[a-z])"
    + _AFTER_VERB
)
# An office in lower case between a body's name and a person's ("State Department spokesperson
# Tammy Bruce", "White House press secretary Jo Lake", "Nordic foreign ministry spokesperson Eva
# Lund"), after a verb of saying.
_OFFICE_AND_NAME = (
    r"(?:the\s+)?(?:[A-Z][\w.\u2019'-]*\s+){1,4}(?:(?:foreign|defen[cs]e|press|deputy|chief|"
    r"state|ministry|department|government)\s+){0,3}"
    r"(?i:spokes(?:person|man|woman)|secretary|official|adviser|advisor|envoy|ambassador|"
    rf"minister)\s+{_NAME}")
_VERB_SUBJECT = re.compile(
    # "…," said Ambassador Smith. The name ends the clause: in "said Colombia would …" the name
    # is the subject of what was said, not the speaker.
    rf"\b(?P<verb>said|says|wrote|added|continued|reported|reports|informs|writes)\s+"
    rf"(?P<src>{_NO10}|{_OFFICE_AND_NAME}|(?:the\s+)?{_NAME}|"
    rf"the\s+(?:[\w-]+\s+){{0,3}}?{_BODIES}|"
    # "…," said a statement attributable to State Dept. Spokesperson Tammy Bruce.
    rf"(?:a|the)\s+statement(?:\s+(?:attributable\s+to|from|by)\s+{_OFFICE_AND_NAME})?|"
    r"the\s+readout)"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:in|on|at|during|after|adding|told|to|as|when|while)\b)"
)
_QUOTES_AS_SAYING = re.compile(
    rf"(?P<rep>(?i:the|a|an)\s+[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){{0,3}}?|{_NAME})\s+"
    # "The Chinese press release also quoted Xi saying"
    rf"(?:(?:also|later|then|further)\s+)?(?:quotes|quoted|cites|cited)\s+(?P<src>(?:[\w\u2019'.-]+\s+){{0,4}}?{_NAME})"
    # "quoted Dan Wang, director of Eurasia Group's China Division, saying"; "quoted PM
    # Starmer as noting that …" (any verb of saying after "as").
    r"(?:(?:,\s+[^,]{1,80},)?\s+(?:as\s+[a-z]+ing|saying|stating|telling)\b"
    # '"…," the publication quotes Rubio.' (the name ends the sentence)
    r"|(?=\s*[.;]?\s*$))")
_REPORTEDLY = re.compile(r"\breportedly\b|\b(?:is|was)\s+(?:also\s+)?said\s+to\b|"
                         # "It comes amid reports that …": reported, by no one named
                         r"\b(?:amid|following|after|despite)\s+(?:media\s+|press\s+|news\s+)?"
                         r"reports\s+that\b|"
                         r"^(?:media\s+|news\s+|earlier\s+)?reports\s+(?:indicate|suggest|say)\b",
                         re.IGNORECASE)


# Every attribution pattern needs one of these words; a sentence without any has none (the
# check is on lowercased words, so it never misses what the case-sensitive patterns find).
_TRIGGERS = frozenset(
    [verb.split()[0] for verb in lexicon.SPEECH_VERBS]
    + ["according", "per", "citing", "reportedly", "said", "published", "reference", "quotes",
       "quoted", "cites", "cited", "indicate", "suggest", "noted", "saying", "noting", "adding", "stressing", "warning",
       "insisting", "arguing", "declaring", "stating", "describing", "telling", "urging", "accusing", "claiming"]
)
_LOWER_WORD = re.compile(r"[a-z]+")

# An attribution found in a sentence: (start, end, attribution, priority). Priority 0 names
# the source surely ("according to", "citing"), 1 is a verb of saying with its subject, 2 a
# bare "reportedly".
FoundAttribution = tuple[int, int, Attribution, int]


def attributions_in(original: str) -> tuple[FoundAttribution, ...]:
    """Every attribution in a sentence, in order."""
    english = not _TRIGGERS.isdisjoint(_LOWER_WORD.findall(original.lower()))
    if not english and not attribution_languages.may_attribute(original):
        return ()
    text = blank_quotes(original)
    # Stories in Spanish, Portuguese, Russian, French and German (attribution_languages).
    other = [(a, b, _make(_clean(original[a:b]), src), p)
             for a, b, src, p in attribution_languages.sources_in(text)
             if 0 < len(src.split()) <= MAX_SOURCE_WORDS and well_formed(src)]
    if not english:
        return tuple(sorted(other, key=lambda f: f[0]))
    # The subject-verb pattern is long: it runs once, for both kinds of attribution.
    leads = list(_SUBJECT_VERB.finditer(text))
    out = _by_phrase(original, text, leads) + _by_verb(original, text, leads)
    rep = _REPORTEDLY.search(text)
    if rep:
        out.append(
            (rep.start(), rep.end(),
             Attribution(text=rep.group(0), is_readout=False,
                         source=("unnamed reports" if "reports" in rep.group(0).lower()
                                 else "unnamed sources (reportedly)")),
             2)
        )
    passive = _IT_IS_NOTED.match(text)
    if passive and not out:
        # "It is noted that …", "It is reported that …": the document or body credited just
        # before says it (resolved as "It said" is: attribution.resolve_pronoun).
        out.append((passive.start(), passive.end(),
                    Attribution(text=_clean(original[passive.start():passive.end()]),
                                source="It", is_readout=False), 1))
    kept = [f for f in out if well_formed(f[2].source)]
    return tuple(sorted(kept + other, key=lambda f: f[0]))


def _by_phrase(original: str, text: str, leads: list[re.Match[str]]) -> list[FoundAttribution]:
    """The attributions by a phrase that names the source: "according to", "citing",
    "reported by". ``text`` is the sentence with its quotations blanked, ``leads`` its
    subject-verb matches."""
    out: list[FoundAttribution] = []
    for pattern in (_ACCORDING, _CITING, _REPORTED_BY, _DESCRIBED_BY, _IN_DOCUMENT):
        for m in pattern.finditer(text):
            src = _clean(m.groupdict().get("src") or m.groupdict().get("site") or "")
            phrase = _clean(original[m.start() : m.end()])
            lead = max((x for x in leads if x.end() < m.start()), key=lambda x: x.start(),
                       default=None)
            if pattern is _CITING and lead:
                # "the Wall Street Journal reported on Friday, citing people briefed on the call"
                lead_src = _clean(lead.group("src"))
                whole = _clean(original[lead.start() : m.end()])
                out.append((lead.start(), m.end(), _make(whole, f"{lead_src}, citing {src}"), 0))
            else:
                if pattern is _ACCORDING:
                    # "a statement released by the Kremlin at the end of a call on Tuesday":
                    # the source is the statement; when and where it came is not.
                    src = _SOURCE_TAIL.sub("", src)
                out.append((m.start(), m.end(), _make(phrase, src), 0))
    for m in _QUOTES_AS_SAYING.finditer(text):
        # "The publication quotes Ushakov as saying …": Ushakov's words as the outlet gives them.
        reporter = re.sub(r"^(?i:the|a|an)\s+", "", _clean(m.group("rep")))
        source = f"{_clean(m.group('src'))}, according to {reporter}"
        out.append((m.start(), m.end(), _make(_clean(original[m.start():m.end()]), source), 0))
    return out


def _by_verb(original: str, text: str, leads: list[re.Match[str]]) -> list[FoundAttribution]:
    """The attributions by a verb of saying, its subject before it (``leads``) or after it
    ("…," said Ambassador Smith), or the subject of the sentence that a participle of saying
    follows ("The ministry played down the reports, saying …")."""
    out: list[FoundAttribution] = []
    for matches in (leads, _VERB_SUBJECT.finditer(text)):
        for m in matches:
            if (_FREE_RELATIVE.search(text, max(0, m.start() - FREE_RELATIVE_WINDOW), m.start())
                    or _WHAT.search(m.group("src"))):
                continue  # "in line with what US officials have expressed": not this sentence's source
            src = _speaker(m)
            if src is not None:
                phrase = _clean(original[m.start() : m.end()])
                out.append((m.start(), m.end(), _make(phrase, src), 1))
    for m in _WITH_SAYING.finditer(text):
        # "Both discussed Ukraine, with Wang telling Blinken that …": the named one says it.
        src = _clean(m.group("src"))
        if well_formed(src):
            out.append((m.start("src"), m.end(), _make(_clean(original[m.start("src"):m.end()]),
                                                       src), 1))
    for m in _WHO_SAID.finditer(text):
        # "Climate change was a focus for the PM, who highlighted that …": the antecedent.
        src = _clean(m.group("src"))
        if well_formed(src) and not any(f[0] <= m.start("src") < f[1] for f in out):
            out.append((m.start("src"), m.end(), _make(_clean(original[m.start():m.end()]), src),
                        1))
    said = _PARTICIPLE.search(text) or _AND_SAID.search(text)
    if said and any(f[0] < said.start() and well_formed(f[2].source) for f in out):
        said = None  # "…, Qin noted, saying …": the speaker named before the participle
    subject = _MAIN_SUBJECT.match(text, _opening_phrase_end(text)) if said else None
    if subject is not None and not _SUBORDINATE.intersection(
            _SUCH_AS.sub(" ", text[subject.end():said.start()].lower()).split()):
        src = _clean(subject.group("src"))
        if (src.lower() not in ("it", "this", "that") and src.split()[0].lower() not in _OPENERS
                and well_formed(src)):
            out.append((subject.start("src"), said.end(),
                        _make(_clean(original[subject.start("src"):said.end()]), src), 1))
    return out


# The passive of the wires that translate Ukrainian and Russian copy: "It is noted that …".
_IT_IS_NOTED = re.compile(
    r"\s*It\s+(?:is|was|has\s+been)\s+(?:reported|noted|stated|said|stressed|emphasi[sz]ed|added|"
    r"specified|indicated|underlined)\s+that\b")
# A relative clause of saying after a person or an office: "the PM, who highlighted that …".
_WHO_SAID = re.compile(
    r"(?P<src>(?:\b(?i:the)\s+)?[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3}|"
    r"\b(?i:the)\s+(?:[\w-]+\s+){0,3}(?:minister|president|secretary|spokes(?:man|woman|"
    r"person)|chancellor|premier|ministry|office))"
    rf",\s+who\s+(?:also\s+|later\s+|then\s+)?(?:{SPEECH_VERBS})\b")
# A clause of "with", a name and a participle of saying: "…, with Wang telling Blinken that …".
_WITH_SAYING = re.compile(
    rf"\bwith\s+(?P<src>(?:the\s+)?{_NAME})\s+(?:also\s+)?(?:telling|saying|stressing|noting|"
    r"warning|insisting|adding|arguing|urging|accusing|claiming)\b")
# "what" just before a subject and its verb of saying: a free relative ("in line with what
# officials have said"), whose speaker is not the sentence's source.
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
_WHAT = re.compile(r"\bwhat\b", re.IGNORECASE)
# "what" and its three words are looked for this far before the subject (not in the whole
# sentence before it: a sentence of many verbs of saying would read it again for each).
FREE_RELATIVE_WINDOW = 80
# ", saying …", ", noting …": the sentence's subject says what follows.
# ("adding to the pressure", "claiming lives" say nothing.)
_PARTICIPLE = re.compile(r"\s+saying\s+that\b|"  # "justified the tariffs saying that …"
                         r",\s+(?:(?:also|again|later|then)\s+)?(?:saying|noting|adding(?!\s+to\b)|"
                         r"stressing|warning|insisting|arguing|declaring|stating|describing|telling)\b")
# "Wang focused on the Minsk agreements and said that …": a second verb, of saying, of the
# sentence's subject.
# (A phrase between commas may stand after "and": "… and, speaking at the start of the meeting,
# said".)
_AND_SAID = re.compile(r"\sand(?:\s+|\s*,\s*[^,.;:\"\u201c\u201d]{3,80}?,\s*)"
                       r"(?:also\s+|later\s+|then\s+)?(?:said|added|stressed|noted|"
                       # "Starmer met Xi at the summit and emphasised the importance of …"
                       r"emphasi[sz]ed|underlined|underscored|reiterated|tweeted|posted|"
                       # "Rubio met both ministers and called the ties “indispensable”"
                       r"warned|insisted|argued|told|called|described)\b")
# Words that open a sentence in capitals without being its subject ("During the meeting …").
_OPENERS = frozenset("during after before in on at following amid despite with while as since "
                     "by for from under over meanwhile however".split())
# An opening phrase of time or place with no comma after it, then a name: "During the meeting
# Wei Fenghe reaffirmed …" (the subject starts at the name).
_OPENING_NO_COMMA = re.compile(
    r"^(?:During|After|Before|At|In|On|Following|Later|Earlier)\s+(?:(?:the|a|an|this|that|his|"
    r"her|their|its)\s+)?(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")


def _opening_phrase_end(text: str) -> int:
    """Where the subject starts after an opening phrase with no comma, or after a connective
    and its comma ("Yet, he defended …"), else 0."""
    m = _OPENING_NO_COMMA.match(text) or _CONNECTIVE.match(text)
    return m.end() if m else 0


_CONNECTIVE = re.compile(r"^(?:Yet|However|Meanwhile|Still|Instead|Nonetheless|Nevertheless|"
                         r"Separately|Earlier|Later|Previously|Also),\s+")


# Words before "states" that make it a noun ("member states", "all three Baltic states").
_STATES_BEFORE = frozenset("member two three four five six seven many some both several other "
                           "these those their all nuclear neighbouring neighboring".split())


# A conjunction inside a subject, before a capitalised name: the subject of the verb of saying
# starts after it ("The phone call came after Trump said …").
_INNER_SUBORDINATE = re.compile(r"\s(?:after|before|when|since|because|while|once|until|"
                                r"though|although|as)\s+(?=[A-Z])|"
                                # "the same day that Chinese foreign minister Wang Yi told",
                                # "a demand that the NATO chief had rejected, saying"
                                r"\sthat\s+(?=[A-Z]|the\s|they\b|he\b|she\b)|"
                                # "a call in which he stated", "the summit where Lind said"
                                r"\s(?:(?:in|during|at|on|after)\s+which|where)\s+"
                                r"(?=[A-Z]|the\s|they\b|he\b|she\b)")
_LEADING_SUBORDINATE = re.compile(r"^(?:While|Whereas|When|As|After|Before|Since|Though|Although|"
                                  r"Meanwhile|But|And|Yet)\s+(?=[A-Z])")


def _speaker(m: re.Match[str]) -> str | None:
    """The source a verb of saying credits, as the report gives it; None when the subject is
    not a source."""
    src = _LEADING_SUBORDINATE.sub("", _clean(m.group("src")))  # "While Lloyd Austin …"
    inner = list(_INNER_SUBORDINATE.finditer(src))
    if inner:
        src = src[inner[-1].end():]  # "The call came after Trump said": Trump
    # "Prices rose and analysts said", "Biden met Xi and the leaders said": a clause, then
    # "and" and the verb's own subject in lower case.
    joined = _CLAUSE_AND.match(src)
    if joined:
        src = joined.group(1)
    src = _TIME_TAIL.sub("", src)  # "The US President last week claimed"
    # "Speaking at the club yesterday Trump's commerce secretary, Wilbur Ross, said": the
    # subject starts after the time word, at the capital of its name.
    src = _TIME_HEAD.sub("", src)
    role = m.groupdict().get("role")
    if role and src[:1].isupper():
        src = f"{src}, {_clean(role)}"  # "Yuri Ushakov, an aide to the president"
    if (m.groupdict().get("adverb") or "").strip() == "reportedly":
        src = f"{src} (reportedly)"  # named, but only as others report it
    if src.lower() in ("that", "which", "this", "who"):
        return None
    if _ACCORDING_OPENS.match(src):
        return None  # "According to media reports, …": "reports" is a noun, not the verb
    words = src.split()
    if len(words) > 1 and words[-1] in _SUBJECT_PRONOUNS:
        src = words[-1]  # "a trip she said was productive": she said it
    if _negated(src.lower().split()):
        return None  # "The Kremlin did not say …", "Neither X nor Y mentioned …": none said it
    last = src.split()[-1].lower()
    if last.endswith("ly") and not re.fullmatch(_ADVERBS, last):
        return None  # "oblasts Russia illegally claims": not a verb of saying
    if m.groupdict().get("verb") == "states" and (src.split()[-1][:1].isupper()
                                                  or last in _STATES_BEFORE):
        return None  # "the three Baltic states", "member states": a noun, not a verb
    return src


_ACCORDING_OPENS = re.compile(r"(?i)according\b")
# A pronoun that ends a subject is the subject of a clause of its own ("a trip she said was …").
_SUBJECT_PRONOUNS = frozenset("he she they we I".split())
# A time phrase between a speaker and the verb ("… last week claimed", "… yesterday said").
_TIME_TAIL = re.compile(r"\s+(?:earlier\s+)?(?:last|this|next)\s+(?:week|month|year|weekend)$|"
                        r"\s+(?:yesterday|today|tonight|earlier|recently)$")
# A phrase of place and time that runs into the subject, ending in a word of time.
_TIME_HEAD = re.compile(r"^.*?\b(?:yesterday|today|tonight|(?:last|this)\s+(?:night|week|"
                        r"morning|evening|afternoon))\s+(?=[A-Z])")
# Where a named document's mention ends and the time or place of its release begins.
_SOURCE_TAIL = re.compile(r"(?<=\w)\s+(?:at the end of|at the close of|on (?:Monday|Tuesday|"
                          r"Wednesday|Thursday|Friday|Saturday|Sunday)|following|after|"
                          r"earlier|late on|last (?:week|month)).*$")
# Words of time that a mention of a speaker does not hold (in lower case).
_TIME_WORDS = frozenset("yesterday today tonight tomorrow".split())
_CLAUSE_AND = re.compile(
    r".*?\b(?:[a-z]{3,}ed|rose|fell|met|went|came|took|made|held|gave|spoke|won|lost|began|grew|"
    r"left|sent)\b.*?\s+and\s+((?:the\s+|some\s+|many\s+|other\s+)?[a-z][\w'-]*(?:\s+[\w'-]+)*)$")


# Words a mention of a source does not end with: a clause cut off ("… policy and", "Kremlin
# also pointed to and") or a fragment ("a leaders' encounter has been").
_DANGLING = frozenset(
    "and or but after before since when while as that which who whom whose the a an of to in "
    "on at by for with from into than has have had been is was were be being are its their his "
    "her our your once again also too still even "
    # in the other languages attribution_languages reads
    "e y o que de del la el los las en por con da do das dos um uma un una и в на с что".split())
# Subjects that are the call's own participants, not a source ("the two stressed …").
_PARTICIPANTS = re.compile(
    r"^(?:the\s+)?(?:two|both|both\s+sides|sides|parties|the\s+parties|two\s+sides|"
    r"(?:two\s+)?(?:leaders|ministers|presidents|counterparts|men|officials\s+on\s+both\s+sides))$",
    re.I)
# A verb in the past tense followed by more words inside a mention: a clause, not a name
# ("Pentagon official reaffirmed US commitment to …").
_CLAUSE = re.compile(r"(?<![-\w])[a-z]{3,}ed\s+(?:the|a|an|that|its|his|her|their|US|U\.S\.|[A-Z][\w-]+)\b")
# "countries such as India": an example, not a clause of its own.
_SUCH_AS = re.compile(r"\bsuch\s+as\b")
_SUBORDINATE = frozenset(["after", "before", "when", "while", "since", "because", "although", "but",
                          "que", "cual", "which",
                          "yet", "if", "unless", "as"])
MAX_SOURCE_WORDS = 12


def _negated(low: list[str]) -> bool:
    """Whether a verb of saying's subject ends in its negation ("the Kremlin did not") or is a
    "neither … nor" of two: then the verb says no one said it."""
    return bool(low) and (low[0] == "neither" or "nor" in low or low[-1] in ("not", "never")
                          or low[-1].endswith(("n't", "n\u2019t")))


_APPOSITIVE_END = re.compile(rf",\s+({APPOSITIVE_NAME})$")


def well_formed(source: str) -> bool:
    """A source the report can print: a name, a body, a government, an outlet or an unnamed
    source's description, never a date, a clause fragment or a cut-off phrase. Each part of a
    chain ("X, according to Y", "Y, citing X") is checked."""
    head = source.replace(" (reportedly)", "")
    for part in re.split(r",\s+(?:according\s+to|citing)\s+", head):
        part = part.strip()
        words = re.findall(r"[\w\u2019'.&-]+", part)
        low = [w.lower().strip(".") for w in words]
        # (a person's name after the office, "…, Maria Zakharova", counts apart)
        named = _APPOSITIVE_END.search(part)
        if not words or len(words) - (len(named.group(1).split()) if named else 0) > (
                MAX_SOURCE_WORDS):
            return False
        if low[-1] in _DANGLING and low[-1] not in _PRONOUN_SOURCES:
            return False
        if re.search(r"['\u2019]s$", words[-1]) or low[0] in _QUANTIFIERS:
            return False  # "China's" (of someone), "Such issues", "Some analysts" (no one)
        if _TIME_WORDS.intersection(words):  # lower case: "USA Today" is a name
            return False  # "National Press Club in Washington yesterday Trump's …": a clause
        if all(w in WEEKDAYS_MONTHS or w.isdigit() for w in low):
            return False
        if _PARTICIPANTS.match(part):
            return False
        if low[0] in ("as", "when", "while", "after", "before", "since", "if", "because"):
            return False
        if _negated(low):
            return False  # "Kremlin did not", "Kremlin nor the White House statement"
        if (len(low) == 1 and low[0] in STOPWORDS and low[0] not in _PRONOUN_SOURCES
                and low[0] not in attribution_languages.PERSONAL_PRONOUNS):
            return False  # "Sobre las elecciones, aseguró …": a word of another language's
        if _CLAUSE.search(part) and "," not in part:
            return False
        if _SUBORDINATE.intersection(low[1:]):
            return False
        if low[-1] in _NOT_SPEAKERS and len(low) <= 3 and low[0] in _DETERMINERS:
            return False  # "at the same time noted", "on his part stressed"
        if low[-1] in _EVENTS_AND_THINGS and len(low) <= 3:
            return False  # "The conversation highlighted", "the talks signaled": no one spoke
        if _COPULAS.intersection(low[:-1]) or "that" in low[1:]:
            return False  # "The partnership is further underscored", "attack that Washington"
        bare = low[1:] if low[0] in _DETERMINERS else low
        if len(bare) > 1 and bare[0] in _ORDINAL_TIMES and bare[1] in ("time", "times"):
            return False  # "The last time both sides issued", "first time President Trump"
    return True


# What a call, a meeting or a document's content is, not who spoke: as the subject of a verb
# of saying ("The conversation highlighted …") it names no source.
_EVENTS_AND_THINGS = frozenset(
    "talks conversation conversations call calls meeting meetings discussion discussions "
    "visit summit exchange results result partnership relationship agreement deal".split())
_COPULAS = frozenset("is was are were been being".split())
_ORDINAL_TIMES = frozenset("last first next second third previous".split())


_DETERMINERS = frozenset("the this that his her their its same".split())
# Words that open a phrase naming no one in particular: "Such issues", "Both sides".
_QUANTIFIERS = frozenset("such both each every either neither".split())
# Last words of a phrase that stands before a verb without being who spoke.
_NOT_SPEAKERS = frozenset("time times moment moments part parts side turn day week month year "
                          "morning afternoon evening night period meanwhile".split())


_PRONOUN_SOURCES = frozenset(["he", "she", "they", "it", "we", "i", "him", "her"])


def _make(phrase: str, source: str) -> Attribution:
    """The attribution of a phrase that names a source."""
    # A sentence's full stop is not part of the name ("said Ambassador Smith."), "U.S." keeps its.
    source = re.sub(r"(?<=[a-z]{2})\.$", "", source)
    phrase = re.sub(r"(?<=[a-z]{2})\.$", "", phrase)
    source = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.IGNORECASE) if not source.islower() else source
    # "a readout from China's Ministry of Foreign Affairs" is another government's readout.
    is_readout = bool(READOUT_WORDS.search(source)) and not names_foreign_country(source)
    return Attribution(text=phrase, source=source, is_readout=is_readout)


def _clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,;:\u00a0")
    # A sentence's full stop after a name ("…, informs UNN."), not an abbreviation's ("U.S.").
    last = s.rsplit(" ", 1)[-1]
    if last.endswith(".") and "." not in last[:-1] and last[:-1].lower() not in _ABBREVIATED:
        s = s[:-1]
    return s


_ABBREVIATED = lexicon.TITLE_ABBREVIATIONS | frozenset(
    {"jr", "sr", "inc", "co", "ltd", "corp", "st", "gen", "mr", "mrs", "ms", "dr"})


def blank_quotes(text: str) -> str:
    """The text with quoted stretches replaced by spaces (offsets kept). A sentence that opens
    inside a quotation begun in the sentence before ("… forward," the diplomat said.) has its
    words up to the closing mark blanked too."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    text = german_closed(text)

    head = _CLOSES_FIRST.match(text)
    if head and (text.count("\u201d") > text.count("\u201c") or text.count('"') % 2 == 1):
        text = " " * head.end() + text[head.end():]
    # A curly mark with no curly one after it closes with a straight one ("“… fish." she said),
    # as quote_marks reads pages that mix them. (In two parts, each read once: up to the last
    # curly closing mark every opening one finds its own; after it, a straight one closes.)
    last = text.rfind("\u201d") + 1
    text = (re.sub(r"\u201c[^\u201d]*\u201d", blank, text[:last])
            + re.sub(r'\u201c(?:[^"]*"|[^"]*$)', blank, text[last:]))
    text = re.sub(r"\u300c[^\u300d]*(\u300d|$)", blank, text)  # Japanese 「…」
    # A straight mark may open what a curly one closes ("We've got a lot to do," said Biden).
    return re.sub(r'"[^"\u201d]*("|\u201d|$)', blank, text)


# A closing mark before any opening one: punctuation or a letter, then the mark, then a space
# or the punctuation that follows a quotation in Spanish, Russian or French ("…bien", dijo;
# "…поведение", - написал).
# A term quoted inside the quotation in the same straight marks ('… of the "grain initiative"
# and …," the President wrote') is passed over.
_CLOSES_FIRST = re.compile(
    r'^(?:[^"\u201c\u201d]|(?<=\s)"[^"\s][^"]*"(?=\s))*?[\w.,!?\u2026]["\u201d](?=[\s,;:.]|$)')


# A quotation inside what someone did ("Austin asked Beijing to “refrain from …”", "The top
# Russian diplomat “acknowledged …”", "Describing the comments as “insulting,” the Prime
# Minister used the call to …") carries the words of the clause's subject, whatever its verb.
# The subject opens the sentence, or follows an opening phrase and its comma, or "and"; it is a
# name with its title, a pronoun, or a person or body described by its role.
_ROLE_NOUNS = (
    r"(?i:official|diplomat|minister|secretary|president|premier|chancellor|spokesperson|"
    r"spokesman|spokeswoman|leader|ministry|department|office|government|embassy|envoy|"
    r"ambassador|chief|head|aide|adviser|advisor|counterpart|statement|readout|communiqu\u00e9|"
    r"bureau|agency|presidency|cabinet|commander|general|administration)"
)
_SUBJECT_WORDS = (
    rf"(?P<src>(?:(?i:the)\s+(?:[\w\u2019'.-]+\s+){{0,4}}?{_ROLE_NOUNS}"
    # "China's top diplomat", "Russia's foreign minister": a possessive name and a role.
    rf"|[A-Z][\w.-]*['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,2}}?{_ROLE_NOUNS}\b"
    # "Opposition leader Karl Amsel", "Chinese leader Xi Jinping": a role between name words.
    rf"|(?:[A-Z][\w\u2019'.-]*\s+){{0,3}}(?:{_ROLE_NOUNS}\s+(?=[A-Z]))?{_NAME}|(?i:he|she|they))"
    rf"(?:\s+(?:[A-Z][\w\u2019'.-]*\s+){{0,3}}[A-Z][\w\u2019'-]*)?)"
    # "Dame Priti Patel, the Shadow Foreign Secretary, welcomed …"
    r"(?:,\s+(?:the|an?|[A-Z][\w]*['\u2019]s)\s+[^,]{1,60},)?"
)
_PREDICATE = (r"\s+(?:(?:also|again|strongly|further|then|later|had|has|have|would|will|could|"
              r"did)\s+)*(?P<verb>[a-z]{2,}(?:ed|s|ing))\b")
_CLAUSE_SUBJECT = re.compile(
    # A clause opens the sentence, or follows a comma, a conjunction, "with", or a quotation
    # (blanked out: a run of spaces).
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s)|(?<=\bwith\s)|(?<=\s\s))"
    + _SUBJECT_WORDS + _PREDICATE)
_SUBJECT_AT = re.compile(_SUBJECT_WORDS + _PREDICATE)
# The subject that opens a sentence, then its predicate ("Sunak has not publicly backed").
_MAIN_SUBJECT = re.compile(r"\s*" + _SUBJECT_WORDS + r"(?=\s+[a-z])")
# Where the main clause starts after an opening phrase that ends in a quotation: ",” the".
_AFTER_OPENING = re.compile(r",[\"\u201d]?\s+|[\"\u201d],\s+")
# The quotation right after its subject: 'The top Russian diplomat "acknowledged …"'.
_SUBJECT_THEN_QUOTE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\band\s))" + _SUBJECT_WORDS + r"\s+(?:(?:also|again|then|later)\s+)?$")
# What shows the quotation is someone else's words inside the predicate: a noun of saying
# with its owner ("Trump's earlier suggestion that …", "remarks by Trump that …") whose
# content the quotation is.
_OTHERS_WORDS = re.compile(
    r"(?:['\u2019]s\s+(?:[\w-]+\s+){0,3}?|\b)(?:suggestion|remarks?|comments?|claims?|words|"
    r"statement|assertion|accusations?|post|message|tweet|threat|warning)"
    r"(?:\s+(?:by|from|of)\s+[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)?"
    r"(?:\s+that\b.*|[,:]?\s*)$", re.S)
_NOT_VERBS = frozenset(["was", "has", "is", "does", "this", "its", "his", "us", "as", "news",
                        "series", "days", "years", "months", "weeks", "talks", "ties",
                        "relations", "forces", "states", "affairs", "efforts", "sanctions",
                        "towards", "press", "during", "morning", "evening", "meeting",
                        "building", "including", "regarding", "according", "following"])


CLAUSE_WINDOW = 400


def clause_subject(original: str, rel_start: int) -> Attribution | None:
    """The subject of the clause whose predicate holds the quotation that starts at
    ``rel_start`` in the sentence, as its source; None when the sentence names no such subject
    or shows the quotation to be someone else's words."""
    # Only the characters around the quotation are read (a long sentence with many quotations
    # costs each of them this much, not the whole sentence). Cut inside a sentence, the window
    # keeps one character before it, so that "^" does not take the cut for a sentence's start.
    lo = max(0, rel_start - CLAUSE_WINDOW - 1)
    original = original[lo : rel_start + CLAUSE_WINDOW]
    pos, rel_start = (1 if lo else 0), rel_start - lo
    text = blank_quotes(original)
    found = _SUBJECT_THEN_QUOTE.search(text, pos, rel_start)
    if found is not None and _NARRATED.match(original, rel_start + 1):
        # 'Austin also “raised concerns about …”': a document's words about what its subject
        # did, in the third person, not the subject's own.
        return None
    if found is None:
        for m in _CLAUSE_SUBJECT.finditer(text, pos, rel_start):
            if m.group("verb").lower() not in _NOT_VERBS:
                found = m
    if found is None and not lo and _OPENING_PHRASE.match(original):
        # "Describing the comments as “insulting,” the Prime Minister used …": the quotation
        # is in the opening phrase, its speaker the subject after it.
        comma = _AFTER_OPENING.search(original, rel_start)
        found = _SUBJECT_AT.match(text, comma.end()) if comma else None
        if found is not None and found.group("verb").lower() in _NOT_VERBS:
            found = None
        if found is not None:
            return _subject_attribution(original, found)
        return None
    if found is None or _OTHERS_WORDS.search(original[found.end():rel_start]):
        return None
    return _subject_attribution(original, found)


# A quotation that opens with a verb in the past tense narrates what someone did.
_NARRATED = re.compile(r"[a-z]{2,}ed\b|(?:told|said|met|spoke|held|made|gave|took|sent|"
                       r"underscored|expressed|welcomed|agreed|noted)\b")
# A sentence that opens with a participle phrase: "Describing …", "Speaking to reporters, …".
_OPENING_PHRASE = re.compile(r"^[A-Z][a-z]+ing\b")


def _subject_attribution(original: str, m: re.Match[str]) -> Attribution | None:
    src = _clean(m.group("src"))
    if not well_formed(src) or src.lower() in ("it", "this", "that"):
        return None
    return _make(_clean(original[m.start():m.end()]), src)
