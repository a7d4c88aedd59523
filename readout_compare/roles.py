"""Roles: whether each unit is a claim (body), a heading, a lead-in or page furniture.

The furniture rules (:mod:`readout_compare.furniture`) and the layout give a first answer;
a small multinomial logistic model then decides, from features of the unit and of its place in
the document (its length and punctuation, its share of capitals, digits and symbols, whether
it reads like a date, a byline, a caption, a ticker or a line of a web page, whether the same
line came before, where it stands, what the rules said). The model is fitted on labelled units
(``bench/fit_roles.py``: the project's segmentation set and the real-news benchmark's
development events) and stored as data (``data/roles.json``), so the decision is deterministic
and each unit's role can be explained by the features that weighed most (:func:`explain`).
A dateline, and a unit named by a furniture rule whose words leave no doubt (:data:`SURE_RULES`),
are furniture whatever the model says.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from readout_compare import furniture
from readout_compare.layout import CLOSERS, TERMINAL
from readout_compare.normalize import cjk_characters

ROLES = ("body", "heading", "lead-in", "furniture")
# A unit of at least this many words that ends a sentence is taken as the story's own text in
# the features "before-story" and "after-story" (a page's furniture stands around the story).
STORY_WORDS = 4


@dataclass(frozen=True)
class Unit:
    """What the role decision reads of one unit: its text, its paragraph, the kind of unit
    segmentation made (sentence, dateline, lead-in, item, list-lead-in) and the rules' role."""

    text: str
    paragraph: int
    kind: str
    rule_role: str


_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|"
           r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?")
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
# A unit that is only a date or a time, with the words that label one.
_DATE_ONLY = re.compile(
    rf"(?i)^[\W_]*(?:(?:date|published|updated|posted|last updated|modified|fecha(?: de publicación)?|"
    rf"actualizado|publicado|as of|on|at)\W*)*(?:(?:{_DAYS}|{_MONTHS}|\d{{1,4}}|am|pm|a\.m\.|p\.m\.|"
    rf"gmt|utc|ist|est|edt|bst|cet|cest|msk|jst|kst|hrs|h|de|of|the|at|,|\.|/|-|:|\||\s)+)"
    rf"(?:\W*(?:https?://\S+|\S+\.(?:com|org|net|gov|uk|in|ru|cn|it|ua)\S*))?[\W_]*$")
_HAS_DIGIT_DATE = re.compile(r"\d")
_URL = re.compile(r"(?i)https?://|www\.|\b[\w-]+\.(?:com|org|net|gov|co\.uk|in|ru|cn)\b|@\w+\.\w")
_SEPARATORS = re.compile(r"[•|»›>·▪◦]|\s/\s|\s-\s*$")
_MONEY = re.compile(r"[$€£¥₹%▲▼↑↓]|\b(?:usd|eur|gbp|jpy|rub|uah|brent|nasdaq|dow|s&p|ftse|nikkei)\b",
                    re.I)
_BYLINE = re.compile(r"^(?:by|por|written by|reporting by|posted by)\s+[A-Z]", re.I)
_JOB = re.compile(r"(?i)\b(?:correspondent|reporter|editor|writer|journalist|columnist|staff|"
                  r"bureau|contributor|producer|anchor|desk|redacción|corresponsal)\b")
# Words of a web page talking about itself or its reader's device. A count of views starts
# only where a run of figures starts, and takes the run whole (no backtracking): tried at each
# figure of "1,1,1,…", it was quadratic in the run's length.
_WEB = re.compile(
    r"(?i)\b(?:click|tap here|subscribe|newsletter|sign up|log ?in|cookies|privacy policy|"
    # (not a body's site as where a statement came out: "on the British government's website")
    r"terms of (?:use|service)|(?<![\u2019']s )web ?site|browser|javascript|download (?:the|our) app|"
    r"comments are (?:closed|moderated)|add (?:a )?new comment|leave a comment|comment policy|"
    r"community guidelines|captcha|"
    r"human visitor|bookmark|follow us|read more|see also|most read|min read|listen to this|"
    r"all rights reserved|copyright|logo|updates to this page|(?<![\u2019']s )official website|https?|"
    r"key takeaways|report (?:an )?(?:error|mistake)|embedded|(?<![\d.,])\d[\d.,]*+k? views|share this|"
    r"advertisement|sponsored|recommended|trending|related (?:stories|articles|news|topics))\b|©")
