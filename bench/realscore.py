"""Scores readout-compare on the real-news benchmark (run through ``python bench/real.py``).

    python bench/real.py [--split dev|heldout|all] [--errors] [--event ID] [--json PATH]

For every event it checks each text's SHA-256 against the labels, loads the texts as the
command line does (``readout_compare.load.load``), runs ``compare`` on the readout and all the
event's accounts, maps the tool's units onto the labelled ones by character overlap, and
counts, per split:

- roles: each labelled unit's role against the role of the tool's unit covering most of it
  (text the tool leaves out of every unit counts as furniture); readouts and accounts apart;
- boundaries: unit starts and ends, precision / recall / F1, readouts and accounts apart;
- coverage: each (account, readout body unit): reported or omitted; precision and recall of
  "reported", and the share of verdicts right;
- account verdicts: each account body unit's supported / divergent / not in the readout
  (three classes), and "reports the readout or not" (two); the readout unit it reports;
- furniture as claims: labelled furniture, headings and lead-ins that the tool made a claim
  not in the readout, a lede sentence, or a reported readout sentence;
- quotations: fidelity of each labelled quotation, and its speaker (KEY in the tool's source,
  and the source's kind); a quotation the tool did not find counts as wrong;
- claim sources: the source of each claim not in the readout (``-``: right when the tool
  names none); "he"/"she" and other unresolved answers are wrong;
- divergences: (unit, type) pairs raised by the tool against the labelled ones, by type;
- malformed sources: distinct sources the tool gives in an account (of its sentences and its
  quotations) that fail ``attribution_patterns.well_formed`` (a fragment, a date, a cut-off
  phrase): the attribution issue's property, counted over every text of the split;
- lede statements: per account, what it led with (headline and the first two body units with
  their verdicts), its first point (first report of a readout claim) and where it first
  reports the readout's main point.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import reallabels as rl

from readout_compare import compare, semantic
from readout_compare.attribution_patterns import well_formed
from readout_compare.load import load

# -------------------------------------------------------------------------------------------
# Putting the tool's units on the labelled ones


def offset_map(tool_text: str, file_text: str) -> list[int]:
    """For each offset of the tool's text (and one past its end), the matching offset of the
    file's text: the identity when load changed nothing, else through difflib's matching blocks
    (load may repair mojibake, turn Markdown into text or drop a byte-order mark)."""
    if tool_text == file_text:
        return list(range(len(tool_text) + 1))
    out = [0] * (len(tool_text) + 1)
    sm = difflib.SequenceMatcher(None, tool_text, file_text, autojunk=False)
    last_a = last_b = 0
    for a, b, size in sm.get_matching_blocks():
        for i in range(last_a, a):  # changed text: spread over the file's changed text
            out[i] = last_b + (i - last_a) * max(0, b - last_b) // max(1, a - last_a)
        for k in range(size):
            out[a + k] = b + k
        last_a, last_b = a + size, b + size
    out[len(tool_text)] = len(file_text)
    return out


@dataclass
class Placed:
    """A tool unit on the labelled document: its id, span (file offsets) and role."""

    id: str
    start: int
    end: int
    role: str


def place(doc, file_text: str) -> list[Placed]:
    m = offset_map(doc.text, file_text)
    return [Placed(s.id, m[s.start], m[s.end], s.role) for s in doc.sentences]


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


@dataclass
class Mapping:
    """Which labelled unit each tool unit stands on, and the tool units on each labelled one."""

    to_gold: dict[str, str] = field(default_factory=dict)
    from_gold: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    main_tool: dict[str, str | None] = field(default_factory=dict)  # gold -> tool unit covering most


def map_units(gold: list[rl.Unit], tool: list[Placed]) -> Mapping:
    m = Mapping()
    for t in tool:
        best = max(gold, key=lambda g: overlap(g.start, g.end, t.start, t.end), default=None)
        if best is not None and overlap(best.start, best.end, t.start, t.end) > 0:
            m.to_gold[t.id] = best.id
            m.from_gold[best.id].append(t.id)
    for g in gold:
        best_t = max(tool, key=lambda t: overlap(g.start, g.end, t.start, t.end), default=None)
        ok = best_t is not None and overlap(g.start, g.end, best_t.start, best_t.end) > 0
        m.main_tool[g.id] = best_t.id if ok else None
    return m


# -------------------------------------------------------------------------------------------
# Counting


def _right_source(source: str | None, label: str) -> bool:
    """A tool's source against a label ``KEY|KEY/KIND`` or ``-`` (the kind is scored apart)."""
    key = label.split("/")[0]
    if key == "-":
        return source is None
    if source is None or re.fullmatch(r"(?i)\s*(he|she|they|it|we|i|him|her)\s*", source):
        return False
    return any(k.strip().lower() in source.lower() for k in key.split("|") if k.strip())


