from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from readout_compare import __version__
from tests.conftest import CASE

READOUT = str(CASE / "readout-pentagon.txt")
POST = str(CASE / "account-nypost.txt")
WIRE = str(CASE / "account-wire.txt")


def test_version_and_help(cli_invoke):
    r = cli_invoke("--version")
    assert r.exit_code == 0 and __version__ in r.output
    r = cli_invoke("compare", "-h")
    assert r.exit_code == 0
    assert "--threshold" in r.output and "--output" in r.output and "--label" in r.output


@pytest.mark.parametrize("suffix, marker", [(".html", "<!doctype html>"), (".json", '{\n  "schema_version"'), (".md", "# "), (".csv", "account,id,key,text,verdict,")])
def test_format_from_suffix(cli_invoke, tmp_path, suffix, marker):
    out = tmp_path / f"report{suffix}"
    r = cli_invoke("compare", READOUT, POST, "-o", out)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith(marker)
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary files left"


def test_stdout_json_and_labels(cli_invoke):
    r = cli_invoke("compare", READOUT, POST, WIRE, "-f", "json", "--label", "Pentagon", "--label", "NY Post")
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["readout"]["label"] == "Pentagon"
    assert [a["label"] for a in data["accounts"]] == ["NY Post", "account-wire.txt"]
    assert data["settings"]["threshold"] > 0


def test_stdin_input(cli_invoke):
    with open(POST, "rb") as fh:
        r = cli_invoke("compare", READOUT, "-", "-f", "json", input=fh.read())
    assert r.exit_code == 0
    assert json.loads(r.output)["accounts"][0]["summary"]["reported"] == 4


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "missing.txt", POST], "missing.txt: no such file"),
        (["compare", READOUT, "EMPTY"], "no text to compare"),
        (["compare", READOUT, "BINARY"], "binary"),
        (["compare", "DIR", POST], "is a directory"),
    ],
    ids=["missing", "empty", "binary", "directory"],
)
def test_bad_input_is_one_line_exit_1(cli_invoke, tmp_path, args, message):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    subst = {"EMPTY": tmp_path / "empty.txt", "BINARY": tmp_path / "binary.bin", "DIR": tmp_path}
    out = tmp_path / "report.html"
    r = cli_invoke(*[subst.get(a, a) for a in args], "-o", out)
    assert r.exit_code == 1
    assert message in r.output
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert not out.exists(), "nothing written half-way"


@pytest.mark.parametrize(
    "args",
    [
        ["compare", READOUT],
        ["compare", READOUT, POST, "-f", "pdf"],
        ["compare", READOUT, POST, "--threshold", "1.5"],
        ["compare", READOUT, POST, "-o", "report.xyz"],
        ["compare", "-", "-"],
        ["frobnicate"],
    ],
    ids=["no-account", "bad-format", "bad-threshold", "unknown-suffix", "two-stdin", "unknown-command"],
)
def test_usage_errors_exit_2(cli_invoke, args):
    r = cli_invoke(*args)
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_output_into_missing_folder(cli_invoke, tmp_path):
    r = cli_invoke("compare", READOUT, POST, "-o", tmp_path / "nope" / "r.html")
    assert r.exit_code == 1 and "does not exist" in r.output


def test_existing_report_survives_a_failed_run(cli_invoke, tmp_path):
    out = tmp_path / "r.html"
    out.write_text("previous report")
    r = cli_invoke("compare", READOUT, tmp_path / "missing.txt", "-o", out)
    assert r.exit_code == 1
    assert out.read_text() == "previous report"


def test_python_dash_m_works_like_the_command():
    r = subprocess.run(
        [sys.executable, "-m", "readout_compare", "compare", READOUT, POST, "-f", "md"],
        capture_output=True, text=True, check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "4 of 4 readout sentences reported, 1 only in part" in r.stdout
    r = subprocess.run([sys.executable, "-m", "readout_compare", "compare", "nope.txt", POST],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 1 and r.stderr.strip() == "Error: nope.txt: no such file"


def test_help_with_standard_output_closed_is_no_error():
    # Python sets sys.stdout to None when the command starts with it closed; click then prints
    # nothing and exits 0.
    code = ("import sys; sys.stdout = None; sys.argv = ['readout-compare', '--help'];"
            "from readout_compare.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (r.returncode, r.stderr) == (0, "")


def test_version_is_printed_under_the_command_s_name():
    r = subprocess.run([sys.executable, "-m", "readout_compare", "-V"], capture_output=True,
                       text=True, check=False)
    assert r.stdout == f"readout-compare, version {__version__}\n"


def test_library_settings_are_typed_keywords():
    from readout_compare import Settings, compare
    from readout_compare.errors import ReadoutCompareError

    with pytest.raises(TypeError):
        Settings(treshold=0.5)  # a misspelt setting is not silently ignored
    with pytest.raises(TypeError):
        Settings(0.5)  # nor taken by position
    with pytest.raises(TypeError):
        compare("The Secretary met the Minister.", "The Secretary met the Minister.",
                threshold=0.5)  # settings go in Settings
    with pytest.raises(ReadoutCompareError, match="threshold"):
        Settings(threshold=1.5)


def test_a_run_writes_nothing_under_home_but_its_cache(tmp_path):
    """The compiled templates are cached under $XDG_CACHE_HOME (by default ~/.cache): with that
    elsewhere, a run (the semantic matcher too, when installed) writes nothing under HOME."""
    home, cache = tmp_path / "home", tmp_path / "cache"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "readout_compare", "compare", READOUT, POST, "-q", "-o"]
    r = subprocess.run([*command, str(tmp_path / "r.html")], env=env, capture_output=True,
                       text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert list(home.iterdir()) == []
    assert list(cache.glob("readout-compare/jinja2-*/*.cache")), "the templates are cached"
    del env["XDG_CACHE_HOME"]
    r = subprocess.run([*command, str(tmp_path / "r2.html"), "--no-semantic"], env=env,
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    assert written and all(p.parts[:2] == (".cache", "readout-compare") for p in written)
