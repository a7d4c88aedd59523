from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_stored_help_pages_are_what_click_makes_now():
    from readout_compare.entry import PAGES, made_pages

    stored = {p.name: p.read_text(encoding="utf-8") for p in Path(PAGES).glob("*.txt")}
    made = made_pages()
    assert sorted(stored) == sorted(made)
    for name, text in made.items():
        assert stored[name] == text, (
            f"data/help/{name} is out of date: run "
            "python -c 'from readout_compare.entry import store_pages; store_pages()'"
        )


HELP_PROBE = (
    "import sys; sys.argv = ['readout-compare', *sys.argv[1:]];"
    "from readout_compare.entry import main\n"
    "try:\n    main()\n"
    "finally:\n    print('click' in sys.modules, file=sys.stderr)"
)


@pytest.mark.parametrize("columns, width, stored", [("80", 78, True), ("200", 98, True),
                                                    ("60", 58, False)])
@pytest.mark.parametrize("args", [["--help"], ["compare", "-h"], ["corpus", "--help"]])
def test_help_pages_at_every_width_are_clicks(cli_invoke, args, columns, width, stored):
    """A stored page is printed without importing click; other widths are made by click."""
    from click.testing import CliRunner

    from readout_compare.cli import main

    env = {**os.environ, "COLUMNS": columns}
    r = subprocess.run([sys.executable, "-c", HELP_PROBE, *args], capture_output=True,
                       text=True, check=False, env=env)
    assert r.returncode == 0, r.stderr
    expected = CliRunner().invoke(main, args, prog_name="readout-compare", terminal_width=width)
    assert r.stdout == expected.output
    assert r.stderr.strip() == str(not stored), "click imported only when the page is not stored"


def test_a_stored_page_with_standard_output_closed_is_no_error():
    # Python sets sys.stdout to None when the command starts with it closed; click then
    # prints nothing and exits 0, and so does a stored page.
    code = ("import sys; sys.stdout = None; sys.argv = ['readout-compare', '--help'];"
            "from readout_compare.entry import main; main()")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (r.returncode, r.stderr) == (0, "")


def test_version_page_is_stored():
    r = subprocess.run([sys.executable, "-c", HELP_PROBE, "-V"], capture_output=True, text=True,
                       check=False)
    assert r.stdout == f"readout-compare, version {__version__}\n"
    assert r.stderr.strip() == "False"


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
