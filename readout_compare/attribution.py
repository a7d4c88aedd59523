"""Attribution: the words around a claim or a quotation that say whose words they are.

"the readout continued", "he said during a “Fox & Friends” interview", "Trump wrote on Truth
Social", "according to people briefed on the call", "the Wall Street Journal reported". A
quotation attributed to someone other than the readout is reported as coming from that source.
The patterns are English newswire conventions; see docs/quotes-and-divergences.md for limits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from readout_compare import attribution_languages, lexicon
from readout_compare.lexicon import TITLES, word_key
from readout_compare.model import Attribution, Document, Sentence

# The verbs that tie words to their source, as one regular-expression alternation.
SPEECH_VERBS = "|".join(lexicon.SPEECH_VERBS)
_NAME = (r"(?:[A-Z][\w\u2019'.&-]*)(?:\s+(?:of\s+|the\s+|for\s+|de\s+|da\s+|do\s+|del\s+|al\s+|"
         r"bin\s+|van\s+|von\s+|la\s+|le\s+)?[A-Z][\w\u2019'.&-]*)*")
# Nouns that head a source that is not a named person: "China's defence ministry",
# "Environmental groups", "Haitian police".
_BODIES = (
    r"(?:ministry|ministries|office|government|embassy|prosecutors|investigators|police|groups?|"
    r"lawmakers|agency|guard|council|service|department|spokesperson|spokesman|spokeswoman|"
    r"officials?|sources|diplomats|analysts|media|outlet|newspaper|survey|investigation|"
    r"operators|army|military|presidency|court|mission|bank|fund|company|union|leader|chief|"
    r"head|president|minister|authorities)"
)
_SUBJECT = (
    # Words of a mention are one to three spaces apart: a longer run of spaces is a quotation
    # blanked out (blank_quotes), which a mention does not span.
    rf"(?:\b(?i:the|a|an|his|her|their|its)\s{{1,3}}(?:[\w\u2019'.-]+\s{{1,3}}){{0,12}}?[\w\u2019'-]+"
    r"|(?i:people|officials|sources|aides|diplomats|analysts|experts|several|some|two|three|"
    r"others|one)\s{1,3}(?:[\w\u2019'-]+\s{1,3}){0,8}?[\w\u2019'-]+"
    rf"|{_NAME}['\u2019]s\s+(?:[\w-]+\s+){{0,3}}?{_BODIES}(?:\s+{_NAME})?"
    rf"|[A-Z][\w.-]*(?:\s+[a-z][\w-]*){{0,2}}\s+{_BODIES}"
    rf"|(?i:police|officials|authorities|investigators|prosecutors)\s+in\s+{_NAME}"
    rf"|{_NAME}|he|she|they|it|we|I)"
)
# Adverbs that may stand between a speaker and the verb of saying ("has repeatedly said");
# others ("Russia illegally claims") say the verb is not one of saying.
_ADVERBS = (r"(?:reportedly|repeatedly|previously|publicly|privately|separately|earlier|again|"
            r"recently|frequently|often|already|firmly|openly|also|later|then)")
# Between a source and its verb: "Hegseth, however, insisted", "The Pentagon, in a statement,
# said", "Yuri Ushakov, an aide to the Russian president, said", "A member of the council, who
# asked not to be named, said", "Colton, speaking at the start of the meeting, said".
_ASIDE = (
    r"(?:,\s*(?:however|though|meanwhile|too|also|instead|in\s+a\s+statement|"
    r"for\s+(?:his|her|their|its)\s+part|who\s+[^,]{1,80}|speaking\s+[^,]{1,80}|"
    r"(?P<role>(?:an?|the|[A-Z][\w]*['\u2019]s)\s+[^,]{1,60}|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)+)),)?"
)
_AFTER_VERB = r"(?:\s+(?:on|in|during|to|at|via)\s+[^,.;:\u201c\u201d\"]*?(?:[\u201c\"][^\u201d\"]*[\u201d\"][^,.;:]*?)?(?=[,.;:]|\s+when\b|\s+after\b|$))?"

_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording(?: to)?|[Pp]er)\s+(?P<src>(?:[^,.;:\u201c\u201d\"]|(?<=\b[A-Z])\.)+)"
)
_CITING = re.compile(r"\bciting\s+(?P<src>[^,.;:\u201c\u201d\"]+)")
# "This was reported by the EU Diplomatic Service", "as reported by the British press",
# "reported on the British government's website", "with reference to the State Department".
_REPORTED_BY = re.compile(
    r"\b(?:(?:reported|announced|stated|said|confirmed|published|quoted)\s+by|"
    r"with\s+reference\s+to)\s+(?P<src>(?:[^,.;:\u201c\u201d\"]|(?<=\b[A-Z])\.)+)"
    r"|\b(?:reported|published|posted)\s+on\s+(?P<site>[^,.;:\u201c\u201d\"]*?\bwebsite)")
_SUBJECT_VERB = re.compile(
    rf"(?P<src>{_SUBJECT}){_ASIDE}\s+"
    rf"(?:has\s+|have\s+|had\s+|also\s+|later\s+|then\s+)?(?P<adverb>{_ADVERBS}\s+)?"
    rf"(?P<verb>{SPEECH_VERBS})\b"
    # "added a layer of complication" says nothing
    r"(?!(?<=added)\s+(?:a|an|some|new|more)\b)(?!(?<=adds)\s+(?:a|an|some|new|more)\b)"
    + _AFTER_VERB
)
_VERB_SUBJECT = re.compile(
    # "…," said Ambassador Smith. The name ends the clause: in "said Colombia would …" the name
    # is the subject of what was said, not the speaker.
    rf"\b(?P<verb>said|says|wrote|added|continued|reported|reports|informs|writes)\s+(?P<src>(?:the\s+)?{_NAME})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:in|on|at|during|after|adding|told|to)\b)"
)
_REPORTEDLY = re.compile(r"\breportedly\b|\bis said to\b|\bwas said to\b", re.IGNORECASE)
_READOUT_WORDS = re.compile(
    r"\b(readout|summary|statement|release|communiqu[eé]|transcript|read-out|comunicado|"
    r"texto\s+oficial|nota\s+oficial|declaraci[oó]n|declara[cç][aã]o|сообщени\w*|заявлени\w*|"
    r"коммюнике|пресс-релиз\w*|релиз\w*|Erkl[äa]rung|Mitteilung)(?!\w)", re.IGNORECASE
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}

# What kind of source a mention names (Attribution.kind), by the words it holds.
_MEDIA = re.compile(
    r"\b(?:journal|times|post|reuters|ap|afp|xinhua|kcna|cctv|tass|ria|bbc|cnn|abc|nbc|cbs|"
    r"fox|anadolu|folha|press agency|news agency|newspaper|outlet|report|reports|television|"
    r"tv|radio|media|wire|broadcaster|agency said|"
    # in the other languages attribution_languages reads
    r"agencia|agência|diario|periódico|jornal|revista|газета|агентство|издание|тасс|риа|"
    r"интерфакс|zeitung|journal)(?!\w)", re.I)
_UNNAMED = re.compile(
    r"^(?:(?:an?|the|two|three|several|some|other)\s+)?(?:[\w.'-]+\s+){0,3}?"
    r"(?:officials?|sources|people|diplomats|analysts|aides|experts|persons?)\b", re.I)
_GOVERNMENT = re.compile(
    r"\b(?:ministry|ministries|government|presidency|kremlin|cabinet|office|police|"
    r"prosecutors|investigators|coast guard|embassy|army|military|minister|president|"
    r"premier|chancellery|king|council|service|parliament|spokesperson for|"
    r"presidencia|presidência|gobierno|governo|cancillería|ministerio|ministério|secretaría|"
    r"departamento|casa blanca|casa branca|conselho|consejo|portavoz|porta-voz|canciller|"
    r"presidente|ministro|кремл\w*|мид|министерств\w*|правительств\w*|президент\w*|"
    r"евросовет\w*|совет\w*|пресс-служб\w*|посольств\w*|Regierung|Ministerium|"
    r"Bundesregierung|Kanzler\w*|gouvernement|ministère|Élysée|Elysée)(?!\w)", re.I)
_ORGANISATION = re.compile(
    r"\b(?:groups?|united nations|un|world bank|nato|imf|hamas|hezbollah|houthis|taliban|"
    r"agency|survey|investigation|operators|company|companies|codelco|union|fund|bank|"
    r"organi[sz]ation|association|chamber|institute|party)\b", re.I)
# Names of the readout's possible issuers, by what a readout page carries.
_ISSUERS = (
    (re.compile(r"Department of State|State Department|Secretary of State|Office of the "
                r"Spokesperson", re.I),
     ("state department", "department of state", "u.s. embassy", "us embassy", "the department",
      "the embassy", "embassy")),
    (re.compile(r"Department of Defense|Pentagon|Secretary of Defense|Defense Department", re.I),
     ("pentagon", "defense department", "department of defense", "dod")),
    (re.compile(r"White House|President\b", re.I),
     ("white house", "national security council")),
    (re.compile(r"Trade Representative", re.I), ("ustr", "trade representative")),
    (re.compile(r"Department of Commerce|Commerce Department", re.I),
     ("commerce department", "department of commerce")),
    (re.compile(r"Agency for International Development|USAID", re.I), ("usaid", "the agency")),
    (re.compile(r"Mission to the United Nations", re.I), ("u.s. mission", "the mission")),
    # Issuers outside Washington, by their readouts' headers, and how stories name them.
    (re.compile(r"Downing Street|Prime Minister's Office|\bPM (?:call|meeting|statement)|"
                r"The Prime Minister (?:spoke|met|held)", re.I),
     ("downing street", "no 10", "number 10", "no. 10", "prime minister's office",
      "british government", "uk government", "government's website", "@uk")),
    (re.compile(r"\bKremlin\b|President of Russia|Vladimir Putin (?:had|held) a telephone", re.I),
     ("kremlin", "russian presidency", "presidential press service", "peskov", "ushakov",
      "@russia")),
    (re.compile(r"Ministry of Foreign Affairs of the People's Republic of China|"
                r"Chinese (?:Foreign Ministry|Embassy)|Wang Yi (?:held|had) a (?:phone|telephone)|"
                r"Foreign Ministry Spokesperson", re.I),
     ("chinese foreign ministry", "china's foreign ministry", "foreign ministry", "the ministry",
      "beijing", "@china")),
    (re.compile(r"Ministry of Foreign Affairs of Japan|mofa\.go\.jp|Japan-[A-Z][a-z]+ "
                r"(?:Foreign Ministers|Summit|Leaders)|Prime Minister's Office of Japan|kantei", re.I),
     ("japanese foreign ministry", "japan's foreign ministry", "foreign ministry", "the ministry",
      "tokyo", "kantei", "prime minister's office", "@japan")),
    (re.compile(r"Ministry of External Affairs|mea\.gov\.in", re.I),
     ("ministry of external affairs", "mea", "external affairs ministry", "the ministry",
      "new delhi", "pmo", "@india")),
    (re.compile(r"European Council|European Commission|High Representative|EEAS|HR/VP", re.I),
     ("european council", "european commission", "eeas", "eu diplomatic service",
      "diplomatic service", "high representative", "hr/vp", "brussels", "the eu")),
    (re.compile(r"Secretaría de Relaciones Exteriores|\bSRE\b|Presidencia de la República|"
                r"Gobierno de México", re.I),
     ("sre", "secretaría de relaciones exteriores", "cancillería", "presidencia",
      "gobierno de méxico", "mexican foreign ministry", "mexico's foreign ministry", "@mexico")),
    (re.compile(r"President of Ukraine|Office of the President|president\.gov\.ua", re.I),
     ("office of the president", "presidential office", "zelensky's office",
      "zelenskyy's office", "ukrainian presidency", "kyiv", "@ukraine")),
)
_PRINCIPAL = re.compile(
    r"\b(?:Secretary|Envoy|Ambassador|Administrator|Advisor|Adviser|President|Representative)"
    r"(?:\s+of\s+\w+)?\s+(?:[A-Z][a-z]+\s+)?(?P<name>[A-Z][a-z]+)(?:['\u2019]s)?\b"
)


# A readout page's site says who issued it.
_SITE_NAMES = {"state.gov": " Department of State ", "defense.gov": " Department of Defense ",
               "gov.uk": " Prime Minister's Office ", "kremlin.ru": " Kremlin ",
               "fmprc.gov.cn": " Chinese Foreign Ministry ", "mofa.go.jp": " mofa.go.jp ",
               "mea.gov.in": " mea.gov.in ", "consilium.europa.eu": " European Council ",
               "eeas.europa.eu": " EEAS ", "gob.mx": " Gobierno de México ",
               "president.gov.ua": " president.gov.ua ",
               "war.gov": " Department of Defense ", "whitehouse.gov": " White House ",
               "ustr.gov": " Trade Representative ", "commerce.gov": " Department of Commerce ",
               "usaid.gov": " USAID ", "usun.usmission.gov": " Mission to the United Nations "}
_SITES = re.compile(r"(?:https?://)?(?:www\.)?(" + "|".join(map(re.escape, _SITE_NAMES)) + r")\S*")
_ATTRIBUTABLE = re.compile(
    r"attributable to\s+(?:[A-Z]?[a-z]+\s+){0,3}(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")


# The verb of the readout's opening sentence that joins its principal to the other side:
# "Secretary Austin met with …", "Wang Yi had a phone call with …", "mantuvo … con".
_MEETING = re.compile(
    r"\b(?:held|holds|had|has|spoke|speaks|met|meets|talked|received|receives|hosted|conducted|"
    r"called|welcomed|mantuvo|sostuvo|conversó|habló|recibió|se\s+reunió|провел|провёл|"
    r"состоялся|обсудил)\b")
_WITH = re.compile(r"\b(?:with|to|con|с|со|avec|mit|com)\b")
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-ÞА-ЯЁ][\w\u2019'-]+\b")
# Marks a name of the readout's other side in the issuer set (issuer_names).
OTHER_SIDE = "~"


def _sides(readout: Document) -> tuple[set[str], set[str]]:
    """The people on each side of the call or meeting, by the readout's opening sentence: names
    before its verb of meeting are the issuer's principal ("Secretary of State Marco Rubio
    spoke with …"), names after "with" the other side's ("… Russian Foreign Minister Sergey
    Lavrov"). Lowercased words of the names."""
    for s in readout.body[:3]:
        m = _MEETING.search(s.text)
        w = _WITH.search(s.text, m.end()) if m else None
        if not m or not w:
            continue
        sides = []
        # The other side ends with the sentence's first full stop after "with" ("… Kuleba.").
        for part in (s.text[: m.start()], re.split(r"\.\s", s.text[w.end():])[0]):
            names = set()
            for word in _CAPITALISED.findall(part):
                low = re.sub(r"['\u2019]s$", "", word).lower()
                if (low in TITLES or low in _NOT_PERSON or low in _WEEKDAYS_MONTHS
                        or word_key(low).startswith("@") or len(low) < 3
                        or low in ("the", "on", "in", "during", "after", "his", "her")):
                    continue
                names.add(low)
            sides.append(names)
        return sides[0], sides[1] - sides[0]
    return set(), set()


