"""What an edit did: sentences and quotations followed from one version to the next, and the
verdicts that moved between two comparisons, told in the reader's words.

Units are followed by their stable keys (:mod:`readout_compare.keys`); a unit that was edited
has a new key and is paired with its old self by its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from readout_compare.diff import word_diff
from readout_compare.model import Document
from readout_compare.normalize import normalize, words

# Pairing an edited unit with its old self: the least share of words in common.
SAME_UNIT = 0.5
# Edited units are looked for among at most this many (old, new) pairs between two runs of
# unchanged ones (each pair is a difflib ratio over words).
MAX_PAIRINGS = 40_000
DIVERGENCE_WORDS = {"number": "number", "date": "date", "negation": "negation",
                    "modality": "modality", "reporting_verb": "reporting verb",
                    "entity": "name"}
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*%?")
FIDELITY_WORDS = {"verbatim": "verbatim", "altered": "altered", "stitched": "stitched",
                  "not_in_readout": "not in the readout"}
KIND_WORDS = {"verbatim": "", "paraphrase": "", "partial": " (in part)"}


@dataclass(frozen=True)
class Change:
    """One thing an edit did, in the reader's words. For a readout version, ``account`` names
    the account whose verdict moved (None for the readout's own sentences)."""

    text: str
    account: str | None = None


def pair_units(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]
               ) -> list[tuple[int | None, int | None]]:
    """Follow units (key, text) from one version to the next: the same key is the same unit;
    among the units between two runs of unchanged ones, an edited unit is paired with the old
    one sharing most of its words (at least ``SAME_UNIT``); the rest were removed or added."""
    opcodes = SequenceMatcher(None, [k for k, _ in old], [k for k, _ in new],
                              autojunk=False).get_opcodes()
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pairs += zip(range(i1, i2), range(j1, j2))
            continue
        taken: set[int] = set()
        if (i2 - i1) * (j2 - j1) > MAX_PAIRINGS:  # a rewrite: no unit is its old self
            pairs += [(i, None) for i in range(i1, i2)]
            pairs += [(None, j) for j in range(j1, j2)]
            continue
        new_words = {j: words(normalize(new[j][1])) for j in range(j1, j2)}
        for i in range(i1, i2):
            best, score = None, SAME_UNIT
            matcher.set_seq2(words(normalize(old[i][1])))  # difflib caches the second side
            for j in range(j1, j2):
                if j in taken or not new_words[j] or not matcher.b:
                    continue
                matcher.set_seq1(new_words[j])
                # quick_ratio bounds ratio from above, and costs far less.
                if matcher.quick_ratio() >= score and (s := matcher.ratio()) >= score:
                    best, score = j, s
            if best is None:
                pairs.append((i, None))
            else:
                taken.add(best)
                pairs.append((i, best))
        pairs += [(None, j) for j in range(j1, j2) if j not in taken]
    return pairs


def _likeness(a: str, b: str) -> float:
    wa, wb = words(normalize(a)), words(normalize(b))
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _quoted(text: str) -> str:
    return f"\u201c{' '.join(text.split())}\u201d"


def _changed_words(old: str, new: str) -> str | None:
    """"3 → 4" when an edit changed a few short runs of words; None otherwise."""
    ops = [op for op in word_diff(old, new) if op[0] != "equal"]
    if not ops or len(ops) > 2 or any(len((a + b).split()) > 8 for _, a, b in ops):
        return None
    return "; ".join(f"{' '.join(a.split()) or '…'} \u2192 {' '.join(b.split()) or '…'}"
                     for _, a, b in ops)


def readout_changes(old: Document, new: Document) -> list[Change]:
    """The readout's sentences that changed, were added or were removed."""
    units_old = [s for s in old.sentences if s.role != "furniture"]
    units_new = [s for s in new.sentences if s.role != "furniture"]
    out = []
    for i, j in pair_units([(normalize(s.text), s.text) for s in units_old],
                           [(normalize(s.text), s.text) for s in units_new]):
        if i is None and j is not None:
            out.append(Change(f"readout sentence added: {_quoted(units_new[j].text)}"))
        elif j is None and i is not None:
            out.append(Change(f"readout sentence removed: {_quoted(units_old[i].text)}"))
        elif i is not None and j is not None and normalize(units_old[i].text) != normalize(
                units_new[j].text):
            what = _changed_words(units_old[i].text, units_new[j].text)
            out.append(Change(f"readout sentence changed{f' ({what})' if what else ''}: "
                              f"{_quoted(units_new[j].text)}"))
    return out


