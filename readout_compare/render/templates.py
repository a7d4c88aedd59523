"""The report templates: one jinja2 loader over the top-level templates/ folder, which the wheel
carries inside the package (hatch force-include) and an editable install reads in place. Every
renderer that uses a template gets its environment here."""

from __future__ import annotations

from pathlib import Path

import jinja2

_PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# An editable install does not apply hatch's force-include; fall back to the repository's folder.
_REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def environment(*, autoescape: bool = True) -> jinja2.Environment:
    """The jinja2 environment over the report templates."""
    folders = [str(p) for p in (_PACKAGE_TEMPLATES, _REPO_TEMPLATES) if p.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda x: f"{round(100 * x)}%"
    env.filters["label"] = lambda s: (s or "").replace("_", " ")
    return env