def issuer_names(readout: Document | None) -> frozenset[str]:
    """How the account may name the readout's issuer: from the readout's opening lines (the
    department a readout page names) and the official whose call or meeting it reports."""
    if readout is None:
        return frozenset()
    src = readout.source
    where = " ".join(x for x in (src.url, src.final_url, src.site_name, src.canonical_url) if x)
    head = readout.text[:600] + " " + _SITES.sub(lambda m: _SITE_NAMES[m.group(1)], where)
    names: set[str] = set()
    for m in _ATTRIBUTABLE.finditer(readout.text[:1000]):
        names.add(m.group("name").split()[-1].lower())  # "attributable to Spokesperson X"
    for pattern, aliases in _ISSUERS:
        if pattern.search(head):
            names.update(aliases)
    principal, other = _sides(readout)
    for m in _PRINCIPAL.finditer(head):
        if m.group("name") not in ("Of", "The"):
            names.add(m.group("name").lower())
    # The other side's people are never the issuer, whatever the page's header says of them.
    names = (names | principal) - other
    names.update(OTHER_SIDE + n for n in other)
    return frozenset(names)


def speaker_kind(source: str, issuer: frozenset[str] = frozenset(),
                 known: dict[str, str] | None = None) -> str:
    """The kind of source a mention names: issuer, government, person, organisation, media,
    unnamed. ``known``: kinds of names met earlier in the account ("Parnell" after "Pentagon
    press secretary Sean Parnell")."""
    low = source.lower()
    # A person on either side of the call is known by name: the issuer's principal, or the other
    # government's.
    if "reportedly" in low or "unnamed sources" in low:
        return "unnamed"
    name = person_name(source)
    if name and OTHER_SIDE + name.lower() in issuer:
        return "government"
    if name and name.lower() in issuer:
        return "issuer"
    # The issuer's own country is not foreign ("China's foreign ministry" after a readout of
    # China's foreign ministry); issuer_names marks it with "@".
    foreign = _foreign(source, frozenset(n for n in issuer if n.startswith("@")))
    if _READOUT_WORDS.search(source) and not foreign and not re.search(r"\bin a statement\b", low):
        return "issuer"
    if not foreign and any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", low) for n in issuer):
        return "issuer"
    if known and name and name.lower() in known:
        return known[name.lower()]
    if _UNNAMED.match(source) and not name:
        return "unnamed"
    if _MEDIA.search(source):
        return "media"
    if foreign or _GOVERNMENT.search(source):
        return "government"
    if _ORGANISATION.search(source):
        return "organisation"
    return "person"


