"""Measure sentence segmenters on news text: boundary accuracy and speed.

    python bench/segmenters.py

Gold data: MSRP test sentences (each row's sentence1 is one news sentence, split by its
annotators), joined into paragraphs of five; a segmenter scores the share of gold sentences it
returns exactly, plus a table of news edge cases. Candidates: syntok and pysbd (raw), and
readout-compare's own segment step (syntok plus the quotation and heading rules).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import msrp

CASES = [
    ("The call was on Jan. 31 with Gen. Smith. He spoke to Adm. Jones.",
     ["The call was on Jan. 31 with Gen. Smith.", "He spoke to Adm. Jones."]),
    ("The U.S. military was ready. Mr. Smith said so.", ["The U.S. military was ready.", "Mr. Smith said so."]),
    ("She met Dr. J. R. R. Tolkien in Washington, D.C. on Monday. It rained.",
     ["She met Dr. J. R. R. Tolkien in Washington, D.C. on Monday.", "It rained."]),
    ("He said “we are ready.” Then he left.", ["He said “we are ready.”", "Then he left."]),
    ("“We are ready. We will act,” he said. Then he left.",
     ["“We are ready. We will act,” he said.", "Then he left."]),
    ('"We are ready. We will act," he said. Then he left.',
     ['"We are ready. We will act," he said.', "Then he left."]),
    ("The Secretary spoke\u00a0on Jan. 31.\u00a0He was clear.", ["The Secretary spoke\u00a0on Jan. 31.", "He was clear."]),
    ("Costs rose 2.5 percent. Then they fell.", ["Costs rose 2.5 percent.", "Then they fell."]),
    ("Sen. Warren (D-Mass.) objected. The vote failed.", ["Sen. Warren (D-Mass.) objected.", "The vote failed."]),
    ("The firm, Acme Inc., grew 5%. Shares rose.", ["The firm, Acme Inc., grew 5%.", "Shares rose."]),
    ("It ended at 3 p.m. Officials left.", ["It ended at 3 p.m.", "Officials left."]),
    ("Headline Without A Stop\nThe story starts here.", ["Headline Without A Stop", "The story starts here."]),
]


def syntok_split(text: str) -> list[str]:
    from syntok import segmenter

    out = []
    for para in segmenter.analyze(text):
        for sent in para:
            out.append(text[sent[0].offset : sent[-1].offset + len(sent[-1].value)].strip())
    return out


def pysbd_split(text: str) -> list[str]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for s in seg.segment(text) if s.strip()]


def ours_split(text: str) -> list[str]:
    from readout_compare.segment import segment

    return [s.text for s in segment(text, doc_id="d", label="d").sentences]


def main() -> None:
    rows = msrp("test")
    sentences = [r[1].strip() for r in rows]
    rng = random.Random(0)
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    print("| segmenter | MSRP sentences recovered exactly | news edge cases | sentences per second |")
    print("| --- | --- | --- | --- |")
    for name, split in (("syntok 1.4", syntok_split), ("pysbd 0.3", pysbd_split),
                        ("readout-compare segment", ours_split)):
        split("Warm up. Done.")
        gold = set(sentences)
        t = time.perf_counter()
        found = [s for p in paragraphs for s in split(p)]
        elapsed = time.perf_counter() - t
        exact = sum(1 for s in found if s in gold) / len(sentences)
        cases = sum(1 for text, want in CASES if split(text) == want)
        print(f"| {name} | {exact:.1%} of {len(sentences)} | {cases} of {len(CASES)} | "
              f"{len(found) / elapsed:,.0f} |")


if __name__ == "__main__":
    main()
