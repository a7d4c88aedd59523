"""Fault injection: bad inputs, bad replies from a local server, odd output targets and signals.

Every case must end in a one-line message and a known exit status, never a traceback; no
target is damaged and no temporary file or worker process is left behind. Output targets (FIFOs,
symlinks, device nodes) are made in a temporary folder only, never the system's own devices:
tests run as root, and a wrong write there damages the machine.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from readout_compare import Settings, compare
from readout_compare import load as load_module
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import decode, load
from readout_compare.output import TMP_MARK, write_report
from readout_compare.render import renderer
from readout_compare.report import report_dict
from tests import processes
from tests.conftest import CASE, ROOT

READOUT = CASE / "readout-pentagon.txt"
ACCOUNT = CASE / "account-wire.txt"
BODY = ACCOUNT.read_bytes()


def run(*args: str | bytes | Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The command in a process of its own (signals, closed streams, raw argv bytes)."""
    return subprocess.run(
        [sys.executable, "-m", "readout_compare", *[a if isinstance(a, bytes) else str(a) for a in args]],
        capture_output=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120, **kwargs,
    )


def one_line_error(stderr: bytes | str) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# -- A raw HTTP server that misbehaves on purpose ---------------------------------------------

def _reply(status: str, headers: list[str], body: bytes) -> bytes:
    return (status + "\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode("latin-1") + body


RAW = {
    "/garbage-status": b"NOT HTTP AT ALL\r\n\r\nhello",
    "/long-header": _reply("HTTP/1.1 200 OK", ["Content-Type: text/plain", "X-Long: " + "a" * 70_000], BODY),
    "/many-headers": _reply("HTTP/1.1 200 OK", ["Content-Type: text/plain"]
                            + [f"X-H{i}: {i}" for i in range(120)], BODY),
    "/truncated": _reply("HTTP/1.1 200 OK", ["Content-Type: text/plain", "Content-Length: 5000"],
                         BODY[:35]),
    "/truncated-chunked": _reply("HTTP/1.1 200 OK", ["Content-Type: text/plain",
                                                     "Transfer-Encoding: chunked"],
                                 b"1000\r\n" + BODY[:100]),
    "/redirect-nowhere": _reply("HTTP/1.1 301 Moved Permanently", ["Content-Length: 0"], b""),
    "/headers-cut": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Len",
    "/gzip": _reply("HTTP/1.1 200 OK", ["Content-Type: text/plain; charset=utf-8",
                                        "Content-Encoding: gzip",
                                        f"Content-Length: {len(gzip.compress(BODY))}"],
                    gzip.compress(BODY)),
}


class RawServer:
    """Answers each connection from RAW by path; /trickle sends its body one byte a second."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        try:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ")[1].decode()
            if path == "/trickle":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
                for byte in BODY:
                    conn.sendall(bytes([byte]))
                    time.sleep(0.2)
            else:
                conn.sendall(RAW[path])
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.closed = True
        self.sock.close()


@pytest.fixture(scope="module")
def raw_server():
    server = RawServer()
    yield server.url
    server.close()


@pytest.mark.parametrize(
    "path, message",
    [
        ("/garbage-status", "malformed reply"),
        ("/long-header", "malformed reply"),
        ("/many-headers", "malformed reply"),
        ("/truncated", "truncated reply"),
        ("/truncated-chunked", "truncated reply"),
        ("/redirect-nowhere", "301 Moved Permanently (a redirect) without saying where to"),
        ("/headers-cut", "closed in the middle of the reply's headers"),
    ],
)
def test_bad_replies_are_one_line_errors(raw_server, cli_invoke, tmp_path, path, message):
    out = tmp_path / "r.html"
    r = cli_invoke("compare", READOUT, f"{raw_server}{path}", "--timeout", "5", "-o", out)
    assert r.exit_code == 1
    assert message in one_line_error(r.output)
    assert not out.exists()


def test_gzip_reply_is_decompressed(raw_server):
    loaded = load(f"{raw_server}/gzip")
    assert loaded.text.strip() == load(str(ACCOUNT)).text.strip()


@pytest.mark.slow
def test_a_trickling_server_meets_the_overall_deadline(raw_server):
    began = time.monotonic()
    with pytest.raises(ReadoutCompareError, match="longer than 2 s in all"):
        load(f"{raw_server}/trickle", timeout=0.5)
    assert time.monotonic() - began < 6


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://[::1/x", "not a valid URL"),
        ("http://example.org:port/x", "not a valid URL"),
        ("http://example.org:99999/x", "not a valid URL"),
        ("http://exa mple.org/x", "spaces or control characters"),
        ("http://example.org/x\r\nHost: evil", "spaces or control characters"),
        ("http://user:secret@127.0.0.1:9/x", "user name or password"),
        ("http:///nohost", "no host name"),
    ],
)
def test_malformed_urls_are_one_line_errors(cli_invoke, url, message):
    r = cli_invoke("compare", READOUT, url)
    assert r.exit_code == 1
    line = one_line_error(r.output)
    assert message in line
    assert "secret" not in line and "\r" not in line


# -- Options ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "option, value",
    [("--timeout", "inf"), ("--timeout", "1e300"), ("--timeout", "nan"), ("--timeout", "0"),
     ("--threshold", "nan"), ("--threshold", "inf"), ("--threshold", "1")],
)
def test_impossible_numbers_are_usage_errors(cli_invoke, option, value):
    r = cli_invoke("compare", READOUT, ACCOUNT, option, value)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output


def test_more_labels_than_inputs_is_a_usage_error(cli_invoke):
    r = cli_invoke("compare", READOUT, ACCOUNT, "--label", "R", "--label", "A", "--label", "extra")
    assert r.exit_code == 2
    assert "3 --label options for 2 inputs" in r.output


# -- Names: control characters, undecodable bytes, private paths -----------------------------------

def test_control_characters_never_reach_the_terminal_or_the_report(tmp_path, cli_invoke):
    account = tmp_path / "acc\x1b[31mount.txt"
    account.write_bytes(BODY)
    out = tmp_path / "r.html"
    r = cli_invoke("compare", READOUT, account, "--label", "Read\x07out\x1b[2J", "-o", out)
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "\x1b" not in html and "\x07" not in html
    assert "Readout" in html.replace("Read out", "Readout")
    missing = cli_invoke("compare", READOUT, tmp_path / "gone\x1b[31m.txt")
    assert "\x1b" not in missing.output and missing.exit_code == 1


def test_undecodable_file_name_and_label_with_output(tmp_path):
    folder = os.fsencode(tmp_path)
    name = folder + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(BODY)
    out = tmp_path / "r.html"
    r = run("compare", READOUT, name, "--label", "Read", "--label", b"Caf\xe9 news", "-o", out)
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")  # valid UTF-8: the bad byte is U+FFFD
    assert "Caf\ufffd news" in html and "caf\ufffd.txt" in html


def test_sources_show_file_names_unless_full_paths_is_asked_for(tmp_path, cli_invoke):
    private = tmp_path / "home" / "someone" / "Downloads"
    private.mkdir(parents=True)
    (private / "story.txt").write_bytes(BODY)
    r = cli_invoke("compare", READOUT, private / "story.txt", "-f", "json")
    data = json.loads(r.output)
    assert data["accounts"][0]["source"]["path"] == "story.txt"
    assert "someone" not in r.output and data["settings"]["full_paths"] is False
    r = cli_invoke("compare", READOUT, private / "story.txt", "-f", "json", "--full-paths")
    data = json.loads(r.output)
    assert data["accounts"][0]["source"]["path"] == str(private / "story.txt")
    assert data["settings"]["full_paths"] is True


def test_lone_surrogates_given_to_the_library():
    comparison = compare("The Secretary spoke with \ud800 his counterpart on Friday.",
                         "The Secretary spoke with his counterpart on Friday \udfff.",
                         labels=["Bad \udc80 label"])
    for fmt in ("html", "json", "md"):
        renderer(fmt)(report_dict(comparison)).encode("utf-8")  # no UnicodeEncodeError
    assert comparison.accounts[0].document.label == "Bad \ufffd label"


def test_quotation_text_is_the_input_between_its_offsets():
    account = ("The minister said the talks were\t\u201cconstructive\u00a0and\tfrank\u201d "
               "and would go on.")
    comparison = compare("The talks were constructive and frank, the minister said.", account)
    (quote,) = comparison.accounts[0].quotes
    assert quote.text == account[quote.start:quote.end] == "constructive\u00a0and\tfrank"


# -- Reading: caps on every kind of input ---------------------------------------------------------

def test_standard_input_is_capped(cli_invoke, monkeypatch):
    monkeypatch.setattr(load_module, "MAX_BYTES", 1000)
    r = cli_invoke("compare", "-", ACCOUNT, input=b"The Secretary spoke. " * 100)
    assert r.exit_code == 1 and "over the limit" in one_line_error(r.output)


def test_an_endless_fifo_input_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(load_module, "MAX_BYTES", 100_000)
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)

    def writer():
        try:
            with open(fifo, "wb") as fh:
                while True:
                    fh.write(b"\0" * 65536)
        except (BrokenPipeError, OSError):
            pass

    threading.Thread(target=writer, daemon=True).start()
    with pytest.raises(ReadoutCompareError, match="over the limit"):
        load(str(fifo))


def test_text_over_the_character_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(load_module, "MAX_TEXT_CHARS", 1000)
    big = tmp_path / "big.txt"
    big.write_text("The Secretary spoke with his counterpart. " * 100, encoding="utf-8")
    with pytest.raises(ReadoutCompareError, match="the limit is 1,000"):
        load(str(big))


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_with_byte_order_mark(encoding):
    text = "Ángeles Morales said “yes” — £3bn.\n"
    data = text.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    assert decode(data, name="x")[0] == text


@pytest.mark.parametrize(
    "text, encoding",
    [("Morales Ángeles spoke of £3bn — “a fair deal”.\n", "cp1252"),
     ("Müller sagte: Die Straße bleibt offen.\n", "latin-1"),
     ("El secretario habló con la señora Núñez en León.\n", "cp1252")],
)
def test_single_byte_western_text_is_windows_1252(text, encoding):
    assert decode(text.encode(encoding), name="x")[0] == text


def test_utf8_cut_inside_its_last_character_keeps_its_quotes():
    text = "He said \u201cwe will not accept delays\u201d \u2014 then left\u2026"
    got, how = decode(text.encode("utf-8")[:-1], name="x")
    assert got == text[:-1] + "\ufffd" and "cut" in how


@pytest.mark.slow
def test_a_huge_line_raises_no_overflow_warning():
    line = ("The Secretary underscored cooperation " * 1400).strip() + "."  # 53 k characters
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare(line, line[: len(line) // 2] + ".")


# -- Output targets (all made here, in a temporary folder) ----------------------------------------

REPORT = "complete report\n" * 1000


def test_fifo_target_is_written_through(tmp_path):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_report(str(fifo), REPORT)
    reader.join(10)
    assert got == [REPORT.encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_device_node_target_is_written_through(tmp_path):
    node = tmp_path / "null-like"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a null device, in tmp
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    write_report(str(node), REPORT)
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_symlink_target_updates_the_linked_file(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "report.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_report(str(link), REPORT)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == REPORT
    assert not [p for p in real_dir.iterdir() if p.name.endswith(".tmp")]


def test_mode_of_an_existing_report_is_kept(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_report(str(target), REPORT)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == REPORT


def test_stale_temporaries_of_killed_runs_are_removed(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{TMP_MARK}{dead.pid}-abc123.tmp"
    stale.write_text("half a report", encoding="utf-8")
    other = tmp_path / ".notes.txt"
    other.write_text("keep", encoding="utf-8")
    write_report(str(tmp_path / "report.html"), REPORT)
    assert not stale.exists() and other.exists()


def test_errors_name_the_target_not_a_temporary_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "report.html"
    if os.geteuid() == 0:  # root writes anywhere: use a folder that is really a file
        with pytest.raises(ReadoutCompareError, match="does not exist"):
            write_report(str(tmp_path / "file.txt" / "report.html"), REPORT)
        return
    folder.chmod(0o500)
    try:
        with pytest.raises(ReadoutCompareError) as info:
            write_report(str(target), REPORT)
        assert ".tmp" not in str(info.value) and "report.html" in str(info.value)
    finally:
        folder.chmod(0o700)


def test_standard_output_in_another_encoding_gets_utf8():
    r = run("compare", READOUT, ACCOUNT, env={"PYTHONIOENCODING": "latin-1"})
    assert r.returncode == 0, r.stderr
    assert "\u201c".encode() in r.stdout or "\u2014".encode() in r.stdout
    r.stdout.decode("utf-8")


def test_closed_standard_output_is_a_one_line_error():
    script = (
        "import os, runpy, sys; os.close(1); "
        f"sys.argv = ['readout-compare', 'compare', {str(READOUT)!r}, {str(ACCOUNT)!r}]; "
        "runpy.run_module('readout_compare', run_name='__main__')"
    )
    r = subprocess.run([sys.executable, "-c", script], stderr=subprocess.PIPE, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 1
    assert "standard output" in one_line_error(r.stderr)


def test_a_reader_that_goes_away_is_one_line():
    p = subprocess.Popen([sys.executable, "-m", "readout_compare", "compare", str(READOUT),
                          str(ACCOUNT), "-f", "html"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=ROOT)
    p.stdout.close()  # gone before the report is ready
    err = p.stderr.read()
    assert p.wait(60) == 1
    assert "closed before the whole report" in one_line_error(err)


# -- Signals and worker processes -----------------------------------------------------------------

def _big_inputs(tmp_path: Path) -> tuple[Path, Path]:
    """Inputs large enough for parallel segmentation and a few seconds of work."""
    readout = tmp_path / "readout.txt"
    account = tmp_path / "account.txt"
    text = ACCOUNT.read_text(encoding="utf-8")
    readout.write_text((READOUT.read_text(encoding="utf-8") + "\n\n") * 60, encoding="utf-8")
    account.write_text("\n\n".join(
        text.replace("Hegseth", f"Hegseth {i}") for i in range(400)), encoding="utf-8")
    return readout, account




@pytest.mark.skipif(not Path("/proc/self/task").exists() or (os.cpu_count() or 1) < 2,
                    reason="needs Linux /proc and two cores (parallel segmentation)")
@pytest.mark.slow
def test_workers_die_with_a_killed_parent(tmp_path):
    readout, account = _big_inputs(tmp_path)
    p = subprocess.Popen([sys.executable, "-m", "readout_compare", "compare", str(readout),
                          str(account), "-o", str(tmp_path / "r.json")], cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while not children and p.poll() is None and time.monotonic() < deadline:
        children = processes.children(p.pid)
        time.sleep(0.05)
    if not children:
        pytest.skip("the run ended before its workers could be seen")
    p.send_signal(signal.SIGKILL)
    p.wait()
    deadline = time.monotonic() + 10
    while any(processes.alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(processes.alive(c) for c in children)
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143),
                                             (signal.SIGHUP, 129)])
@pytest.mark.slow
def test_signals_leave_no_report_no_temporary_and_no_worker(tmp_path, signum, status):
    readout, account = _big_inputs(tmp_path)
    out = tmp_path / "r.html"
    p = subprocess.Popen([sys.executable, "-m", "readout_compare", "compare", str(readout),
                          str(account), "-o", str(out)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)
    if p.poll() is not None:
        pytest.skip("the run ended before the signal")
    children = processes.children(p.pid)
    p.send_signal(signum)
    _, err = p.communicate(timeout=60)
    assert p.returncode == status
    assert b"Traceback" not in err and b"Aborted" not in err
    assert not out.exists()
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted([readout.name, account.name])
    time.sleep(0.5)
    assert not any(processes.alive(c) for c in children)


@pytest.mark.parametrize("figure", [
    ",".join(["1"] * 2000),      # a run of "1,1,1,…": one numeral of 2,000 digits
    "9" * 400,                   # a 400-digit number
    "9 " + "billion " * 400,     # a scale repeated past what a float holds
])
def test_numbers_too_large_to_be_figures_are_no_traceback(figure):
    readout = "The Secretary announced 5 million dollars in new assistance."
    comparison = compare(readout, [f"The Secretary announced {figure} dollars in new assistance."],
                         settings=Settings(semantic=False))
    # The sentence is still matched to the readout's; only a figure it can read is compared.
    assert comparison.accounts[0].sentences[0].status in ("supported", "divergent")
