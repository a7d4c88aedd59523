"""Robustness of runs as an operator meets them: worker processes killed (as the out-of-memory
killer does), SIGTERM and SIGINT to the command and to its whole process group at several
moments, the semantic encoder interrupted, and report targets with hard links, extended
attributes and long names.

Each run is the real command in a session of its own (``start_new_session``), on inputs large
enough that its segmentation and its comparison of two accounts run in worker processes. The
moments are found by watching the command's children, not by sleeping: the first pool
(segmentation) and the second (the two accounts compared side by side) have different processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import processes
from tests.conftest import CASE, ROOT

READOUT = CASE / "readout-pentagon.txt"
ACCOUNT = CASE / "account-wire.txt"
LINUX_PROC = Path("/proc/self/task").exists()
needs_workers = pytest.mark.skipif(
    not LINUX_PROC or (os.cpu_count() or 1) < 2,
    reason="needs Linux /proc and two cores (parallel segmentation and comparison)",
)


def _inputs(tmp_path: Path) -> list[Path]:
    """A readout and two accounts, large enough for both worker pools."""
    readout = tmp_path / "readout.txt"
    readout.write_text((READOUT.read_text(encoding="utf-8") + "\n\n") * 20, encoding="utf-8")
    text = ACCOUNT.read_text(encoding="utf-8")
    accounts = []
    for k in (1, 2):
        account = tmp_path / f"account{k}.txt"
        account.write_text("\n\n".join(text.replace("Hegseth", f"Hegseth {k}-{i}")
                                       for i in range(150)), encoding="utf-8")
        accounts.append(account)
    return [readout, *accounts]


def _start(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, Path]:
    out = tmp_path / "report.json"
    p = subprocess.Popen(
        [sys.executable, "-m", "readout_compare", "compare", *map(str, _inputs(tmp_path)),
         "-o", str(out), "-q", "--no-semantic", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    return p, out




def _wait_for_workers(p: subprocess.Popen, *, not_these: set[int] = frozenset(),
                      limit: float = 60) -> set[int]:
    """The command's worker processes, once a pool other than ``not_these`` has started."""
    deadline = time.monotonic() + limit
    while p.poll() is None and time.monotonic() < deadline:
        children = {c for c in processes.children(p.pid) if processes.alive(c)} - set(not_these)
        if len(children) >= 2:
            return children
        time.sleep(0.005)
    return set()


def _moment(p: subprocess.Popen, moment: str) -> set[int]:
    """Wait for the moment: the first pool just started, the first pool at work, or the
    second pool (the two accounts compared side by side) just started."""
    first = _wait_for_workers(p)
    if moment == "first pool starting" or not first:
        return first
    if moment == "first pool working":
        time.sleep(0.1)
        return first & processes.children(p.pid) or first
    second = _wait_for_workers(p, not_these=first)
    return second


def _finish(p: subprocess.Popen, workers: set[int], limit: float = 10) -> tuple[int, str, float]:
    start = time.monotonic()
    try:
        _, err = p.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        pytest.fail(f"the command was still running {limit} s after the fault")
    took = time.monotonic() - start
    deadline = time.monotonic() + 5
    while any(processes.alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(processes.alive(w) for w in workers), "a worker outlived the command"
    return p.returncode, err.decode("utf-8", "replace"), took


MOMENTS = ["first pool starting", "first pool working", "second pool starting"]


@needs_workers
@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.slow
def test_a_killed_worker_stops_the_run_with_one_line(tmp_path, moment):
    p, out = _start(tmp_path)
    workers = _moment(p, moment)
    if not workers:
        p.kill()
        pytest.skip("the run ended before its workers could be seen")
    os.kill(min(workers), signal.SIGKILL)
    status, err, took = _finish(p, workers)
    assert status == 1, err
    assert err.strip().splitlines() == [
        "Error: a worker process was killed (SIGKILL, perhaps by the out-of-memory killer); "
        "the run was stopped"]
    assert took < 5
    assert not out.exists()
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(".")]


@needs_workers
@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
@pytest.mark.parametrize("to_group", [False, True], ids=["process", "group"])
@pytest.mark.slow
def test_signals_stop_the_run_within_a_second(tmp_path, moment, signum, status, to_group):
    p, out = _start(tmp_path)
    workers = _moment(p, moment)
    if not workers:
        p.kill()
        pytest.skip("the run ended before its workers could be seen")
    if to_group:  # what timeout(1), service managers and kill -- -PGID do
        os.killpg(p.pid, signum)
    else:
        p.send_signal(signum)
    code, err, took = _finish(p, workers)
    assert code == status, err
    assert "Traceback" not in err
    assert err.strip() in ("", "readout-compare: interrupted")
    assert took < 1.0
    assert not out.exists()


