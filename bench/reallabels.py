"""The real-news benchmark's labels: the labeller's work file, and the committed labels.

Real articles may not be copied into the repository, so the benchmark keeps two forms:

- ``bench/real/texts/EVENT/DOC.txt`` (ignored by git): the texts, as saved from their sources
  (``bench/real/events/EVENT/SOURCES.md`` says where each came from, and its SHA-256);
- ``bench/real/work/EVENT.lab`` (ignored): the labeller's view, each unit's text with its labels;
- ``bench/real/events/EVENT/labels.json`` (committed): the same labels keyed by character
  offsets into the texts and a short hash of each unit, with no text.

``python bench/real.py draft EVENT`` makes a work file from the texts (units split naively,
every label ``?``); ``freeze EVENT`` checks it and writes labels.json; ``thaw EVENT`` makes the
work file again from labels.json and the texts. The work file's grammar:

    # event: hegseth-mexico-2025
    # split: dev                      (dev or heldout)
    # issuer: U.S. Department of Defense   (the readout's issuer, as its header names it)

    ## doc readout
    [r1 furniture] Home News Releases
    [r2 heading] Readout of Secretary Hegseth's Call with ...
    [r3 body main] Secretary of Defense Pete Hegseth spoke with ...   (main: its main point)

    ## doc a1
    [u1 heading headline] Hegseth warns Mexico ...        (headline: the story's headline)
    [u2 body] WASHINGTON - Defense Secretary Pete Hegseth told ...
      = divergent r3 paraphrase
      div: reporting_verb
      src: Wall Street Journal/media
      q "take unilateral action" not_in_readout by Hegseth/issuer

A unit line is ``[ID ROLE FLAGS] TEXT``: ROLE is body, heading, lead-in or furniture; the text
is the unit's text with its line breaks as spaces, found in the document in order (the units
must cover every character of the document but white space). Labels of an account's body
unit, indented below it:

- ``= supported|divergent LINKS`` or ``= not_in_readout``; LINKS are ``rN KIND`` separated by
  commas, KIND verbatim, paraphrase, partial (one clause of it) or event (only the call or
  meeting it announces);
- ``div: TYPE, TYPE``: the divergences of a divergent unit (number, date, negation, modality,
  reporting_verb, entity, quote);
- ``src: KEY/KIND`` or ``src: -``: whom the account credits for the unit (for a claim not in
  the readout, required); KEY is a word the tool's source must contain, alternatives split by
  ``|``; KIND issuer, government, person, organisation, media, unnamed;
- ``q "TEXT" FIDELITY [rN] [by KEY/KIND]``: a quotation, TEXT exactly as between its marks;
  FIDELITY verbatim, altered, stitched or not_in_readout; or ``q "TEXT" scare`` / ``title``
  for words in quotation marks that are not a quotation.

Lines starting with ``#`` below the header are notes; they stay in the work file only.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).parent / "real"
EVENTS = ROOT / "events"
TEXTS = ROOT / "texts"
WORK = ROOT / "work"

ROLES = ("body", "heading", "lead-in", "furniture")
VERDICTS = ("supported", "divergent", "not_in_readout")
LINK_KINDS = ("verbatim", "paraphrase", "partial", "event")
FIDELITIES = ("verbatim", "altered", "stitched", "not_in_readout")
QUOTE_KINDS = ("scare", "title")
DIVERGENCE_TYPES = ("number", "date", "negation", "modality", "reporting_verb", "entity", "quote")
SOURCE_KINDS = ("issuer", "government", "person", "organisation", "media", "unnamed")
FLAGS = ("headline", "main")


class LabelError(ValueError):
    """A work file or labels file that does not follow the grammar, with where."""


@dataclass
class Quote:
    start: int
    end: int
    hash: str
    kind: str  # "quotation", "scare", "title"
    fidelity: str | None = None
    readout: str | None = None
    speaker: str | None = None  # KEY|KEY/KIND or "-"


@dataclass
class Unit:
    id: str
    start: int
    end: int
    hash: str
    role: str
    flags: list[str] = field(default_factory=list)
    verdict: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    divergences: list[str] = field(default_factory=list)
    source: str | None = None
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Doc:
    id: str  # "readout", "a1", "a2", ...
    sha256: str
    units: list[Unit]

    def unit(self, unit_id: str) -> Unit:
        for u in self.units:
            if u.id == unit_id:
                return u
        raise KeyError(unit_id)

    @property
    def body(self) -> list[Unit]:
        return [u for u in self.units if u.role == "body"]


@dataclass
class Event:
    id: str
    split: str
    issuer: str
    docs: dict[str, Doc]

    @property
    def readout(self) -> Doc:
        return self.docs["readout"]

    @property
    def accounts(self) -> list[Doc]:
        return [d for k, d in self.docs.items() if k != "readout"]


def short_hash(text: str) -> str:
    """Eight hex digits of the SHA-1 of a span's words, so a span is known by its text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_path(event: str, doc: str) -> Path:
    return TEXTS / event / f"{doc}.txt"


