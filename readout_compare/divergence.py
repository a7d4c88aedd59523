"""Divergences: the material differences between an account and the readout, each with both
spans, for every matched account sentence.

They are read from each matched pair's word diff by the rules of :mod:`divergence_rules`
(``number``, ``date``, ``negation``, ``modality``, ``reporting_verb``, ``entity``), in worker
processes when there are many; from the account's quotations (``quote``: a quotation presented
as the readout's words that is not verbatim); and, between two languages, from the figures,
dates and negation each side gives (:mod:`crosslingual`). Synonyms, reordering and dropped articles change none of these and are not divergences.
Rules and limits: docs/quotes-and-divergences.md.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from readout_compare import crosslingual, quantities
from readout_compare.divergence_rules import pair_divergences
from readout_compare.lexicon import TITLES, word_key
from readout_compare.model import (
    DiffOp,
    Divergence,
    DivergenceType,
    Document,
    Match,
    Quote,
)
from readout_compare.normalize import normalize
from readout_compare.quote_verdicts import names_someone_new
from readout_compare.wording import span_words
from readout_compare.workers import parallel_map

# A match that reproduces the whole readout sentence (every word in shared runs).
WHOLE = 0.999
# The least share of each sentence's words the pair shares for a name swapped in it to be a
# divergence (docs/quotes-and-divergences.md: every name swap of the written set is above it).
NAME_SWAP_MIN_SHARE = 0.5
# From this many account sentences (with their matches, if any), find_divergences may use
# worker processes.
PARALLEL_SENTENCES = 3_000


def find_divergences(
    readout: Document,
    matches: dict[str, tuple[Match, ...]],
    quotes: tuple[Quote, ...],
) -> dict[str, tuple[Divergence, ...]]:
    """Divergences for every matched account sentence, keyed by account sentence id. From
    :data:`PARALLEL_SENTENCES` account sentences, the matched pairs may be read in worker
    processes (each pair is read on its own; :func:`~readout_compare.workers.parallel_map`)."""
    items = list(matches.items())
    out: dict[str, list[Divergence]] = {}
    for part in parallel_map(_claims_part, items, (readout, quantities.weekday(readout)),
                             size=len(items), least=PARALLEL_SENTENCES):
        out.update(part)
    for q in quotes:
        # A quotation of several sentences comes judged sentence by sentence (quotes.py): each
        # part is a divergence of its own sentence.
        found = _quote_divergence(q, readout, matches)
        if found is not None:
            out.setdefault(q.account_sentence, []).append(found)
    return {sid: tuple(_dedupe(_within_quotes(ds))) for sid, ds in out.items() if ds}


def _claims_part(
    context: tuple[Document, str | None], items: list[tuple[str, tuple[Match, ...]]]
) -> dict[str, list[Divergence]]:
    readout, today = context
    return _claim_divergences(readout, items, today)


def _claim_divergences(
    readout: Document, items: list[tuple[str, tuple[Match, ...]]], today: str | None
) -> dict[str, list[Divergence]]:
    """The divergences of each account sentence's matched pairs (not of its quotations)."""
    out: dict[str, list[Divergence]] = {}
    for sid, found in items:
        # An event mention reports no words, nor does a summary of several readout sentences.
        claims = [m for m in found if m.words_compared]
        event_too = any(m.part == "the event" for m in found)
        whole = [m for m in claims if m.kind == "verbatim" and m.readout_coverage >= WHOLE]
        if whole:
            # It reproduces a readout sentence whole: that is what it reports (words it adds,
            # a "not", a hedge, are read from that pair), and its likeness to other readout
            # sentences is no change to them.
            claims = whole[:1]
        for m in claims:
            # Numbers the account sentence takes from another readout sentence it reports
            # ("$45 million for nutrition, and the rest for health care") are not changes.
            elsewhere = {v for o in claims if o is not m for v in
                         quantities.numbers(span_words(readout.sentence(o.readout_sentence).text))}
            found_here = pair_divergences(m.diff, m.readout_sentence,
                                          elsewhere=frozenset(elsewhere), today=today)
            others = [readout.sentence(o.readout_sentence).text for o in claims if o is not m]
            found_here = [d for d in found_here if not _from_another(d, others)]
            if event_too and found_here:
                # An account sentence that also reports the readout's event sentence ("spoke
                # with Lavrov on April 27 and emphasized …") dates the call: its date is not
                # the date of what this readout sentence tells ("after Witkoff's April 25
                # visit"), and the event sentence's words are not compared.
                found_here = [d for d in found_here if d.type != "date"]
            found_here = [d for d in found_here if not (
                d.type == "entity" and _title_of(d.readout_text, d.account_text, readout))]
            if min(m.readout_coverage, m.account_coverage) < NAME_SWAP_MIN_SHARE:
                # A name for a name is a finding only in a close rewrite of the readout
                # sentence: in a looser report another name is as likely another subject, or
                # the same one named otherwise ("the Glasgow conference" for "the COP26
                # Summit"), as a name changed.
                found_here = [d for d in found_here if d.type != "entity"]
            out.setdefault(sid, []).extend(found_here)
    return out