def verdict_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What moved between two comparisons of an account with the readout (each
    ``{"readout": ..., "account": ...}`` as in the JSON report): the lede and headline, readout
    sentences now reported or dropped, claims not in the readout added or removed, quotations
    corrected or altered, divergences that appeared or went away, attributions changed."""
    r_old, r_new = before["readout"]["sentences"], after["readout"]["sentences"]
    a_old, a_new = before["account"], after["account"]
    readout_pairs = pair_units([(s["key"], s["text"]) for s in r_old],
                               [(s["key"], s["text"]) for s in r_new])
    # Old readout sentence id -> new readout sentence id, for an edited readout.
    r_map = {r_old[i]["id"]: r_new[j]["id"] for i, j in readout_pairs
             if i is not None and j is not None}
    r_text = {s["id"]: s["text"] for s in r_new} | {
        f"old:{s['id']}": s["text"] for s in r_old}
    s_old, s_new = a_old["sentences"], a_new["sentences"]
    sentence_pairs = pair_units([(s["key"], s["text"]) for s in s_old],
                                [(s["key"], s["text"]) for s in s_new])
    lead, told = _lead_changes(a_old, a_new)
    out = lead
    out += _coverage_changes(a_old, a_new, r_map, r_text)
    out += _claim_changes(s_old, s_new, sentence_pairs, told)
    out += _quote_changes(a_old, a_new, sentence_pairs)
    out += _divergence_changes(s_old, s_new, r_map)
    out += _attribution_changes(s_old, s_new, sentence_pairs)
    return out


def _lead_changes(a_old: dict[str, Any], a_new: dict[str, Any]) -> tuple[list[str], set[str]]:
    """The headline's and the lede's sentences that are new or gone, and the ids of the new
    ones (told here, so not again as an edited claim). An edit inside a quotation is told as
    the quotation's, so the words between quotation marks are left out."""
    def part(acc: dict[str, Any], position: str) -> list[tuple[str, str, str]]:
        texts = {s["id"]: s["text"] for s in acc["sentences"]}
        quoted: dict[str, list[str]] = {}
        for q in acc["quotes"]:
            quoted.setdefault(q["account_sentence"], []).append(q["text"])
        out = []
        for x in (acc.get("placement") or {}).get("lead", []):
            if x["position"] == position:
                text = texts[x["account_sentence"]]
                masked = text
                for q in quoted.get(x["account_sentence"], []):
                    masked = masked.replace(q, "\u2026")
                out.append((normalize(masked), text, x["account_sentence"]))
        return out

    out, told = [], set()
    for position in ("headline", "lede"):
        old, new = part(a_old, position), part(a_new, position)
        was = {m for m, _, _ in old}
        now = {m for m, _, _ in new}
        entered = [(t, sid) for m, t, sid in new if m not in was]
        left = [t for m, t, _ in old if m not in now]
        if entered:
            out.append(f"{position} changed: now {_quoted(' '.join(t for t, _ in entered))}")
            told |= {sid for _, sid in entered}
        elif left:
            out.append(f"{position} changed: {_quoted(' '.join(left))} left it")
    return out, told