_NOT_PERSON = frozenset(
    ["pentagon", "kremlin", "house", "department", "ministry", "journal", "times", "post", "xinhua", "kcna", "cctv", "cnn", "bbc", "abc", "nato", "hamas", "hezbollah", "houthis", "taliban", "reuters", "anadolu", "folha", "agency", "bank", "nations", "council", "union", "embassy", "office", "readout", "statement", "summary", "states", "united", "kingdom", "nations", "republic", "white"]
)


def person_name(source: str) -> str | None:
    """The last capitalised word of a mention that names a person, if any: "State Department
    spokesperson Tammy Bruce" -> "Bruce"; "China's foreign ministry" -> None."""
    head = source.split(", according to")[0].split(",")[0]
    words = re.findall(r"\b[A-Z][a-z][\w\u2019'-]*\b", head)
    for w in reversed(words):
        base = re.sub(r"['\u2019]s$", "", w)
        if base.lower() in _NOT_PERSON or word_key(base.lower()).startswith("@"):
            continue
        if base.lower() in TITLES or base.lower() in ("the", "a", "an", "he", "she"):
            continue
        return base
    return None


# What attribution finds in each sentence, by sentence id (see found_in); made once per account
# and shared by the quotation and the sentence passes.
Found = dict[str, tuple[tuple[int, int, Attribution, int], ...]]


