"""Who a source is: the names by which a story may call the readout's issuer and the other side
of the call (read from the readout's page), and the kind of each source a story names: issuer,
government, person, organisation, media or unnamed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from readout_compare.lexicon import MONTH_NAMES, TITLES, WEEKDAYS, word_key
from readout_compare.model import Attribution, Document

# Words that name a document of the readout's kind ("the statement", "a readout").
READOUT_WORDS = re.compile(
    r"\b(readout|summary|statement|release|communiqu[eé]|transcript|read-out|comunicado|"
    r"texto\s+oficial|nota\s+oficial|declaraci[oó]n|declara[cç][aã]o|сообщени\w*|заявлени\w*|"
    r"коммюнике|пресс-релиз\w*|релиз\w*|Erkl[äa]rung|Mitteilung)(?!\w)", re.IGNORECASE
)

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
    r"presidenta|ministra|"
    r"presidente|ministro|кремл\w*|мид|министерств\w*|правительств\w*|президент\w*|"
    r"евросовет\w*|совет\w*|пресс-служб\w*|посольств\w*|Regierung|Ministerium|"
    r"Bundesregierung|Kanzler\w*|gouvernement|ministère|Élysée|Elysée|pentagon|white house|"
    r"downing street|state department|department of (?:state|defen[cs]e)|secretary|"
    r"spokes(?:person|man|woman)|chancellor|ambassador|envoy|"
    # Polish, Italian, Dutch, Romanian and Ukrainian bodies and offices ("MSZ", "la
    # Farnesina", "het ministerie", "Guvernul", "МЗС").
    r"msz|ministerstw\w*|rząd\w*|rzecznik\w*|prezydent\w*|ambasad\w*|farnesina|"
    r"palazzo chigi|ministerie|regering|guvern\w*|ministerul|președinte\w*|мзс|уряд\w*|"
    r"міністерств\w*|офіс президента)(?!\w)", re.I)
_ORGANISATION = re.compile(
    r"\b(?:groups?|united nations|un|world bank|nato|imf|hamas|hezbollah|houthis|taliban|"
    r"agency|survey|investigation|operators|company|companies|codelco|union|fund|bank|"
    r"organi[sz]ation|association|chamber|institute|party)\b", re.I)
# Issuers as stories in other languages name them (issuer_display shows these as written).
_WHITE_HOUSE_ABROAD = ("casa blanca", "casa branca", "maison blanche", "weißen haus",
                       "weiße haus", "белый дом", "белого дома", "白宫")
_STATE_ABROAD = ("departamento de estado", "département d'état", "госдеп", "госдепартамент")
_PENTAGON_ABROAD = ("pentágono", "pentagone", "пентагон")
_ABROAD_NAMES = frozenset([*_WHITE_HOUSE_ABROAD, *_STATE_ABROAD, *_PENTAGON_ABROAD])
_WHITE_HOUSE_NAMES = ("white house", "national security council", *_WHITE_HOUSE_ABROAD)
_KREMLIN_NAMES = ("kremlin", "russian presidency", "presidential press service", "peskov",
                  "ushakov", "@russia")
_UKRAINE_NAMES = ("office of the president", "presidential office", "zelensky's office",
                  "zelenskyy's office", "ukrainian presidency", "kyiv", "@ukraine")
# Names of the readout's possible issuers, by what a readout page carries.
_ISSUERS = (
    (re.compile(r"Department of State|State Department|Secretary of State|Office of the "
                r"Spokesperson", re.I),
     ("state department", "department of state", "u.s. embassy", "us embassy", "the department",
      "the embassy", "embassy", *_STATE_ABROAD)),
    (re.compile(r"Department of Defense|Pentagon|Secretary of Defense|Defense Department", re.I),
     ("pentagon", "defense department", "department of defense", "dod", *_PENTAGON_ABROAD)),
    (re.compile(r"White House|whitehouse\.gov|National Security Council", re.I),
     _WHITE_HOUSE_NAMES),
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
    (re.compile(r"\bKremlin\b|Vladimir Putin (?:had|held) a telephone", re.I), _KREMLIN_NAMES),
    (re.compile(r"Ministry of Foreign Affairs of the People's Republic of China|"
                r"Chinese (?:Foreign Ministry|Embassy)|Wang Yi (?:held|had) a (?:phone|telephone)|"
                r"Foreign Ministry Spokesperson", re.I),
     ("chinese foreign ministry", "china's foreign ministry", "foreign ministry", "the ministry",
      "beijing", "@china")),
    (re.compile(r"Ministry of Foreign Affairs of Japan|mofa\.go\.jp|Japan-(?:[A-Z][a-z]+|U\.S\.) "
                r"(?:Foreign Ministers|Summit|Leaders)|Prime Minister's Office of Japan|kantei", re.I),
     ("japanese foreign ministry", "japan's foreign ministry", "foreign ministry", "the ministry",
      "tokyo", "kantei", "prime minister's office", "@japan")),
    (re.compile(r"Ministry of External Affairs|mea\.gov\.in", re.I),
     ("ministry of external affairs", "mea", "external affairs ministry", "the ministry",
      "new delhi", "pmo", "@india")),
    (re.compile(r"\bAn Taoiseach\b|Department of the Taoiseach|gov\.ie/\S*taoiseach|"
                r"(?:^|\n)\s*(?:The )?Taoiseach\b"),
     ("taoiseach", "department of the taoiseach", "irish government", "government statement",
      "dublin", "@ireland")),
    (re.compile(r"European Council|European Commission|High Representative|EEAS|HR/VP", re.I),
     ("european council", "european commission", "eeas", "eu diplomatic service",
      "diplomatic service", "high representative", "hr/vp", "brussels", "the eu")),
    (re.compile(r"Secretaría de Relaciones Exteriores|\bSRE\b|Presidencia de la República|"
                r"Gobierno de México", re.I),
     ("sre", "secretaría de relaciones exteriores", "cancillería", "presidencia",
      "gobierno de méxico", "mexican foreign ministry", "mexico's foreign ministry", "@mexico")),
    (re.compile(r"Office of the President|president\.gov\.ua", re.I), _UKRAINE_NAMES),
    # Readouts in the government's own language, by their headers and agencies.
    (re.compile(r"新华社|外交部|国家主席|国务院"),
     ("xinhua", "chinese state media", "state media", "chinese foreign ministry",
      "china's foreign ministry", "foreign ministry", "beijing", "@china")),
    (re.compile(r"Кремл|Президент России|МИД России|Министерств\w* иностранных дел Российской"),
     ("kremlin", "russian presidency", "russian foreign ministry", "peskov", "ushakov",
      "@russia")),
    (re.compile(r"Bundesregierung|Bundeskanzler|Presse- und Informationsamt|Kanzleramt"),
     ("bundesregierung", "german government", "federal government", "government spokesman",
      "regierungssprecher", "chancellery", "kanzleramt", "berlin", "@germany")),
    (re.compile(r"Élysée|Elysée|Présidence de la République|Quai d'Orsay|"
                r"Ministère de l'Europe et des Affaires étrangères|diplomatie\.gouv\.fr|"
                # Their English pages: "M. Emmanuel Macron, President of the Republic".
                r"President of the Republic\b(?! of)|\bThe French President\b"),
     ("élysée", "elysee", "french presidency", "quai d'orsay", "french foreign ministry",
      "paris", "@france")),
    (re.compile(r"Planalto|Presidência da República|Secretaria de Comunicação|Itamaraty"),
     ("planalto", "presidência", "brazilian presidency", "brazilian government", "itamaraty",
      "secom", "brasília", "@brazil")),
    (re.compile(r"Casa Rosada|Presidencia de la Naci[oó]n|casarosada\.gob\.ar"),
     ("casa rosada", "presidencia", "argentine presidency", "argentine government",
      "@argentina")),
    (re.compile(r"Presidency of the Republic of T[üu]rkiye|Directorate of Communications|"
                r"tccb\.gov\.tr", re.I),
     ("turkish presidency", "presidential sources", "presidency", "ankara", "@turkey")),
    (re.compile(r"Cheong Wa Dae|mofa\.go\.kr|Ministry of Foreign Affairs of the Republic of "
                r"Korea", re.I),
     ("cheong wa dae", "presidential office", "foreign ministry", "the ministry", "seoul",
      "@korea")),
)
# A readout that names no issuer but speaks of "the President" is, as a rule, the White
# House's; only when no other issuer's header is found ("President Putin" in a No 10 readout
# is the other side).
_PRESIDENT_FALLBACK = (re.compile(r"\bPresident\b"), _WHITE_HOUSE_NAMES)
# A readout that names the American president as a foreigner ("U.S. President Trump",
# "President Donald J. Trump of the U.S.") is the other side's: no White House fallback.
_US_PRESIDENT_ABROAD = re.compile(
    r"\b(?:U\.\s?S\.|US|USA|American|United States)\s+President\b"
    r"|\bPresident\s+(?:[A-Z][\w.,]*\s+){1,5}of the (?:U\.\s?S\.?|USA|United States)\b"
    # "Joseph R. Biden, Jr., President of the United States of America"
    r"|,\s+President of the (?:U\.\s?S\.?|USA|United States)\b")


# Offices that name the issuer's principal as often as the other side's ("M. Emmanuel Macron,
# President of the Republic, and Mr Vladimir Putin, President of Russia" heads the Élysée's
# readout): an issuer only when no header names another.
_WEAK_ISSUERS = (
    (re.compile(r"President of Russia", re.I), _KREMLIN_NAMES),
    (re.compile(r"President of Ukraine", re.I), _UKRAINE_NAMES),
)


def _issuers(head: str) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """The issuers whose header the readout's opening lines or address show."""
    found = [(p, aliases) for p, aliases in _ISSUERS if p.search(head)]
    if not found:
        found = [(p, aliases) for p, aliases in _WEAK_ISSUERS if p.search(head)]
    if (not found and _PRESIDENT_FALLBACK[0].search(head)
            and not _US_PRESIDENT_ABROAD.search(head)):
        found = [_PRESIDENT_FALLBACK]
    return found