def read_text(event: str, doc: str) -> str:
    # Exactly the bytes saved, decoded as UTF-8; offsets count code points of this string.
    return text_path(event, doc).read_bytes().decode("utf-8")


def doc_ids(event: str) -> list[str]:
    names = sorted(p.stem for p in (TEXTS / event).glob("*.txt"))
    accounts = sorted((n for n in names if re.fullmatch(r"a\d+", n)), key=lambda n: int(n[1:]))
    if "readout" not in names:
        raise LabelError(f"{TEXTS / event}: no readout.txt")
    return ["readout", *accounts]


def count_items(event: Event) -> int:
    """Labelled items: every unit's role; every account body unit's verdict (with its links and
    source); every (account, readout body unit) coverage pair; every quotation; every labelled
    divergence; each account's lede statement."""
    n = sum(len(d.units) for d in event.docs.values())
    readout_body = len(event.readout.body)
    for acc in event.accounts:
        n += len(acc.body) + readout_body + 1
        n += sum(len(u.quotes) + len(u.divergences) for u in acc.units)
    return n


# --- draft -------------------------------------------------------------------------------

# A naive split for the labeller to correct: lines, then sentence ends followed by a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÁÉÍÓÚÑ¿¡])")
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{1,600}?)[\"”»]")


def draft(event: str, split: str = "?") -> str:
    lines = [f"# event: {event}", f"# split: {split}", "# issuer: ?", ""]
    for doc in doc_ids(event):
        text = read_text(event, doc)
        prefix = "r" if doc == "readout" else "u"
        lines.append(f"## doc {doc}")
        n = 0
        for raw in text.splitlines():
            start = 0
            pieces = []
            for m in _SENTENCE_END.finditer(raw):
                pieces.append(raw[start:m.start() + len(m.group(0).rstrip())])
                start = m.end()
            pieces.append(raw[start:])
            for piece in pieces:
                piece = " ".join(piece.split())
                if not piece:
                    continue
                n += 1
                lines.append(f"[{prefix}{n} ?] {piece}")
                if doc != "readout":
                    lines.append("  = ?")
                    for q in _QUOTED.finditer(piece):
                        lines.append(f'  q "{q.group(1)}" ?')
        lines.append("")
    return "\n".join(lines)


# --- parse the work file ------------------------------------------------------------------

_UNIT = re.compile(r"^\[(?P<id>[ru]\d+)\s+(?P<role>[\w?-]+)(?P<flags>(?:\s+\w+)*)\]\s?(?P<text>.*)$")
_QUOTE = re.compile(r'^q\s+"(?P<text>.*)"\s+(?P<rest>[^"]*)$')
_SOURCE = re.compile(r"^(?:-|[^/]+/(?P<kind>\w+))$")


def _source(value: str, where: str) -> str:
    value = value.strip()
    m = _SOURCE.match(value)
    if not m or (m.group("kind") and m.group("kind") not in SOURCE_KINDS):
        raise LabelError(f"{where}: a source is KEY/KIND (KIND one of {', '.join(SOURCE_KINDS)}) or -: {value!r}")
    return value


def _links(value: str, where: str, readout_ids: set[str]) -> list[tuple[str, str]]:
    out = []
    for part in value.split(","):
        words = part.split()
        if len(words) != 2 or words[1] not in LINK_KINDS:
            raise LabelError(f"{where}: a link is 'rN KIND' (KIND one of {', '.join(LINK_KINDS)}): {part.strip()!r}")
        if words[0] not in readout_ids:
            raise LabelError(f"{where}: no readout unit {words[0]}")
        out.append((words[0], words[1]))
    return out


