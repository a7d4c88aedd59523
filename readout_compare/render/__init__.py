"""Render: the report dictionary as HTML, JSON, Markdown or CSV. Each format is one module over
:func:`readout_compare.report.report_dict`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FORMATS = ("html", "json", "md", "csv")


def renderer(fmt: str) -> Callable[[dict[str, Any]], str]:
    """The function that renders a report dictionary in ``fmt``."""
    if fmt == "html":
        from readout_compare.render.html import render
    elif fmt == "json":
        from readout_compare.render.json import render
    elif fmt == "md":
        from readout_compare.render.markdown import render
    elif fmt == "csv":
        from readout_compare.render.csv import render
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return render
