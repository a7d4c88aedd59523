"""Matching accuracy on the in-domain labelled set (bench/data/matching-*.txt) and on MSRP.

    python bench/matching.py [--split dev|heldout|all] [--errors] [--no-msrp] [--write-docs]

Each story in the set is a readout and one or more accounts, every unit labelled with the
readout units it reports (the format is described at the top of matching-dev.txt). The story
is run through ``compare()`` exactly as the command line would (segmentation included), and
the tool's verdicts are read back onto the labelled units by character offsets. Printed:

* readout coverage: for every (account, readout sentence), is it reported (in full or in
  part)? precision and recall of "reported" (an omission the tool misses is a recall error;
  a sentence said to be reported that is not is a precision error);
* account-sentence verdicts: reports readout content (supported or divergent) or is a claim
  not in the readout; accuracy, and precision/recall of "not in the readout";
* links: every (account sentence, readout sentence) pair, precision and recall of the
  tool's matches; how many labelled hard negatives it matched;
* MSRP test accuracy and F1 of the aligner's decision (the out-of-domain check; needs
  ../shared/data).

``--write-docs`` rewrites the in-domain section of docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from readout_compare import compare

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
DOCS = ROOT / "docs" / "accuracy.md"
LABEL = re.compile(r"^\{([^}]*)\}\s*(.*)$")
READOUT_UNIT = re.compile(r"^\[(r\d+)\]\s*(.*)$")


@dataclass
class Unit:
    id: str
    start: int
    end: int
    labels: tuple[str, ...] = ()

    @property
    def reports(self) -> dict[str, str]:
        """Readout unit -> "full", "part" or "event"."""
        out = {}
        for lab in self.labels:
            if lab.startswith("!") or lab == "-":
                continue
            rid = lab.rstrip("~@")
            out[rid] = "event" if lab.endswith("@") else "part" if lab.endswith("~") else "full"
        return out

    @property
    def negatives(self) -> set[str]:
        return {lab[1:] for lab in self.labels if lab.startswith("!")}

    @property
    def supported(self) -> bool:
        """The sentence's own claim comes from the readout (not only its event)."""
        return any(kind != "event" for kind in self.reports.values())


@dataclass
class Text:
    label: str
    text: str = ""
    units: list[Unit] = field(default_factory=list)


@dataclass
class Story:
    id: str
    readout: Text
    accounts: list[Text]


def _build(lines: list[tuple[str, str | None]], label: str) -> Text:
    """Join (text, unit id or labels) lines into a document: a blank line ends a paragraph,
    labelled lines in one paragraph are joined by a space, list items ("- ") by a newline."""
    out = Text(label)
    parts: list[str] = []
    pos = 0
    paragraph_open = False
    for text, tag in lines:
        if not text:
            if paragraph_open:
                parts.append("\n\n")
                pos += 2
            paragraph_open = False
            continue
        if paragraph_open:
            sep = "\n" if text.startswith("- ") or tag is None else " "
            parts.append(sep)
            pos += len(sep)
        start = pos + (2 if text.startswith("- ") else 0)
        parts.append(text)
        pos += len(text)
        if tag is not None:
            if not tag.startswith("{"):
                out.units.append(Unit(tag, start, pos))
            else:
                labels = tuple(tag[1:].split())
                out.units.append(Unit(f"u{len(out.units) + 1}", start, pos, labels))
        paragraph_open = tag is not None
        if tag is None:  # a headline or byline stands alone
            parts.append("\n\n")
            pos += 2
            paragraph_open = False
    out.text = "".join(parts).rstrip() + "\n"
    return out


def load(split: str) -> list[Story]:
    files = ["dev", "heldout"] if split == "all" else [split]
    stories = []
    for name in files:
        story_id, blocks, current = None, [], None
        for raw in (DATA / f"matching-{name}.txt").read_text("utf-8").splitlines():
            if raw.startswith("### story:"):
                if story_id:
                    stories.append(_story(story_id, blocks))
                story_id, blocks, current = raw.split(":", 1)[1].strip(), [], None
            elif raw.startswith("## "):
                current = (raw[3:].strip(), [])
                blocks.append(current)
            elif raw.startswith("#") or current is None:
                continue
            else:
                line = raw.rstrip()
                m = READOUT_UNIT.match(line) or LABEL.match(line)
                if m is None:
                    current[1].append((line, None))
                else:  # readout units are tagged "rN", account units "{labels}"
                    tag = m.group(1) if m.re is READOUT_UNIT else "{" + m.group(1)
                    current[1].append((m.group(2), tag))
        if story_id:
            stories.append(_story(story_id, blocks))
    return stories


def _story(story_id: str, blocks: list[tuple[str, list]]) -> Story:
    texts = [_build(lines, head) for head, lines in blocks]
    return Story(story_id, texts[0], texts[1:])