_PRINCIPAL = re.compile(
    r"\b(?:Secretary|Envoy|Ambassador|Administrator|Advisor|Adviser|President|Representative)"
    r"(?:\s+of\s+\w+)?\s+(?:[A-Z][a-z]+\s+)?(?P<name>[A-Z][a-z]+)(?:['\u2019]s)?\b"
)


# Words _PRINCIPAL takes for a name that are the end of a country's or an office's name
# ("President of the United States", "President of the Republic").
_NOT_PRINCIPALS = frozenset(["Of", "The", "States", "Republic", "Kingdom", "Nations", "Union",
                             "Federation", "Emirates", "Commission", "Council"])


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
# Verbs of meeting whose object is the other side, with no "with" ("met Prime Minister X").
_MET_WHOM = re.compile(r"met|meets|received|receives|hosted|welcomed|called|recibió")
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-ÞА-ЯЁ][\w\u2019'-]+\b")
# Marks a name of the readout's other side in the issuer set (issuer_names).
OTHER_SIDE = "~"
# Words of dates and times, never a name (nor a source).
WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec today yesterday tonight morning evening afternoon week month year day time "
    "last this next earlier later on".split())


def _sides(readout: Document) -> tuple[set[str], set[str]]:
    """The people on each side of the call or meeting, by the readout's opening sentence: names
    before its verb of meeting are the issuer's principal ("Secretary of State Marco Rubio
    spoke with …"), names after "with" the other side's ("… Russian Foreign Minister Sergey
    Lavrov"). Lowercased words of the names."""
    for s in readout.body[:3]:
        m = _MEETING.search(s.text)
        w = _WITH.search(s.text, m.end()) if m else None
        if m and _MET_WHOM.fullmatch(m.group()) and not (w and w.start() == m.end() + 1):
            w = m  # "The Prime Minister met Italian Prime Minister Giorgia Meloni in …"
        if not m or not w:
            continue
        sides = []
        # The other side ends with the sentence's first full stop after "with" ("… Kuleba.").
        for part in (s.text[: m.start()], re.split(r"\.\s", s.text[w.end():])[0]):
            names = set()
            for word in _CAPITALISED.findall(part):
                low = re.sub(r"['\u2019]s$", "", word).lower()
                if (low in TITLES or low in _NOT_PERSON or low in WEEKDAYS_MONTHS
                        or word_key(low).startswith("@") or len(low) < 3
                        or low in ("the", "on", "in", "during", "after", "his", "her")):
                    continue
                names.add(low)
            sides.append(names)
        return sides[0], sides[1] - sides[0]
    return set(), set()


