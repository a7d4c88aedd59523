"""Divergences: the material differences inside a matched pair, each with both spans.

The pair's word diff (readout -> account) is read op by op; only what changed is examined, so
words the two share never count, and in a partial match the readout words the account did not
report are not taken for changes. Types:

``number``, ``date``, ``negation``, ``modality``, ``reporting_verb`` (with ``direction``
``escalates`` or ``softens`` along :data:`VERB_LADDER`), ``entity``, and ``quote`` (a quotation
presented as the readout's words that is not verbatim). Synonyms, reordering and dropped
articles change none of these and are not divergences. Rules and limits: docs/quotes-and-divergences.md.
"""

from __future__ import annotations

import re

from readout_compare.lexicon import number_values
from readout_compare.model import DiffOp, Divergence, Document, Match, Quote
from readout_compare.normalize import normalize

# The strength of verbs of saying: 1 neutral, 2 emphatic, 3 forceful.
VERB_LADDER: dict[str, int] = {}
for _level, _verbs in (
    # Only forms that are rarely nouns: "states" (United States), "call", "order", "threat",
    # "report" and the like would be counted in every sentence that mentions them.
    (1, "say said says tell told tells noted notes discuss discussed discusses spoke "
        "spoken speaks mention mentioned mentions stated added adds "
        "expressed expresses described commented remarked observed "
        "acknowledged agreed welcomed explained "
        "reviewed raised asked suggested thanked reported "
        "continued"),
    (2, "stressed stresses underscore underscored underscores highlighted "
        "emphasize emphasized emphasizes emphasise emphasised reaffirm reaffirmed "
        "reaffirms reiterate reiterated reiterates affirmed urge urged urges "
        "pressed insist insisted insists asserted maintained "
        "underlined pledged vow vowed"),
    (3, "warn warned warns demanded threatened ordered "
        "condemn condemned condemns denounce denounced accuse accused rebuked "
        "blasted slammed admonish admonished"),
):
    for _verb in _verbs.split():
        VERB_LADDER[_verb] = _level
LADDER_NAMES = {1: "neutral", 2: "emphatic", 3: "forceful"}

