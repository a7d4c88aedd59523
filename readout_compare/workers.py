"""Worker processes for the steps that run in parallel: :func:`parallel_map` decides whether a
step's work is worth forking, into how many workers and in which parts, and runs it here when it
is not. The workers never outlive the command and never leave it waiting:

* A worker that dies (killed by the out-of-memory killer, say) stops the run with a one-line
  error naming the signal; the pool is a :class:`concurrent.futures.ProcessPoolExecutor`, which
  notices a dead worker, where :class:`multiprocessing.pool.Pool` starts an idle replacement and
  waits forever for the lost result.
* Ctrl-C goes to the whole process group; workers ignore it and the parent stops them, so the
  user sees one message rather than a traceback per worker. SIGTERM and SIGHUP kill a worker
  outright. The workers are forked with those signals blocked, so that one sent to the group
  while they start is acted on only once the worker has its own handlers (before, it would run
  the parent's, which unwind the parent's stack).
* The parent waits for results in short slices, so that a signal is acted on within a fraction
  of a second whichever of its threads the kernel gave it to.
* If the parent dies, however it dies (even SIGKILL), its workers die too: on Linux the kernel
  sends them SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a thread in each worker notices that its
  parent has changed and exits.
* When the work ends it is shut down; when it fails or is interrupted, the workers are killed,
  not waited for.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from readout_compare.errors import ReadoutCompareError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
C = TypeVar("C")
S = TypeVar("S")
R = TypeVar("R")
MAX_WORKERS = 4  # worker processes at most, one per core
# Parts per worker, taken as workers come free, so that a slower core or a heavier part leaves
# no worker idle while another finishes (measured on segmentation: docs/performance.md).
PARTS_PER_WORKER = 16
_PR_SET_PDEATHSIG = 1
PARENT_POLL = 1.0  # seconds between checks of the parent, where the kernel cannot do it
RESULT_POLL = 0.2  # seconds the parent waits for a result before looking at its signals again
# Signals that stop a run; blocked while workers are forked (see the module's docstring).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


_in_worker = False  # set in each worker: a pool's workers may not start pools of their own


def fork_available() -> bool:
    """Whether work can be forked into a pool here: where processes fork, and not inside a
    worker or another daemonic process (a Dask worker of corpus mode), which may have no
    children. Imports multiprocessing only when asked (most comparisons never need it, and it
    takes time at start-up)."""
    import multiprocessing

    return (not _in_worker and not multiprocessing.current_process().daemon
            and "fork" in multiprocessing.get_all_start_methods())


@dataclass(frozen=True)
class _Work:
    """What a pool's workers run: ``work`` over slices of ``items``, reading what ``prepare``
    makes of ``context`` (see :func:`parallel_map`). Handed to the workers by the fork, not sent."""

    work: Callable[[Any, Sequence[Any]], Any]
    items: Sequence[Any]
    context: Any
    prepare: Callable[[Any], Any] | None


def parallel_map(
    work: Callable[[S, Sequence[T]], R],
    items: Sequence[T],
    context: C,
    *,
    size: int,
    least: int,
    prepare: Callable[[C], S] | None = None,
) -> list[R]:
    """``work(state, part)`` for parts of ``items`` that hold them all, in order, and the
    results in that order; ``state`` is ``prepare(context)``, made once in each process that
    does the work (an index every part reads), or ``context`` itself. Each item's result must
    not depend on how the items are cut into parts.

    The work goes to worker processes when it is worth it: when its ``size`` (counted as the
    caller counts its cost: pairs, characters, sentences) reaches ``least``, this process can
    fork (:func:`fork_available`), and there are cores and items for two workers or more. Then
    there are as many workers as cores, up to :data:`MAX_WORKERS`, and :data:`PARTS_PER_WORKER`
    parts per worker, taken as workers come free; the items and the context reach the workers
    through the fork, and each part is sent as the positions of its first and last items.
    Otherwise the work runs here, as one part: all the items."""
    from concurrent.futures.process import BrokenProcessPool

    workers = min(os.cpu_count() or 1, MAX_WORKERS, len(items))
    if size < least or workers < 2 or not fork_available():
        return [work(prepare(context) if prepare is not None else context, items)]
    step = -(-len(items) // (workers * PARTS_PER_WORKER))
    bounds = [(lo, min(lo + step, len(items))) for lo in range(0, len(items), step)]
    with _worker_pool(workers, _Work(work, items, context, prepare)) as pool:
        try:
            futures = _submit_all(pool, _run_part, bounds)
        except BrokenProcessPool:  # a worker died while the work was still being handed out
            raise ReadoutCompareError(_death_message(pool)) from None
        return [_result(f, pool) for f in futures]


@contextlib.contextmanager
def _worker_pool(workers: int, work: _Work) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` forked processes (sharing the parent's memory), each running
    ``work``. When the block ends normally the pool is shut down; otherwise its workers are
    killed."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(os.getpid(), work))
    try:
        yield pool
    except BaseException:
        _kill_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _submit_all(pool: ProcessPoolExecutor, func: Callable[[T], R],
                items: list[T]) -> list[Future[R]]:
    """Submit every item; the first submit forks the workers, with the stop signals blocked."""
    if not items:
        return []
    blocked = (hasattr(signal, "pthread_sigmask")
               and threading.current_thread() is threading.main_thread())
    if blocked:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        first = pool.submit(func, items[0])
        # Kept for the error message and for killing them (the pool forgets its processes
        # once it is broken or shut down); noted before a signal held back can be acted on.
        pool._rc_processes = list((pool._processes or {}).values())  # type: ignore[attr-defined]
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return [first, *(pool.submit(func, item) for item in items[1:])]


def _result(future: Future[R], pool: ProcessPoolExecutor) -> R:
    """The future's result, waited for in short slices; a dead worker is a one-line error."""
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    while True:
        try:
            return future.result(timeout=RESULT_POLL)
        except FutureTimeout:
            continue
        except BrokenProcessPool:
            raise ReadoutCompareError(_death_message(pool)) from None