def _head(readout: Document) -> str:
    """The readout's opening lines and its address, where its issuer is named."""
    src = readout.source
    where = " ".join(x for x in (src.url, src.final_url, src.site_name, src.canonical_url) if x)
    return readout.text[:600] + " " + _SITES.sub(lambda m: _SITE_NAMES[m.group(1)], where)


def issuer_names(readout: Document | None) -> frozenset[str]:
    """How the account may name the readout's issuer: from the readout's opening lines (the
    department a readout page names) and the official whose call or meeting it reports."""
    if readout is None:
        return frozenset()
    head = _head(readout)
    names: set[str] = set()
    for m in _ATTRIBUTABLE.finditer(readout.text[:1000]):
        names.add(m.group("name").split()[-1].lower())  # "attributable to Spokesperson X"
    for _, aliases in _issuers(head):
        names.update(aliases)
    principal, other = _sides(readout)
    for m in _PRINCIPAL.finditer(head):
        if m.group("name") not in _NOT_PRINCIPALS:
            names.add(m.group("name").lower())
    # The other side's people are never the issuer, whatever the page's header says of them.
    names = (names | principal) - other
    names.update(OTHER_SIDE + n for n in other)
    return frozenset(names)


def issuer_display(readout: Document, story: str = "") -> str | None:
    """The readout's issuer by its usual name ("State Department", "Pentagon", "White House",
    "Downing Street", "Kremlin"), when the readout's opening lines or address say which it is;
    else None. Where the ``story`` names the issuer in its own language ("la Casa Blanca",
    "el Departamento de Estado"), that name, as the story writes it."""
    found = _issuers(_head(readout))
    if not found:
        return None
    for alias in found[0][1]:
        if alias in _ABROAD_NAMES:
            m = re.search(re.escape(alias), story, re.IGNORECASE)
            if m:
                return m.group()
    name = found[0][1][0]
    if " " not in name and len(name) <= 5:
        return name.upper()  # "SRE", "USTR", "EEAS"
    return " ".join(w if w in _SMALL_WORDS else w.upper() if "." in w
                    else w[:1].upper() + w[1:] for w in name.split())