def found_in(sentences: Sequence[Sentence]) -> Found:
    """Every attribution in each sentence, by sentence id: the patterns' work, which the
    quotation pass and the sentence pass both need and which large accounts do in parallel."""
    return {s.id: _candidates(s.text) for s in sentences}


def attribute_quote(
    sentence: Sentence, q_start: int, q_end: int, found_by_sentence: Found | None = None
) -> Attribution | None:
    """The attribution of the quotation at q_start:q_end (offsets into the account's text)
    within its sentence: the nearest
    attribution after the quote ("...," the readout continued), else the nearest before it.
    When another source in the sentence reports the speaker's words ("Xinhua said Xi told …";
    "Lavrov stressed …, the ministry said"), the speaker is given as that source reports him."""
    found = _found(sentence, found_by_sentence)
    if not found:
        return None
    rel_start, rel_end = q_start - sentence.start, q_end - sentence.start
    after = [f for f in found if f[0] >= rel_end - 1 and f[0] - rel_end < 80]
    before = [f for f in found if f[1] <= rel_start + 1]
    if before and after:
        # The speaker named before the quotation, the reporter after it.
        return _reported(max(before, key=lambda f: f[1])[2], min(after, key=lambda f: f[0])[2])
    if after:
        nearest = min(after, key=lambda f: f[0])
    elif before:
        nearest = max(before, key=lambda f: f[1])
    else:
        # Only "according to" and its kind cover a whole sentence; "X said that …" is about
        # what follows it, not a quotation far before it.
        sure = [f for f in found if f[3] == 0 or f[0] <= rel_start]
        if not sure:
            return None
        nearest = sure[0]
    outer = next((f for f in found if f[0] < nearest[0] and f[2].source != nearest[2].source),
                 None)
    if outer is not None:
        # "Xinhua said Xi told Hale that …": Xi's words as Xinhua gives them.
        return _reported(nearest[2], outer[2])
    readout = next((f[2] for f in found if f[2].is_readout), None)
    if readout is not None and not nearest[2].is_readout:
        return _reported(nearest[2], readout)
    return nearest[2]