# Present-tense verbs of a photo caption ("Starmer speaks to the media in …").
_CAPTION_VERB = re.compile(
    r"\b(?:speaks|arrives|attends|looks on|gestures|shakes hands|poses|walks|listens|delivers|"
    r"waves|greets|holds|sits|stands|reviews|addresses|meets|talks|smiles|leaves|departs|"
    r"is seen|are seen|gather|pose|attend|arrive|speak)\b")
_FUNCTION = frozenset(
    "the a an of to in on for and with that is was are were has have had will would by as at "
    "from it its their his her this which who said says el la los las de del que y en por con "
    "para se un una".split())
_EMOJI = re.compile(r"[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\U0001f300-\U0001faff]")
_CAPITAL = re.compile(r"^[A-ZÀ-Ý]")


def _title_shaped(text: str) -> bool:
    words = text.split()
    return (4 <= len(words) <= 25 and text.rstrip()[-1:] not in TERMINAL + ":"
            and any(ch.islower() for ch in text) and sum(ch.isdigit() for ch in text) <= 4
            and not _URL.search(text) and not _SEPARATORS.search(text))


def _bucket(n: int) -> str:
    for limit, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"), (25, "16-25")):
        if n <= limit:
            return name
    return "26+"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class _Layout:
    """Where each unit stands in its document, for the features of position."""

    first_seen: list[int]  # the index of the first unit with the same words
    para_size: dict[int, int]  # paragraph -> its number of units
    story: set[int]  # the units that read as the story's own sentences
    first_long: int  # the first of them (len(units) when none)
    last_long: int  # the last of them (-1 when none)
    first_title: int | None  # the first and last title-shaped line before the story
    last_title: int | None


def _layout(units: Sequence[Unit]) -> _Layout:
    norms = [_norm(u.text) for u in units]
    seen: dict[str, int] = {}
    first_seen = []
    for i, n in enumerate(norms):
        first_seen.append(seen.setdefault(n, i))
    para_size: dict[int, int] = {}
    for u in units:
        para_size[u.paragraph] = para_size.get(u.paragraph, 0) + 1
    long_units = [i for i, u in enumerate(units) if len(u.text.split()) >= STORY_WORDS
                  and u.text.rstrip()[-1:] in TERMINAL + CLOSERS]
    first_long = long_units[0] if long_units else len(units)
    # Lines shaped like a title (a headline is one): 4-25 words, not all in capitals, no closing
    # stop, letters rather than figures, no separators or addresses; the first and the last of
    # them before the story starts.
    titles = [i for i, u in enumerate(units[:first_long]) if _title_shaped(u.text)]
    return _Layout(first_seen, para_size, set(long_units), first_long,
                   long_units[-1] if long_units else -1,
                   titles[0] if titles else None, titles[-1] if titles else None)


def features(units: Sequence[Unit]) -> list[list[str]]:
    """The names of the features that hold for each unit (each feature is 0 or 1), in a fixed
    order: the unit's shape, its words and marks, then where it stands."""
    layout = _layout(units)
    out = []
    for i, u in enumerate(units):
        text = " ".join(u.text.split())
        words = text.split()
        n = len(words)
        alpha = [w for w in words if re.search(r"[^\W\d_]", w)]
        out.append(["bias", f"rule:{u.rule_role}", f"kind:{u.kind}", f"words:{_bucket(n)}",
                    _ending(text), *_letters(alpha, n), *_marks(text, n),
                    *_shape(text, n, alpha), *_position(i, u, n, layout)])
    return out


