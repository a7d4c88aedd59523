"""Worker processes for the steps that run in parallel (segmenting large inputs, aligning large
pairs), made so that they never outlive the command.

* Ctrl-C goes to the whole process group; workers ignore it and the parent stops them, so the
  user sees one message rather than a traceback per worker.
* If the parent dies, however it dies (even SIGKILL), its workers die too: on Linux the kernel
  sends them SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a thread in each worker notices that its
  parent has changed and exits.
* When the work ends, or fails, or is interrupted, the pool is terminated, not waited for.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

T = TypeVar("T")
R = TypeVar("R")
_PR_SET_PDEATHSIG = 1
PARENT_POLL = 1.0  # seconds between checks of the parent, where the kernel cannot do it


_in_worker = False  # set in each worker: a pool's workers may not start pools of their own


def fork_available() -> bool:
    """Whether work can be forked into a pool here (not inside a worker, whose processes are
    daemons and may have no children). Imports multiprocessing only when asked (about 15 ms
    at start-up that most comparisons never need)."""
    import multiprocessing

    return not _in_worker and "fork" in multiprocessing.get_all_start_methods()


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[Pool]:
    """A pool of ``workers`` processes (forked where possible, so that they share the parent's
    memory) that is terminated when the block ends, normally or not."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if fork_available() else "spawn")
    pool = context.Pool(workers, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.terminate()
        pool.join()


_shared: Any = None  # what the work of the running pool shares (see parallel_map)


def parallel_map(
    func: Callable[[T], R], items: Iterable[T], workers: int, *, shared: Any = None
) -> list[R]:
    """``[func(x) for x in items]`` in ``workers`` processes, in order. ``shared`` (the
    documents, the readout's profiles...) is what every item's work reads through
    :func:`shared`: forked workers find it in memory, so only the small items are sent."""
    global _shared
    _shared = shared
    try:
        with worker_pool(workers) as pool:
            return pool.map(func, list(items), chunksize=1)
    finally:
        _shared = None


def shared() -> Any:
    """In a worker, the ``shared`` value of the :func:`parallel_map` that started it."""
    assert _shared is not None, "shared() is for work run by parallel_map(..., shared=...)"
    return _shared


def _start_worker(parent: int) -> None:
    global _in_worker
    _in_worker = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)


def _die_with_parent() -> bool:
    """Ask the kernel to kill this process when its parent dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL)
        if os.getppid() != parent:
            os._exit(1)