def _death_message(pool: ProcessPoolExecutor) -> str:
    processes = getattr(pool, "_rc_processes", None) or []
    deadline = time.monotonic() + 1.0  # the pool is stopping the others; let them be reaped
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(max(0.0, deadline - time.monotonic()))
    codes = [p.exitcode for p in processes]
    killed = {-c for c in codes if c is not None and c < 0}
    if len(killed) > 1:  # the pool sends SIGTERM to the others once one has died
        killed.discard(signal.SIGTERM)
    if killed:
        signum = min(killed)
        oom = ", perhaps by the out-of-memory killer" if signum == signal.SIGKILL else ""
        why = f"was killed ({_signal_name(signum)}{oom})"
    else:
        exited = sorted({c for c in codes if c})
        why = f"exited unexpectedly (status {exited[0]})" if exited else "died"
    return f"a worker process {why}; the run was stopped"


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    noted = getattr(pool, "_rc_processes", None) or []
    current = list((getattr(pool, "_processes", None) or {}).values())  # spawned on demand
    for process in [*noted, *current]:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


# In a worker: the work of its pool, and what it prepared from the work's context.
_work: _Work | None = None
_state: Any = None


def _run_part(bounds: tuple[int, int]) -> Any:
    """In a worker: the work over one part of the items."""
    global _state
    assert _work is not None, "_run_part runs in the workers of parallel_map"
    if _state is None:
        prepare = _work.prepare
        _state = (prepare(_work.context) if prepare is not None else _work.context,)
    lo, hi = bounds
    return _work.work(_state[0], _work.items[lo:hi])


def _start_worker(parent: int, work: _Work) -> None:
    global _in_worker, _work
    _in_worker = True
    _work = work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if not die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)
    if hasattr(signal, "pthread_sigmask"):  # forked with them blocked (_submit_all)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def die_with_parent() -> bool:
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
