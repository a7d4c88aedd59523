"""Load: turn what the user gave (a path, a URL, ``-`` for stdin, raw bytes) into clean text and
a :class:`Source` that records where it came from.

The kind of input is decided from its content and the server's headers, not from the file name:
a PDF by its signature, a web page by its markup or ``Content-Type``, anything else as text in
whatever common encoding it is in. This step and the CLI are the only ones that do I/O; every
refusal is a :class:`ReadoutCompareError` whose message fits on one line.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from readout_compare.errors import ReadoutCompareError
from readout_compare.model import LoadedText, Source
from readout_compare.normalize import clean_label, clean_text

MAX_BYTES = 50 * 1024 * 1024  # what is read from any input, before extraction
# The most text one input may hold after extraction: a 5-million-character account takes about
# 45 s and 1.1 GB on two cores (docs/performance.md); ten times that does not finish.
MAX_TEXT_CHARS = 5_000_000
HTML_TYPES = ("text/html", "application/xhtml+xml")


def load(name: str, *, stdin: bytes | None = None, timeout: float | None = None) -> LoadedText:
    """Read a path, an http(s) URL, or ``-`` for standard input, and extract its text."""
    if name == "-":
        data = stdin if stdin is not None else _read_capped(sys.stdin.buffer, "standard input")
        if len(data) > MAX_BYTES:
            raise ReadoutCompareError(f"standard input: {_over_limit()}")
        return load_bytes(data, Source(path="-"), name="standard input")
    if is_url(name) and not ("://" not in name and os.path.lexists(name)):
        # (A local file named like a URL without "//", "data:2024.txt", is read as the file.)
        from readout_compare.fetch import fetch  # only for URLs: the HTTP machinery is heavy

        got = fetch(name, timeout=timeout)
        source = Source(url=got.url, final_url=got.final_url, retrieved=got.retrieved,
                        content_type=got.content_type)
        return load_bytes(got.data, source, name=name, content_type=got.content_type,
                          charset=got.charset)
    shown = clean_label(name)
    path = Path(name)
    try:
        if path.is_dir():
            raise ReadoutCompareError(f"{shown}: is a directory, not a file")
        with open(path, "rb") as fh:  # a regular file, a FIFO or a device: every read capped
            data = _read_capped(fh, shown)
    except FileNotFoundError:
        raise ReadoutCompareError(f"{shown}: no such file") from None
    except PermissionError:
        raise ReadoutCompareError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise ReadoutCompareError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return load_bytes(data, Source(path=clean_label(str(path))), name=shown)


def is_url(name: str) -> bool:
    """True for anything with a scheme (so that file: and ftp: are refused, not read as paths)."""
    try:
        scheme = urlsplit(name).scheme
    except ValueError:  # "http://[::1/x": malformed, but meant as a URL; fetch() says why
        return "://" in name
    return ("://" in name and len(scheme) > 1) or scheme in ("file", "ftp", "data", "javascript")


def _read_capped(stream: BinaryIO, name: str) -> bytes:
    """At most :data:`MAX_BYTES`; one byte more means the input is over the limit."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReadoutCompareError(f"{name}: {_over_limit()}")
    return data


def _over_limit() -> str:
    return f"the input is over the limit of {MAX_BYTES // 2**20} MiB"


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
    if not _VISIBLE.search(text):
        raise ReadoutCompareError(
            f"{name}: no text to compare (the input is empty, or only spaces and invisible "
            "characters)")
    if len(text) > MAX_TEXT_CHARS:
        raise ReadoutCompareError(
            f"{name}: the text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    source = replace(
        source,
        title=clean_label(source.title) or None if source.title else None,
        site_name=clean_label(source.site_name) or None if source.site_name else None,
    )
    return LoadedText(text, source)