def _kind(label: str) -> str | None:
    return label.split("/")[1] if "/" in label else None


class Tally:
    """Counters per split and category, and the errors to list."""

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.by_type: Counter = Counter()  # (divergence type, "tp" | "pred" | "gold")
        self.roles: Counter = Counter()  # (readout | account, labelled role, tool's role)
        self.errors: list[str] = []
        self.hint_rows: list[tuple[float, bool, tuple | None]] = []  # (cosine, right, restatement)
        # Every (unit, type) divergence raised: (the lowest score of a match it came from, right).
        self.divergence_rows: list[tuple[float, bool]] = []

    def add(self, key: str, ok: bool, error: str | None = None) -> None:
        self.c[key + " n"] += 1
        self.c[key + " right"] += bool(ok)
        if not ok and error:
            self.errors.append(error)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def score_event(event: rl.Event, texts: dict[str, str], t: Tally) -> None:
    loaded = {d: load(str(rl.text_path(event.id, d))) for d in event.docs}
    acc_ids = [a.id for a in event.accounts]
    comparison = compare(loaded["readout"], [loaded[a] for a in acc_ids],
                         labels=acc_ids, readout_label="readout")
    readout_gold = event.readout
    readout_tool = place(comparison.readout, texts["readout"])
    rmap = map_units(readout_gold.units, readout_tool)
    tool_role = {p.id: p.role for p in readout_tool}
    where = f"{event.id}/readout"

    _segmentation(t, "readout", readout_gold, readout_tool, rmap, texts["readout"], where)

    main_unit = next(u.id for u in readout_gold.units if "main" in u.flags)
    for acc_gold, acc_cmp, placement in zip(event.accounts, comparison.accounts, comparison.placement):
        text = texts[acc_gold.id]
        where = f"{event.id}/{acc_gold.id}"
        tool = place(acc_cmp.document, text)
        amap = map_units(acc_gold.units, tool)
        _segmentation(t, "account", acc_gold, tool, amap, text, where)
        tool_by_id = {s.sentence.id: s for s in acc_cmp.sentences}
        gold_by_id = {u.id: u for u in acc_gold.units}

        # Coverage of each labelled readout body unit.
        reported_gold: dict[str, str] = {}  # readout unit -> first account unit reporting it
        for u in acc_gold.body:
            for r, _ in u.links:
                reported_gold.setdefault(r, u.id)
        tool_reported = {c.readout_sentence for c in acc_cmp.coverage if c.status == "reported"}
        for r in readout_gold.body:
            ids = rmap.from_gold.get(r.id) or ([rmap.main_tool[r.id]] if rmap.main_tool[r.id] else [])
            got = any(i in tool_reported for i in ids)
            want = r.id in reported_gold
            t.c["coverage n"] += 1
            t.c["coverage right"] += got == want
            t.c["coverage tp"] += got and want
            t.c["coverage pred"] += got
            t.c["coverage gold"] += want
            if got != want:
                t.errors.append(f"{where} coverage {r.id}: want {'reported' if want else 'omitted'}, "
                                f"got {'reported' if got else 'omitted'}: "
                                f"{_short(texts['readout'][r.start:r.end])}")
        for r in readout_gold.units:
            if r.role != "body":
                ids = rmap.from_gold.get(r.id, [])
                if any(i in tool_reported and tool_role.get(i) == "body" for i in ids):
                    t.c["furniture reported"] += 1
                    t.errors.append(f"{where} furniture {r.id} ({r.role}) reported: "
                                    f"{_short(texts['readout'][r.start:r.end])}")

        # Account verdicts, links, claim sources.
        for u in acc_gold.body:
            ids = amap.from_gold.get(u.id) or ([amap.main_tool[u.id]] if amap.main_tool[u.id] else [])
            statuses = [tool_by_id[i].status for i in ids if i in tool_by_id]
            got = ("divergent" if "divergent" in statuses else "supported" if "supported" in statuses
                   else "not_in_readout" if "not_in_readout" in statuses else None)
            span = _short(text[u.start:u.end])
            t.add("verdict", got in _accepted(u),
                  f"{where} verdict {u.id}: want {u.verdict}, got {got}: {span}")
            t.add("verdict2", any((got in ("supported", "divergent")) == (v != "not_in_readout")
                                  for v in _accepted(u)))
            if u.verdict != "not_in_readout" and got in ("supported", "divergent"):
                linked = {rmap.to_gold.get(m.readout_sentence) for i in ids if i in tool_by_id
                          for m in tool_by_id[i].matches}
                t.add("link", bool(linked & {r for r, _ in u.links}),
                      f"{where} link {u.id}: want {[r for r, _ in u.links]}, got {sorted(x for x in linked if x)}: {span}")
            if u.verdict == "not_in_readout" and u.source:
                attr = next((tool_by_id[i].attribution for i in ids
                             if i in tool_by_id and tool_by_id[i].attribution), None)
                src = attr.source if attr else None
                ok = _right_source(src, u.source)
                t.add("claim source", ok,
                      f"{where} source {u.id}: want {u.source}, got {src!r}: {span}")
                if ok and _kind(u.source):
                    got_kind = attr.kind if attr is not None else None
                    t.add("claim source kind", got_kind == _kind(u.source),
                          f"{where} source kind {u.id}: want {_kind(u.source)}, got {got_kind} "
                          f"for {src!r}: {span}")
            # Divergences, as (unit, type).
            got_types = {d.type for i in ids if i in tool_by_id for d in tool_by_id[i].divergences}
            want_types = set(u.divergences)
            for ty in got_types:
                t.divergence_rows.append((_divergence_score(ids, tool_by_id, ty), ty in want_types))
            for ty in got_types | want_types:
                hit = ty in got_types and ty in want_types
                t.by_type[(ty, "tp")] += hit
                t.by_type[(ty, "pred")] += ty in got_types
                t.by_type[(ty, "gold")] += ty in want_types
                if not hit:
                    t.errors.append(f"{where} divergence {u.id}: {'missed' if ty in want_types else 'false'} "
                                    f"{ty}: {span}")
        # Furniture made claims.
        for u in acc_gold.units:
            if u.role == "body":
                continue
            for i in amap.from_gold.get(u.id, []):
                s = tool_by_id.get(i)
                if s is not None and s.sentence.role == "body" and s.status == "not_in_readout":
                    t.c["furniture claims"] += 1
                    t.errors.append(f"{where} furniture {u.id} ({u.role}) as a claim: "
                                    f"{_short(text[u.start:u.end])}")
                    break

        # Every source the tool gives must be one a reporter could print (issue: attribution).
        sources = {s.attribution.source for s in acc_cmp.sentences if s.attribution}
        sources |= {q.attribution.source for q in acc_cmp.quotes if q.attribution}
        for src in sorted(sources):
            if not well_formed(src):
                t.c["malformed sources"] += 1
                t.errors.append(f"{where} malformed source: {src!r}")

        # Quotations.
        tool_quotes = [(q, *_qspan(q, acc_cmp.document.text, text)) for q in acc_cmp.quotes]
        for u in acc_gold.body:
            for gq in u.quotes:
                best = max(tool_quotes, key=lambda x: overlap(gq.start, gq.end, x[1], x[2]), default=None)
                found = best is not None and overlap(gq.start, gq.end, best[1], best[2]) * 2 > (gq.end - gq.start)
                q = best[0] if found else _parts_as_one(tool_quotes, gq)
                qtext = _short(text[gq.start:gq.end], 70)
                if gq.kind != "quotation":
                    if q is not None and q.kind == "quotation" and q.fidelity != "not_in_readout":
                        t.c["scare as readout quote"] += 1
                    continue
                got_f = q.fidelity if q is not None else "(not found)"
                # "translated" (a quotation in another language than the readout's, from the
                # readout sentence its sentence reports; its words are not compared) is right
                # for a quotation of the readout however the translation words it: labellers
                # called those verbatim or altered (README, "Translations").
                right_f = got_f == gq.fidelity or (
                    got_f == "translated" and gq.fidelity in ("verbatim", "altered"))
                t.add("quote fidelity", right_f,
                      f"{where} quote {u.id}: want {gq.fidelity}, got {got_f}: “{qtext}”")
                if gq.speaker:
                    src = q.attribution.source if q is not None and q.attribution else None
                    ok = _right_source(src, gq.speaker)
                    t.add("quote speaker", ok,
                          f"{where} speaker {u.id}: want {gq.speaker}, got {src!r}: “{qtext}”")
                    if ok and _kind(gq.speaker):
                        got_kind = q.attribution.kind if q is not None and q.attribution else None
                        t.add("quote speaker kind", got_kind == _kind(gq.speaker),
                              f"{where} speaker kind {u.id}: want {_kind(gq.speaker)}, got "
                              f"{got_kind} for {src!r}: “{qtext}”")

        # Lede statements.
        body = acc_gold.body
        headline = next((u.id for u in acc_gold.units if "headline" in u.flags), None)
        want_lede = [(u.id, _accepted(u)) for u in body[:2]]
        got_head = [amap.to_gold.get(ld.account_sentence) for ld in placement.lead if ld.position == "headline"]
        got_lede = [(amap.to_gold.get(ld.account_sentence), ld.status) for ld in placement.lead
                    if ld.position == "lede"]
        ok = len(got_lede) == len(want_lede) and all(
            g == w[0] and status in w[1] for (g, status), w in zip(got_lede, want_lede)) and (got_head[:1] == [headline] if headline else not got_head)
        t.add("led with", ok, f"{where} led with: want headline {headline} lede {want_lede}, "
                              f"got headline {got_head} lede {got_lede}: {placement.led_with!r}")
        # Every body unit furniture made part of a lead counts as furniture in the lede.
        for ld in placement.lead:
            g = gold_by_id.get(amap.to_gold.get(ld.account_sentence, ""))
            if g is not None and g.role == "furniture":
                t.c["furniture in lede"] += 1
                t.errors.append(f"{where} furniture {g.id} in the lede ({ld.position}): "
                                f"{_short(text[g.start:g.end])}")
        want_first = next((u.id for u in body if any(k != "event" for _, k in u.links)), None)
        got_first = amap.to_gold.get(placement.first_point.account_sentence) if placement.first_point else None
        t.add("first point", got_first == want_first,
              f"{where} first point: want {want_first}, got {got_first}")
        want_main = reported_gold.get(main_unit)
        main_ids = set(rmap.from_gold.get(main_unit, []))
        got_main_p = next((p for p in placement.placements if p.readout_sentence in main_ids), None)
        got_main = amap.to_gold.get(got_main_p.account_sentence) if got_main_p else None
        t.add("main point", got_main == want_main,
              f"{where} main point ({main_unit}): want {want_main}, got {got_main}")

        _hints(t, acc_cmp, acc_gold, rmap, amap, texts, where)


