"""Progress on a terminal: which stage a long comparison is in, and for how long.

Shown on standard error only when it is a terminal, only once the run has taken more than
:data:`QUIET_FOR` seconds (a short comparison prints nothing), and never with ``--quiet``. The
line is rewritten in place and erased when the run ends, so it never mixes with the report or
with an error message.
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

from readout_compare.timing import Timings

QUIET_FOR = 2.0  # seconds before anything is shown
EVERY = 0.5  # seconds between updates
WORDS = {
    "load": "reading the inputs", "segment": "splitting sentences",
    "align": "matching sentences", "classify": "checking quotes and divergences",
    "groups": "grouping claims across accounts", "framing": "reading verbs of saying",
    "placement": "placing the readout in each story", "findings": "picking the findings",
    "render": "writing the report",
}


class Progress:
    """``with Progress(timings, enabled=...):`` around the work."""

    def __init__(self, timings: Timings, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.timings = timings
        self.stream = stream or sys.stderr
        self.enabled = enabled and _is_terminal(self.stream)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._shown = False
        self._start = time.monotonic()

    def __enter__(self) -> Progress:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            self._write("\r\033[K")

    def _run(self) -> None:
        if self._stop.wait(QUIET_FOR):
            return
        while not self._stop.is_set():
            stage = self.timings.current
            elapsed = time.monotonic() - self._start
            self._write(f"\r\033[Kreadout-compare: {WORDS.get(stage, stage or 'working')}… "
                        f"{elapsed:.0f} s")
            self._shown = True
            self._stop.wait(EVERY)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self._stop.set()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
