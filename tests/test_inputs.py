"""Real-world inputs: URLs served by a local HTTP server started here (no outside network),
saved web pages, PDFs, and text in other encodings."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from readout_compare import compare, fetch
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import load
from tests.conftest import CASE
from tests.pdfmaker import make_pdf

FIXTURES = Path(__file__).parent / "fixtures"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde" * 20
READOUT_PDF = make_pdf(
    [
        ["U.S. Department of Defense", "Readout of Secretary of Defense Pete Hegseth's Calls",
         "Secretary of Defense Pete Hegseth spoke on January 31 with Mexico's Secretary of",
         "National Defense and with Mexico's Secretary of the Navy.", "",
         "In both calls, the Secretary underscored that his top priority is to safeguard the",
         "United States and its citizens, to include securing the southern border.", "1"],
        ["U.S. Department of Defense",
         "In both calls, the Secretary and his Mexican counterparts reaffirmed their commit-",
         "ment to deepening bilateral cooperation between our militaries.", "2"],
    ],
    title="Readout of Secretary of Defense Pete Hegseth's Calls With Mexican Counterparts",
)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/readout.html": (200, {"Content-Type": "text/html; charset=utf-8"},
                      (FIXTURES / "readout-pentagon.html").read_bytes()),
    "/news": (200, {"Content-Type": "text/html"}, (FIXTURES / "account-nypost.html").read_bytes()),
    "/redirect": (302, {"Location": "/news"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/missing": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
    "/broken": (500, {"Content-Type": "text/html"}, b"<h1>Oops</h1>"),
    "/readout.pdf": (200, {"Content-Type": "application/pdf"}, READOUT_PDF),
    "/scan.pdf": (200, {"Content-Type": "application/pdf"}, make_pdf([[]])),
    "/binary-as-html": (200, {"Content-Type": "text/html"}, PNG),
    "/image.png": (200, {"Content-Type": "image/png"}, PNG),
    "/plain.txt": (200, {"Content-Type": "text/plain; charset=windows-1252"},
                   (CASE / "account-wire.txt").read_text(encoding="utf-8").encode("cp1252")),
    "/big": (200, {"Content-Type": "text/plain"}, b"The Secretary spoke. " * 5000),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"The Secretary spoke. " * 100)
            return
        status, headers, body = ROUTES.get(self.path, (200, {"Content-Type": "text/plain"},
                                                       b"The Secretary spoke with the Minister."))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that hangs up early (the size cap, a timeout) is expected here; the
        default prints a BrokenPipeError traceback into the test output."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_comparison_with_provenance(server, cli_invoke):
    r = cli_invoke("compare", f"{server}/readout.html", f"{server}/redirect", "-f", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    src = data["accounts"][0]["source"]
    assert src["url"] == f"{server}/redirect"
    assert src["final_url"] == f"{server}/news"
    assert src["content_type"] == "text/html"
    assert src["title"] == "Hegseth warned Mexico of 'unilateral action' against cartels: report"
    assert src["date"] == "2025-02-28" and src["site_name"] == "New York Post"
    assert src["canonical_url"].startswith("https://nypost.example/")
    assert src["retrieved"][:4] == time.strftime("%Y")
    assert src["sha256"] == hashlib.sha256((FIXTURES / "account-nypost.html").read_bytes()).hexdigest()
    assert data["accounts"][0]["label"] == src["title"]
    # Navigation, share widgets, related links and footers are not in the comparison.
    texts = " ".join(s["text"] for s in data["accounts"][0]["sentences"])
    for junk in ("Subscribe", "Copy Link", "Read Next", "Terms of Use", "Advertisement"):
        assert junk not in texts
    html = cli_invoke("compare", f"{server}/readout.html", f"{server}/redirect", "-f", "html").output
    assert f"{server}/redirect" in html and "New York Post" in html


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "404"),
        ("/broken", "500"),
        ("/loop", "too many redirects"),
        ("/to-file", "non-HTTP"),
        ("/image.png", "image/png"),
        ("/binary-as-html", "binary"),
        ("/scan.pdf", "no text layer"),
        ("/slow", "timed out"),
    ],
)
def test_fetch_failures_are_one_line(server, cli_invoke, tmp_path, path, message):
    out = tmp_path / "r.html"
    r = cli_invoke("compare", str(CASE / "readout-pentagon.txt"), f"{server}{path}",
                   "--timeout", "0.5", "-o", out)
    assert r.exit_code == 1
    assert message in r.output and len(r.output.strip().splitlines()) == 1
    assert "Traceback" not in r.output
    assert not out.exists()


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_oversized_response(server, monkeypatch, path):
    monkeypatch.setattr(fetch, "MAX_BYTES", 10_000)
    with pytest.raises(ReadoutCompareError, match="limit"):
        load(f"{server}{path}")


def test_refused_schemes_and_unreachable_hosts():
    for url in ("file:///etc/passwd", "ftp://example.org/x.txt", "javascript:alert(1)"):
        with pytest.raises(ReadoutCompareError, match="only http and https"):
            load(url)
    with pytest.raises(ReadoutCompareError, match="connection refused|cannot be fetched"):
        load("http://127.0.0.1:9/nothing-listens-here", timeout=2)


def test_pdf_text_without_headers_footers_and_hyphens(server):
    loaded = load(f"{server}/readout.pdf")
    assert loaded.source.content_type == "application/pdf"
    assert "U.S. Department of Defense" not in loaded.text
    assert "commitment to deepening" in loaded.text
    assert "\n1\n" not in loaded.text and not loaded.text.rstrip().endswith("2")
    acc = compare(loaded, [(CASE / "account-nypost.txt").read_text(encoding="utf-8")]).accounts[0]
    assert sum(1 for c in acc.coverage if c.kind == "verbatim") == 2


def test_type_is_decided_by_content_not_name(tmp_path):
    html_named_txt = tmp_path / "page.txt"
    html_named_txt.write_bytes((FIXTURES / "readout-pentagon.html").read_bytes())
    assert load(str(html_named_txt)).source.content_type == "text/html"
    pdf_named_html = tmp_path / "doc.html"
    pdf_named_html.write_bytes(READOUT_PDF)
    assert load(str(pdf_named_html)).source.content_type == "application/pdf"


def test_declared_charset_is_used(server):
    loaded = load(f"{server}/plain.txt")
    assert loaded.text == (CASE / "account-wire.txt").read_text(encoding="utf-8").replace("\r\n", "\n")


def verdicts(comparison):
    acc = comparison.accounts[0]
    sentences = {s.sentence.text: s.status for s in acc.sentences if s.sentence.role == "body"}
    coverage = [(c.status, c.kind) for c in acc.coverage]
    quotes = [(q.text, q.fidelity) for q in acc.quotes]
    return sentences, coverage, quotes


def test_html_versions_give_the_same_verdicts_as_text():
    from_text = compare(load(str(CASE / "readout-pentagon.txt")), [load(str(CASE / "account-nypost.txt"))])
    from_html = compare(load(str(FIXTURES / "readout-pentagon.html")), [load(str(FIXTURES / "account-nypost.html"))])
    assert verdicts(from_html) == verdicts(from_text)
