"""The progress display: on a terminal, only for long runs, never with --quiet."""

from __future__ import annotations

import io
import time

from readout_compare import progress
from readout_compare.progress import Progress
from readout_compare.timing import Timings


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_its_stage_and_erases_the_line(monkeypatch):
    monkeypatch.setattr(progress, "QUIET_FOR", 0.05)
    monkeypatch.setattr(progress, "EVERY", 0.02)
    clock, out = Timings(), Terminal()
    with Progress(clock, enabled=True, stream=out), clock.stage("align"):
        time.sleep(0.2)
    text = out.getvalue()
    assert "readout-compare: matching sentences…" in text
    assert text.endswith("\r\033[K")  # nothing left on the line


def test_a_short_run_shows_nothing(monkeypatch):
    clock, out = Timings(), Terminal()
    with Progress(clock, enabled=True, stream=out), clock.stage("align"):
        time.sleep(0.05)
    assert out.getvalue() == ""


def test_not_a_terminal_or_quiet_shows_nothing(monkeypatch):
    monkeypatch.setattr(progress, "QUIET_FOR", 0.01)
    for stream, enabled in ((io.StringIO(), True), (Terminal(), False)):
        clock = Timings()
        with Progress(clock, enabled=enabled, stream=stream), clock.stage("segment"):
            time.sleep(0.1)
        assert stream.getvalue() == ""


def test_stage_names_nest_and_unwind():
    clock = Timings()
    with clock.stage("align"):
        with clock.doing("classify"):
            assert clock.current == "classify"
        assert clock.current == "align"
    assert clock.current == "" and set(clock) == {"align"}
