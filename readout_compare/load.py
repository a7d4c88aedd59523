"""Load: turn what the user gave (a path, a URL, ``-`` for stdin, raw bytes) into clean text and
a :class:`Source` that records where it came from.

The kind of input is decided from its content and the server's headers, not from the file name:
a PDF by its signature, a web page by its markup or ``Content-Type``, anything else as text in
whatever common encoding it is in. This step and the CLI are the only ones that do I/O; every
refusal is a :class:`ReadoutCompareError` whose message fits on one line.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

from readout_compare.errors import ReadoutCompareError
from readout_compare.model import LoadedText, Source

MAX_BYTES = 50 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")

# C0/C1 control characters other than tab and newline never belong in a report.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")


def load(name: str, *, stdin: bytes | None = None, timeout: float | None = None) -> LoadedText:
    """Read a path, an http(s) URL, or ``-`` for standard input, and extract its text."""
    from readout_compare.fetch import fetch, is_url

    if name == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read()
        return load_bytes(data, Source(path="-"), name="standard input")
    if is_url(name):
        got = fetch(name, timeout=timeout)
        source = Source(url=got.url, final_url=got.final_url, retrieved=got.retrieved,
                        content_type=got.content_type)
        return load_bytes(got.data, source, name=name, content_type=got.content_type,
                          charset=got.charset)
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


def load_bytes(
    data: bytes,
    source: Source,
    *,
    name: str,
    content_type: str | None = None,
    charset: str | None = None,
) -> LoadedText:
    """Decode and extract bytes, recording their digest, kind and metadata in the source."""
    from readout_compare import extract

    source = replace(source, sha256=hashlib.sha256(data).hexdigest())
    if not data.strip():
        raise ReadoutCompareError(f"{name}: no text to compare (the input is empty)")
    if content_type == "application/pdf" or extract.looks_like_pdf(data):
        if not extract.looks_like_pdf(data):
            raise ReadoutCompareError(f"{name}: said to be a PDF but is not one")
        found = extract.pdf_text(data, name=name)
        source = replace(source, content_type="application/pdf", title=found.title)
        text = found.text
    elif content_type in HTML_TYPES or extract.looks_like_html(data):
        html, encoding = decode(data, name=name, declared=charset or _meta_charset(data))
        found = extract.html_text(html, name=name)
        source = replace(
            source, content_type="text/html", encoding=encoding, title=found.title,
            date=found.date, site_name=found.site_name, canonical_url=found.canonical_url,
        )
        text = found.text
    else:
        text, encoding = decode(data, name=name, declared=charset)
        if _looks_like_markdown(text):
            text = markdown_to_text(text)
            source = replace(source, content_type="text/markdown")
        source = replace(source, encoding=encoding)
    text = clean_text(text)
    if not text.strip():
        raise ReadoutCompareError(f"{name}: no text to compare (the input is empty)")
    return LoadedText(text, source)


def decode(data: bytes, *, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode with a BOM if there is one, as UTF-8 if it is valid, as the declared charset if
    that works, else by detection (charset-normalizer); repair mojibake (ftfy)."""
    text, encoding = _decode(data, name=name, declared=declared)
    if _looks_binary(text):
        raise ReadoutCompareError(f"{name}: looks like a binary file, not text")
    return fix_mojibake(text), encoding


def _decode(data: bytes, *, name: str, declared: str | None) -> tuple[str, str]:
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
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
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
    return str(best), best.encoding


def fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong encoding somewhere upstream ("â€™" for "’"),
    keeping curly quotes, dashes and widths as they are."""
    if text.isascii():
        return text  # no mojibake possible
    import ftfy

    return ftfy.fix_text(
        text, uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False,
        normalization=None, explain=False,
    )


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(
        1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t"
    )
    return odd / len(sample) > 0.05


def _meta_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii") if m else None


_MD_SIGNS = re.compile(r"^(#{1,6} |[ \t]*[-*+] |[ \t]*\d+\. |> )|\[[^\]]+\]\([^)]+\)|\*\*\w", re.MULTILINE)


def _looks_like_markdown(text: str) -> bool:
    return len(_MD_SIGNS.findall(text[:20_000])) >= 2


def markdown_to_text(text: str) -> str:
    """Markdown to plain paragraphs: headings, emphasis, links, images, code marks removed;
    list markers are kept, so that the segmenter sees the items."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", r"\1", text, flags=re.MULTILINE)  # headings
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.MULTILINE)  # block quotes
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", "", text, flags=re.MULTILINE)  # rules
    return text


def clean_text(text: str) -> str:
    """Unify line ends and drop control characters, so offsets are offsets into clean text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
