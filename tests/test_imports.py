"""The pipeline reads in one direction: each step imports only the shared modules (the data
types, the lexicon, text normalisation, errors, timing, worker processes) and the steps before it; renderers
import only their templates' loader."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "readout_compare"

SHARED = {"errors", "model", "normalize", "keys", "lexicon", "timing", "workers", "__version__"}
# The steps, in the order data flows through them.
STEPS = [
    {"fetch", "extract", "load"},
    {"layout", "furniture", "roles", "language", "segment"},
    {"evidence", "similarity", "semantic", "diff", "align"},
    {"attribution_languages", "attribution", "quotes", "divergence", "classify", "hints"},
    {"groups", "framing", "placement"},
    {"absence", "phrasing", "findings"},
    {"review"},
    {"pipeline"},
    {"report"},
    {"output"},
    {"corpus"},
    {"track"},
]
# Corpus mode and track drive the whole pipeline, like the command line: they also render reports.
RENDERING = {"render", "render.templates"}
RENDER_ALLOWED = {"render.templates"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("readout_compare"):
            module = node.module.removeprefix("readout_compare").lstrip(".")
            if module:
                found.add(module)
            else:  # from readout_compare import lexicon, quotes
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("readout_compare.") for a in node.names
                         if a.name.startswith("readout_compare."))
    return found


def test_each_step_imports_only_shared_modules_and_earlier_steps():
    allowed = set(SHARED)
    problems = []
    for step in STEPS:
        for name in sorted(step):
            bad = imports_of(PACKAGE / f"{name}.py") - allowed - step
            if name in ("corpus", "track"):
                bad -= RENDERING
            if bad:
                problems.append(f"{name} imports {sorted(bad)}")
        allowed |= step
    for name in sorted(SHARED - {"__version__"}):
        bad = imports_of(PACKAGE / f"{name}.py") - SHARED
        if bad:
            problems.append(f"{name} (shared) imports {sorted(bad)}")
    assert problems == []


def test_renderers_import_only_their_templates():
    for path in sorted((PACKAGE / "render").glob("*.py")):
        bad = {m for m in imports_of(path) if m not in RENDER_ALLOWED and m != "render"}
        bad -= ({"render.html", "render.json", "render.markdown", "render.csv"}
                if path.name == "__init__.py" else set())
        assert bad == set(), f"{path.name} imports {sorted(bad)}"