def _ending(text: str) -> str:
    last = text[-1:] if text else ""
    if last in TERMINAL:
        return "ends:stop"
    if last in CLOSERS:
        return "ends:closer"
    return "ends:colon" if last == ":" else "ends:other"


def _letters(alpha: list[str], n: int) -> list[str]:
    """Capitals and function words, over the words that hold a letter."""
    if not alpha:
        return ["no-letters"]
    f = []
    caps = sum(1 for w in alpha if _CAPITAL.match(w)) / len(alpha)
    if caps >= 0.75 and n >= 3:
        f.append("title-case")
    if all(w.isupper() for w in alpha if len(w) > 1) and any(len(w) > 1 for w in alpha):
        f.append("all-caps")
    func = sum(1 for w in alpha if w.lower() in _FUNCTION) / len(alpha)
    f.append("function-words:low" if func < 0.1 else "function-words:some"
             if func < 0.25 else "function-words:many")
    return f


def _marks(text: str, n: int) -> list[str]:
    """Figures, dates, addresses, separators, money, bylines and job titles."""
    f = []
    digits = sum(ch.isdigit() for ch in text)
    if text and digits / len(text) > 0.25 and n <= 8:  # a ticker, a stamp; not a sentence
        f.append("digits:many")
    elif digits:
        f.append("digits:some")
    if _DATE_ONLY.match(text) and (_HAS_DIGIT_DATE.search(text) or re.search(_MONTHS, text, re.I)):
        f.append("date-only")
    for name, pattern in (("url", _URL), ("separators", _SEPARATORS), ("money", _MONEY)):
        if pattern.search(text):
            f.append(name)
    if _BYLINE.match(text):
        f.append("byline")
    if _JOB.search(text) and n <= 12:
        f.append("job-title")
    return f


def _shape(text: str, n: int, alpha: list[str]) -> list[str]:
    """A name alone, words of the web, a caption, emoji, brackets, quotation marks, a
    lower-case start."""
    f = []
    if n <= 3 and alpha and all(_CAPITAL.match(w) for w in alpha) and not any(
            ch.isdigit() for ch in text) and text[-1:] not in TERMINAL:
        f.append("name-only")
    web = len(_WEB.findall(text))
    if web:
        f.append("web-words" if web == 1 else "web-words:2+")
    if _CAPTION_VERB.search(text) and (re.search(_MONTHS, text, re.I) or "(" in text):
        f.append("caption-shape")
    if _EMOJI.search(text):
        f.append("emoji")
    if text.startswith("(") and text.endswith(")"):
        f.append("in-brackets")
    if re.search(r"[\"“”«»]", text):
        f.append("quote-marks")
    if text[:1].islower():
        f.append("starts-lower")
    return f


def _position(i: int, u: Unit, n: int, layout: _Layout) -> list[str]:
    """Where the unit stands: repeated, alone in its paragraph, before or after the story."""
    f = []
    if layout.first_seen[i] < i and n >= 3:
        f.append("repeats-earlier")
    if layout.para_size[u.paragraph] == 1:
        f.append("lone")
    # Where a line stands says most of lines that do not read as sentences: the story's own
    # sentences are body wherever they stand.
    sentence_like = i in layout.story
    f.append("sentence-like" if sentence_like else "not-sentence-like")
    if not sentence_like:
        if i < layout.first_long:
            f.append("before-story")
        if i > layout.last_long:
            f.append("after-story")
        if i == 0:
            f.append("first")
    if i == layout.first_title:
        f.append("first-title-shape")
    if i == layout.last_title:
        f.append("last-title-shape")
        if i + 1 == layout.first_long:
            f.append("title-then-story")
    if i + 1 == layout.first_long:
        f.append("just-before-story")
    return f


