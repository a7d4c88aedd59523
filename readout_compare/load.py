"""Load: turn what the user gave (a path, ``-`` for stdin, raw bytes) into clean text and a Source.

This is the only step besides the CLI that does I/O. Everything it refuses, it refuses with a
:class:`ReadoutCompareError` whose message fits on one line.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from readout_compare.errors import ReadoutCompareError
from readout_compare.model import Source

MAX_BYTES = 50 * 1024 * 1024

# C0/C1 control characters other than tab and newline never belong in a report.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")


@dataclass(frozen=True)
class LoadedText:
    """Text ready to segment, with where it came from."""

    text: str
    source: Source


def load(name: str, *, stdin: bytes | None = None) -> LoadedText:
    """Read a path (or ``-`` for standard input) and decode it."""
    if name == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read()
        return load_bytes(data, Source(path="-"), name="standard input")
    path = Path(name)
    if path.is_dir():
        raise ReadoutCompareError(f"{name}: is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadoutCompareError(
                f"{name}: file is {size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MiB"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadoutCompareError(f"{name}: no such file") from None
    except PermissionError:
        raise ReadoutCompareError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ReadoutCompareError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return load_bytes(data, Source(path=str(path)), name=name)


def load_bytes(data: bytes, source: Source, *, name: str) -> LoadedText:
    """Decode bytes into text, recording the digest and encoding in the source."""
    source = _with(source, sha256=hashlib.sha256(data).hexdigest())
    text, encoding = decode(data, name=name)
    text = clean_text(text)
    if not text.strip():
        raise ReadoutCompareError(f"{name}: no text to compare (the input is empty)")
    return LoadedText(text, _with(source, encoding=encoding))


def decode(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode with a BOM if there is one, as UTF-8 if it is valid, else by detection."""
    if not data.strip():
        raise ReadoutCompareError(f"{name}: no text to compare (the input is empty)")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise ReadoutCompareError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
    if b"\x00" in data[:8192]:
        raise ReadoutCompareError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: let a library made for the job decide, and refuse if it cannot.
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # On short texts several single-byte encodings tie; English news text in a legacy
        # encoding is overwhelmingly Windows-1252 (a superset of Latin-1), so it wins ties.
        for preferred in ("cp1252", "latin_1", "iso8859_15"):
            tie = next(
                (
                    m for m in results
                    if m.encoding == preferred
                    and m.chaos <= best.chaos
                    and m.coherence >= best.coherence
                ),
                None,
            )
            if tie is not None:
                best = tie
                break
    if best is None or best.encoding is None:
        raise ReadoutCompareError(
            f"{name}: cannot tell the text encoding; save the file as UTF-8 and try again"
        )
    text = str(best)
    if _looks_binary(text):
        raise ReadoutCompareError(f"{name}: looks like a binary file, not text")
    return text, best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(
        1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t"
    )
    return odd / len(sample) > 0.05


def clean_text(text: str) -> str:
    """Unify line ends and drop control characters, so offsets are offsets into clean text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _with(source: Source, **changes: object) -> Source:
    from dataclasses import replace

    return replace(source, **changes)  # type: ignore[arg-type]