def _reported(speaker: Attribution, reporter: Attribution) -> Attribution:
    """The speaker's words as a reporter gives them: "Lavrov, according to the Russian foreign
    ministry"."""
    if speaker.source == reporter.source:
        return speaker
    return Attribution(
        text=f"{reporter.text} … {speaker.text}" if reporter.text != speaker.text else speaker.text,
        source=f"{speaker.source}, according to {reporter.source}",
        is_readout=reporter.is_readout,
        kind=speaker.kind,
    )


def attribute_sentences(
    account: Document, readout: Document | None = None, found_by_sentence: Found | None = None
) -> dict[str, Attribution]:
    """The attribution each body sentence of the account carries, where it carries one, with
    the speaker's kind (``readout`` tells who its issuer is). ``found_by_sentence``: what
    :func:`found_in` gave for the account, when made already."""
    issuer = issuer_names(readout)
    known: dict[str, str] = {}
    out = {}
    body = [s for s in account.sentences if s.role == "body"]
    for i, s in enumerate(body):
        found = _found(s, found_by_sentence)
        if not found:
            continue
        # "according to" and "citing" name the source more surely than a verb of saying;
        # a speaker whose words another source reports is given as that source reports him.
        # A source at the end of the sentence ("…, his office said") reports what comes
        # before it, so it ranks with "according to".
        end = len(s.text.rstrip(" .\u201d\"'"))
        found = [(a, b, att, 0 if b >= end - 1 and a > 0 else p) for a, b, att, p in found]
        best = min(found, key=lambda f: (f[3], f[0]))
        speaker = next((f for f in found if f[3] == 1 and f is not best
                        and f[2].source != best[2].source), None)
        chosen = _reported(speaker[2], best[2]) if best[3] == 0 and speaker else best[2]
        chosen = resolve_pronoun(chosen, body[max(i - 3, 0) : i])
        chosen = whose_document(with_kind(chosen, issuer, known), account.text[: s.start], issuer)
        out[s.id] = chosen
    return out