@dataclass(frozen=True)
class Model:
    weights: dict[str, dict[str, float]]  # role -> feature -> weight
    fitted_on: str


@lru_cache(maxsize=1)
def model() -> Model:
    data = json.loads(resources.files("readout_compare").joinpath("data/roles.json").read_text("utf-8"))
    return Model(data["weights"], data["fitted_on"])


def _scores(feats: Sequence[str], m: Model) -> dict[str, float]:
    return {role: sum(m.weights[role].get(x, 0.0) for x in feats) for role in ROLES}


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _unspaced(text: str) -> bool:
    """Whether a unit is mostly Chinese or Japanese characters (written without spaces)."""
    return len(_CJK_CHAR.findall(text)) > 0.5 * len(text.replace(" ", "")) > 0


# Furniture rules whose words leave no doubt: their units are furniture whatever the model's
# other features say (added after the model was fitted, they are not among its weights' cases).
SURE_RULES = frozenset([
    "newsletter-offer", "image-representational", "republication-notice", "public-release",
    "view-in-full", "update-count", "distributed-by", "tags", "source-caps", "disclaimer",
    "date-only", "stamp-line", "comment-form", "notifications", "embed-label", "no-words",
    "template-token", "embed-failure", "cms-meta", "age-stamp", "audio-offer", "agency-alone",
    "age-stamp-other", "language-menu", "stamp-ja", "embed-failure-retry", "date-only-other",
    # A byline naming a reporter's role or labelled as one ("- By Political Correspondent",
    # "Reported by …"), never a headline.
    "byline-role", "byline-labelled", "byline-name-role",
])


def _sure_furniture(text: str) -> bool:
    rule = furniture.unit_rule(text)
    return (rule in SURE_RULES or furniture.paragraph_rule(text) in SURE_RULES
            or furniture.present_caption(text))


# A lone line without closing punctuation and with at most this many words is a heading by the
# rules (segment); on the real dev pages, 13 of 14 such lines of more words were the story's
# sentences.
HEADING_MAX_WORDS = 25


def decide(units: Sequence[Unit]) -> list[str]:
    """The role of each unit of one document."""
    m = model()
    out = []
    heading_odds = []  # each unit's probability of being a heading, by the model
    for u, feats in zip(units, features(units)):
        scores = _scores(feats, m)
        top = max(scores.values())
        heading_odds.append(math.exp(scores["heading"] - top)
                            / sum(math.exp(v - top) for v in scores.values()))
        if u.kind == "dateline" or (u.rule_role == "furniture" and _sure_furniture(u.text)):
            # Split off by its own rule, or named by a rule whose words leave no doubt (a
            # newsletter offer, a syndicator's notice): never a claim.
            out.append("furniture")
            continue
        if u.kind == "label":
            # A section's label ("Why it matters:"): a head, whatever the model says.
            out.append("heading")
            continue
        if u.rule_role == "lead-in" and furniture.lead_in_rule(u.text):
            # A formula that introduces what follows ("The overview is as follows."): the
            # rule's words leave no doubt either.
            out.append("lead-in")
            continue
        if _unspaced(u.text):
            # Chinese or Japanese: the model's features count words between spaces, and it was
            # fitted on text that has them; the rules' role stands.
            out.append(u.rule_role)
            continue
        out.append(max(ROLES, key=lambda r: (scores[r], r == u.rule_role)))
    if "body" not in out and any(u.rule_role == "body" for u in units):
        # A text unlike anything the model was fitted on (no unit it reads as a claim, where the
        # rules see sentences): the rules' roles stand.
        return [u.rule_role for u in units]
    out = _headline_first(units, _publisher_above(units, out, heading_odds))
    out = _nothing_headed(_kickers_above(units, out))
    return _too_long_to_head(units, _next_post(units, out))


# Words at most of a line above the story that is the page's (a section's name, "Log in",
# "Home News", "Политика"), where a headline stands above the story too. On the real dev pages,
# 485 lines of one to three words above the first sentence were furniture, 1 a heading.
KICKER_WORDS = 3


