"""The report templates: one jinja2 loader over the top-level templates/ folder, which the wheel
carries inside the package (hatch force-include) and an editable install reads in place. Every
renderer that uses a template gets its environment here.

Compiling the HTML template costs more than most comparisons (docs/performance.md), so compiled
templates are kept in jinja2's bytecode cache under ``$XDG_CACHE_HOME/readout-compare`` (by
default ``~/.cache/readout-compare``; the tests point it into a folder of their own), keyed by a
checksum of the template's source: an edited template is compiled afresh. Where that folder
cannot be made, templates are compiled each time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import jinja2

_PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# An editable install does not apply hatch's force-include; fall back to the repository's folder.
_REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class _ReportEnvironment(jinja2.Environment):
    """Reads ``x.key`` on the report's dictionaries as an item first. jinja2 tries an attribute
    first and falls back to the item after an AttributeError, a large share of a big report's
    rendering time (docs/performance.md). A dictionary method (``.items()``) is still found
    when no key has its name (the report has no such keys)."""

    def getattr(self, obj, attribute):  # type: ignore[no-untyped-def]
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(*, autoescape: bool = True) -> jinja2.Environment:
    """The jinja2 environment over the report templates."""
    folders = [str(p) for p in (_PACKAGE_TEMPLATES, _REPO_TEMPLATES) if p.is_dir()]
    env = _ReportEnvironment(
        loader=jinja2.FileSystemLoader(folders),
        bytecode_cache=_bytecode_cache(),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda x: f"{round(100 * x)}%"
    env.filters["label"] = lambda s: (s or "").replace("_", " ")
    return env


@lru_cache(maxsize=1)
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "readout-compare" / f"jinja2-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
