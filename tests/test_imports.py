"""The pipeline reads in one direction: each step imports only the shared modules (the data
types and settings, the lexicon, the number and date readers (one language and across languages), text normalisation, errors, timing, worker processes) and the steps before it; renderers
import only their templates' loader."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "readout_compare"

SHARED = {"errors", "model", "settings", "normalize", "keys", "lexicon", "quantities", "crosslingual", "timing", "workers",
          "__version__"}
# The steps, in the order data flows through them.
STEPS = [
    {"fetch", "extract", "load"},
    {"layout", "furniture", "roles", "language", "segment"},
    {"evidence", "similarity", "semantic", "diff", "candidates", "scoring", "align"},
    {"attribution_languages", "source_kinds", "attribution_patterns", "attribution", "quote_marks",
     "quote_verdicts", "quotes", "quote_matches", "wording", "divergence_rules", "divergence",
     "classify", "hints"},
    {"groups", "framing", "placement"},
    {"absence", "phrasing", "findings"},
    {"review"},
    {"pipeline"},
    {"report"},
    {"output"},
    {"corpus"},
    {"track"},
]
# Corpus mode and track drive the whole pipeline, like the command line: they also render reports
# (corpus mode's index page with the report page's Content-Security-Policy, render.html).
RENDERING = {"render", "render.templates", "render.html"}
RENDER_ALLOWED = {"render.templates"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(PACKAGE).with_suffix("").parts  # ("corpus", "work")
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:  # from .work import Shared
            parent = here[:len(here) - node.level]
            if node.module:
                found.add(".".join((*parent, node.module)))
            else:  # from . import work
                found.update(".".join((*parent, alias.name)) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("readout_compare"):
            module = node.module.removeprefix("readout_compare").lstrip(".")
            if module:
                found.add(module)
            else:  # from readout_compare import lexicon, quotes
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("readout_compare.") for a in node.names
                         if a.name.startswith("readout_compare."))
    return found


def modules_of(name: str) -> list[tuple[str, Path]]:
    """A step's module, or every module of a step that is a subpackage (``corpus``:
    ``corpus/__init__.py`` as ``corpus``, ``corpus/work.py`` as ``corpus.work``...)."""
    folder = PACKAGE / name
    if not folder.is_dir():
        return [(name, PACKAGE / f"{name}.py")]
    return [(name if path.stem == "__init__" else f"{name}.{path.stem}", path)
            for path in sorted(folder.glob("*.py"))]


def test_each_step_imports_only_shared_modules_and_earlier_steps():
    allowed = set(SHARED)
    problems = []
    for step in STEPS:
        for name in sorted(step):
            for module, path in modules_of(name):
                # A subpackage's modules may import each other; beyond it, what its step may.
                bad = {m for m in imports_of(path) - allowed - step
                       if m.split(".")[0] not in allowed | step}
                if name in ("corpus", "track"):
                    bad -= RENDERING
                if bad:
                    problems.append(f"{module} imports {sorted(bad)}")
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