# Words a name keeps in lower case ("Ministry of External Affairs").
_SMALL_WORDS = frozenset("of the for and de del la las los".split())


def speaker_kind(source: str, issuer: frozenset[str] = frozenset(),
                 known: dict[str, str] | None = None) -> str:
    """The kind of source a mention names: issuer, government, person, organisation, media,
    unnamed. ``known``: kinds of names met earlier in the account ("Parnell" after "Pentagon
    press secretary Sean Parnell")."""
    low = source.lower()
    if "reportedly" in low or "unnamed sources" in low or low == "unnamed reports":
        return "unnamed"
    name = person_name(source)
    # The issuer's own country is not foreign ("China's foreign ministry" after a readout of
    # China's foreign ministry); issuer_names marks it with "@".
    foreign = names_foreign_country(source, issuer)
    side = _side_of_call(source, name, foreign, issuer)
    if side is not None:
        return side
    if known and name and name.lower() in known:
        return known[name.lower()]
    return _kind_by_words(source, name, foreign)


def _side_of_call(source: str, name: str | None, foreign: bool,
                  issuer: frozenset[str]) -> str | None:
    """``issuer`` or ``government`` when the mention names the readout's issuer or a person of
    the other side of the call (:func:`issuer_names`), else None. A person on either side of
    the call is known by name: the issuer's principal, or the other government's."""
    if name and OTHER_SIDE + name.lower() in issuer:
        return "government"
    if name and name.lower() in issuer:
        return "issuer"
    low = source.lower()
    # (Not by a generic name: "the ministry" is in "the Ministry of External Affairs".)
    names_issuer = any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", low)
                       for n in issuer if not n.startswith("@") and not _generic(n))
    # A body named by its proper name ("the Ministry of External Affairs") that is not one of
    # the issuer's names issued a statement of its own; "the ministry" may be the issuer's.
    if (READOUT_WORDS.search(source) and not foreign and not re.search(r"\bin a statement\b", low)
            and (names_issuer or not _NAMED_BODY.search(source))):
        # A statement, unless it is a body's that is not the readout's issuer ("a statement
        # issued by the Ministry of External Affairs" beside a Japanese readout).
        return "issuer"
    whole = low.strip()
    if not foreign and (names_issuer or any(_generic(n) and whole in (n, n.removeprefix("the "))
                                            for n in issuer)):
        return "issuer"
    return None