def _hints(t: Tally, acc_cmp, acc_gold: rl.Doc, rmap: Mapping, amap: Mapping,
           texts: dict[str, str], where: str) -> None:
    """Paraphrase hints against the restatements: a *restatement* is a labelled link from a
    supported or divergent account unit to a readout unit (not an event mention) that no match
    of the tool makes; it is *reachable* when the tool leaves the account unit without a
    counterpart and the readout unit omitted (the only pairs a hint is looked for in). A hint is
    right when its pair is a labelled link of any kind; it recovers a restatement."""
    if acc_cmp.across_languages:
        return
    linked = {(amap.to_gold.get(s.sentence.id), rmap.to_gold.get(m.readout_sentence))
              for s in acc_cmp.sentences for m in s.matches}
    links = {(u.id, r) for u in acc_gold.body for r, _ in u.links}
    restated = {(u.id, r) for u in acc_gold.body if u.verdict != "not_in_readout"
                for r, kind in u.links if kind != "event" and (u.id, r) not in linked}
    alone = {amap.to_gold.get(s.sentence.id) for s in acc_cmp.sentences
             if s.status == "not_in_readout"}
    omitted = {rmap.to_gold.get(c.readout_sentence) for c in acc_cmp.coverage
               if c.status == "omitted"}
    t.c["restatements"] += len(restated)
    t.c["restatements reachable"] += sum(1 for u, r in restated if u in alone and r in omitted)
    found = set()
    for h in acc_cmp.hints:
        pair = (amap.to_gold.get(h.account_sentence), rmap.to_gold.get(h.readout_sentence))
        right = pair in links
        t.hint_rows.append((h.similarity, right, (where, pair) if pair in restated else None))
        t.c["hints"] += 1
        t.c["hints right"] += right
        found.add(pair)
        if not right:
            u = next((u for u in acc_gold.units if u.id == pair[0]), None)
            t.errors.append(f"{where} wrong hint {pair[0]} -> {pair[1]} ({h.similarity:.3f}): "
                            f"{_short(texts[acc_gold.id][u.start:u.end]) if u else '?'}")
    t.c["restatements recovered"] += len(found & restated)
    for u, r in sorted(restated - found):
        unit = next(x for x in acc_gold.units if x.id == u)
        t.errors.append(f"{where} restatement {u} -> {r} without a hint"
                        f"{'' if u in alone and r in omitted else ' (not reachable)'}: "
                        f"{_short(texts[acc_gold.id][unit.start:unit.end])}")


