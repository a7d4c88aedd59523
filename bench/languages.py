"""Two governments' readouts in two languages: how well each language is compared with English.

    python bench/languages.py [--split dev|heldout|all] [--lang fr,ru,...] [--errors]

Reads bench/data/languages/LANG.txt (fictional readout pairs written for this project; the
format is in that folder's README.md). Each story's English readout and its other-language
readout are written out as texts (three sentences to a paragraph) and compared the way the
command line compares them (``--symmetric``, the English readout first). Per language and split:

- segmentation: labelled sentences that are one unit each, on both sides;
- counterpart ranked first: of the other-language sentences with an English counterpart, how
  many have it ranked first by the encoder among the story's English sentences;
- shared: other-language sentences the comparison matches to an English one (precision: to the
  right one; recall: of those with a counterpart); only one side: sentences it leaves without a
  counterpart, on both sides (precision: that have none);
- number and date divergences: raised on a pair whose figure or date the labels say differs
  (precision, recall); notes that one side only is negated (the stories label no change of
  polarity: each is a false alarm);
- the same notes on sentence pairs (bench/data/languages/negation.txt): pairs whose polarity one
  side flips, against faithful pairs that word a negation differently (precision, recall).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from readout_compare import crosslingual, semantic
from readout_compare.pipeline import compare
from readout_compare.settings import Settings

DATA = Path(__file__).resolve().parent / "data" / "languages"
LANGUAGES = ("es", "fr", "de", "ru", "zh")
PER_PARAGRAPH = 3


@dataclass
class Line:
    gold: str  # "eN", or "-" for none
    kind: str  # t, p, n
    mark: str  # "", "number", "date"
    text: str


@dataclass
class Story:
    name: str
    split: str
    english: dict[str, str] = field(default_factory=dict)
    other: list[Line] = field(default_factory=list)


def load(lang: str) -> list[Story]:
    stories: list[Story] = []
    for raw in (DATA / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if m := re.match(r"### story: (\S+) \((dev|heldout)\)", line):
            stories.append(Story(m.group(1), m.group(2)))
        elif m := re.match(r"\[(e\d+)\] (.+)", line):
            stories[-1].english[m.group(1)] = m.group(2)
        elif m := re.match(r"\{(e\d+|-) ([tpn])(?: (number|date))?\} (.+)", line):
            stories[-1].other.append(Line(m.group(1), m.group(2), m.group(3) or "", m.group(4)))
    return stories


def text_of(sentences: list[str], lang: str) -> tuple[str, list[int]]:
    """The sentences as a text of paragraphs, with each sentence's offset."""
    glue = "" if lang in ("zh", "ja") else " "
    text, starts = "", []
    for i, s in enumerate(sentences):
        if i:
            text += "\n\n" if i % PER_PARAGRAPH == 0 else glue
        starts.append(len(text))
        text += s
    return text + "\n", starts


def unit_at(doc, start: int):  # type: ignore[no-untyped-def]
    return next((s for s in doc.sentences if s.start <= start < s.end), None)


