"""Wall time per pipeline stage, for ``--timings`` and bench/speed.py."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings(dict[str, float]):
    """Seconds spent per stage, added up over calls; ``current`` names the stage running now
    (read by the command line's progress display from another thread)."""

    current: str = ""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        with self.doing(name):
            try:
                yield
            finally:
                self[name] = self.get(name, 0.0) + time.perf_counter() - start

    @contextmanager
    def doing(self, what: str) -> Iterator[None]:
        """Name what runs now, without timing it as a stage of its own."""
        previous, self.current = self.current, what
        try:
            yield
        finally:
            self.current = previous

    def line(self) -> str:
        return " ".join(f"{k}={v:.3f}s" for k, v in self.items())


@contextmanager
def maybe(timings: Timings | None, name: str) -> Iterator[None]:
    if timings is None:
        yield
    else:
        with timings.stage(name):
            yield
