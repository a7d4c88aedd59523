"""Fetch: read an ``http``/``https`` URL with a timeout per connection and per read, a deadline
for the whole download, a size cap, a redirect limit and a clear user agent. A reply shorter
than its ``Content-Length`` is refused; a gzip- or deflate-compressed one is decompressed (under
the same cap). Every failure is a :class:`ReadoutCompareError` with a one-line message.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import Message
from urllib.parse import urlsplit

from readout_compare import __version__
from readout_compare.errors import ReadoutCompareError

USER_AGENT = f"readout-compare/{__version__} (compares news accounts with official readouts)"
TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
# The whole download (connection, headers, body, redirects) may take this many times the
# per-read timeout: a server that trickles one byte at a time cannot hold the tool for longer.
DEADLINE_FACTOR = 4
CHUNK = 64 * 1024
# Spaces, controls, and the controls of writing direction (which make a URL display as another).
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
ACCEPTED_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
    "application/pdf",
)


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str
    final_url: str
    content_type: str  # without parameters, e.g. "text/html"
    charset: str | None
    retrieved: str  # ISO 8601, UTC


def check_url(url: str) -> str:
    """The URL's scheme, or a one-line refusal of a URL that cannot or should not be fetched."""
    shown = _UNSAFE.sub("?", url)
    if _UNSAFE.search(url):
        raise ReadoutCompareError(
            f"{shown}: a URL cannot hold spaces or control characters (write a space as %20)"
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number in range
    except ValueError as exc:
        raise ReadoutCompareError(f"{shown}: not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ReadoutCompareError(f"{shown}: only http and https URLs can be read, not {scheme}:")
    if not parts.hostname:
        raise ReadoutCompareError(f"{shown}: not a valid URL (no host name)")
    if parts.username is not None or parts.password is not None:
        raise ReadoutCompareError(
            f"{parts.scheme}://…@{parts.hostname}: URLs with a user name or password are not "
            "read, since the report would show them"
        )
    return scheme


class _Deadline:
    """Shuts the download's sockets when its time is up, whatever the server is doing."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class HeadersCut(http.client.HTTPException):
    """The connection closed before the blank line that ends a reply's headers."""


class _LineWatch:
    """A reply's stream, remembering the last line read: http.client takes the end of the
    stream for the end of the headers, so a reply cut inside its headers would otherwise pass
    for a whole reply with an empty body."""

    def __init__(self, fp) -> None:  # type: ignore[no-untyped-def]
        self._fp = fp
        self.last = b"\r\n"

    def readline(self, *args):  # type: ignore[no-untyped-def]
        self.last = self._fp.readline(*args)
        return self.last

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._fp, name)


class _Response(http.client.HTTPResponse):
    def __init__(self, sock, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(sock, *args, **kwargs)
        self.fp = _LineWatch(self.fp)

    def begin(self) -> None:
        super().begin()
        if self.fp is not None and self.fp.last == b"":
            raise HeadersCut("the connection closed in the middle of the reply's headers")


def _handlers(deadline: _Deadline) -> list[urllib.request.BaseHandler]:
    """urllib's HTTP and HTTPS handlers with connections that report their socket to the
    deadline."""

    class Connection(http.client.HTTPConnection):
        response_class = _Response

        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class SecureConnection(http.client.HTTPSConnection):
        response_class = _Response

        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class Handler(urllib.request.HTTPHandler):
        def http_open(self, req):  # type: ignore[no-untyped-def]
            return self.do_open(Connection, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):  # type: ignore[no-untyped-def]
            extra = {"check_hostname": self._check_hostname} if hasattr(self, "_check_hostname") else {}
            return self.do_open(SecureConnection, req, context=self._context, **extra)

    return [Handler(), SecureHandler(), _LimitedRedirects()]


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise ReadoutCompareError(f"{req.full_url}: redirected to a non-HTTP URL ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET the URL; refuse anything that is not text, HTML or PDF, or that does not arrive whole
    within the deadline."""
    check_url(url)
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, identity",
    })
    deadline = _Deadline(timeout * DEADLINE_FACTOR)
    try:
        with deadline:
            opener = urllib.request.build_opener(*_handlers(deadline))
            with opener.open(request, timeout=timeout) as response:
                return _read_response(url, response, max_bytes, deadline)
    except ReadoutCompareError:
        raise
    except Exception as exc:
        if deadline.expired:
            raise ReadoutCompareError(
                f"{url}: the download took longer than {deadline.seconds:g} s in all"
            ) from None
        raise ReadoutCompareError(f"{url}: {_failure(exc, timeout)}") from None


def _read_response(url: str, response, max_bytes: int, deadline: _Deadline) -> Fetched:  # type: ignore[no-untyped-def]
    headers: Message = response.headers
    content_type = headers.get_content_type()
    if content_type not in ACCEPTED_TYPES:
        raise ReadoutCompareError(
            f"{url}: the server sent {content_type}, not a web page, text or PDF"
        )
    length_header = (headers.get("Content-Length") or "").strip()
    length = int(length_header) if length_header.isdigit() else None
    if length is not None and length > max_bytes:
        raise ReadoutCompareError(
            f"{url}: the response is {length:,} bytes; the limit is {max_bytes:,}"
        )
    chunks: list[bytes] = []
    got = 0
    while True:
        chunk = response.read(min(CHUNK, max_bytes + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        if got > max_bytes:
            raise ReadoutCompareError(f"{url}: the response is over the limit of {max_bytes:,} bytes")
    if deadline.expired:
        raise ReadoutCompareError(f"{url}: the download took longer than {deadline.seconds:g} s in all")
    if length is not None and got < length:
        raise ReadoutCompareError(
            f"{url}: the connection closed after {got:,} of {length:,} bytes (a truncated reply)"
        )
    data = _decompressed(url, b"".join(chunks), headers.get("Content-Encoding"), max_bytes)
    return Fetched(
        data=data,
        url=url,
        final_url=response.geturl(),
        content_type=content_type,
        charset=headers.get_content_charset(),
        retrieved=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    )


def _decompressed(url: str, data: bytes, encoding: str | None, max_bytes: int) -> bytes:
    """The body without its Content-Encoding (gzip or deflate), capped like the body itself."""
    coding = (encoding or "identity").strip().lower()
    if coding in ("", "identity"):
        return data
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise ReadoutCompareError(f"{url}: the server compressed the reply with {coding}, which "
                                  "cannot be read")
    # gzip, zlib-wrapped deflate, or (as some servers send) raw deflate.
    for wbits in ((32 + zlib.MAX_WBITS,) if "gzip" in coding else (zlib.MAX_WBITS, -zlib.MAX_WBITS)):
        try:
            inflater = zlib.decompressobj(wbits)
            out = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            continue
        if len(out) > max_bytes:
            raise ReadoutCompareError(
                f"{url}: the reply uncompresses to over the limit of {max_bytes:,} bytes"
            )
        if not inflater.eof:
            raise ReadoutCompareError(f"{url}: the compressed reply is cut short")
        return out
    raise ReadoutCompareError(f"{url}: the reply says it is {coding}-compressed but is not")


def _failure(exc: BaseException, timeout: float) -> str:
    """One line for whatever urllib, http.client, ssl or the socket raised."""
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308) and "not allowed" in str(exc.msg):
            return "redirected to a non-HTTP URL"
        if exc.code in (301, 302, 303, 307, 308) and not (
                exc.headers and (exc.headers.get("Location") or exc.headers.get("URI"))):
            return (f"the server answered {exc.code} {exc.reason} (a redirect) without saying "
                    "where to (no Location header)")
        if exc.code in (301, 302, 303, 307, 308):
            return f"too many redirects (more than {MAX_REDIRECTS})"
        return f"the server answered {exc.code} {exc.reason}"
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host ({reason.strerror})"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason})"
    if isinstance(reason, HeadersCut):
        return "the connection closed in the middle of the reply's headers (a truncated reply)"
    if isinstance(reason, http.client.IncompleteRead):
        return "the connection closed in the middle of the reply (a truncated reply)"
    if isinstance(reason, http.client.LineTooLong):
        return "the server sent a malformed reply (a header line too long)"
    if isinstance(reason, http.client.BadStatusLine):
        return "the server sent a malformed reply (not an HTTP status line)"
    if isinstance(reason, http.client.HTTPException):
        return f"the server sent a malformed reply ({reason})"
    if isinstance(reason, (ConnectionError, OSError)):
        return f"cannot be fetched ({reason})"
    if isinstance(reason, ValueError):
        return f"not a valid URL ({reason})"
    return f"cannot be fetched ({type(reason).__name__}: {reason})"