def hint_sweep(t: Tally, thresholds: list[float]) -> list[str]:
    """Hint precision and restatements recovered at each threshold (from hints collected with
    no threshold)."""
    lines = []
    for th in thresholds:
        kept = [row for row in t.hint_rows if row[0] >= th]
        right = sum(r for _, r, _ in kept)
        recovered = len({key for _, r, key in kept if key is not None})
        lines.append(f"  threshold {th:.2f}: {len(kept)} hints, {right} right "
                     f"({_ratio(right, len(kept))}); {recovered} of {t.c['restatements']} "
                     f"restatements recovered ({t.c['restatements reachable']} reachable)")
    return lines


def _accepted(u: rl.Unit) -> tuple[str, ...]:
    """The tool's verdicts that count as right for a labelled body unit. A unit whose only links
    are to the event a readout sentence announces ("during a Jan. 31 call with …") reports the
    event but makes its own claim: supported and not in the readout are both right."""
    if u.links and all(k == "event" for _, k in u.links):
        return ("supported", "not_in_readout")
    return (u.verdict,)  # type: ignore[return-value]


def _parts_as_one(tool_quotes: list, gq: Any) -> Any:
    """The tool judges a quotation of several sentences sentence by sentence; where the label
    keeps such a quotation in one unit, its parts together stand for it when they cover more
    than half of it: their fidelity when they all agree ("(mixed)", wrong, when not), and the
    first part's speaker."""
    parts = [x for x in tool_quotes if overlap(gq.start, gq.end, x[1], x[2]) > 0]
    covered = sum(overlap(gq.start, gq.end, x[1], x[2]) for x in parts)
    if len(parts) < 2 or covered * 2 <= gq.end - gq.start:
        return None
    fidelities = {x[0].fidelity for x in parts}
    first = parts[0][0]
    return replace(first, fidelity=first.fidelity if len(fidelities) == 1 else "(mixed)")


