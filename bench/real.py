"""The real-news benchmark: real readouts and the news stories that report them.

    python bench/real.py [--split dev|heldout|all] [--errors] [--json PATH]
    python bench/real.py --split dev --divergence-sweep    divergences kept by match score
    python bench/real.py --split dev --hint-sweep          paraphrase hints by threshold
    python bench/real.py draft EVENT [--split dev|heldout]   make bench/real/work/EVENT.lab
    python bench/real.py freeze EVENT                       check it, write labels.json
    python bench/real.py thaw EVENT                         work file again from labels.json
    python bench/real.py check                              every event's texts and labels

The texts are not in the repository (bench/real/texts/ is ignored): each event's SOURCES.md
says where each text came from and its SHA-256. The labels (bench/real/events/EVENT/labels.json)
are keyed by character offsets into the texts. Label format: bench/reallabels.py;
how the benchmark was made and how to rebuild it: bench/real/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import reallabels as rl


def _texts(event: str) -> dict[str, str]:
    return {doc: rl.read_text(event, doc) for doc in rl.doc_ids(event)}


def cmd_draft(event: str, split: str) -> int:
    rl.WORK.mkdir(parents=True, exist_ok=True)
    path = rl.WORK / f"{event}.lab"
    if path.exists():
        print(f"{path} exists; not overwritten", file=sys.stderr)
        return 1
    path.write_text(rl.draft(event, split) + "\n", "utf-8")
    print(f"wrote {path}")
    return 0


def cmd_freeze(event: str) -> int:
    path = rl.WORK / f"{event}.lab"
    try:
        parsed = rl.parse_work(path.read_text("utf-8"), event, _texts(event))
    except (rl.LabelError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if parsed.id != event:
        print(f"error: {path} says '# event: {parsed.id}'", file=sys.stderr)
        return 1
    out = rl.EVENTS / event
    out.mkdir(parents=True, exist_ok=True)
    listed = rl.sources_hashes(out)
    problems = [f"SOURCES.md: {d.id} has sha256 {listed.get(d.id) or '(none)'}, the text has {d.sha256}"
                for d in parsed.docs.values() if listed.get(d.id) != d.sha256]
    (out / "labels.json").write_text(rl.to_json(parsed), "utf-8")
    n_units = sum(len(d.units) for d in parsed.docs.values())
    print(f"wrote {out / 'labels.json'}: {len(parsed.docs)} documents, {n_units} units, "
          f"{rl.count_items(parsed)} labelled items")
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    return 1 if problems else 0


def cmd_thaw(event: str) -> int:
    path = rl.WORK / f"{event}.lab"
    if path.exists():
        print(f"{path} exists; not overwritten", file=sys.stderr)
        return 1
    parsed = rl.load_event(rl.EVENTS / event)
    rl.WORK.mkdir(parents=True, exist_ok=True)
    path.write_text(rl.thaw(parsed, _texts(event)) + "\n", "utf-8")
    print(f"wrote {path}")
    return 0


def main() -> int:
    argv = sys.argv[1:]
    if argv and argv[0] in ("draft", "freeze", "thaw"):
        parser = argparse.ArgumentParser(prog=f"real.py {argv[0]}")
        parser.add_argument("event")
        if argv[0] == "draft":
            parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
        args = parser.parse_args(argv[1:])
        if argv[0] == "draft":
            return cmd_draft(args.event, args.split)
        return cmd_freeze(args.event) if argv[0] == "freeze" else cmd_thaw(args.event)
    from realscore import main as score_main

    return score_main(argv)


if __name__ == "__main__":
    sys.exit(main())
