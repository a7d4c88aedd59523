"""Output: put a finished report where the user asked, whole or not at all.

A regular file (or a path that does not exist yet) is written atomically: a temporary file in the
target's own folder (the real target's, when the path is a symlink), given the target's mode,
owner and extended attributes (ACLs among them), then renamed over it, so a reader sees the old
report or the new one and never half of one. Two kinds of target are instead rewritten in place,
once the whole report has been written to the temporary file (so a full disk fails before the
target is touched): a file with more than one hard link, since a rename would leave the other
names on the old report; and a file whose extended attributes cannot all be copied (a
``security.`` or ``trusted.`` attribute this user may not set). Anything else that already exists
(a FIFO, a character device such as a terminal, a socket) is written straight through, since
renaming over it would replace the device or FIFO with a plain file. Standard output gets the
report's UTF-8 bytes, whatever the terminal's own encoding.

Temporary files are named ``.readout-compare-<pid>-<random>.tmp`` (short, so that a target
whose name is as long as the file system allows can still be written). They are removed on any
error, on Ctrl-C, SIGTERM and SIGHUP (the CLI turns those into exceptions); one left by a process
that was killed outright (SIGKILL) is removed by the next write to the same folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from readout_compare.errors import ReadoutCompareError

TMP_MARK = ".readout-compare-"  # temporary files: TMP_MARK + "<pid>-<random>.tmp"


def write_report(output: str, text: str) -> None:
    """Write ``text`` (a whole report) to the path ``output``, or to standard output for ``-``."""
    data = text.encode("utf-8", "replace")
    if output == "-":
        write_stdout(data)
        return
    target = Path(os.path.realpath(output))  # through symlinks: replace what the link points to
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ReadoutCompareError(f"{output}: cannot write ({exc.strerror or exc})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ReadoutCompareError(f"{output}: is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(output, target, data)
        return
    if not target.parent.is_dir():
        raise ReadoutCompareError(f"{output}: folder {str(Path(output).parent)!r} does not exist")
    _write_atomically(output, target, data, st)


def write_stdout(data: bytes) -> None:
    """The report's bytes to standard output; a closed stream is a one-line error."""
    stream = sys.stdout
    if stream is None or stream.closed:
        raise ReadoutCompareError("standard output is closed; give -o PATH")
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:  # a text-only stream (an embedding application's)
            stream.write(data.decode("utf-8", "replace"))
            stream.flush()
    except BrokenPipeError:
        # The reader went away (``| head``). Point stdout at /dev/null so that Python's own
        # flush at exit does not fail a second time.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
        raise ReadoutCompareError(
            "standard output was closed before the whole report was written"
        ) from None
    except (OSError, ValueError) as exc:
        raise ReadoutCompareError(f"cannot write to standard output ({exc})") from None


def _write_through(output: str, target: Path, data: bytes) -> None:
    try:
        with open(target, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise ReadoutCompareError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _write_atomically(output: str, target: Path, data: bytes, st: os.stat_result | None) -> None:
    folder = target.parent
    remove_stale_temporaries(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{TMP_MARK}{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReadoutCompareError(f"{output}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if st is None:
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        elif st.st_nlink > 1 or not _same_attributes(target, tmp, st):
            _write_in_place(target, data)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ReadoutCompareError(f"{output}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _same_attributes(target: Path, tmp: str, st: os.stat_result) -> bool:
    """Give ``tmp`` the target's mode, owner and extended attributes; False when some cannot
    be copied (the target is then rewritten in place, keeping them)."""
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(tmp, st.st_uid, st.st_gid)
    if not hasattr(os, "listxattr"):
        return True
    try:
        names = os.listxattr(target)
    except OSError:  # a file system without extended attributes
        return True
    try:
        for name in names:
            value = os.getxattr(target, name)
            with contextlib.suppress(OSError):
                if os.getxattr(tmp, name) == value:  # a default label the new file has too
                    continue
            os.setxattr(tmp, name, value)
    except OSError:
        return False
    return True


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite the target's contents, keeping the file itself (its links, attributes)."""
    fd = os.open(target, os.O_WRONLY | os.O_TRUNC)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files in ``folder`` left by processes that no longer run."""
    pattern = re.compile(re.escape(TMP_MARK) + r"(\d+)-[\w]+\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if m and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
