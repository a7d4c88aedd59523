"""The command line: a thin layer over :func:`readout_compare.compare` and the renderers.

Exit status: 0 on success, 1 on bad input (one line on stderr, never a traceback), 2 on usage
errors (click's own). A report file is written whole or not at all.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from readout_compare import __version__
from readout_compare.errors import ReadoutCompareError
from readout_compare.timing import Timings

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
SUFFIXES = {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".markdown": "md"}


def friendly_errors(func: F) -> F:
    """Turn the tool's exception (and I/O trouble) into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReadoutCompareError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="readout-compare")
def main() -> None:
    """Hold news accounts of an event against the official readout of that event."""


@main.command(context_settings=CONTEXT)
@click.argument("readout")
@click.argument("accounts", nargs=-1, required=True)
@click.option(
    "-o", "--output", default="-", show_default=True, metavar="PATH",
    help="Where to write the report; - for standard output.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["html", "json", "md"]),
    help="Report format. Default: from the output's suffix (.html, .json, .md; another suffix "
    "is an error), md for standard output.",
)
@click.option(
    "--label", "labels", multiple=True, metavar="NAME",
    help="Name an input in the report, in order: the readout first, then each account. "
    "Repeat for each input you want to name.",
)
@click.option(
    "--threshold", type=click.FloatRange(0, 1, min_open=True, max_open=True), default=None,
    help="Least calibrated score (probability, 0-1) for a match by the paraphrase model or "
    "the in-domain model. Default: the threshold fitted with each model.",
)
@click.option(
    "--partial-min-words", type=click.IntRange(min=1), default=4, show_default=True,
    help="Least run of shared content words (not names) that counts as quoting part of a "
    "readout sentence.",
)
@click.option(
    "--symmetric", is_flag=True,
    help="Compare two documents with neither as the reference (two readouts of one call): "
    "each side's sentences are shared, changed, or only on that side.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
    help="Seconds to wait for a URL's server, per connection and per read.",
)
@click.option(
    "--timings", is_flag=True,
    help="Print the wall time of each stage (load, segment, align, classify, render) to "
    "standard error.",
)
@friendly_errors
def compare(
    readout: str,
    accounts: tuple[str, ...],
    output: str,
    fmt: str | None,
    labels: tuple[str, ...],
    threshold: float | None,
    partial_min_words: int,
    symmetric: bool,
    timeout: float,
    timings: bool,
) -> None:
    """Compare READOUT with one or more ACCOUNTs.

    Each input is a path, an http(s) URL, or - for standard input (at most one): plain text or
    Markdown in any common encoding, a web page (its main text is extracted), or a PDF with a
    text layer. The report says which readout
    sentences each account reports (verbatim, paraphrased, in part) or omits, which account
    claims have no counterpart in the readout, where matched pairs diverge, and whether each
    quotation is verbatim.

    \b
    Examples:
      readout-compare compare readout.txt article.txt -o report.html
      readout-compare compare readout.txt a.txt b.txt -f json > report.json
    """
    from readout_compare.load import load
    from readout_compare.pipeline import compare as run_compare
    from readout_compare.render import renderer
    from readout_compare.report import report_dict

    inputs = (readout, *accounts)
    if symmetric and len(accounts) != 1:
        raise click.UsageError("--symmetric compares exactly two documents")
    if sum(1 for name in inputs if name == "-") > 1:
        raise click.UsageError("only one input can be read from standard input (-)")
    fmt = fmt or _format_for(output)
    clock = Timings()
    with clock.stage("load"):
        loaded = [load(name, timeout=timeout) for name in inputs]
    names = [labels[i] if i < len(labels) else None for i in range(len(inputs))]
    names = [n or _default_label(item, name) for n, item, name in zip(names, loaded, inputs)]
    comparison = run_compare(
        loaded[0],
        loaded[1:],
        labels=names[1:],
        readout_label=names[0],
        threshold=threshold,
        partial_min_words=partial_min_words,
        symmetric=symmetric,
        timings=clock,
    )
    with clock.stage("render"):
        text = renderer(fmt)(report_dict(comparison))
        write_atomically(output, text)
    if timings:
        click.echo(f"timings: {clock.line()}", err=True)


def _format_for(output: str) -> str:
    if output == "-":
        return "md"
    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIXES:
        raise click.UsageError(
            f"cannot tell the format from {output!r}; name it .html, .json or .md, or give -f"
        )
    return SUFFIXES[suffix]


def _default_label(item: Any, name: str) -> str:
    if item.source.title:
        return str(item.source.title)
    return "standard input" if name == "-" else Path(name).name


def write_atomically(output: str, text: str) -> None:
    """Write the whole report, or nothing: a temporary file beside the target, then a rename."""
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise ReadoutCompareError(f"{output}: is a directory")
    if not target.parent.exists():
        raise ReadoutCompareError(f"{output}: folder {str(target.parent)!r} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
