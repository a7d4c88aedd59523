"""Replay the scripted day of edits from tests/test_track.py (a fictional readout and story,
served by local HTTP servers whose pages change between runs) through ``readout-compare track``,
print what each run said, and take the screenshot of the index page for the README.

    python bench/track_demo.py [STORE]     # default: a temporary folder

Uses Playwright with Debian's Chromium (/usr/bin/chromium), no browser download.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_track import (  # noqa: E402
    READOUT,
    READOUT_2,
    STORY_1,
    STORY_2,
    STORY_3,
    STORY_4,
    STORY_5,
    Site,
    page,
)

OUT = ROOT / "docs" / "img" / "track-index.png"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    store = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "store"
    gov, news = Site(), Site()
    story = "/world/freedonia-boats"
    steps = [
        ("first run", READOUT, STORY_1, {}),
        ("the quotation corrected", READOUT, STORY_2, {}),
        ("a paragraph added", READOUT, STORY_3, {}),
        ("only the furniture changed", READOUT, STORY_3,
         {"updated": "Updated March 4, 2026 4:05 p.m.", "ticker": "FRDX -0.4%",
          "related": "Related: Okafor heads to Brussels"}),
        ("a claim removed", READOUT, STORY_4, {}),
        ("the lede's number changed", READOUT, STORY_5, {}),
        ("the readout corrected", READOUT_2, STORY_5, {}),
        ("the news site down", READOUT_2, None, {}),
    ]
    for what, readout, paragraphs, furniture in steps:
        where = "readout" if readout is READOUT else "readout-corrected"
        gov.pages["/readout"] = page(readout, canonical=f"https://gov.example/{where}")
        if paragraphs is None:
            news.down()
        else:
            news.pages[story] = page(paragraphs, **furniture)
        print(f"$ # {what}", flush=True)
        subprocess.run([sys.executable, "-m", "readout_compare", "track", f"{gov.url}/readout",
                        f"{news.url}/latest", "--store", str(store), "--no-semantic",
                        "--label", "State Department readout", "--label", "Freedonia Times"],
                       check=False)
    gov.down()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        view = browser.new_page(viewport={"width": 1100, "height": 1400})
        view.goto((store / "index.html").as_uri())
        view.locator("details.textdiff").first.evaluate("el => el.open = true")
        view.screenshot(path=OUT, full_page=False)
        browser.close()
    print(f"store: {store}; wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