def _locate(text: str, piece: str, cursor: int, where: str) -> tuple[int, int]:
    """Where ``piece`` (its words, any white space between them) stands in ``text`` at or after
    ``cursor``, with only white space skipped."""
    words = piece.split()
    if not words:
        raise LabelError(f"{where}: a unit with no text")
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    m = pattern.match(text, cursor + (len(text[cursor:]) - len(text[cursor:].lstrip())))
    if not m:
        ahead = " ".join(text[cursor:cursor + 80].split())
        raise LabelError(f"{where}: its text is not what comes next in the document; next is {ahead!r}")
    return m.start(), m.end()


def parse_work(source: str, event: str, texts: dict[str, str]) -> Event:
    """The work file as an Event, with every unit and quotation located in ``texts``."""
    header: dict[str, str] = {}
    docs: dict[str, Doc] = {}
    doc: Doc | None = None
    unit: Unit | None = None
    cursor = 0
    readout_ids: set[str] = set()
    for lineno, line in enumerate(source.splitlines(), 1):
        where = f"{event}.lab:{lineno}"
        stripped = line.strip()
        if not stripped:
            continue
        if doc is None and stripped.startswith("# ") and ":" in stripped:
            key, _, value = stripped[2:].partition(":")
            header[key.strip()] = value.strip()
            continue
        if stripped.startswith("## doc "):
            if doc is not None:
                _check_end(doc, texts[doc.id], cursor, where)
            name = stripped[len("## doc "):].strip()
            if name not in texts:
                raise LabelError(f"{where}: no text {name}.txt for this event")
            doc = Doc(name, "", [])
            docs[name] = doc
            unit = None
            cursor = 0
            continue
        if stripped.startswith("#"):
            continue
        if doc is None:
            raise LabelError(f"{where}: a line before the first '## doc'")
        m = _UNIT.match(line)
        if m:
            role = m.group("role")
            if role not in ROLES:
                raise LabelError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
            flags = m.group("flags").split()
            for f in flags:
                if f not in FLAGS:
                    raise LabelError(f"{where}: flag {f!r} is not one of {', '.join(FLAGS)}")
            expected = ("r" if doc.id == "readout" else "u") + str(len(doc.units) + 1)
            if m.group("id") != expected:
                raise LabelError(f"{where}: units are numbered in order; expected {expected}, got {m.group('id')}")
            start, end = _locate(texts[doc.id], m.group("text"), cursor, where)
            cursor = end
            unit = Unit(m.group("id"), start, end, short_hash(texts[doc.id][start:end]), role, flags)
            doc.units.append(unit)
            if doc.id == "readout":
                readout_ids.add(unit.id)
            continue
        if unit is None or not line.startswith((" ", "\t")):
            raise LabelError(f"{where}: not a unit line ('[ID ROLE] text') nor an indented label: {stripped[:60]!r}")
        if doc.id == "readout":
            raise LabelError(f"{where}: readout units take no labels (only a role and 'main')")
        _label(unit, stripped, where, texts[doc.id], readout_ids)
    if doc is not None:
        _check_end(doc, texts[doc.id], cursor, f"{event}.lab:end")
    for key in ("event", "split", "issuer"):
        if not header.get(key) or header[key] == "?":
            raise LabelError(f"{event}.lab: the header needs '# {key}: …'")
    if header["split"] not in ("dev", "heldout"):
        raise LabelError(f"{event}.lab: split is dev or heldout")
    if "readout" not in docs or len(docs) < 2:
        raise LabelError(f"{event}.lab: a readout and at least one account")
    missing = set(texts) - set(docs)
    if missing:
        raise LabelError(f"{event}.lab: texts not labelled: {', '.join(sorted(missing))}")
    for d in docs.values():
        d.sha256 = hashlib.sha256(texts[d.id].encode("utf-8")).hexdigest()
        for u in d.units:
            _check_unit(event, d, u)
    if not any("main" in u.flags for u in docs["readout"].units):
        raise LabelError(f"{event}.lab: mark the readout's main point with the flag 'main'")
    return Event(header["event"], header["split"], header["issuer"], docs)