# Every attribution pattern needs one of these words; a sentence without any has none (the
# check is on lowercased words, so it never misses what the case-sensitive patterns find).
_TRIGGERS = frozenset(
    [verb.split()[0] for verb in lexicon.SPEECH_VERBS]
    + ["according", "per", "citing", "reportedly", "said", "published", "reference"]
)
_LOWER_WORD = re.compile(r"[a-z]+")


def _found(
    sentence: Sentence, found_by_sentence: Found | None
) -> tuple[tuple[int, int, Attribution, int], ...]:
    if found_by_sentence is not None and sentence.id in found_by_sentence:
        return found_by_sentence[sentence.id]
    return _candidates(sentence.text)


def _candidates(original: str) -> tuple[tuple[int, int, Attribution, int], ...]:
    """Every attribution in a sentence: (start, end, attribution, priority)."""
    english = not _TRIGGERS.isdisjoint(_LOWER_WORD.findall(original.lower()))
    if not english and original.isascii():
        return ()
    text = blank_quotes(original)
    out: list[tuple[int, int, Attribution, int]] = []
    # Stories in Spanish, Portuguese, Russian, French and German (attribution_languages).
    other = [(a, b, _make(_clean(original[a:b]), src), p)
             for a, b, src, p in attribution_languages.candidates(text)
             if 0 < len(src.split()) <= MAX_SOURCE_WORDS]
    if not english:
        return tuple(sorted(other, key=lambda f: f[0]))
    leads = list(_SUBJECT_VERB.finditer(text))
    for pattern in (_ACCORDING, _CITING, _REPORTED_BY):
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
                out.append((m.start(), m.end(), _make(phrase, src), 0))
    # The subject-verb matches are the leads found above (the pattern is long; run it once).
    for matches in (leads, _VERB_SUBJECT.finditer(text)):
        for m in matches:
            src = _clean(m.group("src"))
            role = m.groupdict().get("role")
            if role and src[:1].isupper():
                src = f"{src}, {_clean(role)}"  # "Yuri Ushakov, an aide to the president"
            if (m.groupdict().get("adverb") or "").strip() == "reportedly":
                src = f"{src} (reportedly)"  # named, but only as others report it
            if src.lower() in ("that", "which", "this", "who"):
                continue
            last = src.split()[-1].lower()
            if last.endswith("ly") and not re.fullmatch(_ADVERBS, last):
                continue  # "oblasts Russia illegally claims": not a verb of saying
            phrase = _clean(original[m.start() : m.end()])
            out.append((m.start(), m.end(), _make(phrase, src), 1))
    rep = _REPORTEDLY.search(text)
    if rep:
        out.append(
            (rep.start(), rep.end(),
             Attribution(text=rep.group(0), source="unnamed sources (reportedly)", is_readout=False),
             2)
        )
    kept = [f for f in out if well_formed(f[2].source)]
    return tuple(sorted(kept + other, key=lambda f: f[0]))


_WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec today yesterday tonight morning evening afternoon week month year day time "
    "last this next earlier later on".split())
# Words a mention of a source does not end with: a clause cut off ("… policy and", "Kremlin
# also pointed to and") or a fragment ("a leaders' encounter has been").
_DANGLING = frozenset(
    "and or but after before since when while as that which who whom whose the a an of to in "
    "on at by for with from into than has have had been is was were be being are its their his "
    "her our your".split())