def _kickers_above(units: Sequence[Unit], out: list[str]) -> list[str]:
    """Short lines the model read as headings above the story's first sentence are page
    furniture when a headline (a longer heading) stands there too: a story has one headline,
    and "Afghanistan", "Publicado" or "News Today" over it are the page's labels."""
    first_body = next((i for i, r in enumerate(out) if r == "body"), None)
    if first_body is None:
        return out
    heads = [i for i in range(first_body) if out[i] == "heading"]
    short = {i for i in heads if len(units[i].text.split()) <= KICKER_WORDS
             and not cjk_characters(units[i].text)}
    if len(short) == len(heads):
        return out
    return ["furniture" if i in short else r for i, r in enumerate(out)]


def _too_long_to_head(units: Sequence[Unit], out: list[str]) -> list[str]:
    """A line of more words than a heading has is a sentence that lost its full stop (a
    story's standfirst, "Russian President Vladimir Putin and … discussed …"), not a heading,
    whatever its capitals say to the model."""
    return ["body" if r == "heading" and u.rule_role == "body" and "\n" not in u.text.strip()
            and len(u.text.split()) > HEADING_MAX_WORDS else r for u, r in zip(units, out)]


# A line that names only who publishes the page ("U.S. Department of State", "The White House",
# "Office of the Spokesperson", "Excelsio Media"): capitalised words ending in a body's noun or
# naming a department or ministry "of" something, with no verb and nothing else.
_PUBLISHER = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.&'\u2019-]*\s+){0,4}?(?:Department|Ministry|Office|House|Kremlin|"
    r"Council|Commission|Government|Presidency|Embassy|Mission|Community|Media|News|Agency|"
    r"Secretariat|Chancellery)(?:\s+of(?:\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*)+)?$")
# How likely the model must find a line to be a heading for it to stand as the headline in
# the publisher line's place (the title after "U.S. Department of State" scored 0.43).
HEADLINE_ODDS = 0.4


def _publisher_above(units: Sequence[Unit], out: list[str], odds: list[float]) -> list[str]:
    """A publisher's name read as the headline above the story is page furniture; the first
    line after it that the rules read as a heading, and the model nearly so, is the headline."""
    first_body = next((i for i, r in enumerate(out) if r == "body"), len(out))
    tops = [i for i in range(first_body) if out[i] == "heading"]
    if not tops or not _PUBLISHER.match(units[tops[0]].text.strip()) or len(tops) > 1:
        return out
    out = list(out)
    out[tops[0]] = "furniture"
    title = next((i for i in range(tops[0] + 1, first_body)
                  if units[i].rule_role == "heading" and odds[i] >= HEADLINE_ODDS), None)
    if title is not None:
        out[title] = "heading"
    return out


def _headline_first(units: Sequence[Unit], out: list[str]) -> list[str]:
    """The first unit that is not furniture, when the rules read it as a heading (a lone line
    without closing punctuation), is the text's headline whatever the model says of its words
    ("Leo Varadkar warns Boris Johnson that his new Brexit plan falls short as leaders talk").
    Where nothing above the first body unit is left a heading, the last line there that the
    rules read as a heading, no furniture rule names and that is long enough to be a headline
    is the headline, though the model read it as page furniture ("Putin warns Macron that
    “pressure” on Lukashenko would be “unacceptable”" at the top of a page)."""
    first = next((i for i, r in enumerate(out) if r != "furniture"), None)
    if first is not None and units[first].rule_role == "heading" and out[first] == "body":
        return [*out[:first], "heading", *out[first + 1:]]
    first_body = next((i for i, r in enumerate(out) if r == "body"), None)
    if first_body is None or "heading" in out[:first_body]:
        return out
    # (A line that repeats one above it is the page's copy of the headline, not the headline.)
    first_seen: dict[str, int] = {}
    for i, u in enumerate(units[:first_body]):
        first_seen.setdefault(" ".join(u.text.split()), i)
    title = next((i for i in range(first_body - 1, -1, -1)
                  if units[i].rule_role == "heading" and units[i].kind != "dateline"
                  and _headline_long(units[i].text)
                  and first_seen[" ".join(units[i].text.split())] == i
                  and furniture.unit_rule(units[i].text) is None), None)
    if title is None:
        return out
    return [*out[:title], "heading", *out[title + 1:]]


