"""The installed wheel carries its templates and calibration: build it and run from it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CASE, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (found,) = out.glob("readout_compare-*.whl")
    return found


def test_wheel_holds_templates_and_calibration(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("report.html.j2", "report.md.j2", "report.css", "report.js", "track.html.j2",
                 "track.css"):
        assert f"readout_compare/templates/{name}" in names
    assert "readout_compare/calibration.json" in names
    metadata = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith(".dist-info/METADATA"))
    ).decode()
    assert "License-Expression: MIT" in metadata or "License: MIT" in metadata
    entry = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    ).decode()
    assert "readout-compare = readout_compare.cli:main" in entry


def test_report_renders_from_the_unpacked_wheel(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import readout_compare.render.html as h;"
        "assert h._PACKAGE_TEMPLATES.is_dir() and str(h._PACKAGE_TEMPLATES).startswith(sys.argv[1]);"
        "from readout_compare.cli import main; main(sys.argv[2:])"
    )
    out = tmp_path / "r.html"
    r = subprocess.run(
        [sys.executable, "-c", code, str(site), "compare",
         str(CASE / "readout-pentagon.txt"), str(CASE / "account-nypost.txt"), "-o", str(out)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "4 of 4 readout sentences reported" in out.read_text(encoding="utf-8")
