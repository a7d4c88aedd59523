"""Extract: the main text of a web page or a PDF, as paragraphs of plain text.

Web pages go through trafilatura, which is made for news pages: it drops navigation, share
widgets, related links and footers, and reads the title, date, site name and canonical URL.
PDFs go through pypdf, then lose their running headers and footers, page numbers and
end-of-line hyphenation.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import signal
import threading
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from readout_compare.errors import ReadoutCompareError


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or (
        head.startswith(b"<") and any(t in head for t in (b"<body", b"<p>", b"<div", b"<article"))
    )


def looks_like_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


# The budget of a web page. trafilatura's extraction grows faster than the page (60,000
# elements took 8 s, 20,000 inline spans in one paragraph 10 s; docs/inputs.md), so a page with
# more elements than this is refused; libxml2 stops nesting at 256 levels and drops what is
# deeper, so a page that reaches that depth is refused rather than read in part; and the
# extraction stops at a deadline where a timer can be set (the main thread).
MAX_HTML_ELEMENTS = 50_000
MAX_HTML_DEPTH = 255
HTML_SECONDS = 30
_ELEMENT = re.compile(r"<[A-Za-z]")


class _OverDeadline(BaseException):
    """Raised by the timer inside the extraction: not an Exception, so that no ``except
    Exception`` in the library it interrupts can swallow it."""


@contextlib.contextmanager
def _deadline(seconds: float, message: str) -> Iterator[None]:
    """Raise :class:`ReadoutCompareError` with ``message`` if the block runs past ``seconds``
    (a real-time timer, so only in the main thread; elsewhere the block runs unbounded in
    time, still within the element and depth caps)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _OverDeadline

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    delay, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverDeadline:
        raise ReadoutCompareError(message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if delay > 0:  # a timer of the caller's own: set again for what was left of it
            left = max(delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)


def _parsed_within_budget(html: str, name: str):
    """The page parsed by lxml (as trafilatura parses it), or a one-line error past the
    element or depth budget."""
    from lxml import etree  # type: ignore[import-untyped]
    from trafilatura.utils import load_html

    elements = sum(1 for _ in _ELEMENT.finditer(html))
    if elements > MAX_HTML_ELEMENTS:
        raise ReadoutCompareError(
            f"{name}: the web page has {elements:,} elements; the limit is "
            f"{MAX_HTML_ELEMENTS:,} (save its text and compare that)")
    tree = load_html(html)
    if tree is None:
        raise ReadoutCompareError(f"{name}: no article text found in the web page")
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest >= MAX_HTML_DEPTH:
        raise ReadoutCompareError(
            f"{name}: the web page's elements are nested {MAX_HTML_DEPTH} or more deep, past "
            "what its parser reads whole")
    return tree


def html_text(html: str, *, name: str) -> Extracted:
    """The main text of a web page, one paragraph per block, with the page's metadata."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - an installation problem
        raise ReadoutCompareError(f"{name}: cannot read web pages ({exc})") from None
    tree = _parsed_within_budget(html, name)
    with _deadline(HTML_SECONDS, f"{name}: reading the web page took over {HTML_SECONDS} s "
                                 "(too many elements?); save its text and compare that"):
        doc = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
    data: dict = {}
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        raise ReadoutCompareError(f"{name}: no article text found in the web page")
    title = (data.get("title") or "").strip() or None
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if title and (not paragraphs or paragraphs[0] != title):
        # The title is shown as a heading (not a claim), as in a plain-text readout.
        paragraphs.insert(0, title)
    return Extracted(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        date=data.get("date") or None,
        site_name=data.get("sitename") or None,
        canonical_url=data.get("url") or None,
    )


_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?\s*$", re.IGNORECASE)


def pdf_text(data: bytes, *, name: str) -> Extracted:
    """The text of a PDF's text layer, as paragraphs, without running headers and footers.
    Whatever pypdf raises on a broken PDF becomes one line naming what is wrong; pypdf's own
    log lines ("EOF marker not found") are kept from the terminal."""
    import pypdf  # noqa: F401 - imported here, outside the guard below (an installation problem)

    with _pypdf_quiet() as logged:
        try:
            pages, title = _pdf_pages(data, name)
        except ReadoutCompareError:
            raise
        except Exception as exc:  # hostile input: pypdf raises many kinds
            raise ReadoutCompareError(f"{name}: {_pdf_problem(data, exc)}") from None
    if not "".join(pages).strip() and logged:
        # pypdf gave up on the page streams and said so in its log, not by raising.
        raise ReadoutCompareError(f"{name}: the PDF is damaged ({_one_line(logged[0])})")
    if not "".join(pages).strip():
        raise ReadoutCompareError(
            f"{name}: the PDF has no text layer (a scan?); run OCR on it first"
        )
    lines_per_page = [[ln.rstrip() for ln in page.splitlines()] for page in pages]
    furniture = _running_lines(lines_per_page)
    paragraphs: list[str] = []
    current: list[str] = []
    for lines in lines_per_page:
        for line in lines:
            stripped = line.strip()
            if not stripped:
                if current:
                    paragraphs.append(_join_lines(current))
                    current = []
                continue
            if stripped in furniture or _PAGE_NUMBER.match(stripped):
                continue
            current.append(stripped)
    if current:
        paragraphs.append(_join_lines(current))
    return Extracted(text="\n\n".join(paragraphs) + "\n", title=title)


def _pdf_pages(data: bytes, name: str) -> tuple[list[str], str | None]:
    from pypdf import PasswordType, PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise ReadoutCompareError(
            f"{name}: the PDF is encrypted with a password; save an unencrypted copy")
    pages = [page.extract_text() or "" for page in reader.pages]
    title = None
    if reader.metadata is not None and reader.metadata.title:
        title = str(reader.metadata.title).strip() or None
    return pages, title


def _pdf_problem(data: bytes, exc: Exception) -> str:
    """What is wrong with a PDF pypdf could not read, in the reader's words."""
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    detail = _one_line(str(exc)) or type(exc).__name__
    if isinstance(exc, FileNotDecryptedError):
        return "the PDF is encrypted with a password; save an unencrypted copy"
    if isinstance(exc, LimitReachedError) and "decompress" in detail.lower():
        return "the PDF is too large once decompressed (over pypdf's limit of 75 MB a stream)"
    if isinstance(exc, (LimitReachedError, RecursionError)):
        return "the PDF is damaged: its objects refer to themselves (a loop)"
    if isinstance(exc, MemoryError):
        return "the PDF is too large to read in memory"
    if not re.search(rb"\d+\s+\d+\s+obj\b", data[:1_000_000]):
        return "starts like a PDF (%PDF-) but holds no PDF objects: not a PDF, or damaged"
    if b"%%EOF" not in data[-2048:]:
        return f"the PDF is cut short (no end-of-file marker; {detail})"
    return f"the PDF is damaged ({detail})"


def _one_line(message: str) -> str:
    first = next((ln.strip() for ln in message.splitlines() if ln.strip()), "")
    return first[:200]


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _pypdf_quiet() -> Iterator[list[str]]:
    """pypdf's warnings and log lines collected, not printed, for the block."""
    logger = logging.getLogger("pypdf")
    handler, propagate = _Logged(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    edges: Counter[str] = Counter()
    for lines in pages:
        content = [ln.strip() for ln in lines if ln.strip()]
        edge = set(content[:2] + content[-2:])
        # Page numbers inside a header ("Readout – page 2") vary; compare without digits.
        edges.update({re.sub(r"\d+", "#", ln) for ln in edge})
    repeated = {ln for ln, n in edges.items() if n >= max(2, len(pages) // 2 + 1)}
    out = set()
    for lines in pages:
        for ln in lines:
            if re.sub(r"\d+", "#", ln.strip()) in repeated:
                out.add(ln.strip())
    return out


def _join_lines(lines: list[str]) -> str:
    """Join the lines of a paragraph, mending words hyphenated at line ends."""
    text = lines[0]
    for line in lines[1:]:
        if re.search(r"[a-z]-$", text) and line[:1].islower():
            text = text[:-1] + line  # "coopera-" + "tion" -> "cooperation"
        else:
            text += " " + line
    return text
