"""The real-news benchmark's labels (bench/real/events/*/labels.json) hold together without
their texts, and the work-file format round-trips (bench/reallabels.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import bench_module

BENCH = Path(__file__).parent.parent / "bench"
EVENTS = sorted((BENCH / "real" / "events").glob("*/labels.json"))


rl = bench_module("reallabels")


@pytest.mark.parametrize("path", EVENTS, ids=[p.parent.name for p in EVENTS])
def test_labels_hold_together(path: Path) -> None:
    event = rl.load_event(path.parent)
    assert event.split in ("dev", "heldout")
    assert event.id == path.parent.name
    assert "readout" in event.docs and event.accounts
    readout_ids = {u.id for u in event.readout.units}
    assert sum("main" in u.flags for u in event.readout.units) >= 1
    for doc in event.docs.values():
        assert len(doc.sha256) == 64
        last = 0
        for n, u in enumerate(doc.units, 1):
            assert u.id == ("r" if doc.id == "readout" else "u") + str(n)
            assert last <= u.start < u.end, (doc.id, u.id)
            last = u.end
            assert u.role in rl.ROLES
            if u.role != "body" or doc.id == "readout":
                assert u.verdict is None and not u.quotes
                continue
            assert u.verdict in rl.VERDICTS
            assert all(r in readout_ids and k in rl.LINK_KINDS for r, k in u.links)
            assert bool(u.links) == (u.verdict != "not_in_readout")
            assert bool(u.divergences) == (u.verdict == "divergent")
            if u.verdict == "not_in_readout":
                assert u.source
            for q in u.quotes:
                assert u.start <= q.start < q.end <= u.end
                assert (q.fidelity in rl.FIDELITIES) == (q.kind == "quotation")


def test_sources_list_every_text_with_its_hash() -> None:
    for path in EVENTS:
        event = rl.load_event(path.parent)
        listed = rl.sources_hashes(path.parent)
        for doc in event.docs.values():
            assert listed.get(doc.id) == doc.sha256, (event.id, doc.id)


def test_no_text_in_the_labels() -> None:
    # Labels carry offsets, hashes and names of speakers, never the articles' sentences.
    for path in EVENTS:
        data = json.loads(path.read_text("utf-8"))
        for doc in data["docs"].values():
            for u in doc["units"]:
                assert set(u) <= {"id", "start", "end", "hash", "role", "flags", "verdict",
                                  "links", "divergences", "source", "quotes"}
                assert len(u.get("source", "")) < 80


WORK = """# event: ex
# split: dev
# issuer: Ministry of Examples

## doc readout
[r1 heading] Readout of the Minister's Call
[r2 body main] The Minister spoke with her counterpart on Monday and urged calm.

## doc a1
[u1 heading headline] Minister urges calm
[u2 furniture] LONDON (Wire) -
[u3 body] The minister "urged calm" on Monday, the ministry said.
  = supported r2 partial
  src: ministry/issuer
  q "urged calm" verbatim r2 by ministry/issuer
[u4 body] Markets fell.
  = not_in_readout
  src: -
"""

TEXTS = {
    "readout": "Readout of the Minister's Call\n\nThe Minister spoke with her counterpart on Monday "
               "and urged calm.\n",
    "a1": "Minister urges calm\nLONDON (Wire) - The minister \"urged calm\" on Monday, the ministry "
          "said. Markets fell.\n",
}


def test_work_file_round_trips() -> None:
    event = rl.parse_work(WORK, "ex", TEXTS)
    unit = event.docs["a1"].unit("u3")
    assert TEXTS["a1"][unit.start:unit.end].startswith("The minister")
    q = unit.quotes[0]
    assert TEXTS["a1"][q.start:q.end] == "urged calm"
    again = rl.parse_work(rl.thaw(event, TEXTS), "ex", TEXTS)
    assert rl.to_json(again) == rl.to_json(event)


@pytest.mark.parametrize("change, message", [
    ("[u4 body] Markets fell.", None),
    ("[u4 body] Markets rose.", "not what comes next"),
    ("[u4 claim] Markets fell.", "role"),
    ("[u5 body] Markets fell.", "numbered in order"),
])
def test_work_file_errors_say_where(change: str, message: str | None) -> None:
    work = WORK.replace("[u4 body] Markets fell.", change)
    if message is None:
        rl.parse_work(work, "ex", TEXTS)
        return
    with pytest.raises(rl.LabelError, match=message):
        rl.parse_work(work, "ex", TEXTS)


def test_a_claim_not_in_the_readout_needs_its_source() -> None:
    with pytest.raises(rl.LabelError, match="src"):
        rl.parse_work(WORK.replace("  src: -\n", ""), "ex", TEXTS)


def test_text_left_over_is_an_error() -> None:
    texts = dict(TEXTS, a1=TEXTS["a1"] + "Subscribe now\n")
    with pytest.raises(rl.LabelError, match="after its last unit"):
        rl.parse_work(WORK, "ex", texts)
