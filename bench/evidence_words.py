"""Evidence in the reader's words: every word of every match's "why" line is a word of one of
the two sentences' texts, or one of the tool's own phrases ("the same call", "both name",
"paraphrase model") — never a stem ("hegse") or an internal key ("~military").

    python bench/evidence_words.py [--real]

Reads the bundled examples and the labelled matching stories (bench/data/matching-*.txt), with
``--real`` also the real-news benchmark's events (bench/real/texts, not in the repository), and
prints how many evidence lines there are and which, if any, hold a word from neither text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The words the tool's evidence phrases are made of (align.py, quote_matches.py, evidence.py).
TOOL_WORDS = frozenset([
    "the", "same", "call", "meeting", "event", "both", "name", "give", "date", "day",
    "paraphrase", "model", "in-domain", "carries", "of", "readout", "sentence", "sentence's",
    "account", "is", "from", "it", "words", "in", "shared", "runs", "quotes", "verbatim",
    "altered", "stitched", "a", "run", "content", "close", "meaning", "across", "languages",
    "semantic", "similarity", "for", "names", "this", "announces", "each", "other", "closest", "to", "negated", "only", "check",
    "whether", "differs", "sums", "up", "its", "are", "most", "them", "summary",
])
_TOKEN = re.compile(r"[^\W_][\w'’.&-]*")


def _bare(word: str) -> str:
    word = word.lower().replace("’", "'").rstrip(".").rstrip("'")
    return word.removesuffix("'s")


def text_words(*texts: str) -> frozenset[str]:
    return frozenset(_bare(w) for t in texts for w in _TOKEN.findall(t)) | frozenset(
        _bare(part) for t in texts for w in _TOKEN.findall(t) for part in re.split(r"[-.]", w)
        if part)


def foreign_words(line: str, words: frozenset[str]) -> list[str]:
    """The words of an evidence line that are neither the texts' nor the tool's."""
    out = []
    for token in _TOKEN.findall(line):
        bare = _bare(token)
        if re.fullmatch(r"[\d.,%]+", bare) or bare in words or bare in TOOL_WORDS:
            continue
        if all(_bare(p) in words or _bare(p) in TOOL_WORDS or p.isdigit()
               for p in re.split(r"[-.]", token) if p):
            continue
        out.append(token)
    return out


def report_problems(report: dict) -> Iterable[tuple[str, str, list[str]]]:
    """(account sentence id, evidence line, foreign words) for each bad line of a JSON report."""
    readout = {s["id"]: s["text"] for s in report["readout"]["sentences"]}
    for acc in report["accounts"]:
        # A quotation may run on past its sentence: its words are the account's too.
        quoted: dict[str, list[str]] = {}
        for q in acc["quotes"]:
            quoted.setdefault(q["account_sentence"], []).append(q["text"])
        for s in acc["sentences"]:
            for m in s["matches"]:
                words = text_words(s["text"], readout[m["readout_sentence"]],
                                   *quoted.get(s["id"], ()))
                for line in m["evidence"]:
                    bad = foreign_words(line, words)
                    if bad:
                        yield s["id"], line, bad


def count_lines(report: dict) -> int:
    return sum(len(m["evidence"]) for acc in report["accounts"] for s in acc["sentences"]
               for m in s["matches"])


def main() -> None:
    import json

    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    from matching import load

    from readout_compare import compare
    from readout_compare.report import report_dict

    reports = [(p.parent.name, json.loads(p.read_text("utf-8")))
               for p in sorted((ROOT / "examples").glob("*/report.json"))]
    for story in load("all"):
        comparison = compare(story.readout.text, [a.text for a in story.accounts],
                             readout_label="readout", labels=[a.label for a in story.accounts])
        reports.append((story.id, report_dict(comparison)))
    if "--real" in sys.argv[1:]:
        import reallabels as rl
        from realscore import events

        from readout_compare.load import load as load_text

        for d in events("all"):
            event = rl.load_event(d)
            loaded = {doc: load_text(str(rl.text_path(event.id, doc))) for doc in event.docs}
            ids = [a.id for a in event.accounts]
            comparison = compare(loaded["readout"], [loaded[a] for a in ids], labels=ids,
                                 readout_label="readout")
            reports.append((event.id, report_dict(comparison)))
    lines = bad = 0
    for name, report in reports:
        lines += count_lines(report)
        for sid, line, words in report_problems(report):
            bad += 1
            print(f"{name} {sid}: {line!r}: {words}")
    print(f"{len(reports)} reports, {lines} evidence lines, {bad} with a word from neither text")


if __name__ == "__main__":
    main()
