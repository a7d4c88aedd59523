"""Readers for the labelled data in ../shared/data (read at run time, never copied here)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

DATA = Path(os.environ.get("READOUT_COMPARE_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def msrp(split: str) -> list[tuple[int, str, str]]:
    """(label, sentence1, sentence2) rows of the MSRP ``train`` or ``test`` split."""
    path = DATA / "msrp" / f"msr_paraphrase_{split}.txt"
    rows = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5 or not parts[0].strip().isdigit():
                continue
            rows.append((int(parts[0]), parts[3], parts[4]))
    return rows


def sts(split: str, genres: tuple[str, ...] = ("main-news",)) -> list[tuple[float, str, str]]:
    """(score 0..5, sentence1, sentence2) rows of an STS-B split, for the given genres."""
    rows = []
    with open(DATA / "stsbenchmark" / f"sts-{split}.csv", encoding="utf-8") as fh:
        for parts in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(parts) >= 7 and parts[0] in genres:
                rows.append((float(parts[4]), parts[5], parts[6]))
    return rows


def clough_stevenson() -> list[tuple[str, str, str, str]]:
    """(file, task, category, answer text) for each answer; sources via :func:`cs_source`."""
    base = DATA / "clough-stevenson"
    out = []
    with open(base / "labels.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = (base / "corpus-20090418" / row["file"]).read_bytes().decode("utf-8", "replace")
            out.append((row["file"], row["task"], row["category"], text))
    return out


def cs_source(task: str) -> str:
    path = DATA / "clough-stevenson" / "corpus-20090418" / f"orig_task{task}.txt"
    return path.read_bytes().decode("utf-8", "replace")


def replace_section(path: Path, heading: str, section: str) -> None:
    """Rewrite the section of a Markdown file that starts with ``heading`` (up to the next
    "## " heading) with ``section``; without one, put it before the first "## " heading."""
    doc = path.read_text("utf-8")
    section = section.rstrip("\n") + "\n"
    start = doc.find(heading)
    if start >= 0:
        end = doc.find("\n## ", start + 1)
        doc = doc[:start] + section + (doc[end:] if end >= 0 else "")
    else:
        head = doc.find("\n## ")
        doc = (doc[:head + 1] + section + "\n" + doc[head + 1:] if head >= 0
               else doc.rstrip("\n") + "\n\n" + section)
    path.write_text(doc, "utf-8")
