"""Word knowledge for matching: which different words name the same thing in news about
diplomacy and defence.

Every word of a sentence is reduced to a *key* (:func:`word_key`): accents, British and
American spellings, hyphenation and possessives fold away ("defence" and "Defense", "cease-fire"
and "ceasefire", "Poznań" and "Poznan" share a key); a country's name, its adjective and its
capital share the country's key ("Mexican", "Mexico's", "Mexico City" is a place though);
words of one meaning class share a concept key ("pact", "accord" and "agreement"); numbers
share their value ("three hundred ninety" and "390", read by ``quantities.py``). Acronyms are
matched against the initials of the other sentence's words at comparison time
(:func:`spelled_out`).

The classes are small and deliberate: each lists words that a wire reporter substitutes for a
readout's word without changing the claim. They were written from how readouts and news
reports word the same events (docs/alignment.md); they are not a thesaurus, and a word in no
class keys by its stem.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Words of one meaning class, as news restates a readout. First word names the class.
CONCEPT_CLASSES = """
agreement pact deal treaty arrangement memorandum
talks consultations consultation negotiations negotiation dialogue discussions discussion discuss talk
condemn denounce decry deplore
attack strike assault bombardment raid
call phone telephone conversation spoke speak phoned
meet met meeting hosted host visit visited
aid assistance relief
help support back backed
grid network
electricity power
repair fix restore rebuild
protect defend safeguard shield
military defense armed army
spending budget expenditure expenditures
increase raise lift boost expand widen step grow double
reduce cut lower curb decrease
welcome praise commend hail applaud
thank thanks appreciation grateful gratitude
concern worry alarm
urge press pressed
reaffirm reiterate renew
start begin launch open initiate opening
fishing fisheries fishery fish
troops soldiers personnel servicemembers forces
ship vessel boat
war conflict fighting hostilities
ceasefire truce
prisoners pows
release return free freed
exchange swap
goods products
farm agricultural agriculture
buy purchase purchases
country nation
child children kids
money funding financing funds
border frontier
trafficking smuggling traffic smuggled smuggle
firearms guns weapons arms
drugs narcotics
stop end halt cease
reconstruction rebuilding recovery
unwavering steadfast unshakable ironclad unshakeable firm
serious deep grave
immediate urgent
civilian civil
plan decision commitment pledge
promote advance foster
cooperation collaboration
continue keep remain
deploy deployment send sent dispatch
joint together
sovereignty independence
stability security
concerned worried
efforts attempts bid
reform reforms
leader head
speed accelerate hasten sped quicken
production manufacturing
build construct construction building
invest investment investments
""".strip()

# Same word, other spelling (after accents and hyphens are folded away).
SPELLINGS = {
    "defence": "defense", "offence": "offense", "licence": "license", "programme": "program",
    "centre": "center", "theatre": "theater", "metre": "meter", "kilometre": "kilometer",
    "favour": "favor", "labour": "labor", "honour": "honor", "neighbour": "neighbor",
    "behaviour": "behavior", "harbour": "harbor", "colour": "color", "endeavour": "endeavor",
    "travelled": "traveled", "travelling": "traveling", "cancelled": "canceled",
    "benefitted": "benefited", "benefitting": "benefiting", "focussed": "focused",
    "focussing": "focusing", "labelled": "labeled", "modelled": "modeled",
    "signalled": "signaled", "fuelled": "fueled", "totalled": "totaled",
    "zelenskyy": "zelensky", "zelenskiy": "zelensky", "pows": "pow",
    # Names a government spells its own way (the State Department's "Hizballah").
    "hizballah": "hezbollah", "hizbollah": "hezbollah", "hizbullah": "hezbollah",
}
# British "-ise" words whose "-ize" form is the American spelling; the rest of "-ise" words
# ("exercise", "promise") are not verbs of that kind and keep their spelling.
_ISE = re.compile(r"^(.{3,}?)is(e|ed|es|ing|ation|ations)$")
_ISE_KEEP = frozenset(
    ["exercise", "exercised", "exercises", "exercising", "promise", "promised", "promises", "promising", "premise", "premises", "compromise", "compromised", "compromises", "enterprise", "enterprises", "otherwise", "expertise", "advertise", "advertised", "franchise", "surprise", "surprised", "surprises", "supervise", "supervised", "revise", "revised", "revising", "devise", "devised", "advise", "advised", "advises", "advising", "comprise", "comprised", "comprises", "merchandise", "praise", "praised", "praises", "raise", "raised", "raises", "raising", "arise", "arises", "arising", "precise", "concise", "noise", "cruise", "wise", "rise", "rises", "rising", "chemise", "improvise", "despise", "disguise", "treatise", "paradise", "reprise", "incise", "excise"]
)

# Time anchors: a readout's "today" is an account's "on Tuesday"; they tell when, not what.
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# Month names in the other languages the semantic matcher compares across (Spanish for now),
# for reading dates without words in common.
FOREIGN_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                      "sat", "sun"])
RELATIVE_DAYS = frozenset(["today", "yesterday", "tomorrow", "tonight"])
# Time anchors: a readout's "today" is an account's "on Tuesday"; they tell when, not what.
TIME_WORDS = WEEKDAYS | RELATIVE_DAYS | frozenset(
    ["week", "weekend", "earlier", "later", "recently"]
)
# Words that say who is speaking or where a claim was published, not what was claimed.
FRAME_WORDS = frozenset(
    ["readout", "readouts", "statement", "statements", "summary", "told", "tell", "tells", "reporters", "noted", "note", "notes", "added", "adds", "stressed", "stresses", "underscored", "underscores", "underscore", "emphasized", "emphasizes", "emphasize", "emphasised", "highlighted", "highlights", "highlight", "percent", "per", "cent", "also", "both", "sides", "side", "officials", "official", "leaders", "additional", "another", "further", "extra", "held", "hold", "holds", "holding"]
)
# Office titles: they name a role, not a claim, and reworded titles are common.
# Titles and offices written abbreviated before a name ("State Dept. Spokesperson …", "Rep. Ana
# Ruiz"), whose full stop ends no sentence.
TITLE_ABBREVIATIONS = frozenset("dept govt rep gov lt amb sgt maj cmdr rev hon sec pres dep asst "
                                "atty supt rt msgr cpl pvt ald".split())
TITLES = frozenset(
    ["secretary", "minister", "president", "prime", "general", "admiral", "ambassador", "director", "chief", "spokesman", "spokeswoman", "spokesperson", "department", "ministry", "office", "embassy", "government", "counterpart", "counterparts", "governor", "senator", "representative", "chairman", "chair", "commander", "deputy", "under", "assistant", "special", "envoy", "adviser", "advisor", "foreign", "cabinet", "national", "federal", "state", "mr", "mrs", "ms", "dr", "sheikh", "king", "queen", "chancellor", "premier", "taoiseach", "tánaiste", "tanaiste", "emir", "prince", "crown", "sultan", "commissioner", "vice"]
)
# Words that name the event a readout reports (a call, a meeting, a visit).
EVENT_WORDS = {
    "call": "call", "calls": "call", "phone": "call", "telephone": "call",
    "phoned": "call", "telephoned": "call", "phonecall": "call", "spoke": "call",
    "spoken": "call", "speak": "call", "speaks": "call", "talked": "call",
    "conversation": "call", "conversations": "call", "met": "meeting", "meet": "meeting", "meeting": "meeting",
    "meetings": "meeting", "hosted": "meeting", "hosts": "meeting", "host": "meeting",
    "visit": "meeting", "visited": "meeting", "visiting": "meeting", "talks": "talks",
    "traveled": "meeting", "travelled": "meeting", "received": "meeting",
}
# "talks" name a call as often as a meeting.
EVENT_ANY = "talks"
# What a sentence that only reports the event is made of, beyond its names: the event (in the
# languages of the readouts compared most), when it was, and the offices of those who took
# part. A report of a readout sentence that shares nothing else with it mentions only the call
# (placement: not the readout's first point). Words of other languages are matched by their
# first five letters, as the matcher keys them; Chinese and Japanese by character pairs.
_FOREIGN_EVENT_MENTION = frozenset("""telefoniert telefonierte telefonat telefonieren gespräch
    gesprach heute abend hat haben hatte bundeskanzler kanzler präsident präsidenten
    conversación conversacion conversó converso llamada telefónica
    telefonica teléfono telefono mantuvo sostuvo sostenida habló hablo reunión reunion hoy ayer
    presidente presidenta canciller secretario secretaria ministro ministra mandatario entretien
    entretenu téléphonique telephonique разговор разговора телефонный телефонного состоялся
    состоялась провели провел президент президента канцлер министр сегодня""".split())
EVENT_MENTION_WORDS = (
    frozenset(EVENT_WORDS) | TIME_WORDS | TITLES | frozenset(MONTHS) | frozenset(FOREIGN_MONTHS)
    | frozenset("held hold holds had has this morning afternoon evening night minutes hour hours"
                # how many times they have spoke or met ("for the fourth time", "a second call")
                " first second third fourth fifth sixth seventh eighth ninth tenth time times"
                # particles of names ("Faisal bin Farhan", "van Klaveren")
                " bin ibn bint abu van von der du".split())
    | _FOREIGN_EVENT_MENTION
)
EVENT_MENTION_PREFIXES = frozenset(w[:5] for w in _FOREIGN_EVENT_MENTION if len(w) >= 5)
EVENT_MENTION_PAIRS = frozenset("电话 通电 通话 会谈 会见 会晤 总统 主席 外长 部长 国务 务卿".split())

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bln": 1_000_000_000, "mln": 1_000_000,
          "bn": 1_000_000_000, "m": 1_000_000}
# Spanish, read by quantities.number_values only (the paraphrase model's features keep the
# English words): "10 mil" is 10,000, "dos millones" 2,000,000, "mil millones" a thousand
# million, and a "billón" a million million. Words that are also English words ("once") are
# left out.
SPANISH_SCALES = {"mil": 1000, "millón": 1_000_000, "millon": 1_000_000, "millones": 1_000_000,
                  "mil millones": 1_000_000_000, "billón": 1_000_000_000_000,
                  "billon": 1_000_000_000_000, "billones": 1_000_000_000_000}
SPANISH_NUMBER_WORDS = {
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
}


def _classes(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        words = line.split()
        for w in words:
            out.setdefault(w, words[0])
    return out


CONCEPT_OF = _classes(CONCEPT_CLASSES)
def _countries() -> dict[str, str]:
    """Word -> country key, from data/countries.tsv (the country, its adjective and people,
    its capital and metonyms; docs/alignment.md)."""
    out: dict[str, str] = {}
    text = resources.files("readout_compare").joinpath("data/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, words = line.split("\t")
        for w in words.split():
            # Words are looked up folded ("española" as "espanola"), as word_key reads them.
            out.setdefault(fold(w).replace("-", ""), key)
    return out


def fold(word: str) -> str:
    """Lower case without accents or possessive: "Poznań" -> "poznan", "Mexico's" -> "mexico"."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if not word.isascii():
        word = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
    return word