def _coverage_changes(a_old: dict[str, Any], a_new: dict[str, Any], r_map: dict[str, str],
                      r_text: dict[str, str]) -> list[str]:
    old = {r_map[c["readout_sentence"]]: c for c in a_old["readout_coverage"]
           if c["readout_sentence"] in r_map}
    out = []
    for c in a_new["readout_coverage"]:
        rid, was = c["readout_sentence"], old.get(c["readout_sentence"])
        text = _quoted(r_text[rid])
        now_reported = c["status"] == "reported"
        was_reported = was is not None and was["status"] == "reported"
        if now_reported and not was_reported:
            kind = KIND_WORDS.get(c["kind"] or "", "")
            out.append(f"now reports readout sentence{kind}: {text}")
        elif was_reported and not now_reported:
            out.append(f"no longer reports readout sentence: {text}")
        elif now_reported and was is not None and (c["kind"] == "partial") != (
                was["kind"] == "partial"):
            out.append(f"now reports readout sentence only in part: {text}"
                       if c["kind"] == "partial" else
                       f"now reports the whole readout sentence (was in part): {text}")
    return out


def _claim_changes(s_old: list[dict], s_new: list[dict],
                   pairs: list[tuple[int | None, int | None]], told: set[str]) -> list[str]:
    out = []
    for i, j in pairs:
        change = _claim_change(s_old[i] if i is not None else None,
                               s_new[j] if j is not None else None, told)
        if change is not None:
            out.append(change)
    return out


def _claim_change(o: dict | None, n: dict | None, told: set[str]) -> str | None:
    """How a claim not in the readout moved between its old sentence and its new one (None
    for a sentence that was not, and is not, such a claim, or did not move)."""
    if n is not None and n["status"] == "not_in_readout":
        if o is None:
            return f"claim not in the readout added: {_quoted(n['text'])}{_credited(n)}"
        if o["status"] != "not_in_readout":
            return f"claim no longer matches the readout: {_quoted(n['text'])}"
        # An edit that credits the claim to someone else is told as the attribution's, a new
        # sentence of the lede as the lede's.
        if normalize(o["text"]) != normalize(n["text"]) and _source(o) == _source(n) and (
                n["id"] not in told):
            return f"claim not in the readout edited: now {_quoted(n['text'])}"
        return None
    if o is not None and o["status"] == "not_in_readout":
        if n is None:
            return f"claim not in the readout removed: {_quoted(o['text'])}"
        if n["status"]:
            return f"claim now matches the readout: {_quoted(n['text'])}"
    return None


def _credited(s: dict) -> str:
    who = (s.get("attribution") or {}).get("source")
    return f", credited to {who}" if who else ""


def _source(s: dict[str, Any]) -> str:
    return normalize((s.get("attribution") or {}).get("source") or "")


def _quote_changes(a_old: dict[str, Any], a_new: dict[str, Any],
                   sentence_pairs: list[tuple[int | None, int | None]]) -> list[str]:
    out = []
    for o, n in _pair_quotes(a_old, a_new, sentence_pairs):
        if n is not None and o is None:
            out.append(f"quotation added: {_quoted(n['text'])} "
                       f"({FIDELITY_WORDS[n['fidelity']]})")
        elif o is not None and n is None:
            out.append(f"quotation removed: {_quoted(o['text'])}")
        elif o is not None and n is not None:
            if o["fidelity"] != n["fidelity"]:
                out.append(_fidelity_change(o, n))
            elif normalize(o["text"]) != normalize(n["text"]):
                out.append(f"quotation edited: now {_quoted(n['text'])} (still "
                           f"{FIDELITY_WORDS[n['fidelity']]})")
    return out


def _pair_quotes(a_old: dict[str, Any], a_new: dict[str, Any],
                 sentence_pairs: list[tuple[int | None, int | None]]
                 ) -> list[tuple[dict | None, dict | None]]:
    """Each quotation of the new version with its old self (None when it is new), then the
    old ones that are gone. Quotations of titles are left out."""
    q_old = [q for q in a_old["quotes"] if q["kind"] != "title"]
    q_new = [q for q in a_new["quotes"] if q["kind"] != "title"]
    idx_old = {s["id"]: k for k, s in enumerate(a_old["sentences"])}
    idx_new = {s["id"]: k for k, s in enumerate(a_new["sentences"])}
    same_sentence = {(i, j) for i, j in sentence_pairs if i is not None and j is not None}

    def near(o: dict, n: dict) -> bool:
        return (idx_old[o["account_sentence"]], idx_new[n["account_sentence"]]) in same_sentence

    pairs: list[tuple[dict | None, dict | None]] = []
    by_key = {q["key"]: q for q in q_old}
    new_keys = {q["key"] for q in q_new}
    left_old = [q for q in q_old if q["key"] not in new_keys]
    for n in q_new:
        if n["key"] in by_key:
            pairs.append((by_key[n["key"]], n))
            continue
        best = _edited_quote(n, left_old, near)
        if best is not None:
            left_old.remove(best)
        pairs.append((best, n))
    pairs += [(o, None) for o in left_old]
    return pairs