# Divergences whose account words may come from another readout sentence the account
# sentence reports: a verb of saying, a modal, a name or a date.
_TAKEN_ELSEWHERE = frozenset({"reporting_verb", "modality", "entity", "date"})


def _from_another(d: Divergence, others: list[str]) -> bool:
    """The account's changed words are another readout sentence's, one that the same account
    sentence reports ("Varadkar emphasised that the backstop was necessary … and the EU is
    united in its view that the Withdrawal Agreement could not be opened", against the
    readout's "emphasised" sentence and its "could not be reopened" one): no change of either."""
    if d.type not in _TAKEN_ELSEWHERE or not others:
        return False
    words = {word_key(w) for w in span_words(d.account_text)} - _MINOR_WORDS
    if not words:
        return False
    return any(len(words & {word_key(w) for w in span_words(o)}) * 2 >= len(words)
               for o in others)


# A title followed, within a few words of a name, by a name ("Taoiseach Leo Varadkar",
# "Secretary of State Marco Rubio"): the readout names who holds the title.
TITLE_NAME_WORDS = 4
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'\u2019-]+")
# Between a title and its holder's surname only the name's other parts and the title's ("of
# State", "Leo").
_GAP = rf"(?:[ \t]+(?:[A-Z][\w.'\u2019-]*|of|the|de)){{0,{TITLE_NAME_WORDS - 1}}}[ \t]+"


def _title_of(readout_text: str, account_text: str, readout: Document) -> bool:
    """The readout's stretch is a title, with no person's name, and the account's a name the
    readout gives the title's holder elsewhere ("On Brexit, the Taoiseach" -> "Mr Varadkar",
    the readout opening "Taoiseach Leo Varadkar spoke …"): the same person, named as news
    does. A stretch that names someone ("Minister Aine Dolan" -> "Mr Hale") is a name swap
    whatever titles the readout gives."""
    words = _CAPITALISED_WORD.findall(readout_text)
    titles = [w for w in words if w.lower() in TITLES]
    names = [w for w in _CAPITALISED_WORD.findall(account_text) if w.lower() not in TITLES]
    if not titles or not names or any(_holds_a_title(w, readout.text) for w in words
                                      if w.lower() not in TITLES | _MINOR_WORDS):
        return False
    return any(re.search(rf"\b{re.escape(t)}{_GAP}{re.escape(n)}\b", readout.text)
               for t in titles for n in names)


def _holds_a_title(word: str, text: str) -> bool:
    """The word is a person's name in the text: it follows a title ("Minister Aine Dolan")."""
    return any(t.lower() in TITLES for t in re.findall(
        rf"\b([A-Z][\w'\u2019-]+){_GAP}{re.escape(word)}\b", text))


def _quote_divergence(
    q: Quote, readout: Document, matches: dict[str, tuple[Match, ...]]
) -> Divergence | None:
    """A quotation of the readout's words, altered or stitched, is a divergence whoever it is
    credited to. A quotation credited to the readout that is not in it diverges from the readout
    sentence its sentence reports; with no such sentence there is nothing to hold it against,
    and the quotations list says it is not in the readout."""
    if q.kind == "title" or q.fidelity == "verbatim":
        return None
    if q.fidelity == "altered" and q.diff and _immaterial(q.diff):
        return None  # "relations" for "relationship", "in" for "across": the list shows it
    readout_sentence, readout_text = q.readout_sentence, q.readout_text
    credited = q.attribution is not None and q.attribution.is_readout
    if (q.fidelity == "not_in_readout" and credited and q.kind == "quotation"
            and not names_someone_new(q.text, readout)):
        # (A quotation naming someone this readout never names is from another statement,
        # whatever the story calls it.)
        reported = [m for m in matches.get(q.account_sentence, ()) if m.words_compared]
        if reported:
            readout_sentence = reported[0].readout_sentence
            readout_text = readout.sentence(readout_sentence).text
    elif q.fidelity not in ("altered", "stitched"):
        return None
    if readout_sentence is None or not readout_text:
        return None
    detail = ("quotation credited to the readout is not in it" if q.fidelity ==
              "not_in_readout" else f"quotation of the readout is {q.fidelity}")
    return Divergence(
        type="quote",
        account_text=q.text,
        readout_text=readout_text,
        readout_sentence=readout_sentence,
        detail=detail,
    )