def _best(units: list[Unit], start: int, end: int) -> Unit | None:
    best, most = None, 0
    for u in units:
        overlap = min(end, u.end) - max(start, u.start)
        if overlap > most:
            best, most = u, overlap
    return best


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def ratio(self, num: str, den: str) -> float:
        return self.counts[num] / self.counts[den] if self.counts[den] else 0.0


def evaluate(stories: list[Story], show_errors: bool = False) -> Tally:
    t = Tally()
    c = t.counts
    for story in stories:
        result = compare(story.readout.text, [a.text for a in story.accounts],
                         readout_label="readout", labels=[a.label for a in story.accounts])
        r_doc = result.readout
        # readout sentence id -> gold readout unit id
        r_map = {}
        for s in r_doc.body:
            u = _best(story.readout.units, s.start, s.end)
            if u is not None:
                r_map[s.id] = u.id
        r_text = {u.id: story.readout.text[u.start:u.end] for u in story.readout.units}
        c["readout units"] += len(story.readout.units)
        for gold, acc in zip(story.accounts, result.accounts):
            text = gold.text
            predicted_cov = {u.id: None for u in story.readout.units}
            for cov in acc.coverage:
                rid = r_map.get(cov.readout_sentence)
                if rid and cov.status == "reported":
                    kind = "part" if cov.kind == "partial" else "full"
                    if predicted_cov[rid] != "full":
                        predicted_cov[rid] = kind
            gold_cov: dict[str, str | None] = {u.id: None for u in story.readout.units}
            for u in gold.units:
                for rid, kind in u.reports.items():
                    if gold_cov[rid] != "full":
                        gold_cov[rid] = "full" if kind == "full" else "part"
            for rid in gold_cov:
                if rid not in r_map.values():
                    # A heading or a list's lead-in: the tool gives it no verdict, and its
                    # items carry the coverage.
                    c["readout units without a verdict"] += 1
                    continue
                g, p = gold_cov[rid], predicted_cov[rid]
                c["coverage pairs"] += 1
                c["gold reported"] += g is not None
                c["predicted reported"] += p is not None
                c["coverage tp"] += g is not None and p is not None
                if (g is None) != (p is None) and show_errors:
                    what = "missed" if g else "false"
                    t.errors.append(f"{story.id}/{gold.label} coverage {what} {rid} "
                                    f"(gold {g}, got {p}): {r_text[rid][:90]}")
            # account sentences
            by_unit: dict[str, list] = {}
            for s in acc.sentences:
                u = _best(gold.units, s.sentence.start, s.sentence.end)
                if u is not None:
                    by_unit.setdefault(u.id, []).append(s)
            for u in gold.units:
                c["account units"] += 1
                sents = by_unit.get(u.id, [])
                supported = any(s.status in ("supported", "divergent") for s in sents)
                c["verdict right"] += supported == u.supported
                c["gold not_in_readout"] += not u.supported
                c["predicted not_in_readout"] += not supported
                c["not_in_readout tp"] += not supported and not u.supported
                links = {r_map.get(m.readout_sentence) for s in sents for m in s.matches}
                links.discard(None)
                gold_links = set(u.reports)
                c["gold links"] += len(gold_links)
                c["predicted links"] += len(links)
                c["link tp"] += len(links & gold_links)
                c["hard negatives"] += len(u.negatives)
                c["hard negatives matched"] += len(links & u.negatives)
                c["labelled pairs"] += len(story.readout.units)
                if show_errors and (supported != u.supported or links != gold_links):
                    t.errors.append(
                        f"{story.id}/{gold.label} {u.id} {{{' '.join(u.labels)}}} got "
                        f"{sorted(links)} {'supported' if supported else 'not_in_readout'}: "
                        f"{text[u.start:u.end][:100]}")
    c["stories"] = len(stories)
    c["accounts"] = sum(len(s.accounts) for s in stories)
    return t


def summary(t: Tally) -> dict[str, float]:
    return {
        "coverage precision": t.ratio("coverage tp", "predicted reported"),
        "coverage recall": t.ratio("coverage tp", "gold reported"),
        "verdict accuracy": t.ratio("verdict right", "account units"),
        "not_in_readout precision": t.ratio("not_in_readout tp", "predicted not_in_readout"),
        "not_in_readout recall": t.ratio("not_in_readout tp", "gold not_in_readout"),
        "link precision": t.ratio("link tp", "predicted links"),
        "link recall": t.ratio("link tp", "gold links"),
        "hard negatives matched": t.ratio("hard negatives matched", "hard negatives"),
    }