MODALS = {
    # possibility
    "may": "possibility", "might": "possibility", "could": "possibility", "can": "possibility",
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
NEGATIONS = {"not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "without",
             "cannot"}
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "today", "yesterday", "tomorrow"}
# Words that name an office, not a person: "the Secretary" against "Hegseth" is no entity swap.
TITLES = frozenset(
    ["secretary", "minister", "president", "prime", "general", "admiral", "ambassador", "director", "chief", "spokesman", "spokeswoman", "spokesperson", "department", "ministry", "office", "government", "officials", "official", "counterpart", "counterparts", "governor", "senator", "representative", "chairman", "chair", "commander"]
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|\w+(?:['\u2019]\w+)*|%")


def find_divergences(
    readout: Document,
    account: Document,
    matches: dict[str, tuple[Match, ...]],
    quotes: tuple[Quote, ...],
) -> dict[str, tuple[Divergence, ...]]:
    """Divergences for every matched account sentence, keyed by account sentence id."""
    out: dict[str, list[Divergence]] = {}
    for sid, found in matches.items():
        for m in found:
            if m.basis == "event" or (m.kind == "verbatim" and m.readout_coverage >= 0.999):
                continue  # a mention of the event reports none of its words
            out.setdefault(sid, []).extend(pair_divergences(m.diff, m.readout_sentence))
    for q in quotes:
        if q.kind == "title" or q.fidelity == "verbatim":
            continue
        presented_as_readout = q.attribution is not None and q.attribution.is_readout
        # A quotation of the readout's words, altered, is a divergence whoever it is credited
        # to; a quotation credited to the readout that is not in it is one too.
        quotes_readout = q.readout_sentence is not None and q.fidelity in ("altered",
                                                                           "stitched")
        if not (presented_as_readout or quotes_readout):
            continue
        out.setdefault(q.account_sentence, []).append(
            Divergence(
                type="quote",
                account_text=q.text,
                readout_text=q.readout_text or "",
                readout_sentence=q.readout_sentence or "",
                detail=f"quotation attributed to the readout is {q.fidelity.replace('_', ' ')}",
            )
        )
    return {sid: tuple(_dedupe(ds)) for sid, ds in out.items() if ds}


def pair_divergences(diff: tuple[DiffOp, ...], readout_sentence: str) -> list[Divergence]:
    """Typed divergences in one matched pair, read from its word diff."""
    found: list[Divergence] = []
    r_verbs: list[tuple[str, int]] = []
    a_verbs: list[tuple[str, int]] = []
    for i, (tag, r_text, a_text) in enumerate(diff):
        if tag == "equal":
            continue
        r_words, a_words = _words(r_text), _words(a_text)
        prev_r = _words(diff[i - 1][1])[-1:] if i and diff[i - 1][0] == "equal" else []
        next_r = _words(diff[i + 1][1])[:1] if i + 1 < len(diff) and diff[i + 1][0] == "equal" else []
        context = prev_r + next_r

        def add(
            kind: str, detail: str = "", direction: str | None = None,
            r_text: str = r_text, a_text: str = a_text,
        ) -> None:
            found.append(
                Divergence(
                    type=kind,  # type: ignore[arg-type]
                    account_text=a_text.strip(),
                    readout_text=r_text.strip(),
                    readout_sentence=readout_sentence,
                    direction=direction,
                    detail=detail,
                )
            )

        if tag == "replace":
            r_dates, a_dates = _dates(r_words), _dates(a_words)
            r_nums, a_nums = _numbers(r_words), _numbers(a_words)
            dated = bool(r_dates or a_dates) or any(w in MONTHS for w in context)
            if (r_dates or a_dates or (dated and (r_nums or a_nums))) and (
                (r_dates, r_nums) != (a_dates, a_nums)
            ) and (r_dates or r_nums) and (a_dates or a_nums):
                add("date", "date or time differs")
            elif r_nums and a_nums and r_nums != a_nums:
                add("number", f"{_fmt(r_nums)} in the readout, {_fmt(a_nums)} in the account")
            r_first = all(not op[1].strip() for op in diff[:i])
            a_first = all(not op[2].strip() for op in diff[:i])
            r_names, a_names = _names(r_text, r_first), _names(a_text, a_first)
            if r_names and a_names and not (r_names & a_names):
                add("entity", "a different name in the same place")
        r_neg, a_neg = _negations(r_words), _negations(a_words)
        if r_neg != a_neg and len(r_words) + len(a_words) <= 12:
            add("negation", "negated in the account only" if a_neg > r_neg else
                "negated in the readout only")
        r_mod, a_mod = _modality(r_words), _modality(a_words)
        if r_mod != a_mod and (r_mod or a_mod) and (tag == "replace" or len(r_words + a_words) <= 3):
            add("modality", f"{r_mod or 'plain statement'} in the readout, "
                f"{a_mod or 'plain statement'} in the account")
        r_verbs += [(w, VERB_LADDER[w]) for w in r_words if w in VERB_LADDER]
        a_verbs += [(w, VERB_LADDER[w]) for w in a_words if w in VERB_LADDER]
    if r_verbs and a_verbs:
        r_word, r_level = max(r_verbs, key=lambda v: v[1])
        a_word, a_level = max(a_verbs, key=lambda v: v[1])
        if r_level != a_level:
            found.append(
                Divergence(
                    type="reporting_verb",
                    account_text=a_word,
                    readout_text=r_word,
                    readout_sentence=readout_sentence,
                    direction="escalates" if a_level > r_level else "softens",
                    detail=f"{LADDER_NAMES[r_level]} \u2192 {LADDER_NAMES[a_level]}",
                )
            )
    return found


def _words(text: str) -> list[str]:
    return [normalize(w) for w in _TOKEN.findall(text)]


def _numbers(words: list[str]) -> tuple[float, ...]:
    """The quantities in a run of words, digits and number words alike ("12" and "twelve",
    "25%" and "25 percent", "2.5 million" and "2,500,000", "three hundred ninety" and "390")."""
    return tuple(sorted(value for _, _, value in number_values(words)))


def _dates(words: list[str]) -> tuple[object, ...]:
    out: list[object] = []
    for w in words:
        key = w.rstrip(".")
        if key in MONTHS and key != "may":
            out.append(("month", MONTHS[key]))
        elif key in WEEKDAYS:
            out.append(("day", key[:3]))
    return tuple(out)


def _negations(words: list[str]) -> int:
    return sum(1 for w in words if w in NEGATIONS or w.endswith("n't"))


def _modality(words: list[str]) -> str | None:
    classes = {MODALS[w] for w in words if w in MODALS}
    if not classes:
        return None
    return "/".join(sorted(classes))


def _names(text: str, at_sentence_start: bool) -> set[str]:
    """Capitalised words that are not titles of office, nor the first word of the sentence."""
    out = set()
    for m in re.finditer(r"\b[A-Z][a-z]+(?:['\u2019]s)?\b", text):
        if at_sentence_start and not text[: m.start()].strip():
            continue
        if re.search(r"[.!?][\"'\u201d\u2019]?\s+$", text[: m.start()]):
            continue  # first word of a following sentence
        w = normalize(m.group()).removesuffix("'s")
        if w not in TITLES and w not in VERB_LADDER and w not in MONTHS and w not in WEEKDAYS:
            out.add(w)
    return out


def _fmt(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:g}" for v in values)


def _dedupe(items: list[Divergence]) -> list[Divergence]:
    seen = set()
    out = []
    for d in items:
        key = (d.type, d.account_text, d.readout_text)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