def _qspan(q, tool_text: str, file_text: str) -> tuple[int, int]:
    m = offset_map(tool_text, file_text)
    return m[q.start], m[q.end]


# A list marker: a bullet or dash, or a number ("1. ", "2) ") as the tool keeps in an item's
# marker, not its text (numbered markers counted so from run 11).
_MARKER = re.compile(r"(?:[*\u2022\u00b7\u25aa\u2013\u2014-]|\d{1,2}[.)])\s+")


def _segmentation(t: Tally, kind: str, gold: rl.Doc, tool: list[Placed], mapping: Mapping,
                  text: str, where: str) -> None:
    def trimmed(a: int, b: int) -> tuple[int, int]:
        piece = text[a:b]
        return a + (len(piece) - len(piece.lstrip())), b - (len(piece) - len(piece.rstrip()))

    # A list marker ("* ", "- ", "• ", "1. ") opening a labelled unit is not text the tool
    # keeps in a unit: the unit's start is counted after it.
    def start(u: rl.Unit) -> int:
        m = _MARKER.match(text, u.start, u.end)
        return m.end() if m else u.start

    g_b = {x for u in gold.units for x in (start(u), u.end)}
    p_b = {x for p in tool for x in trimmed(p.start, p.end)}
    t.c[f"{kind} boundary tp"] += len(g_b & p_b)
    t.c[f"{kind} boundary pred"] += len(p_b)
    t.c[f"{kind} boundary gold"] += len(g_b)
    for u in gold.units:
        if start(u) not in p_b or u.end not in p_b:
            pieces = [text[a:b] for a, b in (trimmed(p.start, p.end) for p in tool)
                      if overlap(a, b, u.start, u.end)]
            t.errors.append(f"{where} boundary {u.id}: want {_short(text[u.start:u.end], 60)!r}, got "
                            + " | ".join(repr(_short(x, 40)) for x in pieces))
    roles = {p.id: p.role for p in tool}
    for u in gold.units:
        tid = mapping.main_tool.get(u.id)
        got = roles[tid] if tid else "furniture"
        t.add(f"{kind} role", got == u.role,
              f"{where} role {u.id}: want {u.role}, got {got}: {_short(text[u.start:u.end])}")
        t.roles[(kind, u.role, got)] += 1