_GENERIC = frozenset(["embassy", "foreign ministry", "diplomatic service", "presidencia",
                      "cancillería", "prime minister's office", "office of the president"])


def _generic(name: str) -> bool:
    """An issuer's name that other bodies share ("the ministry", "foreign ministry"): it names
    the issuer only as the whole mention."""
    return name.startswith("the ") or name in _GENERIC


_NAMED_BODY = re.compile(r"\b(?:Ministry|Department|Office|Embassy|Kremlin|White House|"
                         r"Presidency|Cabinet|Chancellery|Commission|Council|Secretariat)\b")


def _kind_by_words(source: str, name: str | None, foreign: bool) -> str:
    """The kind of a source that is not a side of the call, by the words of its mention."""
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
    ["pentagon", "kremlin", "house", "department", "ministry", "journal", "times", "post", "xinhua", "kcna", "cctv", "cnn", "bbc", "abc", "nato", "hamas", "hezbollah", "houthis", "taliban", "reuters", "anadolu", "folha", "agency", "bank", "nations", "council", "union", "embassy", "office", "readout", "statement", "summary", "states", "united", "kingdom", "nations", "republic", "white", "street", "downing",
     # words of an office ("the Chinese Defense Minister" names no one)
     "defense", "defence", "foreign", "national", "security", "interior", "finance", "trade",
     "affairs", "prime", "deputy", "vice", "chief", "press", "general", "adviser", "advisor",
     "spokesman", "spokeswoman", "spokesperson", "aide", "envoy", "ambassador",
     # words that open a sentence in capitals ("Meanwhile, Austin …" names Austin)
     "meanwhile", "however", "separately", "additionally", "moreover", "furthermore",
     "earlier", "later", "also", "still", "instead", "nevertheless", "nonetheless", "overall",
     "similarly", "likewise", "besides", "then", "thus", "finally", "indeed", "yet", "today",
     "yesterday", "tomorrow", "tonight", "previously", "afterwards", "subsequently",
     "zugleich", "zudem", "außerdem", "auch", "dann", "jedoch", "allerdings", "bereits",
     "später", "zuvor", "dabei", "danach", "deshalb", "gleichzeitig", "además", "luego",
     "también", "asimismo", "finalmente", "posteriormente", "anteriormente", "entonces"]
)


# Capitalised words that open a mention but name no one: articles and pronouns ("It said",
# "They told reporters").
_NO_NAMES = frozenset("the a an he she it they we i you this that these those there".split())
# A mention that ends on a body's noun names the body.
_BODY_LAST = re.compile(r"\b(?:ministry|office|department|government|embassy|agency|service|"
                        r"presidency|secretariat|chancellery)\s*$", re.IGNORECASE)
# Days and months are no one's name ("On Monday, Trump had spoken …"); "May" may be.
_DAYS_MONTHS = frozenset(w for w in WEEKDAYS | frozenset(MONTH_NAMES) if len(w) > 3) - {"may"}