# Subjects that are the call's own participants, not a source ("the two stressed …").
_PARTICIPANTS = re.compile(
    r"^(?:the\s+)?(?:two|both|both\s+sides|sides|parties|the\s+parties|two\s+sides|"
    r"(?:two\s+)?(?:leaders|ministers|presidents|counterparts|men|officials\s+on\s+both\s+sides))$",
    re.I)
# A verb in the past tense followed by more words inside a mention: a clause, not a name
# ("Pentagon official reaffirmed US commitment to …").
_CLAUSE = re.compile(r"(?<![-\w])[a-z]{3,}ed\s+(?:the|a|an|that|its|his|her|their|US|U\.S\.|[A-Z][\w-]+)\b")
_SUBORDINATE = frozenset(["after", "before", "when", "while", "since", "because", "although",
                          "yet", "if", "unless", "as"])
MAX_SOURCE_WORDS = 12


def well_formed(source: str) -> bool:
    """A source the report can print: a name, a body, a government, an outlet or an unnamed
    source's description, never a date, a clause fragment or a cut-off phrase. Each part of a
    chain ("X, according to Y", "Y, citing X") is checked."""
    head = source.replace(" (reportedly)", "")
    for part in re.split(r",\s+(?:according\s+to|citing)\s+", head):
        part = part.strip()
        words = re.findall(r"[\w\u2019'.&-]+", part)
        low = [w.lower().strip(".") for w in words]
        if not words or len(words) > MAX_SOURCE_WORDS:
            return False
        if low[-1] in _DANGLING and low[-1] not in _PRONOUN_SOURCES:
            return False
        if all(w in _WEEKDAYS_MONTHS or w.isdigit() for w in low):
            return False
        if _PARTICIPANTS.match(part):
            return False
        if low[0] in ("as", "when", "while", "after", "before", "since", "if", "because"):
            return False
        if _CLAUSE.search(part) and "," not in part:
            return False
        if _SUBORDINATE.intersection(low[1:]):
            return False
    return True


_PRONOUN_SOURCES = frozenset(["he", "she", "they", "it", "we", "i", "him", "her"])


_SUBJECT_NAME = re.compile(
    r"^(?:[A-Z][\w.\u2019'-]*\s+){0,4}?(?P<name>[A-Z][a-z][\w\u2019'-]*)"
    r"(?=,|\s+(?:has|had|is|was|said|says|told|also|then|later|[a-z]+ed)\b)"
)


def resolve_pronoun(attribution: Attribution, earlier: Sequence[Sentence]) -> Attribution:
    """"he said" -> "he (Hegseth)": the nearest earlier speaker who is a person (a name the
    account credited words to in the last three sentences), else the subject of the nearest
    earlier sentence that opens with a person's name; never a country or an organisation.
    Only he and she are resolved; the guess is shown beside the pronoun."""
    head = attribution.source.split(",")[0].strip()
    if head.lower() not in ("he", "she", "him", "her"):
        return attribution
    wanted = "f" if head.lower() in ("she", "her") else "m"
    recent = [p for s in reversed(earlier[-3:])
              for p in reversed([person_name(f[2].source) for f in _candidates(s.text)]) if p]
    genders = {p: _gender(p, earlier) for p in recent}
    # A speaker the text says is of the pronoun's gender first, then one it says nothing of.
    name = next((p for p in recent if genders[p] == wanted), None) or next(
        (p for p in recent if genders[p] is None), None)
    if name is None:
        for s in reversed(earlier[-3:]):
            m = _SUBJECT_NAME.match(s.text.lstrip("\u201c\"' "))
            if m and person_name(m.group("name")):
                name = m.group("name")
                break
    if name is None:
        return attribution
    return replace(attribution, source=attribution.source.replace(head, f"{head} ({name})", 1))


def _gender(name: str, sentences: Sequence[Sentence]) -> str | None:
    """What the text says of a person's gender: "Ms. Bruce", "Mr. Wang", or "her"/"his" after
    the name in the sentence that names them; None when it does not say."""
    for s in sentences:
        text = s.text
        if re.search(rf"\b(?:Ms|Mrs|Miss)\.?\s+{re.escape(name)}\b", text):
            return "f"
        if re.search(rf"\bMr\.?\s+{re.escape(name)}\b", text):
            return "m"
        m = re.search(rf"\b{re.escape(name)}\b(?P<rest>.*)", text)
        if m:
            after = re.findall(r"\b(her|his|she|he)\b", m.group("rest"), re.I)
            if after:
                return "f" if after[0].lower() in ("her", "she") else "m"
    return None