COUNTRY_OF = _countries()


def _lemmas(word: str) -> list[str]:
    """The word and its likely uninflected forms, best first."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("ed") and len(word) > 4:
        out += [word[:-2], word[:-1]]
        if len(word) > 5 and word[-3] == word[-4]:
            out.append(word[:-3])  # "stepped" -> "step"
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3], word[:-3] + "e"]
        if word[-4] == word[-5]:
            out.append(word[:-4])
    return out


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key a word is matched by (see the module docstring). Number words are not handled
    here but by :func:`readout_compare.quantities.number_values`, which reads them in sequence."""
    w = fold(word).replace("-", "")
    w = SPELLINGS.get(w, w)
    m = _ISE.match(w)
    if m and w not in _ISE_KEEP:
        w = m.group(1) + "iz" + m.group(2)
    if w in MONTHS:
        return MONTH_NAMES[MONTHS[w] - 1]
    for lemma in _lemmas(w):
        if lemma in COUNTRY_OF:
            return "@" + COUNTRY_OF[lemma]
    for lemma in _lemmas(w):
        if lemma in CONCEPT_OF:
            return "~" + CONCEPT_OF[lemma]
    if w[:1].isdigit():
        return "#" + w.replace(",", "")
    return stem(w)


def stem(word: str) -> str:
    """A light stem: inflection off ("working" -> "work"), then the first five letters, which
    on news text conflates a word's forms about as well as a real stemmer."""
    for suffix, least in (("ing", 6), ("ed", 5), ("es", 5), ("s", 5)):
        if word.endswith(suffix) and len(word) >= least and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return word[:5]