# Words whose change alone does not change what a quotation says: articles, prepositions,
# determiners ("the importance of the peace and stability across" quoted as "… of peace and
# stability in").
_MINOR_WORDS = frozenset(
    "a an the of in on at to for across into from with by toward towards within among between "
    "its their his her this that these those "
    # Spanish, Portuguese and French articles, prepositions and possessives, for quotations
    # of readouts in those languages ("la seguridad y prosperidad" for "… y la prosperidad").
    "el la los las lo un una unos unas de del al en con por para sobre entre hacia su sus "
    "o os as um uma uns umas do da dos das no na nos nas ao aos em com pelo pela pelos pelas "
    "le les une des du au aux dans avec pour par sur entre vers son sa ses leur leurs "
    # German, with its infinitive's "zu" ("Raum für Verhandlungen schaffen" for "… zu schaffen").
    "der die das den dem des ein eine einen einem einer eines zu zum zur im am vom beim mit "
    "für von auf an aus bei nach über unter um "
    # Russian and Ukrainian conjunctions and prepositions ("та" and "і" are both "and").
    "и і й та а в у во на с со з із зі к ко до для по про о об от від из при за".split())
_WORD = re.compile(r"[\w'\u2019-]+")


def _immaterial(diff: tuple[DiffOp, ...]) -> bool:
    """Whether an altered quotation's changes are only of form: each changed stretch, its
    articles and prepositions aside, has the same words as the readout's by lexicon key
    (inflection, spelling, a country's two names)."""
    for tag, r_text, a_text in diff:
        if tag == "equal":
            continue
        # (A hyphen alone, "post - election" for "post-election", is no word.)
        r_keys, a_keys = ([_form_key(w) for w in _WORD.findall(t)
                           if w.lower() not in _MINOR_WORDS and w.strip("-'\u2019")]
                          for t in (r_text, a_text))
        if sorted(r_keys) != sorted(a_keys) and not _in_first_person(r_text, a_text):
            return False
    return True


_FIRST_PERSON = frozenset("i we me us my our".split())
_THIRD_PERSON = frozenset("he she they him her them his their".split())


def _in_first_person(r_text: str, a_text: str) -> bool:
    """Whether the quotation says "I" or "we" where the readout names the speaker by title or
    name, or as "he" ("I expressed concerns" in a minister's post for the readout's "the
    Secretary expressed concerns"): the same words in the speaker's own voice."""
    r_words = [w for w in _WORD.findall(r_text) if w.lower() not in _MINOR_WORDS]
    a_words = [w.lower() for w in _WORD.findall(a_text) if w.lower() not in _MINOR_WORDS]
    return (bool(r_words) and bool(a_words) and all(w in _FIRST_PERSON for w in a_words)
            and all(w[0].isupper() or w.lower() in _THIRD_PERSON for w in r_words))


def _form_key(word: str) -> str:
    """A word's lexicon key where it stands for forms of one word (inflection, spelling, a
    country's names), the word itself where the key is a class of synonyms ("end" and "cease"
    are two words in a quotation). Accents and "ё" are spelling ("cárteles" and "carteles",
    "серьёзную" and "серьезную")."""
    word = _unaccented(word.lower())
    word = _AGREEMENT.get(word, word)
    key = word_key(word)
    return word if key.startswith("~") else key


# A verb's singular and plural are one form: a story that quotes "Australia and the UK have"
# for the readout's "… has" corrected the grammar, not the words (a change of tense is not this).
_AGREEMENT = {"have": "has", "are": "is", "were": "was", "do": "does"}


