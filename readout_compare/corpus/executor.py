"""Where the work runs: in this process, or on a Dask cluster (a local one, ``--workers``, or an
existing one, ``--scheduler``), with what every task shares sent to each worker once, lost work
sent again, and Dask's failures told to the user in one line."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

from readout_compare.errors import ReadoutCompareError
from readout_compare.normalize import clean_label

RETRIES = 2  # times the work lost with a Dask worker or the scheduler is sent again


class Executor:
    """Runs work here, or on a Dask cluster: a local one (``--workers``) or an existing one
    (``--scheduler``). What every task shares is sent to each worker once. Work lost with a
    worker (killed, or its machine gone) is sent again, up to RETRIES times; after that, or when
    the scheduler cannot be reached, the run stops with one line."""

    def __init__(self, *, scheduler: str | None, workers: int | None, timeout: float) -> None:
        self.client = self.cluster = None
        self._shared: tuple[Any, Any] | None = None
        self.where = scheduler or f"a local cluster of {workers} workers"
        if not scheduler and not workers:
            return
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ReadoutCompareError(
                "--scheduler and --workers need Dask: pip install 'readout-compare[corpus]'"
            ) from None
        _quiet_dask(logging.CRITICAL)  # its failures reach the user as one line (below)
        try:
            if scheduler:
                _probe_scheduler(scheduler, timeout)
                self.client = Client(scheduler, timeout=timeout)
            else:
                # Workers ignore Ctrl-C (the terminal sends it to them too): this process stops
                # them. Ignored here while they start, and by each worker as it starts
                # (dask_setup below: a worker its nanny restarts is spawned anew).
                with _local_workers_start():
                    self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                                processes=True, dashboard_address=None,
                                                preload=["readout_compare.corpus.executor"])
                self.client = Client(self.cluster)
        except Exception as exc:
            self.close()
            if isinstance(exc, ReadoutCompareError):
                raise
            raise ReadoutCompareError(
                f"cannot start Dask on {self.where} ({_one_line(exc)})") from None
        except BaseException:  # Ctrl-C or SIGTERM while it started
            self.close()
            raise

    def map(self, func: Callable[[Any, Any], Any], items: list[Any], shared: Any) -> Iterator[Any]:
        """``func(item, shared)`` for every item, yielded as each completes."""
        if self.client is None:
            for item in items:
                yield func(item, shared)
            return
        from dask.distributed import as_completed

        todo = list(items)
        for attempt in range(RETRIES + 1):
            try:
                if self._shared is None or self._shared[0] is not shared or attempt:
                    self._shared = (shared, self.client.scatter(shared, broadcast=True))
                futures = self.client.map(func, todo, shared=self._shared[1], pure=False)
            except Exception as exc:
                raise self._lost(exc) from None
            item_of = {f.key: item for f, item in zip(futures, todo)}
            failed, cause = [], None
            # Each result is let go once it is taken, so that workers don't keep them all.
            for future in as_completed(futures):
                try:
                    result = future.result()
                except ReadoutCompareError:
                    raise
                except Exception as exc:  # the worker or the scheduler went away
                    if type(exc).__name__ == "KilledWorker":  # this work itself kills workers
                        raise ReadoutCompareError(
                            f"Dask workers on {self.where} died each time they took one part of "
                            f"the work, perhaps out of memory ({_one_line(exc)})") from None
                    failed.append(item_of[future.key])
                    cause = exc
                    continue
                future.release()
                yield result
            if not failed:
                return
            todo = failed
        raise self._lost(cause)

    def _lost(self, exc: BaseException | None) -> ReadoutCompareError:
        why = _one_line(exc) if exc is not None else "no reason given"
        return ReadoutCompareError(
            f"Dask on {self.where} failed, and the work could not be finished ({why}); "
            "give --resume to carry on")

    def close(self) -> None:
        _quiet_dask(logging.CRITICAL)  # its shutdown warnings are no news to the user
        with contextlib.suppress(Exception):
            if self.client is not None:
                self.client.close()
        with contextlib.suppress(Exception):
            if self.cluster is not None:
                self.cluster.close()
        self.client = self.cluster = None


def dask_setup(worker: Any) -> None:
    """Run by each local Dask worker as it starts (``preload``): Ctrl-C is for the parent, and
    the worker dies with it (on Linux at once; elsewhere Dask notices within seconds)."""
    import signal
    import threading

    from readout_compare.workers import die_with_parent

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _quiet_dask(logging.CRITICAL)
    die_with_parent()


@contextlib.contextmanager
def _local_workers_start() -> Iterator[None]:
    """While a local cluster starts its workers (about a second): Ctrl-C ignored, a
    disposition the spawned processes inherit (blocking it would not reach them: the threads
    that spawn them run with no signal blocked), Dask's logging in them silenced from the start
    (its configuration is read from the environment when they import it), and its warnings
    here too."""
    import os
    import signal
    import threading
    import warnings

    env = {"DASK_LOGGING__DISTRIBUTED": "critical"}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with warnings.catch_warnings():  # "Port 8787 is already in use": no news to the user
            warnings.simplefilter("ignore")
            yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _quiet_dask(level: int) -> None:
    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(level)


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return clean_label(text)[:300]


def _probe_scheduler(address: str, timeout: float) -> None:
    """A Dask scheduler speaks first when a client connects; a web server or anything else
    waits for the client, and Dask's own connect then waits for ever. So a plain TCP address
    is checked first: it must answer within ``timeout`` seconds (at most 10)."""
    import socket
    from urllib.parse import urlsplit

    scheme = address.split("://", 1)[0].lower() if "://" in address else "tcp"
    if scheme != "tcp":
        return  # tls, ucx, inproc...: left to Dask, whose errors are caught
    try:
        parts = urlsplit(address if "://" in address else f"tcp://{address}")
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or not port:
        raise ReadoutCompareError(f"--scheduler {clean_label(address)!r}: give tcp://HOST:PORT")
    wait = min(timeout, 10.0)
    try:
        with socket.create_connection((host, port), timeout=wait) as sock:
            sock.settimeout(wait)
            if not sock.recv(1):
                raise ReadoutCompareError(
                    f"{clean_label(address)}: closed the connection; is it a Dask scheduler?")
    except TimeoutError:
        raise ReadoutCompareError(
            f"{clean_label(address)}: no Dask scheduler answered within {wait:g} s "
            "(is it a web server or another service?)") from None
    except OSError as exc:
        raise ReadoutCompareError(
            f"cannot reach the Dask scheduler at {clean_label(address)} "
            f"({exc.strerror or exc})") from None