# -------------------------------------------------------------------------------------------
# The table


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def _prf(tp: int, pred: int, gold: int) -> tuple[str, str, str]:
    p = tp / pred if pred else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else None
    return tuple("–" if x is None else f"{x:.3f}" for x in (p, r, f))  # type: ignore[return-value]


def table(t: Tally) -> tuple[list[tuple[str, str, str]], dict]:
    """Rows of (measure, figure, count) and the same figures for --json."""
    c = t.c
    rows: list[tuple[str, str, str]] = []
    figures: dict = {}

    def acc(label: str, key: str) -> None:
        n, right = c[key + " n"], c[key + " right"]
        rows.append((label, _ratio(right, n), f"{right}/{n}"))
        figures[key] = {"right": right, "n": n}

    for kind in ("readout", "account"):
        p, r, f = _prf(c[f"{kind} boundary tp"], c[f"{kind} boundary pred"], c[f"{kind} boundary gold"])
        rows.append((f"{kind}s: boundary P / R / F1", f"{p} / {r} / {f}",
                     f"{c[f'{kind} boundary tp']} of {c[f'{kind} boundary gold']}"))
        figures[f"{kind} boundaries"] = {k: c[f"{kind} boundary {k}"] for k in ("tp", "pred", "gold")}
        acc(f"{kind}s: role accuracy", f"{kind} role")
    p, r, f = _prf(c["coverage tp"], c["coverage pred"], c["coverage gold"])
    rows.append(("coverage: verdicts right", _ratio(c["coverage right"], c["coverage n"]),
                 f"{c['coverage right']}/{c['coverage n']}"))
    rows.append(("coverage: 'reported' P / R / F1", f"{p} / {r} / {f}",
                 f"{c['coverage tp']} of {c['coverage gold']}"))
    figures["coverage"] = {k: c[f"coverage {k}"] for k in ("right", "n", "tp", "pred", "gold")}
    acc("account verdicts (3 classes)", "verdict")
    acc("account verdicts (reports the readout or not)", "verdict2")
    acc("readout unit reported (matched pairs)", "link")
    acc("quotation fidelity", "quote fidelity")
    acc("quotation speaker", "quote speaker")
    acc("  its kind, where the speaker is right", "quote speaker kind")
    acc("claim source (not in the readout)", "claim source")
    acc("  its kind, where the source is right", "claim source kind")
    tp = sum(v for (ty, k), v in t.by_type.items() if k == "tp")
    pred = sum(v for (ty, k), v in t.by_type.items() if k == "pred")
    gold = sum(v for (ty, k), v in t.by_type.items() if k == "gold")
    p, r, f = _prf(tp, pred, gold)
    rows.append(("divergences P / R / F1", f"{p} / {r} / {f}", f"{tp} right of {pred} raised, {gold} labelled"))
    figures["divergences"] = {"tp": tp, "pred": pred, "gold": gold, "by type": {}}
    for ty in rl.DIVERGENCE_TYPES:
        k = (t.by_type[(ty, "tp")], t.by_type[(ty, "pred")], t.by_type[(ty, "gold")])
        if k[1] or k[2]:
            p, r, _ = _prf(*k)
            rows.append((f"  {ty}: P / R", f"{p} / {r}", f"{k[0]} right of {k[1]} raised, {k[2]} labelled"))
            figures["divergences"]["by type"][ty] = dict(zip(("tp", "pred", "gold"), k))
    acc("lede: led with (headline, lede verdicts)", "led with")
    acc("lede: first point", "first point")
    acc("lede: first report of the main point", "main point")
    n = sum(c[k + " n"] for k in ("led with", "first point", "main point"))
    right = sum(c[k + " right"] for k in ("led with", "first point", "main point"))
    rows.append(("lede statements right (all three)", _ratio(right, n), f"{right}/{n}"))
    figures["lede statements"] = {"right": right, "n": n}
    if c["hints"] or c["restatements"]:
        rows.append(("paraphrase hints right", _ratio(c["hints right"], c["hints"]),
                     f"{c['hints right']}/{c['hints']}"))
        rows.append(("restatements recovered by hints", _ratio(c["restatements recovered"],
                                                               c["restatements"]),
                     f"{c['restatements recovered']}/{c['restatements']} "
                     f"({c['restatements reachable']} reachable)"))
        figures["hints"] = {k: c[k] for k in ("hints", "hints right", "restatements",
                                              "restatements recovered", "restatements reachable")}
    for key in ("furniture claims", "furniture in lede", "furniture reported", "scare as readout quote",
                "malformed sources"):
        rows.append((f"count: {key}", str(c[key]), ""))
        figures[key] = c[key]
    return rows, figures