def score(lang: str, split: str, errors: bool) -> Counter:
    c: Counter = Counter()
    settings = Settings(symmetric=True)
    for story in load(lang):
        if split != "all" and story.split != split:
            continue
        ids = list(story.english)
        en_text, en_starts = text_of([story.english[i] for i in ids], "en")
        xx_text, xx_starts = text_of([line.text for line in story.other], lang)
        result = compare(en_text, xx_text, readout_label="English", labels=[lang],
                         settings=settings)
        readout, account = result.readout, result.accounts[0]
        # Segmentation: each labelled sentence one unit.
        for doc, starts, texts in ((readout, en_starts, [story.english[i] for i in ids]),
                                   (account.document, xx_starts, [x.text for x in story.other])):
            for start, t in zip(starts, texts):
                unit = unit_at(doc, start)
                whole = unit is not None and unit.start == start and unit.end == start + len(t)
                c["segment units"] += 1
                c["segment right"] += whole
                if errors and not whole:
                    print(f"  {lang} {story.name}: not one unit: {t[:60]!r}")
        unit_of_en = {ids[k]: unit_at(readout, s) for k, s in enumerate(en_starts)}
        en_of_unit = {u.id: e for e, u in unit_of_en.items() if u is not None}
        # Ranked first.
        sims, _ = semantic.cross_similarities([x.text for x in story.other],
                                              [story.english[i] for i in ids], both=True)
        for line, row in zip(story.other, sims):
            if line.gold != "-":
                c["pairs"] += 1
                best = ids[max(range(len(row)), key=row.__getitem__)]
                c["ranked first"] += best == line.gold
                if errors and best != line.gold:
                    print(f"  {lang} {story.name}: {line.text[:50]!r} ranked {best} first, "
                          f"not {line.gold}")
        # Shared and only one side, and divergences, from the comparison.
        by_unit = {s.sentence.id: s for s in account.sentences}
        reported = set()
        for line, start in zip(story.other, xx_starts):
            unit = unit_at(account.document, start)
            s = by_unit.get(unit.id) if unit is not None else None
            linked = [en_of_unit.get(m.readout_sentence) for m in s.matches] if s else []
            reported.update(x for x in linked if x)
            if linked:
                c["shared said"] += 1
                c["shared right"] += line.gold in linked
                if errors and line.gold not in linked:
                    print(f"  {lang} {story.name}: {line.text[:50]!r} matched {linked}, "
                          f"gold {line.gold}")
            else:
                c["only said"] += 1
                c["only right"] += line.gold == "-"
                if errors and line.gold != "-":
                    print(f"  {lang} {story.name}: {line.text[:50]!r} left unmatched, "
                          f"gold {line.gold}")
            c["shared gold"] += line.gold != "-"
            c["shared found"] += bool(linked) and line.gold in linked
            kinds = {d.type for d in s.divergences} if s else set()
            for kind in kinds & {"number", "date"}:
                c["figure raised"] += 1
                right = bool(line.mark) and line.gold in linked
                c["figure right"] += right
                if errors and not right:
                    shown = [(d.readout_text, d.account_text) for d in s.divergences]
                    print(f"  {lang} {story.name}: false {kind} divergence on "
                          f"{line.text[:50]!r}: {shown}")
            if line.mark:
                c["figure gold"] += 1
                found = bool(kinds & {"number", "date"}) and line.gold in linked
                c["figure found"] += found
                if errors and not found:
                    print(f"  {lang} {story.name}: missed {line.mark} on {line.text[:50]!r}")
            notes = [e for m in (s.matches if s else ()) for e in m.evidence if "negated" in e]
            if notes:
                c["negation raised"] += 1
                if errors:
                    print(f"  {lang} {story.name}: negation note on {line.text[:50]!r}: {notes}")
        said_by_other = {x.gold for x in story.other}
        for e in ids:
            if e not in reported:
                c["only said"] += 1
                c["only right"] += e not in said_by_other
                if errors and e in said_by_other:
                    print(f"  {lang} {story.name}: English {e} left only in English "
                          f"({story.english[e][:50]!r})")
        c["stories"] += 1
    return c


def negation_pairs(lang: str, split: str) -> list[tuple[bool, str, str]]:
    """(a flip?, English, other) from bench/data/languages/negation.txt."""
    out, current = [], None
    for line in (DATA / "negation.txt").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"### lang: (\w+) \((dev|heldout)\)", line):
            current = (m.group(1), m.group(2))
        elif (m := re.match(r"\[(flip|same)\] (.+?) \|\| (.+)", line)) and current == (lang, split):
            out.append((m.group(1) == "flip", m.group(2), m.group(3)))
    return out


def score_negation(lang: str, split: str, errors: bool) -> Counter:
    """A negation divergence on pairs that flip a statement's polarity (right) and on faithful
    pairs that only word a negation differently (wrong), as the comparison reads them."""
    c: Counter = Counter()
    splits = ["dev", "heldout"] if split == "all" else [split]
    for part in splits:
        for flip, english, other in negation_pairs(lang, part):
            found = crosslingual.polarity_note(english, "en", other, lang) is not None
            c["flips"] += flip
            c["raised"] += found
            c["right"] += found and flip
            if errors and found != flip:
                print(f"  {lang} negation {'missed' if flip else 'false'}: {english[:45]!r} || "
                      f"{other[:45]!r}")
    return c


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "- (0/0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    parser.add_argument("--lang", default=",".join(LANGUAGES))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    if args.errors and args.split != "dev":
        parser.error("--errors shows dev errors only: held-out stories are not looked at")
    print("| language | split | stories | segmentation | ranked first | shared P | shared R "
          "| only one side P | number/date P | number/date R | negation notes (false) | negation notes P "
          "(pairs) | R (pairs) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for lang in args.lang.split(","):
        if not (DATA / f"{lang}.txt").exists():
            print(f"| {lang} | (no data) |")
            continue
        c = score(lang, args.split, args.errors)
        n = score_negation(lang, args.split, args.errors)
        print(f"| {lang} | {args.split} | {c['stories']} | "
              f"{ratio(c['segment right'], c['segment units'])} | "
              f"{ratio(c['ranked first'], c['pairs'])} | "
              f"{ratio(c['shared right'], c['shared said'])} | "
              f"{ratio(c['shared found'], c['shared gold'])} | "
              f"{ratio(c['only right'], c['only said'])} | "
              f"{ratio(c['figure right'], c['figure raised'])} | "
              f"{ratio(c['figure found'], c['figure gold'])} | {c['negation raised']} | "
              f"{ratio(n['right'], n['raised'])} | {ratio(n['right'], n['flips'])} |",
              flush=True)


if __name__ == "__main__":
    main()