def _check_end(doc: Doc, text: str, cursor: int, where: str) -> None:
    rest = text[cursor:].strip()
    if rest:
        raise LabelError(f"{where}: doc {doc.id} has text after its last unit: {' '.join(rest.split())[:80]!r}")


def _label(unit: Unit, line: str, where: str, text: str, readout_ids: set[str]) -> None:
    if line.startswith("="):
        value = line[1:].strip()
        verdict, _, rest = value.partition(" ")
        if verdict not in VERDICTS:
            raise LabelError(f"{where}: a verdict is one of {', '.join(VERDICTS)}: {value!r}")
        unit.verdict = verdict
        if verdict == "not_in_readout":
            if rest.strip():
                raise LabelError(f"{where}: not_in_readout takes no links")
        else:
            unit.links = _links(rest, where, readout_ids)
    elif line.startswith("div:"):
        types = [t.strip() for t in line[4:].split(",") if t.strip()]
        for t in types:
            if t not in DIVERGENCE_TYPES:
                raise LabelError(f"{where}: divergence type {t!r} is not one of {', '.join(DIVERGENCE_TYPES)}")
        unit.divergences = types
    elif line.startswith("src:"):
        unit.source = _source(line[4:], where)
    elif line.startswith("q "):
        m = _QUOTE.match(line)
        if not m:
            raise LabelError(f'{where}: a quotation is q "TEXT" FIDELITY [rN] [by KEY/KIND]')
        words = m.group("rest").split()
        inner = m.group("text")
        pattern = re.compile(r"\s+".join(re.escape(w) for w in inner.split()))
        found = [x for x in pattern.finditer(text, unit.start, unit.end)]
        if not found:
            raise LabelError(f"{where}: quotation not found in its unit: {inner[:60]!r}")
        taken = {(q.start, q.end) for q in unit.quotes}
        span = next(((f.start(), f.end()) for f in found if (f.start(), f.end()) not in taken), None)
        if span is None:
            raise LabelError(f"{where}: quotation listed twice: {inner[:60]!r}")
        quote = Quote(span[0], span[1], short_hash(text[span[0]:span[1]]), "quotation")
        if not words:
            raise LabelError(f"{where}: a quotation needs its fidelity (or scare/title)")
        if words[0] in QUOTE_KINDS:
            quote.kind = words[0]
            if len(words) > 1:
                raise LabelError(f"{where}: scare and title quotes take nothing more")
        else:
            if words[0] not in FIDELITIES:
                raise LabelError(f"{where}: fidelity {words[0]!r} is not one of {', '.join(FIDELITIES + QUOTE_KINDS)}")
            quote.fidelity = words[0]
            rest = words[1:]
            if rest and rest[0] in readout_ids:
                quote.readout = rest.pop(0)
            if rest and rest[0] == "by":
                quote.speaker = _source(" ".join(rest[1:]), where)
                rest = []
            if rest:
                raise LabelError(f"{where}: unexpected {' '.join(rest)!r} in a quotation's labels")
            if quote.fidelity in ("verbatim", "altered", "stitched") and not quote.readout:
                raise LabelError(f"{where}: a quotation found in the readout names its readout unit")
        unit.quotes.append(quote)
    else:
        raise LabelError(f"{where}: unknown label line {line[:40]!r}")


def _check_unit(event: str, doc: Doc, unit: Unit) -> None:
    where = f"{event}.lab: {doc.id} {unit.id}"
    if doc.id == "readout" or unit.role != "body":
        if unit.verdict or unit.quotes or unit.source or unit.divergences:
            if doc.id != "readout":
                raise LabelError(f"{where}: only body units take labels")
        return
    if unit.verdict is None:
        raise LabelError(f"{where}: a body unit needs '= verdict'")
    if unit.verdict == "not_in_readout" and unit.source is None:
        raise LabelError(f"{where}: a claim not in the readout needs 'src: KEY/KIND' or 'src: -'")
    if unit.verdict == "divergent" and not unit.divergences:
        raise LabelError(f"{where}: a divergent unit needs 'div: TYPE'")
    if unit.verdict != "divergent" and unit.divergences:
        raise LabelError(f"{where}: only a divergent unit has divergences")