# -------------------------------------------------------------------------------------------


def markdown(tables: dict[str, list[tuple[str, str, str]]], out: dict) -> str:
    """The splits' tables side by side, figure and count in each cell."""
    splits = list(tables)
    head = " | ".join(f"{s} ({out[s]['events']} events, {out[s]['accounts']} accounts)" for s in splits)
    lines = [f"| measure | {head} |", "| --- |" + " --- |" * len(splits)]
    labels: list[str] = []
    for s in splits:
        labels += [label for label, _, _ in tables[s] if label not in labels]
    for label in labels:
        cells = []
        for s in splits:
            row = next((r for r in tables[s] if r[0] == label), None)
            cells.append("–" if row is None else f"{row[1]} ({row[2]})" if row[2] else row[1])
        lines.append(f"| {label.strip()} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def events(split: str, only: str | None = None) -> list[Path]:
    """The event folders of a split; ``only``: a name, or names split by commas."""
    names = set(only.split(",")) if only else None
    out = []
    for d in sorted(rl.EVENTS.iterdir()):
        if not (d / "labels.json").exists() or (names and d.name not in names):
            continue
        if split != "all" and json.loads((d / "labels.json").read_text("utf-8"))["split"] != split:
            continue
        out.append(d)
    return out


def _divergence_score(ids: list[str], tool_by_id: dict, ty: str) -> float:
    """The score of the match a divergence of type ``ty`` was read from (the best one when the
    unit raised it from several); a quotation's divergence counts as fully confident."""
    best = 0.0
    for i in ids:
        s = tool_by_id.get(i)
        if s is None:
            continue
        score = {m.readout_sentence: m.score for m in s.matches}
        for d in s.divergences:
            if d.type == ty:
                best = max(best, 1.0 if ty == "quote" else score.get(d.readout_sentence, 0.0))
    return best


def divergence_sweep(t: Tally, thresholds: list[float]) -> list[str]:
    """Precision and recall of the divergences if only those from a match scoring at least
    each threshold were raised (choose on dev only)."""
    gold = sum(k for (ty, what), k in t.by_type.items() if what == "gold")
    lines = ["", "  divergences kept by match score (dev):", "  min score  raised  right  P      R"]
    for th in thresholds:
        kept = [ok for score, ok in t.divergence_rows if score >= th]
        tp = sum(kept)
        p = tp / len(kept) if kept else 0.0
        lines.append(f"  {th:9.2f}  {len(kept):6d}  {tp:5d}  {p:.3f}  {tp / gold if gold else 0:.3f}")
    return lines


def readout_language(event_dir: Path) -> str:
    """The readout's language, as the event's SOURCES.md gives it."""
    for line in (event_dir / "SOURCES.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "readout" and len(cells) > 3:
            return cells[3]
    return "?"


def check_texts(event: rl.Event, event_dir: Path) -> list[str]:
    """What is missing or changed among the event's texts, each with where to rebuild it from."""
    rows = {r.get("doc"): r for r in rl.sources_table(event_dir)}
    problems = []
    for doc in event.docs.values():
        path = rl.text_path(event.id, doc.id)
        row = rows.get(doc.id, {})
        how = f"rebuild from {row.get('address', '?')} ({row.get('found by', '?')}; trimmed: {row.get('trimmed', '?')})"
        if not path.exists():
            problems.append(f"{event.id}: missing {path.relative_to(rl.ROOT.parent.parent)}: {how}")
        elif rl.sha256_file(path) != doc.sha256:
            problems.append(f"{event.id}: {path.relative_to(rl.ROOT.parent.parent)} is not the text "
                            f"labelled (SHA-256 differs): {how}")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="real.py", description="Score on the real-news benchmark.")
    parser.add_argument("command", nargs="?", choices=["score", "check"], default="score")
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--event", help="score only this event (or these, split by commas)")
    parser.add_argument("--errors", action="store_true", help="list every wrong item")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--hint-sweep", action="store_true",
                        help="collect every best hint, and print precision and restatements "
                        "recovered by threshold (choose on dev only)")
    parser.add_argument("--divergence-sweep", action="store_true",
                        help="print divergence precision and recall by the score of the match "
                        "they come from (choose a threshold on dev only)")
    parser.add_argument("--write-docs", action="store_true",
                        help="put the table in docs/accuracy.md, between its real-figures marks")
    parser.add_argument("--markdown", action="store_true",
                        help="print the table in Markdown, the splits side by side (for docs/)")
    args = parser.parse_args(argv)
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    if args.hint_sweep:
        from readout_compare import hints

        if args.split != "dev":
            parser.error("--hint-sweep is for choosing a threshold: dev only")
        hints.E5_THRESHOLD = hints.HINT_THRESHOLD = -1.0
    if args.divergence_sweep and args.split != "dev":
        parser.error("--divergence-sweep is for choosing a threshold: dev only")
    status = 0
    tables: dict[str, list[tuple[str, str, str]]] = {}
    out: dict = {"semantic": semantic.model_name()}
    print(f"semantic matcher: {out['semantic'] or 'not installed'}")
    by_language: defaultdict[tuple[str, str], Counter] = defaultdict(Counter)
    for split in splits:
        t = Tally()
        dirs = events(split, args.event)
        n_events = n_accounts = n_items = 0
        for d in dirs:
            event = rl.load_event(d)
            problems = check_texts(event, d)
            if problems:
                for p in problems:
                    print(p, file=sys.stderr)
                status = 1
                continue
            n_events += 1
            n_accounts += len(event.accounts)
            n_items += rl.count_items(event)
            if args.command == "score":
                texts = {doc: rl.read_text(event.id, doc) for doc in event.docs}
                before = Counter(t.c)
                score_event(event, texts, t)
                by_language[(split, readout_language(d))] += t.c - before
        print(f"\n{split}: {n_events} events, {n_accounts} accounts, {n_items} labelled items")
        if args.command == "check" or not n_events:
            continue
        if args.errors:
            for e in t.errors:
                print("  " + e)
        if args.hint_sweep:
            print("\n".join(hint_sweep(t, [x / 100 for x in range(84, 96)]
                                       if semantic.hint_encoder_installed()
                                       else [x / 100 for x in range(40, 85, 5)])))
        if args.divergence_sweep:
            print("\n".join(divergence_sweep(t, [x / 20 for x in range(0, 20)])))
        rows, figures = table(t)
        tables[split] = rows
        width = max(len(r[0]) for r in rows)
        for label, figure, count in rows:
            print(f"  {label:<{width}}  {figure:<24} {count}")
        for (part, lang), c in sorted(by_language.items()):
            if part == split:
                print(f"  readout in {lang}: coverage "
                      f"{_ratio(c['coverage right'], c['coverage n'])} "
                      f"({c['coverage right']}/{c['coverage n']}), account verdicts "
                      f"{_ratio(c['verdict right'], c['verdict n'])} "
                      f"({c['verdict right']}/{c['verdict n']})")
        out[split] = {"events": n_events, "accounts": n_accounts, "items": n_items, **figures}
    if args.markdown and tables:
        print()
        print(markdown(tables, out))
    if args.write_docs and tables:
        doc = Path(__file__).parent.parent / "docs" / "accuracy.md"
        text = doc.read_text("utf-8")
        if "<!-- real-figures -->" not in text:
            print(f"{doc} has no <!-- real-figures --> mark; not written", file=sys.stderr)
            return 1
        block = f"<!-- real-figures -->\n{markdown(tables, out)}\n<!-- /real-figures -->"
        doc.write_text(re.sub(r"<!-- real-figures -->.*<!-- /real-figures -->",
                              lambda _: block, text, flags=re.DOTALL), "utf-8")
        print(f"wrote the table in {doc}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return status