@needs_workers
@pytest.mark.slow
def test_workers_die_with_a_parent_killed_outright(tmp_path):
    for moment in ("first pool starting", "second pool starting"):
        p, _ = _start(tmp_path)
        workers = _moment(p, moment)
        p.kill()
        p.communicate()
        deadline = time.monotonic() + 5
        while any(processes.alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(processes.alive(w) for w in workers), moment


ENCODE = """
import signal, sys, time
from readout_compare import semantic

def stop(signum, frame):
    raise SystemExit(128 + signum)

signal.signal(signal.SIGTERM, stop)  # as the command does
encoder = semantic.hint_embedder() or semantic.embedder()
encoder.embed(["warm up"])
texts = [f"Sentence {i} about the meeting of the two defence ministers." for i in range(3000)]
print("ready", flush=True)
try:
    encoder.embed(texts)
except BaseException:
    print(time.monotonic(), flush=True)  # when the signal was acted on
    raise
"""


@pytest.mark.skipif(not __import__("readout_compare.semantic").semantic.installed(),
                    reason="needs the semantic extra")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.slow
def test_the_semantic_encoder_is_interrupted_within_a_second(signum):
    # The encoders' compiled code does not return to Python during a call; embedding in
    # batches is what lets a signal be acted on.
    p = subprocess.Popen([sys.executable, "-c", ENCODE], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    assert p.stdout is not None
    assert p.stdout.readline().strip() == b"ready"
    time.sleep(0.3)  # inside the long embedding
    sent = time.monotonic()  # the same clock in every process
    os.killpg(p.pid, signum)
    try:
        out, _ = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        pytest.fail("the encoder was not interrupted")
    assert p.returncode != 0
    assert float(out.split()[0]) - sent < 1.0


# -- Report targets: hard links, extended attributes and ACLs, long names --------------------------

def _report() -> str:
    from readout_compare import Settings, compare
    from readout_compare.render import renderer
    from readout_compare.report import report_dict

    comparison = compare(READOUT.read_text(encoding="utf-8"), [ACCOUNT.read_text(encoding="utf-8")],
                         settings=Settings(semantic=False))
    return renderer("md")(report_dict(comparison))


HEADING = "# readout-pentagon.txt vs account-wire.txt\n"


def test_a_hard_linked_report_is_rewritten_in_place(tmp_path, cli_invoke):
    target = tmp_path / "report.md"
    target.write_text("the old report\n", encoding="utf-8")
    other = tmp_path / "shared" / "latest.md"
    other.parent.mkdir()
    os.link(target, other)
    inode = target.stat().st_ino
    r = cli_invoke("compare", READOUT, ACCOUNT, "-o", target, "--no-semantic", "-q")
    assert r.exit_code == 0, r.output
    # Both names show the new report: the file itself was rewritten, not replaced.
    assert target.stat().st_ino == inode and target.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == target.read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8").startswith(HEADING)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "shared"]


def _acl(uid: int) -> bytes:
    """A POSIX access ACL in the kernel's xattr form: owner rw, user ``uid`` r, group r,
    mask r, others none."""
    import struct

    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 4, uid), (0x04, 4, 0xFFFFFFFF),
               (0x10, 4, 0xFFFFFFFF), (0x20, 0, 0xFFFFFFFF)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="needs extended attributes")
def test_extended_attributes_and_acls_of_a_report_are_kept(tmp_path):
    from readout_compare.output import write_report

    target = tmp_path / "report.md"
    target.write_text("the old report\n", encoding="utf-8")
    try:
        os.setxattr(target, "user.reviewed-by", b"desk editor")
    except OSError:
        pytest.skip("this file system has no user extended attributes")
    acl = _acl(4321)
    try:
        os.setxattr(target, "system.posix_acl_access", acl)
    except OSError:
        acl = None  # no ACLs here: the user attribute is still checked
    report = _report()  # once: a report records the time it was made
    write_report(str(target), report)
    assert target.read_text(encoding="utf-8") == report
    assert os.getxattr(target, "user.reviewed-by") == b"desk editor"
    if acl is not None:
        assert os.getxattr(target, "system.posix_acl_access") == acl
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_report_name_as_long_as_the_file_system_allows(tmp_path, cli_invoke):
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    for length in (250, limit):
        target = tmp_path / ("r" * (length - 3) + ".md")
        r = cli_invoke("compare", READOUT, ACCOUNT, "-o", target, "--no-semantic", "-q")
        assert r.exit_code == 0, r.output
        assert target.read_text(encoding="utf-8").startswith(HEADING)
        r = cli_invoke("compare", READOUT, ACCOUNT, "-o", target, "--no-semantic", "-q")
        assert r.exit_code == 0, r.output  # over an existing one too
    assert all(not p.name.startswith(".") for p in tmp_path.iterdir())