def _edited_quote(n: dict, left_old: list[dict], near: Callable[[dict, dict], bool]
                  ) -> dict | None:
    """The old quotation a new one is an edit of: in the same (edited) sentence, or its words
    mostly the same."""
    best, score = None, SAME_UNIT
    for o in left_old:
        close = near(o, n)
        s = _likeness(o["text"], n["text"])
        if (close or s >= 0.8) and s >= score:
            best, score = o, s
    return best


def _fidelity_change(o: dict, n: dict) -> str:
    """A quotation whose verdict moved: corrected, found in the readout, or otherwise."""
    if n["fidelity"] == "verbatim" and o["fidelity"] in ("altered", "stitched"):
        return f"quotation {_quoted(n['text'])} corrected: now verbatim"
    if o["fidelity"] == "not_in_readout":
        return (f"quotation {_quoted(n['text'])} now found in the readout "
                f"({FIDELITY_WORDS[n['fidelity']]})")
    return (f"quotation {_quoted(n['text'])} now {FIDELITY_WORDS[n['fidelity']]} (was "
            f"{FIDELITY_WORDS[o['fidelity']]})")


def _divergence_changes(s_old: list[dict], s_new: list[dict], r_map: dict[str, str]
                        ) -> list[str]:
    """Divergences by what they are (the readout sentence, the type and both sides' words),
    wherever in the story they stand. A quotation's divergence is told as the quotation's."""
    def found(sentences: list[dict], mapping: dict[str, str] | None) -> dict[tuple, dict]:
        out = {}
        for s in sentences:
            for d in s["divergences"]:
                if d["type"] == "quote":
                    continue
                rid = mapping.get(d["readout_sentence"], "gone") if mapping is not None \
                    else d["readout_sentence"]
                out[(rid, d["type"], normalize(d["readout_text"]),
                     normalize(d["account_text"]))] = d
        return out

    old, new = found(s_old, r_map), found(s_new, None)
    out = []
    for key, d in new.items():
        if key not in old:
            out.append(f"divergence appeared: {_divergence(d)}")
    for key, d in old.items():
        if key not in new:
            out.append(f"divergence went away: {_divergence(d)}")
    return out


def _divergence(d: dict[str, Any]) -> str:
    """"number 3 → 4": the type, then the readout's words and the account's (for a number,
    the figures alone when both sides have them)."""
    kind = DIVERGENCE_WORDS.get(d["type"], d["type"].replace("_", " "))
    was, now = " ".join(d["readout_text"].split()), " ".join(d["account_text"].split())
    if d["type"] == "number":
        figures_was, figures_now = _FIGURE.findall(was), _FIGURE.findall(now)
        if figures_was and figures_now:
            was, now = ", ".join(figures_was), ", ".join(figures_now)
    return f"{kind} {was} \u2192 {now}"


def _attribution_changes(s_old: list[dict], s_new: list[dict],
                         pairs: list[tuple[int | None, int | None]]) -> list[str]:
    out = []
    for i, j in pairs:
        if i is None or j is None or not s_new[j]["status"] or not s_old[i]["status"]:
            continue
        if _source(s_old[i]) == _source(s_new[j]):
            continue
        was = (s_old[i].get("attribution") or {}).get("source")
        now = (s_new[j].get("attribution") or {}).get("source")
        text = _quoted(s_new[j]["text"])
        if now and was:
            out.append(f"attribution changed: {text} now credited to {now} (was {was})")
        elif now:
            out.append(f"attribution added: {text} now credited to {now}")
        else:
            out.append(f"attribution removed: {text} no longer credited to {was}")
    return out