# Words (or CJK characters) a line needs to stand as a headline the model took for furniture.
HEADLINE_WORDS = 6
HEADLINE_CJK = 12


def _headline_long(text: str) -> bool:
    return len(text.split()) >= HEADLINE_WORDS or cjk_characters(text) >= HEADLINE_CJK


def _nothing_headed(out: list[str]) -> list[str]:
    """A heading heads the text that follows it: one with no body after it in the document
    (related stories' headlines listed after the story, a tag line) is page furniture; so are
    headings in a row inside the story (related stories' headlines set between its
    paragraphs): a section's head is followed by its text, not by another head."""
    last_body = max((i for i, r in enumerate(out) if r == "body"), default=None)
    if last_body is None:
        return out
    first_body = out.index("body")
    out = [("furniture" if r == "heading" and i > last_body else r) for i, r in enumerate(out)]
    inside = [i for i in range(first_body + 1, last_body) if out[i] == "heading"]
    in_a_row = {i for i in inside for j in (i - 1, i + 1) if j in inside}
    return [("furniture" if i in in_a_row else r) for i, r in enumerate(out)]


# Lines of a page's header above the story (at least this many, with this many words in all)
# that come again after the story has begun start the page's next post.
HEADER_LINES = 2
HEADER_WORDS = 5


def _next_post(units: Sequence[Unit], out: list[str]) -> list[str]:
    """A page of posts sets each under the same header ("Details / Written by … / Category:
    …" above each of a government's press releases): where the lines above the story come
    again, in a row, after it has begun, another post starts, and it and all after it are the
    page's, not this text's (a second readout of another call on the same page)."""
    first_body = next((i for i, r in enumerate(out) if r == "body"), None)
    if first_body is None:
        return out
    flat = [" ".join(u.text.split()) for u in units]
    # Where each run of HEADER_LINES lines after the story's start first stands (one pass, so a
    # page of many thousand lines is read in linear time).
    later: dict[tuple[str, ...], int] = {}
    for j in range(first_body + 1, len(units) - HEADER_LINES + 1):
        later.setdefault(tuple(flat[j:j + HEADER_LINES]), j)
    for a in range(first_body - HEADER_LINES + 1):
        lines = tuple(flat[a:a + HEADER_LINES])
        if "body" in out[a:a + HEADER_LINES] or len(" ".join(lines).split()) < HEADER_WORDS:
            continue
        again = later.get(lines)
        if again is not None:
            return [*out[:again], *["furniture"] * (len(out) - again)]
    return out


def explain(units: Sequence[Unit], index: int, *, most: int = 3) -> tuple[str, dict[str, float], list[str]]:
    """Why unit ``index`` got its role: the role, each role's probability, and the features
    that pushed most towards it against the runner-up."""
    m = model()
    feats = features(units)[index]
    scores = _scores(feats, m)
    top = max(scores.values())
    total = sum(math.exp(s - top) for s in scores.values())
    probs = {r: math.exp(s - top) / total for r, s in scores.items()}
    ranked = sorted(ROLES, key=lambda r: -scores[r])
    role, second = ranked[0], ranked[1]
    weight = {x: m.weights[role].get(x, 0.0) - m.weights[second].get(x, 0.0) for x in feats}
    reasons = [x for x in sorted(weight, key=lambda x: -weight[x]) if weight[x] > 0][:most]
    return role, probs, reasons