# --- labels.json --------------------------------------------------------------------------


def to_json(event: Event) -> str:
    def unit(u: Unit) -> dict:
        d: dict = {"id": u.id, "start": u.start, "end": u.end, "hash": u.hash, "role": u.role}
        if u.flags:
            d["flags"] = u.flags
        if u.verdict:
            d["verdict"] = u.verdict
        if u.links:
            d["links"] = [list(link) for link in u.links]
        if u.divergences:
            d["divergences"] = u.divergences
        if u.source:
            d["source"] = u.source
        if u.quotes:
            d["quotes"] = [{k: v for k, v in vars(q).items() if v is not None} for q in u.quotes]
        return d

    data = {
        "event": event.id,
        "split": event.split,
        "issuer": event.issuer,
        "docs": {d.id: {"sha256": d.sha256, "units": [unit(u) for u in d.units]}
                 for d in event.docs.values()},
    }
    # One unit a line, so that a change of label is a one-line diff.
    out = [f'{{"event": {json.dumps(event.id)}, "split": {json.dumps(event.split)}, '
           f'"issuer": {json.dumps(event.issuer, ensure_ascii=False)}, "docs": {{']
    for i, (name, d) in enumerate(data["docs"].items()):
        out.append(f' {json.dumps(name)}: {{"sha256": {json.dumps(d["sha256"])}, "units": [')
        units = [json.dumps(u, ensure_ascii=False) for u in d["units"]]
        out.append(",\n".join("  " + u for u in units))
        out.append(" ]}" + ("," if i < len(data["docs"]) - 1 else ""))
    out.append("}}")
    return "\n".join(out) + "\n"


def load_event(event_dir: Path) -> Event:
    data = json.loads((event_dir / "labels.json").read_text("utf-8"))
    docs = {}
    for name, d in data["docs"].items():
        units = []
        for u in d["units"]:
            quotes = [Quote(**q) for q in u.get("quotes", [])]
            units.append(Unit(u["id"], u["start"], u["end"], u["hash"], u["role"],
                              u.get("flags", []), u.get("verdict"),
                              [tuple(x) for x in u.get("links", [])],  # type: ignore[misc]
                              u.get("divergences", []), u.get("source"), quotes))
        docs[name] = Doc(name, d["sha256"], units)
    return Event(data["event"], data["split"], data["issuer"], docs)


def thaw(event: Event, texts: dict[str, str]) -> str:
    """The work file for ``event``, from its labels and texts (the inverse of freeze)."""
    lines = [f"# event: {event.id}", f"# split: {event.split}", f"# issuer: {event.issuer}", ""]
    for doc in event.docs.values():
        text = texts[doc.id]
        lines.append(f"## doc {doc.id}")
        for u in doc.units:
            flags = "".join(" " + f for f in u.flags)
            lines.append(f"[{u.id} {u.role}{flags}] {' '.join(text[u.start:u.end].split())}")
            if u.verdict:
                links = ", ".join(f"{r} {k}" for r, k in u.links)
                lines.append(f"  = {u.verdict}" + (f" {links}" if links else ""))
            if u.divergences:
                lines.append(f"  div: {', '.join(u.divergences)}")
            if u.source:
                lines.append(f"  src: {u.source}")
            for q in u.quotes:
                words = " ".join(text[q.start:q.end].split())
                if q.kind != "quotation":
                    tail = q.kind
                else:
                    tail = " ".join(x for x in (q.fidelity, q.readout, f"by {q.speaker}" if q.speaker else None) if x)
                lines.append(f'  q "{words}" {tail}')
        lines.append("")
    return "\n".join(lines)


def sources_hashes(event_dir: Path) -> dict[str, str]:
    """doc -> SHA-256 as SOURCES.md's table gives them (its 'doc' and 'sha256' columns)."""
    return {row["doc"]: row.get("sha256", "") for row in sources_table(event_dir)}


def sources_table(event_dir: Path) -> list[dict[str, str]]:
    path = event_dir / "SOURCES.md"
    if not path.exists():
        return []
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("|"):
            header = None if not rows and header is None else header
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        rows.append(dict(zip(header, cells)))
    return rows
