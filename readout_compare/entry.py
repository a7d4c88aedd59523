"""The console script's entry point: help and version pages without importing the command line.

Importing click and the command definitions costs more than printing a page, so the pages that
``readout-compare --help``, ``compare --help``, ``corpus --help``, ``track --help`` and
``--version`` print are stored in ``data/help/``, made by click itself from :mod:`readout_compare.cli`
(:func:`store_pages`; ``tests/test_cli.py`` fails when they differ from what click makes now).
They are stored for the two widths click lays help out at most often: 78 columns (not a
terminal, or a terminal of 80) and 98 (a terminal of 100 columns or more). Any other width,
or any other arguments, go to click.
"""

from __future__ import annotations

import os
import sys

PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "help")
PROG = "readout-compare"
HELP = ("-h", "--help")
# The stored pages: file stem -> the arguments that print it.
STORED = {
    "main": [[flag] for flag in HELP],
    "compare": [["compare", flag] for flag in HELP],
    "corpus": [["corpus", flag] for flag in HELP],
    "track": [["track", flag] for flag in HELP],
    "version": [["-V"], ["--version"]],
}
WIDTHS = (78, 98)


def main() -> None:
    """Print a stored page, or run the command line (named ``readout-compare`` however it was
    started: the console script, ``python -m readout_compare``)."""
    page = stored_page(sys.argv[1:])
    if page is not None:
        if sys.stdout is not None:  # None when started with standard output closed, as click
            sys.stdout.write(page)
            sys.stdout.flush()
        return
    from readout_compare.cli import main as cli_main

    cli_main(prog_name=PROG)


def stored_page(args: list[str]) -> str | None:
    """The stored page these arguments print, or None when click must make it."""
    stem = next((name for name, forms in STORED.items() if args in forms), None)
    if stem is None:
        return None
    if stem != "version":
        import shutil

        # click's own rule (click.formatting.HelpFormatter), with the command line's max width
        width = max(min(shutil.get_terminal_size().columns, 100) - 2, 50)
        if width not in WIDTHS:
            return None
        stem = f"{stem}-{width}"
    try:
        with open(os.path.join(PAGES, f"{stem}.txt"), encoding="utf-8") as page:
            return page.read()
    except OSError:
        return None


def made_pages() -> dict[str, str]:
    """Each stored page's file name and the text click makes for it now."""
    from click.testing import CliRunner

    from readout_compare.cli import main as cli_main

    pages = {}
    for stem, forms in STORED.items():
        widths = [None] if stem == "version" else WIDTHS
        for width in widths:
            result = CliRunner().invoke(cli_main, forms[0], prog_name=PROG, terminal_width=width)
            if result.exit_code != 0:
                raise RuntimeError(f"{forms[0]} exited {result.exit_code}: {result.output}")
            pages[f"{stem}.txt" if width is None else f"{stem}-{width}.txt"] = result.output
    return pages


def store_pages() -> None:
    """Write the pages click makes now into data/help/ (run after changing the command line:
    ``python -c "from readout_compare.entry import store_pages; store_pages()"``)."""
    os.makedirs(PAGES, exist_ok=True)
    for name, text in made_pages().items():
        with open(os.path.join(PAGES, name), "w", encoding="utf-8", newline="\n") as page:
            page.write(text)