def _unaccented(word: str) -> str:
    """The word without diacritics on Latin letters, and "ё" as "е" (not lexicon.fold, which
    strips every mark and so makes "й" an "и" and "ї" an "і": letters of their own)."""
    if word.isascii():
        return word
    word = word.replace("\u0451", "\u0435")
    out: list[str] = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) and out and out[-1] < "\u0250":
            continue  # a mark on a Latin letter ("й" and "ї" are letters of their own)
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def _within_quotes(items: list[Divergence]) -> list[Divergence]:
    """A change inside a misquotation is the misquotation: reported once, as a quote."""
    quoted = [normalize(d.account_text) for d in items if d.type == "quote"]
    return [
        d for d in items
        if d.type == "quote" or not any(
            normalize(d.account_text).strip(' "\'') in q for q in quoted if d.account_text.strip()
        )
    ]


def _dedupe(items: list[Divergence]) -> list[Divergence]:
    seen = set()
    out = []
    for d in items:
        key = (d.type, d.account_text, d.readout_text)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def cross_language_divergences(
    readout: Document, account: Document, matches: dict[str, tuple[Match, ...]]
) -> dict[str, tuple[Divergence, ...]]:
    """The divergences of an account in another language than the readout's: what can be
    compared without words in common (:mod:`crosslingual`), each read in its own language. A
    matched pair diverges in a figure or a date when each side gives one the other lacks
    ("40 million" against "45 millones", "May 12" against "14 mai"). Negation read across
    languages raised too many false alarms to be a divergence (docs/languages.md): the match's
    evidence points it out instead (:func:`crosslingual.polarity_note`)."""
    text = {s.id: s.text for s in readout.sentences}
    out: dict[str, tuple[Divergence, ...]] = {}
    for sid, found in matches.items():
        a_text = next((s.text for s in account.sentences if s.id == sid), "")
        a_read = crosslingual.read(a_text, account.language)
        for m in found:
            r_read = crosslingual.read(text[m.readout_sentence], readout.language)
            found_here = [
                Divergence(type=kind, account_text=a_said, readout_text=r_said,
                           readout_sentence=m.readout_sentence,
                           detail=f"across languages: {what}")
                for kind, r_said, a_said, what in _cross_differences(r_read, a_read)
            ]
            if found_here:
                out[sid] = tuple(found_here)
    return out


def _cross_differences(
    r: crosslingual.Reading, a: crosslingual.Reading
) -> list[tuple[DivergenceType, str, str, str]]:
    """(type, readout's words, account's words, what differs) for each way the two readings
    disagree in a figure or a date."""
    out: list[tuple[DivergenceType, str, str, str]] = []
    only = _each_lacks(r.figures, a.figures)
    if only:
        out.append(("number", *only, "the figures differ"))
    if _same_day_by_weekday(r, a) or _same_day_by_weekday(a, r):
        return out  # the other dates one side gives are of other things (an inauguration)
    for r_dates, a_dates, what in ((r.days, a.days, "the dates differ"),
                                   (r.months, a.months, "the months differ"),
                                   (r.weekdays, a.weekdays, "the days of the week differ"),
                                   (r.years, a.years, "the years differ")):
        only = _each_lacks(r_dates, a_dates)
        if only:
            out.append(("date", *only, what))
            break
    return out


def _same_day_by_weekday(dated: crosslingual.Reading, other: crosslingual.Reading) -> bool:
    """Whether ``other`` names the weekday of the one day ``dated`` gives, in the one year
    either names: "1月17日" and "on Friday night … ahead of the inauguration on Jan. 20, 2025"
    (17 January 2025 was a Friday) agree on the day of the call."""
    years = set(dated.years) | set(other.years)
    if len(dated.days) != 1 or len(years) != 1 or not other.weekdays:
        return False
    (month, day), year = next(iter(dated.days)), next(iter(years))
    try:
        return datetime.date(year, month, day).weekday() in other.weekdays
    except ValueError:
        return False


def _each_lacks(r: dict, a: dict) -> tuple[str, str] | None:
    """The values each side gives that the other lacks, as written, when both have some."""
    only_r, only_a = r.keys() - a.keys(), a.keys() - r.keys()
    if r and a and only_r and only_a:
        return _show(only_r, r), _show(only_a, a)
    return None


def _show(values: set, raw: dict) -> str:
    return ", ".join(raw[v] for v in sorted(values))
