"""Check rebuilt real-benchmark texts against their labels, and say where one differs.

    python bench/realrebuild.py EVENT [DOC ...]

For each text of EVENT (bench/real/texts/EVENT/DOC.txt): OK when its SHA-256 is the one
labelled; otherwise the first labelled unit whose words differ from the text at the unit's
offsets, with both, so that a text copied from a stored page can be corrected where it
went wrong (a dropped character, a straight quote for a curly one, a missing line break).
How to rebuild a text: bench/real/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import reallabels as rl


def diagnose(doc: rl.Doc, text: str) -> str:
    """Where ``text`` first departs from the text that ``doc`` was labelled on."""
    for u in doc.units:
        span = text[u.start:u.end]
        if rl.short_hash(span) != u.hash:
            words = " ".join(span.split())
            return (f"unit {u.id} ({u.start}-{u.end}) differs: the text there reads {words!r}; "
                    f"the labelled unit begins and ends at these offsets (a shift means a "
                    f"character is missing or extra before it)")
    last = doc.units[-1].end if doc.units else 0
    return (f"every unit's words match; the difference is in white space or after the last "
            f"unit (which ends at {last}; the text has {len(text)} characters; the file must "
            f"end with one line break)")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    event_dir = rl.ROOT / "events" / argv[0]
    event = rl.load_event(event_dir)
    bad = 0
    for doc in event.docs.values():
        if argv[1:] and doc.id not in argv[1:]:
            continue
        path = rl.text_path(event.id, doc.id)
        if not path.exists():
            print(f"{doc.id}: missing ({path})")
            bad += 1
        elif rl.sha256_file(path) == doc.sha256:
            print(f"{doc.id}: OK")
        else:
            bad += 1
            print(f"{doc.id}: SHA-256 differs; {diagnose(doc, rl.read_text(event.id, doc.id))}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
