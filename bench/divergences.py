"""Divergence precision and recall, per type, on the labelled set (bench/data/divergences.txt).

    python bench/divergences.py [--split dev|heldout|all] [--errors] [--write-docs]

Each labelled pair is a readout sentence and an account sentence reporting it, with the
divergence a journalist would print, or "none". The pair is compared exactly as the command
line would (``compare(readout, account)``) and the types the tool raises on the account
sentence are held against the label: a type raised and labelled is a true positive, raised
and not labelled a false positive, labelled and not raised a false negative. Pairs the
matcher does not link at all are counted (their labelled divergences are missed). Groups
from 89 on are held out: reported on, never developed on.
``--write-docs`` rewrites the figures section of docs/quotes-and-divergences.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from readout_compare import compare

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "divergences.txt"
DOCS = ROOT / "docs" / "quotes-and-divergences.md"
# Groups from this number on are held out (reported on, never developed on). Groups 1-88 are
# development data; four earlier held-out splits among them were run once, then fixed against
# (docs/quotes-and-divergences.md says how each went).
HELD_OUT_FROM = 89
TYPES = ("number", "date", "negation", "modality", "reporting_verb", "entity", "quote")


@dataclass(frozen=True)
class Case:
    group: int
    readout: str
    account: str
    expected: frozenset[str]


def load(split: str) -> list[Case]:
    cases: list[Case] = []
    group, readout = 0, ""
    for line in DATA.read_text("utf-8").splitlines():
        if line.startswith("### "):
            group = int(line[4:])
        elif line.startswith("R: "):
            readout = line[3:].strip()
        elif (m := re.match(r"^([a-z_]+): (.+)$", line)) and not line.startswith("#"):
            held = group >= HELD_OUT_FROM
            if split == "all" or (split == "heldout") == held:
                label = m.group(1)
                expected = frozenset() if label == "none" else frozenset(label.split("+"))
                cases.append(Case(group, readout, m.group(2).strip(), expected))
    return cases


def evaluate(cases: list[Case], errors: list[str] | None = None) -> Counter:
    c: Counter = Counter()
    for case in cases:
        acc = compare(case.readout, [case.account]).accounts[0]
        sentences = [s for s in acc.sentences if s.status]
        matched = any(s.matches for s in sentences)
        raised = {d.type for s in sentences for d in s.divergences}
        c["pairs"] += 1
        c["faithful pairs"] += not case.expected
        c["faithful pairs with a divergence"] += not case.expected and bool(raised)
        c["pairs not matched"] += not matched
        for t in TYPES:
            tp, fp, fn = t in raised and t in case.expected, t in raised and t not in case.expected, \
                t in case.expected and t not in raised
            c[f"{t} tp"] += tp
            c[f"{t} fp"] += fp
            c[f"{t} fn"] += fn
        if errors is not None and raised != case.expected:
            details = "; ".join(f"{d.type}: {d.readout_text!r} -> {d.account_text!r}"
                                for s in sentences for d in s.divergences)
            errors.append(f"g{case.group} expected {sorted(case.expected) or 'none'}, got "
                          f"{sorted(raised) or 'none'}{'' if matched else ' (not matched)'}: "
                          f"{case.account[:90]} [{details}]")
    return c


def figures(c: Counter) -> dict[str, tuple[float, float, int]]:
    """Per type and overall: (precision, recall, labelled count)."""
    out = {}
    for t in (*TYPES, "all"):
        keys = TYPES if t == "all" else (t,)
        tp = sum(c[f"{k} tp"] for k in keys)
        fp = sum(c[f"{k} fp"] for k in keys)
        fn = sum(c[f"{k} fn"] for k in keys)
        out[t] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0,
                  tp + fn)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    results = {}
    for split in (("dev", "heldout") if args.split == "all" else (args.split,)):
        errors: list[str] | None = [] if args.errors else None
        c = evaluate(load(split), errors)
        for e in errors or ():
            print("  " + e)
        f = figures(c)
        results[split] = (c, f)
        print(f"{split}: {c['pairs']} pairs ({c['faithful pairs']} faithful; "
              f"{c['faithful pairs with a divergence']} of them given a divergence; "
              f"{c['pairs not matched']} not matched)")
        for t, (p, r, n) in f.items():
            print(f"  {t:15s} precision {p:.3f}  recall {r:.3f}  ({n} labelled)")
    if args.write_docs:
        write_docs(results)


def write_docs(results: dict) -> None:
    lines = [
        "## Measured",
        "",
        "On a labelled set written for this project (`bench/data/divergences.txt`: readout "
        "sentences and account sentences reporting them, each labelled with the divergence a "
        "journalist would print, or none; the groups from 89 on held out, and how the held-out "
        "figures came about is told below):",
        "",
        "```sh",
        "python bench/divergences.py --split all",
        "```",
        "",
    ]
    for split, (c, f) in results.items():
        lines += [
            f"**{split}**: {c['pairs']} pairs, {c['faithful pairs']} faithful "
            f"({c['faithful pairs with a divergence']} given a divergence), "
            f"{c['pairs not matched']} not matched by the aligner.",
            "",
            "| type | precision | recall | labelled |",
            "| --- | --- | --- | --- |",
            *(f"| {t} | {p:.3f} | {r:.3f} | {n} |" for t, (p, r, n) in f.items()),
            "",
        ]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from data import replace_section

    replace_section(DOCS, "## Measured", "\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