def acronym(raw: str) -> str | None:
    """The letters of an acronym as written ("NASAMS", "POWs", "U.N."), else None."""
    letters = raw.replace(".", "")
    core = letters[:-1] if letters.endswith("s") and letters[:-1].isupper() else letters
    if 2 <= len(core) <= 8 and core.isupper() and core.isalpha():
        return core.lower()
    return None


def spelled_out(
    words: list[str] | tuple[str, ...], stopwords: frozenset[str], letters: str,
    *, syllables: bool = False,
) -> tuple[int, int] | None:
    """The first run of 2-10 words whose initials, with or without function words, are
    ``letters`` (2-8 of them), as (start, end): "gdp" in "gross domestic product", "amraam" in
    "Advanced Medium-Range Air-to-Air Missiles". A run starts and ends on a content word. Only
    runs that can still spell ``letters`` are followed, so the cost is that of the few words
    with its first letter, not of every run in the sentence. ``syllables``: one content word
    may give its first two letters (:func:`_spelled_out_by_syllables`)."""
    if not 2 <= len(letters) <= 8:
        return None
    if syllables:
        return _spelled_out_by_syllables(words, stopwords, letters)
    n = len(words)
    for i in range(n):
        if words[i][:1] != letters[0] or words[i] in stopwords:
            continue
        full = content = ""
        for j in range(i, min(n, i + 10)):
            w = words[j]
            full += w[0]
            if w not in stopwords:
                content += w[0]
                if j > i and (full == letters or content == letters):
                    return i, j + 1
            if not (letters.startswith(full) or letters.startswith(content)):
                break
    return None


