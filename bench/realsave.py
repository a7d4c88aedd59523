"""Save a real-benchmark text rebuilt from its stored copy, cut as SOURCES.md says.

    python bench/realsave.py list EVENT [EVENT ...]   # what is missing: doc, address, query, cut
    python bench/realsave.py save EVENT DOC RAW       # RAW: the stored copy's text, as given

`save` applies the cut SOURCES.md names ("cut after '…words'") and the usual end (one final
line break), tries the few readings of both that the labels allow (every occurrence of the cut's
words, white space at either end kept or dropped), and writes bench/real/texts/EVENT/DOC.txt
when one has the SHA-256 labelled. Otherwise it writes the closest reading and says where it
first departs from the labelled units (bench/realrebuild.py's diagnosis), so that a character
mistyped in RAW can be put right. How the texts were made: bench/real/README.md.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import reallabels as rl
from realrebuild import diagnose

_CUT = re.compile(r"cut after (?:the [\w ]+ )?'(?:…|\.\.\.)?")


def _cuts(raw: str, trimmed: str) -> list[str]:
    """The texts RAW may have been cut to: at the end of every occurrence of the cut's words
    (and a character or two past it, for a closing quotation mark), or not at all. The words
    end at one of the straight quotes after them (they may hold an apostrophe)."""
    m = _CUT.search(trimmed)
    if not m:
        return [raw]
    rest = trimmed[m.end():]
    out = []
    for q in (i for i, ch in enumerate(rest) if ch == "'"):
        words = rest[:q]
        start = raw.find(words) if words else -1
        while start >= 0:
            end = start + len(words)
            out += [raw[:end], raw[:end + 1], raw[:end + 2]]
            start = raw.find(words, start + 1)
    return out or [raw]


def _readings(raw: str, trimmed: str) -> list[str]:
    seen: dict[str, None] = {}
    for cut in _cuts(raw.replace("\r\n", "\n"), trimmed):
        for head in (cut, cut.lstrip()):
            for text in (head.rstrip() + "\n", head.rstrip("\n") + "\n", head + "\n", head):
                seen.setdefault(text, None)
    return list(seen)


def _units_right(doc: rl.Doc, text: str) -> int:
    """How many labelled units, from the first, the text holds at their offsets."""
    n = 0
    for u in doc.units:
        if rl.short_hash(text[u.start:u.end]) != u.hash:
            break
        n += 1
    return n


def save(event_id: str, doc_id: str, raw_path: Path) -> int:
    event_dir = rl.EVENTS / event_id
    event = rl.load_event(event_dir)
    doc = event.docs[doc_id]
    row = {r.get("doc"): r for r in rl.sources_table(event_dir)}.get(doc_id, {})
    raw = raw_path.read_bytes().decode("utf-8")
    readings = _readings(raw, row.get("trimmed", "none"))
    path = rl.text_path(event_id, doc_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    for text in readings:
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == doc.sha256:
            path.write_bytes(text.encode("utf-8"))
            print(f"{event_id} {doc_id}: OK")
            return 0
    best = max(readings, key=lambda t: (_units_right(doc, t), -abs(len(t) - (doc.units[-1].end + 1))))
    path.write_bytes(best.encode("utf-8"))
    print(f"{event_id} {doc_id}: SHA-256 differs; {diagnose(doc, best)}")
    return 1


def list_missing(event_ids: list[str]) -> int:
    for event_id in event_ids:
        event_dir = rl.EVENTS / event_id
        event = rl.load_event(event_dir)
        rows = {r.get("doc"): r for r in rl.sources_table(event_dir)}
        for doc in event.docs.values():
            path = rl.text_path(event_id, doc.id)
            if path.exists() and rl.sha256_file(path) == doc.sha256:
                continue
            row = rows.get(doc.id, {})
            print(f"{event_id} {doc.id}\n  address: {row.get('address')}\n  found by: "
                  f"{row.get('found by')}\n  trimmed: {row.get('trimmed')}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "list":
        return list_missing(argv[1:])
    if len(argv) == 4 and argv[0] == "save":
        return save(argv[1], argv[2], Path(argv[3]))
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the list piped into head
        sys.exit(0)
