"""Fetch: read an ``http``/``https`` URL with a timeout, a size cap, a redirect limit and a clear
user agent. Every failure is a :class:`ReadoutCompareError` with a one-line message.
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
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


def is_url(name: str) -> bool:
    """True for anything with a scheme (so that file: and ftp: are refused, not read as paths)."""
    scheme = urlsplit(name).scheme
    return ("://" in name and len(scheme) > 1) or scheme in ("file", "ftp", "data", "javascript")


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise ReadoutCompareError(f"{req.full_url}: redirected to a non-HTTP URL ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET the URL; refuse anything that is not text, HTML or PDF."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise ReadoutCompareError(f"{url}: only http and https URLs can be read, not {scheme}:")
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1",
    })
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in ACCEPTED_TYPES:
                raise ReadoutCompareError(
                    f"{url}: the server sent {content_type}, not a web page, text or PDF"
                )
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ReadoutCompareError(
                    f"{url}: the response is {int(length):,} bytes; the limit is {max_bytes:,}"
                )
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ReadoutCompareError(f"{url}: the response is over the limit of {max_bytes:,} bytes")
            return Fetched(
                data=data,
                url=url,
                final_url=response.geturl(),
                content_type=content_type,
                charset=headers.get_content_charset(),
                retrieved=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            )
    except ReadoutCompareError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308) and "not allowed" in str(exc.msg):
            raise ReadoutCompareError(f"{url}: redirected to a non-HTTP URL") from None
        if exc.code in (301, 302, 303, 307, 308):
            raise ReadoutCompareError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
        raise ReadoutCompareError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise ReadoutCompareError(f"{url}: timed out after {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise ReadoutCompareError(f"{url}: cannot find the host ({reason.strerror})") from None
        if isinstance(reason, ConnectionRefusedError):
            raise ReadoutCompareError(f"{url}: connection refused") from None
        if isinstance(reason, ssl.SSLError):
            raise ReadoutCompareError(f"{url}: secure connection failed ({reason.reason})") from None
        raise ReadoutCompareError(f"{url}: cannot be fetched ({reason})") from None
    except TimeoutError:
        raise ReadoutCompareError(f"{url}: timed out after {timeout:g} s") from None
    except (ConnectionError, OSError) as exc:
        raise ReadoutCompareError(f"{url}: cannot be fetched ({exc})") from None
    except ValueError as exc:  # a malformed URL
        raise ReadoutCompareError(f"{url}: not a valid URL ({exc})") from None
