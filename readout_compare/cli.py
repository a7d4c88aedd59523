"""The command line: its options, adapted to :func:`readout_compare.compare`, the renderers,
corpus mode and track; it does no comparing of its own.

Exit status: 0 on success, 1 on bad input (one line on stderr, never a traceback), 2 on usage
errors (click's own), 130 on Ctrl-C, 128 + the signal's number on SIGTERM and SIGHUP
(:mod:`readout_compare.exits`). A report file is written whole or not at all
(:mod:`readout_compare.output`).
"""

from __future__ import annotations

import contextlib
import gc
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from readout_compare import __version__
from readout_compare.errors import ReadoutCompareError
from readout_compare.exits import ReviewFileProblem, friendly_errors
from readout_compare.normalize import clean_label
from readout_compare.settings import MAX_PARTIAL_MIN_WORDS, Settings
from readout_compare.timing import Timings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
SUFFIXES = {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".markdown": "md",
            ".csv": "csv"}


MAX_TIMEOUT = 3600.0  # seconds; more is a typo, and an infinite wait is never wanted


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the command runs, and what survives
    frozen before it resumes. A comparison makes millions of small objects and almost no
    cycles, yet each collection walks every live object; the process exits after its report,
    so what outlives the comparison (caches of word tokens and verbs) need never be walked.
    Memory is still freed as soon as nothing refers to it. The gain is measured in
    docs/performance.md; the library's compare() leaves the collector alone."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