def _make(phrase: str, source: str) -> Attribution:
    # A sentence's full stop is not part of the name ("said Ambassador Smith."), "U.S." keeps its.
    source = re.sub(r"(?<=[a-z]{2})\.$", "", source)
    phrase = re.sub(r"(?<=[a-z]{2})\.$", "", phrase)
    source = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.IGNORECASE) if not source.islower() else source
    # "a readout from China's Ministry of Foreign Affairs" is another government's readout.
    is_readout = bool(_READOUT_WORDS.search(source)) and not _foreign(source)
    return Attribution(text=phrase, source=source, is_readout=is_readout)


def names_foreign_country(source: str, issuer: frozenset[str]) -> bool:
    """The mention names a country other than the readout issuer's ("Russia's", "Chinese")."""
    return _foreign(source, frozenset(n for n in issuer if n.startswith("@")))


def _foreign(source: str, home: frozenset[str] = frozenset()) -> bool:
    """The mention names a country other than the issuer's (by default the United States):
    "China's", "Philippine"."""
    home = home or frozenset(["@us"])
    return any(word_key(w.lower()).startswith("@") and word_key(w.lower()) not in home
               for w in re.findall(r"[A-Za-z\u2019']+", source))


_BARE_DOCUMENT = re.compile(
    r"^(?:the\s+)?(?:statement|readout|release|press\s+release|communiqu[eé]|summary|"
    r"read-out)$", re.I)
_DOCUMENT_MENTION = re.compile(
    r"\b(?:statement|readout|read-out|release|communiqu[eé]|summary)\b", re.I)


def whose_document(attribution: Attribution, earlier: str, issuer: frozenset[str]) -> Attribution:
    """"the statement said" after "Russia's foreign ministry said in a statement" is that
    ministry's statement, not the readout: a bare mention of a document is resolved to the last
    document the story named before it, when that one was another government's."""
    if not _BARE_DOCUMENT.match(attribution.source.strip()):
        return attribution
    mentions = list(_DOCUMENT_MENTION.finditer(earlier))
    if not mentions:
        return attribution
    last = mentions[-1]
    around = earlier[max(0, last.start() - 120): last.end() + 120]
    window = re.split(r"(?<=[.!?])\s+", around)
    near = next((w for w in window if last.group(0) in w), around)
    home = frozenset(n for n in issuer if n.startswith("@"))
    if not _foreign(near, home) or any(
            re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", near.lower())
            for n in issuer if not n.startswith("@")):
        return attribution
    owner = next((w for w in re.findall(r"[A-Za-z\u2019']+", near)
                  if word_key(w.lower()).startswith("@") and word_key(w.lower()) not in (home or {"@us"})),
                 None)
    return replace(attribution, source=f"{attribution.source} ({owner})", is_readout=False,
                   kind="government")


def with_kind(attribution: Attribution, issuer: frozenset[str],
              known: dict[str, str]) -> Attribution:
    """The attribution with its speaker's kind; a named person's kind is remembered, so a later
    bare surname gets the kind of its first, fuller mention."""
    kind = speaker_kind(attribution.source, issuer, known)
    name = person_name(attribution.source)
    if name and name.lower() not in known:
        known[name.lower()] = kind
    # "a readout from China's foreign ministry" is the readout when China's ministry issued it.
    is_readout = attribution.is_readout or (
        kind == "issuer" and bool(_READOUT_WORDS.search(attribution.source)))
    return replace(attribution, kind=kind, is_readout=is_readout)


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,;:\u00a0")


def blank_quotes(text: str) -> str:
    """The text with quoted stretches replaced by spaces (offsets kept). A sentence that opens
    inside a quotation begun in the sentence before ("… forward," the diplomat said.) has its
    words up to the closing mark blanked too."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    head = _CLOSES_FIRST.match(text)
    if head and (text.count("\u201d") > text.count("\u201c") or text.count('"') % 2 == 1):
        text = " " * head.end() + text[head.end():]
    text = re.sub(r"\u201c[^\u201d]*(\u201d|$)", blank, text)
    # A straight mark may open what a curly one closes ("We've got a lot to do," said Biden).
    return re.sub(r'"[^"\u201d]*("|\u201d|$)', blank, text)


# A closing mark before any opening one: punctuation or a letter, then the mark, then a space.
_CLOSES_FIRST = re.compile(r'^[^"\u201c\u201d]*?[\w.,!?\u2026]["\u201d](?=\s|$)')