def person_name(source: str) -> str | None:
    """The last capitalised word of a mention that names a person, if any: "State Department
    spokesperson Tammy Bruce" -> "Bruce"; "China's foreign ministry" -> None; an office with
    the name after it ("the ministry's spokesperson, Maria Zakharova") -> "Zakharova"."""
    main = source.split(", according to")[0]
    head, _, rest = main.partition(",")
    if _APPOSITIVE_NAME.fullmatch(rest.strip()):
        # The name after the office names the person ("… of the Nordic state, Eva Lund").
        return _named_in(rest.strip()) or _named_in(head)
    return _named_in(head)


# A name of two or three words after an office and its comma.
APPOSITIVE_NAME = r"[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){1,2}"
_APPOSITIVE_NAME = re.compile(APPOSITIVE_NAME)


def _named_in(head: str) -> str | None:
    """The last capitalised word of ``head`` that is a person's name, if any."""
    if _BODY_LAST.search(head):
        return None  # "Nordic foreign ministry": a body, whatever the word before it is
    words = re.findall(r"\b[A-Z][a-z][\w\u2019'-]*\b|(?<!\w)[А-ЯЁІЇЄҐ][а-яёіїєґ'\u2019-]+", head)
    for w in reversed(words):
        base = re.sub(r"['\u2019]s$", "", w)
        if base.lower() in _NOT_PERSON or word_key(base.lower()).startswith("@"):
            continue
        if base.lower() in TITLES or base.lower() in _NO_NAMES or base.lower() in _DAYS_MONTHS:
            continue
        if base[0] >= "\u0400" and (base.lower().startswith(_CYRILLIC_NOT_NAMES)
                                    or base.lower().endswith(("ии", "ії", "ої", "ой"))):
            continue  # an office, a body or a country's name in the genitive ("України")
        return base
    return None


# Offices, bodies and places that open a Cyrillic mention without naming a person.
_CYRILLIC_NOT_NAMES = tuple("президент прем'єр премьер канцлер міністр министр міністерств "
                            "министерств мзс мид кремл уряд правительств глава посол офіс офис "
                            "пресс прес речник пресс-секретар україн украин росі росси сша "
                            "держдеп госдеп білий белый".split())


def names_foreign_country(source: str, issuer: frozenset[str] = frozenset()) -> bool:
    """The mention names a country other than the readout issuer's ("Russia's", "Chinese";
    issuer_names marks the issuer's own country with "@"; by default the United States)."""
    home = frozenset(n for n in issuer if n.startswith("@")) or frozenset(["@us"])
    # "U.S." and "U.K." read as one word, as "US" and "UK" are.
    source = _INITIALS.sub(lambda m: m.group().replace(".", ""), source)
    return any(word_key(w.lower()).startswith("@") and word_key(w.lower()) not in home
               for w in re.findall(r"[A-Za-z\u2019']+", source))


_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


# A person named with an office ("Chinese leader Xi Jinping", "State Department spokesman Ned
# Price", "Latvian Defence Minister Andris Spruds"): the kind of the office, for a later bare
# name ("Xi said", "Price told reporters"). The office's words are found first (a scan of a
# large story stays linear), then the capitalised words before them and the name after.
_OFFICE = re.compile(
    r"(?i)\b(?:president|prime minister|premier|leader|(?:foreign|defen[cs]e|interior|finance|"
    r"trade)\s+(?:minister|secretary)|minister|secretary(?:\s+of\s+(?:state|defen[cs]e|war))?|"
    r"spokes(?:person|man|woman)|chancellor|ambassador|envoy|aide|adviser|advisor|"
    r"press secretary)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?\b")
_HOLDER = re.compile(r",?\s+(?P<name>[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})")
MAX_OFFICE_MENTIONS = 2000
_BEFORE_OFFICE = re.compile(r"(?:[A-Z][\w\u2019'.-]*\s+){0,4}$")


def office_holders(text: str, issuer: frozenset[str]) -> dict[str, str]:
    """The kind of each person the text names with an office, keyed by each word of the name
    (a Chinese name puts the surname first: "Xi Jinping" is "Xi"). The first mention counts.
    A new dict each call: callers add to it."""
    return dict(_office_holders(text, issuer))


