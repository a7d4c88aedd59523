"""How the command line ends: the tool's error (and I/O trouble) as one line on stderr and exit
status 1, a review file that cannot be read as status 2 like a usage error, Ctrl-C as 130, and
SIGTERM and SIGHUP as 128 + the signal's number, unwinding the stack (so that no temporary
file is left) rather than dying where the signal lands.
"""

from __future__ import annotations

import contextlib
import functools
import signal
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from readout_compare.errors import ReadoutCompareError
from readout_compare.normalize import clean_label

F = TypeVar("F", bound=Callable[..., Any])


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing any temporary file) and exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def friendly_errors(func: F) -> F:
    """Turn the tool's exception (and I/O trouble) into a one-line message and exit status 1;
    Ctrl-C into exit status 130, SIGTERM and SIGHUP into 128 + the signal's number."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with _signals_as_exceptions():
                return func(*args, **kwargs)
        except ReadoutCompareError as exc:
            raise click.ClickException(clean_label(str(exc))) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(clean_label(f"{where}{exc.strerror or exc}")) from None
        except KeyboardInterrupt:
            click.echo("readout-compare: interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except Interrupted as exc:
            raise click.exceptions.Exit(128 + exc.signum) from None

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """While the command runs, SIGTERM and SIGHUP unwind the stack like Ctrl-C does."""
    def handler(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}
    try:
        for signum in wanted:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


class ReviewFileProblem(click.ClickException):
    """A review file that cannot be read: one line, and exit status 2 like a usage error."""

    exit_code = 2