def _spelled_out_by_syllables(
    words: list[str] | tuple[str, ...], stopwords: frozenset[str], letters: str
) -> tuple[int, int] | None:
    """:func:`spelled_out` where one content word of the run may give its first two letters
    ("start" in "Strategic Arms Reduction Treaty"), and a function word its initial or none.
    One such word only, so that a word is not read as the acronym itself ("the start of
    talks" spells no "start")."""
    n = len(words)
    for i in range(n):
        if words[i][:1] != letters[0] or words[i] in stopwords:
            continue
        states = {(0, False)}  # (letters given so far, whether a word gave two)
        for j in range(i, min(n, i + 10)):
            w = words[j]
            after: set[tuple[int, bool]] = set()
            for k, doubled in states:
                if letters[k:k + 1] == w[:1]:
                    after.add((k + 1, doubled))
                if w in stopwords:
                    after.add((k, doubled))
                elif not doubled and len(w) > 2 and letters[k:k + 2] == w[:2]:
                    after.add((k + 2, True))
            if j > i and w not in stopwords and any(k == len(letters) for k, _ in after):
                return i, j + 1
            states = {(k, d) for k, d in after if k < len(letters)}
            if not states:
                break
    return None


def _verbs() -> tuple[dict[str, int], tuple[str, ...]]:
    ladder: dict[str, int] = {}
    attribution: tuple[str, ...] = ()
    text = resources.files("readout_compare").joinpath("data/verbs.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        role, words = line.split("\t")
        if role == "attribution":
            attribution = tuple(w.replace("_", " ") for w in words.split())
            continue
        for w in words.split():
            ladder[w] = int(role)
    return ladder, attribution


# The strength of verbs of saying (data/verbs.tsv): 1 neutral, 2 emphatic, 3 forceful; and
# the verbs that tie words to their source, in the order attribution tries them.
VERB_LADDER, SPEECH_VERBS = _verbs()
LADDER_NAMES = {1: "neutral", 2: "emphatic", 3: "forceful"}
MODALS = {
    # possibility
    # ("can" is left out: "so that talks can continue" says what is possible, hedges nothing.)
    "may": "possibility", "might": "possibility", "could": "possibility",
    "possibly": "possibility", "perhaps": "possibility", "maybe": "possibility",
    "potentially": "possibility",
    # recommendation
    "should": "recommendation", "ought": "recommendation",
    # certainty or obligation
    "will": "certainty", "shall": "certainty", "must": "certainty", "would": "certainty",
    "won't": "certainty", "certainly": "certainty", "definitely": "certainty",
    "can't": "possibility", "cannot": "possibility", "couldn't": "possibility",
    "wouldn't": "certainty", "shouldn't": "recommendation", "mustn't": "certainty",
}
# Words that deny the claim they belong to ("without" is left out: "without hindrance" is how
# news writes "unhindered").
NEGATIONS = frozenset(["not", "no", "never", "neither", "nor", "none", "nobody", "nothing",
                       "cannot", "failed", "refused", "declined", "rejected", "denied"])
# Hedges on a figure, by what they say of it: dropping one states the figure as exact, and
# "more than" and "over" say the same.
HEDGE_CLASSES = {
    "more than": "above", "over": "above", "above": "above", "in excess of": "above",
    "at least": "at least", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "estimated": "about", "an estimated": "about",
    "up to": "at most", "as many as": "at most", "at most": "at most",
    "nearly": "under", "almost": "under", "close to": "under", "just under": "under",
    "fewer than": "below", "less than": "below", "under": "below", "below": "below",
}