@lru_cache(maxsize=4)
def _office_holders(text: str, issuer: frozenset[str]) -> tuple[tuple[str, str], ...]:
    known: dict[str, str] = {}
    for n, m in enumerate(_OFFICE.finditer(text)):
        if n == MAX_OFFICE_MENTIONS:
            break  # a story names a few; thousands are not a story's, and would cost time
        holder = _HOLDER.match(text, m.end())
        if holder is None or all(w.lower() in known for w in holder.group("name").split()):
            continue  # the first mention counts
        before = _BEFORE_OFFICE.search(text, max(0, m.start() - 80), m.start())
        office = (before.group(0) if before else "") + m.group(0)
        kind = speaker_kind(f"{office} {holder.group('name')}", issuer)
        if kind in ("issuer", "government"):
            for word in holder.group("name").split():
                known.setdefault(word.lower(), kind)
    return tuple(known.items())


# "the Chinese leader", "the US secretary", "the top Russian diplomat": a person described by
# nationality and office, whom the story named before with both.
_DESCRIPTION = re.compile(
    r"^(?:the\s+)?(?:(?:top|senior|former|new)\s+)?(?P<adj>[A-Z][\w.]*)\s+"
    r"(?P<role>leader|president|premier|prime minister|chancellor|secretary|minister|"
    r"foreign minister|defen[cs]e minister|diplomat|envoy|ambassador)$", re.I)
# Offices a described role may stand for: a "leader" is a president, premier or chancellor;
# a "diplomat" a foreign minister or secretary of state.
_ROLE_OFFICES = {
    "leader": ("president", "premier", "prime minister", "chancellor", "leader"),
    "diplomat": ("foreign minister", "secretary of state", "minister", "envoy", "ambassador",
                 "diplomat"),
}
DESCRIPTION_WINDOW = 3000  # characters before the description where its person may be named


def is_description(source: str) -> bool:
    """Whether a source describes one person by nationality and office ("the Australian
    Prime Minister") rather than naming them."""
    return _DESCRIPTION.match(source.strip()) is not None


def described_person(description: str, before: str) -> str | None:
    """The person a description ("the Chinese leader") stands for: the last one the text
    ``before`` it names with an office of that kind and that nationality ("Chinese President Xi
    Jinping"); None when there is none, or more than one candidate person."""
    m = _DESCRIPTION.match(description.strip())
    if m is None:
        return None
    adj, role = m.group("adj").lower(), m.group("role").lower()
    offices = _ROLE_OFFICES.get(role, (role,))
    before = before[-DESCRIPTION_WINDOW:]
    found: list[str] = []
    for office in _OFFICE.finditer(before):
        if not any(o in office.group(0).lower() for o in offices):
            continue
        holder = _HOLDER.match(before, office.end())
        lead = _BEFORE_OFFICE.search(before, max(0, office.start() - 80), office.start())
        if holder is None or lead is None or adj not in lead.group(0).lower().split():
            continue
        name = holder.group("name")
        if person_name(name) is not None:
            found.append(name)
    people = {n.split()[-1] for n in found}
    return found[-1] if len(people) == 1 else None


def with_kind(attribution: Attribution, issuer: frozenset[str],
              known: dict[str, str]) -> Attribution:
    """The attribution with its speaker's kind; a named person's kind is remembered, so a later
    bare surname gets the kind of its first, fuller mention."""
    kind = speaker_kind(attribution.source, issuer, known)
    name = person_name(attribution.source)
    if name and name.lower() not in known:
        known[name.lower()] = kind
    # "a readout from China's foreign ministry" is the readout when China's ministry issued it.
    # Another government's statement is not this readout, whatever it is called (but the other
    # side's words as this readout reports them are: "Kuleba, according to the readout").
    chain = ", according to " in attribution.source or ", citing " in attribution.source
    is_readout = (attribution.is_readout and (kind != "government" or chain)) or (
        kind == "issuer" and bool(READOUT_WORDS.search(attribution.source)))
    return replace(attribution, kind=kind, is_readout=is_readout)
