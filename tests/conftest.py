from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from readout_compare.cli import main

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "hegseth-mexico"

# The tests write nothing outside their temporary folders: the compiled templates' cache
# (render/templates.py), which a run keeps under $XDG_CACHE_HOME, and what Chromium keeps under
# $XDG_CONFIG_HOME (its crash reports' folder, tests/test_browser.py) go to a folder of the
# test run's own, set before any test module renders and taken by the processes tests start.
USER_FOLDERS = tempfile.mkdtemp(prefix="readout-compare-tests-")
os.environ["XDG_CACHE_HOME"] = os.path.join(USER_FOLDERS, "cache")
os.environ["XDG_CONFIG_HOME"] = os.path.join(USER_FOLDERS, "config")
# The many processes tests start (the command line, workers, Dask) compile the package and its
# dependencies on every start when bytecode writing is off (PYTHONDONTWRITEBYTECODE, as on some
# machines): they keep compiled modules in the run's own folder instead, which halves a small
# comparison's start-up there (docs/performance.md).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(USER_FOLDERS, "pycache")


def bench_module(name: str):
    """A script of bench/ loaded as a module, once (bench/ is a folder of scripts run as files,
    not a package): for the tests that hold a benchmark's reading of its data."""
    import importlib.util
    import sys

    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(USER_FOLDERS, ignore_errors=True)


@pytest.fixture(scope="session")
def case_texts() -> dict[str, str]:
    """The reference case, as bundled in examples/ (copied from ../shared/cases)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in CASE.glob("*.txt")}


@pytest.fixture(scope="session")
def case_comparison(case_texts):
    from readout_compare import compare

    return compare(
        case_texts["readout-pentagon"],
        [case_texts["account-nypost"], case_texts["account-wire"]],
        labels=["New York Post", "Wire"],
    )


@pytest.fixture
def cli_invoke():
    """Run the command line in-process; returns click's Result."""

    def invoke(*args: str, input: bytes | str | None = None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