def msrp_figures() -> dict[str, float] | None:
    try:
        from accuracy import metrics, pair_decisions
        from data import msrp

        rows = msrp("test")
    except (OSError, ImportError):
        return None
    import numpy as np

    decisions = pair_decisions(rows)
    y = np.array([label for label, _, _ in decisions])
    pred = np.array([kind in ("verbatim", "paraphrase") for _, _, kind in decisions])
    return metrics(y, pred)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--errors", action="store_true", help="list every wrong verdict")
    parser.add_argument("--no-msrp", action="store_true", help="skip the MSRP test check")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    rows = {}
    for split in splits:
        t = evaluate(load(split), args.errors)
        for line in t.errors:
            print("  " + line)
        s = summary(t)
        rows[split] = (t, s)
        c = t.counts
        print(f"{split}: {c['stories']} stories, {c['accounts']} accounts, "
              f"{c['account units']} account sentences, {c['labelled pairs']} labelled pairs "
              f"({c['gold links']} reports, {c['hard negatives']} hard negatives)")
        for name, value in s.items():
            print(f"  {name}: {value:.3f}")
    msrp = None if args.no_msrp else msrp_figures()
    if msrp:
        print(f"MSRP test: accuracy {msrp['accuracy']:.3f}, F1 {msrp['f1']:.3f}")
    if args.write_docs:
        write_docs(rows, msrp)


def write_docs(rows: dict, msrp: dict | None) -> None:
    lines = [
        "## In-domain: readouts and the news accounts of them",
        "",
        "Measured on a labelled set written for this project (`bench/data/matching-*.txt`: "
        "fictional readouts and wire-style accounts; every account sentence labelled with the "
        "readout sentences it reports, in full, in part, or only by naming the event; hard "
        "negatives marked). The in-domain model is fitted on the development split "
        "(`python bench/calibrate.py --domain`); nothing in the matcher was developed on the "
        "held-out split. Coverage counts every readout body sentence for every account "
        "(reported in full or in part, or omitted); list lead-ins and headings have no verdict. "
        "A verdict is right when an account sentence that reports readout content is supported "
        "or divergent, and one that does not (or only names the readout's event) is not in "
        "the readout.",
        "",
        "History of the held-out split, every run reported: its first 8 stories were run once "
        "with the matcher frozen (coverage precision 1.000, recall 0.973, verdict accuracy "
        "0.982); 6 more stories were then written and run once (all 14: 1.000, 0.967, 0.989). "
        "After that the in-domain model's regularisation was changed, for its behaviour on "
        "Clough & Stevenson, not on this split (C chosen by cross-validated log loss instead of "
        "recall, and a feature for words shared by many readout sentences). With the summaries "
        "of 2026-12-07 (docs/alignment.md), held-out verdict accuracy 0.989 -> 0.979 (one "
        "background sentence given to the readout) and link precision 0.970 -> 0.955. The table "
        "was last rewritten on 2026-12-07, after the dev column had gone stale: at the code of "
        "that day's last session's start (0374b45) and at its release (72497a2) alike, dev "
        "coverage precision 0.981 (was 1.000 in the stale table), verdict accuracy 0.970 (was "
        "0.982), link precision 0.966 (was 0.983), hard negatives matched 0.040 (was 0.020): "
        "changes of earlier sessions to the real-news benchmark's benefit, not of that one. The "
        "figures below are from the current model.",
        "",
        "```sh",
        "python bench/matching.py --split all",
        "```",
        "",
        "| split | stories | accounts | account sentences | labelled pairs | reports "
        "| hard negatives |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for split, (t, _) in rows.items():
        c = t.counts
        lines.append(f"| {split} | {c['stories']} | {c['accounts']} | {c['account units']} "
                     f"| {c['labelled pairs']} | {c['gold links']} | {c['hard negatives']} |")
    lines += ["", "| measure | " + " | ".join(rows) + " |", "| --- |" + " --- |" * len(rows)]
    names = next(iter(rows.values()))[1]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{s[name]:.3f}" for _, s in rows.values()) + " |")
    if msrp:
        lines += ["", f"MSRP test, same run: accuracy {msrp['accuracy']:.3f}, "
                  f"F1 {msrp['f1']:.3f}."]
    from data import replace_section

    replace_section(DOCS, "## In-domain", "\n".join(lines))


if __name__ == "__main__":
    main()


def labelled_pairs(split: str):
    """Every (readout sentence, account sentence) pair of a split with its gold label and the
    aligner's scored Pair: (story id, Pair, label), label "full", "part", "event" or None.
    For fitting the in-domain decision (bench/calibrate.py --domain)."""
    from readout_compare.scoring import key_spread, score_pairs
    from readout_compare.segment import segment
    from readout_compare.similarity import default_model, profile

    model = default_model()
    out = []
    for story in load(split):
        r_doc = segment(story.readout.text, doc_id="r", label="readout")
        r_units = [(s, _best(story.readout.units, s.start, s.end)) for s in r_doc.body]
        r_prof = {s.id: profile(s.text) for s, _ in r_units}
        for acc in story.accounts:
            a_doc = segment(acc.text, doc_id="a", label=acc.label)
            for s in a_doc.body:
                u = _best(acc.units, s.start, s.end)
                if u is None:
                    continue
                a_prof = profile(s.text)
                items = [(r, s, r_prof[r.id], a_prof) for r, _ in r_units]
                spread = key_spread(r_prof.values())
                for (_r, ru), pair in zip(r_units, score_pairs(items, model, spread)):
                    out.append((story.id, pair, u.reports.get(ru.id) if ru else None))
    return out