def decode(data: bytes, *, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; return the text and a description of the encoding used.

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-8 when the bytes are valid UTF-8,
    or nearly so (a file cut inside its last character, a stray byte or two among many valid
    UTF-8 characters: the bad bytes become U+FFFD and the description says how many); a declared
    charset when it decodes cleanly; Windows-1252 when the result reads as Western European
    text; else whatever charset-normalizer finds. Mojibake from an upstream mistake ("â€™") is
    then repaired with ftfy.
    """
    text, encoding = _decode(data, name=name, declared=declared)
    if _looks_binary(text):
        raise ReadoutCompareError(f"{name}: looks like a binary file, not text")
    return fix_mojibake(text), encoding


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),  # before UTF-16's, which it starts with
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)
# UTF-8 with this many bad bytes at most (and at least as many good multi-byte
# characters), or with any number of bad bytes and this many times as many good multi-byte
# characters (or the Western ones below), is taken as UTF-8 with stray Windows-1252 bytes (each read as Windows-1252:
# a UTF-8 file edited by a program that wrote "’" or "é" in Windows-1252) rather than as
# another encoding. A Windows-1252 text rarely holds a valid UTF-8 character at all.
UTF8_MAX_BAD = 8
UTF8_GOOD_PER_BAD = 2
_ESCAPED = re.compile("[\udc80-\udcff]")
# Past those counts, UTF-8 with stray bytes is still taken as such when all its valid multi-byte
# characters are Latin-1 letters and signs or typographic punctuation (curly quotes, dashes,
# the euro sign): in a Windows-1252 text, the bytes of such a character would have to be "Ã"
# or "â" followed by one or two signs, which Western text does not write.
_NOT_WESTERN_UTF8 = re.compile("[^\x00-\xff\u2000-\u206f\u20ac\udc80-\udcff]")
# Windows-1252 is taken without detection when every non-ASCII character it gives is one that
# Western European text uses (Icelandic's ð and þ included), and they are at most this share of
# the letters (a Cyrillic or Greek single-byte text read as Windows-1252 is nearly all accented
# Latin letters) -- or, in a short text ("Ça été où ?"), at most CP1252_SHORT_ACCENTED of them,
# never three in a row ("Ïóòèí" is Путин in Windows-1251; Western words have two at most) and
# none of the signs of Central European text below.
CP1252_MAX_ACCENTED = 0.3
CP1252_SHORT_ACCENTED = 0.6
_THREE_ACCENTED = re.compile(r"[^\W\d_a-zA-Z]{3}")
# Past 30%, what Central European text in Windows-1250 shows when read as Windows-1252: š and ž
# (the same bytes in both, rare in Western words), or a sign inside a word ("£ódŸ" for Łódź).
_CENTRAL_SIGNS = re.compile(r"[šžŠŽ]|[^\W\d_][£¥¢¤¦§¨¬¯°±²³´µ¶·¸¹¼½¾]|[£¥¢¤¦§¨¬¯°±²³´µ¶·¸¹¼½¾][^\W\d_]")
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"
    "\u201c\u201d\u2018\u2019\u201e\u201a\u2013\u2014\u2026\u20ac\u00a3\u00a5\u00a2\u00a9"
    "\u00ae\u2122\u00b0\u00ab\u00bb\u00a1\u00bf\u00a7\u00b7\u2022\u00a0\u00ba\u00aa\u00bd"
    "\u00bc\u00be\u00b1\u00d7\u00f7\u00b4\u2020\u2021\u2030\u00b5\u00b6"
)


def _decode(data: bytes, *, name: str, declared: str | None) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                raise ReadoutCompareError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label}"
                ) from None
    if b"\x00" in data:  # anywhere, not only in the first 8 KiB: no text file holds one
        raise ReadoutCompareError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        clean = _decodes_cleanly(data, declared)
        if clean is not None:
            return clean, declared.lower()
    western = _western(data)
    if western is not None:
        return western, _western_name(data, western)
    # Neither: let a library made for the job decide, and refuse if it cannot.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadoutCompareError(
            f"{name}: cannot tell the text encoding; save the file as UTF-8 and try again"
        )
    return str(best), best.encoding


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes: cut inside its last character, or a stray byte or two."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            # Cut inside the last character: drop the partial character.
            try:
                text = data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                text = None
            if text is not None:
                return text + "\ufffd", "utf-8 (cut inside its last character)"
    escaped = data.decode("utf-8", "surrogateescape")  # each bad byte a lone surrogate
    bad = len(_ESCAPED.findall(escaped))
    good = sum(1 for ch in escaped if ord(ch) > 0x7F) - bad
    text = _ESCAPED.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"),
                        escaped)
    western = good > 0 and not _NOT_WESTERN_UTF8.search(escaped)
    if bad > 0 and ((bad <= UTF8_MAX_BAD and good >= bad) or good >= UTF8_GOOD_PER_BAD * bad
                    or western):
        noun = "byte" if bad == 1 else "bytes"
        return text, f"utf-8 ({bad} stray {noun} read as Windows-1252)"
    return None


def _decodes_cleanly(data: bytes, charset: str) -> str | None:
    """The text in a declared charset if it decodes without error and without C1 controls
    (which mean the charset was really Windows-1252, or something else)."""
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None
    if any("\x80" <= ch <= "\x9f" for ch in text):
        return None
    return text


def _western_name(data: bytes, text: str) -> str:
    """"cp1252", saying so when the bytes read as Central European (cp1250) too and give other
    letters there: the evidence did not rule that out, the letters chose."""
    try:
        other = data.decode("cp1250")
    except UnicodeDecodeError:
        return "cp1252"
    if other == text:
        return "cp1252"
    return "cp1252 (also readable as cp1250; Western European letters chosen)"


def _western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # a byte cp1252 leaves undefined
        return None
    accented = [ch for ch in text if ord(ch) > 0x7F]
    if any(ch not in _WESTERN for ch in accented):
        return None
    letters = max(sum(1 for ch in text if ch.isalpha()), 1)
    share = sum(1 for ch in accented if ch.isalpha()) / letters
    if share <= CP1252_MAX_ACCENTED:
        return text
    if (share <= CP1252_SHORT_ACCENTED and not _THREE_ACCENTED.search(text)
            and not _CENTRAL_SIGNS.search(text)):
        return text
    return None


# What ftfy.fix_text (with the options below) can change: UTF-8 read as Windows-1252 or Latin-1
# (a lead byte Â-ô followed by a continuation byte's character: "Ã©", "â€™"), HTML entities,
# Latin ligatures, terminal escapes, surrogates. Text without any of them is left as it is.
_FTFY_WORK = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]|&(?:#\\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);|[\ufb00-\ufb06\x1b\ud800-\udfff]"
)


def fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong encoding somewhere upstream ("â€™" for "’"),
    keeping curly quotes, dashes and widths as they are."""
    if not _FTFY_WORK.search(text):
        return text  # nothing ftfy would change: skip its import (about 60 ms)
    import ftfy

    options = {"uncurl_quotes": False, "fix_character_width": False, "fix_line_breaks": False,
               "normalization": None, "explain": False}
    # ftfy fixes a text line by line, and gives back as it was a line of printable ASCII
    # without "&": only the other lines go to it (on a 500 KB story of mostly ASCII lines, 0.1 s
    # less). One setting crosses lines: from the line with the first "<" on, the text may be
    # markup, and HTML entities are left alone.
    first_markup = text.find("<")
    out: list[str] = []
    done = 0
    for m in _FTFY_MAY_CHANGE.finditer(text):
        if m.start() < done:
            continue  # in a line already fixed
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start()) + 1 or len(text)
        if end - start > FTFY_LINE:
            return ftfy.fix_text(text, **options)  # ftfy cuts such lines: let it
        markup = 0 <= first_markup < end
        out += [text[done:start],
                ftfy.fix_text(text[start:end], unescape_html=False if markup else "auto",
                              **options)]
        done = end
    out.append(text[done:])
    return "".join(out)


# ftfy's longest line fixed whole (its max_decode_length).
FTFY_LINE = 1_000_000
# A character that ftfy might change, or that might be part of what it changes: anything but
# printable ASCII, tabs and line breaks, and the "&" of an HTML entity.
_FTFY_MAY_CHANGE = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")


# A character that shows: not a space, nor an invisible format character (zero-width spaces and
# joiners, byte-order marks, soft hyphens, direction marks and controls).
_VISIBLE = re.compile("[^\\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


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
