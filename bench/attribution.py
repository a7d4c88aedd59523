"""Attribution accuracy on the labelled set (bench/data/attribution.txt): who the account says
each sentence and each quotation comes from.

    python bench/attribution.py [--split dev|heldout|all] [--errors]

Each story is compared with its readout exactly as the command line would (``compare()``); a
sentence or quotation is right when the source the tool names contains the labelled key word
(and, for a sentence the text credits to nobody, when the tool names no source). "Unresolved"
(no source, or a bare pronoun) counts as wrong. Stories 1-36 are for development (21-36 were a
first held-out split, run once, then fixed against); 37 on are held out.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from readout_compare import compare

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "attribution.txt"
HELD_OUT_FROM = 37
_LABEL = re.compile(r"\{([sq]):\s*([^}]*)\}\s*")


@dataclass
class Line:
    text: str
    sentence: tuple[str, str]  # (key, kind)
    quotes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Story:
    number: int
    readout: str
    lines: list[Line]
    issuer: str = ""


def load(split: str) -> list[Story]:
    stories: list[Story] = []
    for raw in DATA.read_text("utf-8").splitlines():
        if raw.startswith("### "):
            stories.append(Story(int(raw[4:]), "", []))
        elif raw.startswith("I: "):
            stories[-1].issuer = raw[3:].strip()
        elif raw.startswith("R: "):
            stories[-1].readout = raw[3:].strip()
        elif raw.startswith("{"):
            sentence, quotes, rest = ("-", "-"), [], raw
            while m := _LABEL.match(rest):
                pairs = [tuple(p.strip().split("/")) for p in m.group(2).split(",")]
                if m.group(1) == "s":
                    sentence = pairs[0]
                else:
                    quotes = pairs
                rest = rest[m.end():]
            stories[-1].lines.append(Line(rest.strip(), sentence, quotes))
    held = {"dev": False, "heldout": True}
    return [s for s in stories
            if split == "all" or (s.number >= HELD_OUT_FROM) == held[split]]


def _right(source: str | None, key: str) -> bool:
    if key == "-":
        return source is None
    if source is None or re.fullmatch(r"(?i)he|she|they|it|we|i", source.strip()):
        return False  # unresolved
    return key.lower() in source.lower()


def evaluate(stories: list[Story], errors: list[str] | None = None) -> Counter:
    c: Counter = Counter()
    for story in stories:
        readout = f"{story.issuer}\n\n{story.readout}\n\nThe two discussed bilateral relations.\n"
        text, spans = "", []
        for line in story.lines:
            spans.append((len(text), len(text) + len(line.text)))
            text += line.text + "\n\n"
        acc = compare(readout, [text]).accounts[0]
        for line, (start, end) in zip(story.lines, spans):
            inside = [s for s in acc.sentences if start <= s.sentence.start < end]
            got = next((s.attribution for s in inside if s.attribution), None)
            source = got.source if got else None
            kind = getattr(got, "kind", None) if got else None
            ok = _right(source, line.sentence[0])
            c["sentences"] += 1
            c["sentences right"] += ok
            c["sentence kinds right"] += ok and (line.sentence[0] == "-" or kind == line.sentence[1])
            if not ok and errors is not None:
                errors.append(f"#{story.number} sentence: want {line.sentence[0]}, got {source!r}: "
                              f"{line.text[:90]}")
            quotes = [q for q in acc.quotes if start <= q.start < end and q.kind != "title"]
            for k, (key, want_kind) in enumerate(line.quotes):
                q = quotes[k] if k < len(quotes) else None
                q_source = q.attribution.source if q and q.attribution else None
                q_kind = getattr(q.attribution, "kind", None) if q and q.attribution else None
                ok = _right(q_source, key)
                c["quotes"] += 1
                c["quotes right"] += ok
                c["quote kinds right"] += ok and q_kind == want_kind
                if not ok and errors is not None:
                    errors.append(f"#{story.number} quote {k + 1}: want {key}, got {q_source!r}: "
                                  f"{line.text[:90]}")
    c["stories"] = len(stories)
    return c


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    for split in (("dev", "heldout") if args.split == "all" else (args.split,)):
        errors: list[str] | None = [] if args.errors else None
        c = evaluate(load(split), errors)
        for e in errors or ():
            print("  " + e)
        print(f"{split}: {c['stories']} stories; quotations {c['quotes right']}/{c['quotes']} "
              f"right ({c['quotes right'] / c['quotes']:.3f}), kinds {c['quote kinds right']}; "
              f"sentences {c['sentences right']}/{c['sentences']} "
              f"({c['sentences right'] / c['sentences']:.3f}), kinds {c['sentence kinds right']}")


if __name__ == "__main__":
    main()