class FiniteFloat(click.ParamType):
    """A float in an open or closed range that is never nan or infinite (a usage error)."""

    name = "float"

    def __init__(self, low: float, high: float, *, open_low: bool = True,
                 open_high: bool = True) -> None:
        self.low, self.high, self.open_low, self.open_high = low, high, open_low, open_high

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number", param, ctx)
        low_ok = number > self.low if self.open_low else number >= self.low
        high_ok = number < self.high if self.open_high else number <= self.high
        if not math.isfinite(number) or not (low_ok and high_ok):
            left = "(" if self.open_low else "["
            right = ")" if self.open_high else "]"
            self.fail(f"{value!r} is not in {left}{self.low:g}, {self.high:g}{right}", param, ctx)
        return number


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
    "-f", "--format", "fmt", type=click.Choice(["html", "json", "md", "csv"]),
    help="Report format (csv: one row per account sentence). Default: from the output's suffix "
    "(.html, .json, .md, .csv; another suffix is an error), md for standard output.",
)
@click.option(
    "--label", "labels", multiple=True, metavar="NAME",
    help="Name an input in the report, in order: the readout first, then each account. "
    "Repeat for each input you want to name.",
)
@click.option(
    "--threshold", type=FiniteFloat(0, 1), default=None,
    help="Least calibrated score (probability, 0-1) for a match by the paraphrase model or "
    "the in-domain model. Default: the threshold fitted with each model.",
)
@click.option(
    "--partial-min-words", type=click.IntRange(min=1, max=MAX_PARTIAL_MIN_WORDS), default=4,
    show_default=True,
    help="Least run of shared content words (not names) that counts as quoting part of a "
    "readout sentence.",
)
@click.option(
    "--symmetric", is_flag=True,
    help="Compare two documents with neither as the reference (two readouts of one call): "
    "each side's sentences are shared, changed, or only on that side.",
)
@click.option(
    "--timeout", type=FiniteFloat(0, MAX_TIMEOUT, open_high=False), default=20.0,
    show_default=True,
    help="Seconds to wait for a URL's server, per connection and per read; a whole download "
    "may take at most four times this.",
)
@click.option(
    "--full-paths", is_flag=True,
    help="Show each input file's full path in the report's sources (by default only the file "
    "name, since a shared report would show your folders).",
)
@click.option(
    "--full-urls", is_flag=True,
    help="Show whole the URLs you did not type (where redirects ended, a page's canonical URL), "
    "query string and fragment included (by default left out: they may hold a token).",
)
@click.option(
    "--no-semantic", "no_semantic", is_flag=True,
    help="Leave the optional semantic matcher (pip install 'readout-compare[semantic]') unused: "
    "no paraphrase hints, no comparison across languages.",
)
@click.option(
    "--review", "review_file", metavar="FILE", default=None,
    help="Apply a review file (the HTML report's \"Export reviews\"): its verdicts replace the "
    "tool's, which the report keeps beside them; entries that no longer fit are listed as "
    "stale.",
)
@click.option(
    "-q", "--quiet", is_flag=True,
    help="No progress display (it is shown on a terminal only, and only for runs longer than "
    "two seconds).",
)
@click.option(
    "--timings", is_flag=True,
    help="Print the wall time of each stage (load, segment, align, classify, groups, framing, "
    "placement, review, findings, render) to standard error.",
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
    full_paths: bool,
    full_urls: bool,
    no_semantic: bool,
    review_file: str | None,
    quiet: bool,
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
    from readout_compare.output import write_report
    from readout_compare.pipeline import compare as run_compare
    from readout_compare.progress import Progress
    from readout_compare.render import renderer
    from readout_compare.report import report_dict

    inputs = (readout, *accounts)
    if symmetric and len(accounts) != 1:
        raise click.UsageError("--symmetric compares exactly two documents")
    if sum(1 for name in inputs if name == "-") > 1:
        raise click.UsageError("only one input can be read from standard input (-)")
    if len(labels) > len(inputs):
        raise click.UsageError(
            f"{len(labels)} --label options for {len(inputs)} inputs; give at most one per input"
        )
    fmt = fmt or _format_for(output)
    reviews = _read_reviews(review_file) if review_file is not None else None
    clock = Timings()
    with Progress(clock, enabled=not quiet), without_cycle_collection():
        with clock.stage("load"):
            loaded = [load(name, timeout=timeout) for name in inputs]
        names = [labels[i] if i < len(labels) else None for i in range(len(inputs))]
        names = [
            clean_label(n or "") or _default_label(item, name)
            for n, item, name in zip(names, loaded, inputs)
        ]
        comparison = run_compare(
            loaded[0],
            loaded[1:],
            labels=names[1:],
            readout_label=names[0],
            settings=Settings(threshold=threshold, partial_min_words=partial_min_words,
                              symmetric=symmetric, full_paths=full_paths, full_urls=full_urls,
                              semantic=not no_semantic),
            timings=clock,
        )
        if reviews is not None:
            from readout_compare.review import apply_reviews

            with clock.stage("review"):
                comparison = apply_reviews(comparison, reviews)
            for stale in comparison.stale_reviews or ():
                who = f" (by {stale.entry.reviewer})" if stale.entry.reviewer else ""
                click.echo(clean_label(f"readout-compare: stale review {stale.entry.key}{who}: "
                                       f"{stale.reason}; listed in the report"), err=True)
        with clock.stage("render"):
            text = renderer(fmt)(report_dict(comparison))
            write_report(output, text)
        # Let go of the comparison while the collector is still paused: its first pass after
        # it resumes would walk every object made meanwhile.
        del comparison, loaded, text
    if timings:
        click.echo(f"timings: {clock.line()}", err=True)


def _read_reviews(path: str) -> Any:
    """The entries of a review file (read before the comparison runs, so a bad file costs
    nothing)."""
    from readout_compare.review import ReviewFileError, parse_reviews

    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
        return parse_reviews(text, name=path)
    except UnicodeDecodeError:
        raise ReviewFileProblem(clean_label(f"{path}: not UTF-8 text")) from None
    except OSError as exc:
        raise ReviewFileProblem(clean_label(f"{path}: {exc.strerror or exc}")) from None
    except ReviewFileError as exc:
        raise ReviewFileProblem(clean_label(str(exc))) from None


def _format_for(output: str) -> str:
    if output == "-":
        return "md"
    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIXES:
        raise click.UsageError(
            f"cannot tell the format from {output!r}; name it .html, .json, .md or .csv, or give -f"
        )
    return SUFFIXES[suffix]


def _default_label(item: Any, name: str) -> str:
    if item.source.title:
        return str(item.source.title)
    return "standard input" if name == "-" else clean_label(Path(name).name)


@main.command(context_settings=CONTEXT)
@click.argument("readouts")
@click.argument("articles")
@click.option("-o", "--output", required=True, metavar="FOLDER",
              help="Folder for results.sqlite, index.html and readouts/*.html.")
@click.option("--window", type=click.IntRange(min=0), default=None, metavar="DAYS",
              help="Only articles dated within DAYS after a readout's date can report it (when "
              "both dates are known).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run on an existing Dask cluster (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Run on a local Dask cluster of N worker processes.")
@click.option("--resume", is_flag=True,
              help="Carry on with an existing results folder, skipping articles already done "
              "(articles that failed are tried again).")
@click.option("--force-settings", is_flag=True,
              help="With --resume: carry on although the folder's results were made with other "
              "settings (--window, --no-semantic, another version); without it that is an error.")
@click.option("--timeout", type=FiniteFloat(0, MAX_TIMEOUT, open_high=False), default=20.0,
              show_default=True, help="Seconds to wait for a URL's server.")
@click.option("--no-semantic", "no_semantic", is_flag=True,
              help="Leave the optional semantic matcher unused.")
@click.option("--reviews", "reviews", metavar="DIR", default=None,
              help="Apply review files: DIR/ID.json, exported from readouts/ID.html, to that "
              "readout's pairs and page.")
@click.option("--csv", "csv", is_flag=True,
              help="Also write readouts.csv, articles.csv, pairs.csv, coverage.csv, claims.csv, "
              "quotes.csv and divergences.csv into the output folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@friendly_errors
def corpus(
    readouts: str, articles: str, output: str, window: int | None, scheduler: str | None,
    workers: int | None, resume: bool, force_settings: bool, timeout: float, no_semantic: bool,
    reviews: str | None, csv: bool, quiet: bool,
) -> None:
    """Find which ARTICLES report which READOUTS, and compare each pair.

    READOUTS and ARTICLES are folders of files (any input compare reads) or manifests
    (.jsonl or .csv with id, path or url, and optional date, outlet, title).

    \b
    Example:
      readout-compare corpus readouts/ articles.csv -o results/ --window 7
    """
    from readout_compare.corpus import Run, run
    from readout_compare.progress import Progress

    if scheduler and workers:
        raise click.UsageError("give --scheduler or --workers, not both")
    if force_settings and not resume:
        raise click.UsageError("--force-settings goes with --resume")
    clock = Timings()

    def progress(done: int, total: int) -> None:
        clock.current = f"comparing articles ({done} of {total} done)"

    from readout_compare.review import ReviewFileError

    try:
        with Progress(clock, enabled=not quiet), clock.doing("reading the collections"):
            counts = run(Run(readouts, articles, output, window=window, scheduler=scheduler,
                             workers=workers, resume=resume, force_settings=force_settings,
                             timeout=timeout, semantic=not no_semantic, reviews=reviews,
                             csv=csv, on_progress=progress))
    except ReviewFileError as exc:
        raise ReviewFileProblem(clean_label(str(exc))) from None
    if counts["articles"] and counts["errors"] == counts["articles"]:
        raise ReadoutCompareError(
            f"every article failed ({counts['errors']} of {counts['articles']}); first: "
            f"{counts['failures'][0]}")
    left = ""
    if counts["left_out"]:
        left = (f"; {counts['left_out']} with {counts['left_out_pairs']} candidate readouts "
                f"left out by --window {window}, dated outside 0-{window} days after them")
    click.echo(
        f"{counts['readouts']} readouts, {counts['articles']} articles "
        f"({counts['errors']} failed{left}), {counts['pairs']} reporting pairs: "
        f"{Path(output) / 'index.html'}",
        err=True,
    )
    if counts["errors"]:
        more = counts["errors"] - len(counts["failures"])
        click.echo(f"{counts['errors']} of {counts['articles']} articles failed: "
                   + "; ".join(counts["failures"]) + (f"; {more} more in index.html" if more
                                                      else ""), err=True)


@main.command(context_settings=CONTEXT)
@click.argument("readout")
@click.argument("accounts", nargs=-1, required=True)
@click.option("--store", required=True, metavar="DIR",
              help="Folder for history.sqlite, history.json, index.html and reports/ (made if "
              "need be; give the same one on every run).")
@click.option("--label", "labels", multiple=True, metavar="NAME",
              help="Name an input, in order: the readout first, then each account. A name is "
              "kept from the first run that stores the input.")
@click.option("--timeout", type=FiniteFloat(0, MAX_TIMEOUT, open_high=False), default=20.0,
              show_default=True, help="Seconds to wait for a URL's server.")
@click.option("--no-semantic", "no_semantic", is_flag=True,
              help="Leave the optional semantic matcher unused.")
@friendly_errors
def track(readout: str, accounts: tuple[str, ...], store: str, labels: tuple[str, ...],
          timeout: float, no_semantic: bool) -> None:
    """Store new versions of READOUT and each ACCOUNT, and say what each edit did.

    Run it again and again (by cron or by hand). Inputs are read as compare reads them. A
    document's new version is stored when its text changed (page furniture such as a new
    timestamp, ticker or related link is not a change); a page that cannot be read stores
    nothing. For each new version it prints what changed in verdict terms, then writes the
    comparison report of that moment, DIR/index.html (a timeline per document) and
    DIR/history.json. Exit status 1 only when no input could be read.

    \b
    Example:
      readout-compare track https://gov.example/readout https://news.example/story --store watch/
    """
    from readout_compare.track import track as run_track

    if "-" in (readout, *accounts):
        raise click.UsageError("track reads each input again on every run; standard input (-) "
                               "cannot be read twice")
    if len({readout, *accounts}) != 1 + len(accounts):
        raise click.UsageError("an input is given twice; give each once")
    if len(labels) > 1 + len(accounts):
        raise click.UsageError(
            f"{len(labels)} --label options for {1 + len(accounts)} inputs; give at most one "
            "per input")
    outcome = run_track(readout, accounts, store, labels=labels, timeout=timeout,
                        semantic=not no_semantic)
    for _, message in outcome.failures:
        click.echo(f"readout-compare: {message}; no version stored", err=True)
    if outcome.everything_failed:
        raise click.ClickException("no input could be read; nothing stored")
    if not outcome.versions:
        click.echo("nothing changed; no new version stored")
    for v in outcome.versions:
        click.echo(f"{v.label}: version {v.number} stored")
        for change in v.changes:
            click.echo(f"  {change.account + ': ' if change.account else ''}{change.text}")
    if outcome.report:
        click.echo(f"report: {outcome.report}")
    click.echo(f"index: {outcome.index}")
