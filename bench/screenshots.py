"""Screenshots of the example reports for the README and docs (desktop and phone).

    python bench/screenshots.py                  # all of them
    python bench/screenshots.py two-governments  # the two readouts in English and Russian only

Uses Playwright with Debian's Chromium (/usr/bin/chromium), no browser download.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "hegseth-mexico" / "report.html"
OUT = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def two_governments(browser) -> None:
    """The top of the English-Russian example's report: its findings and counts."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.goto((ROOT / "examples" / "two-governments" / "report.html").as_uri())
    page.screenshot(path=OUT / "report-two-governments.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        two_governments(browser)
        if sys.argv[1:] == ["two-governments"]:
            browser.close()
            return
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(REPORT.as_uri())
        page.screenshot(path=OUT / "report-summary.png")
        page.locator(".overview").screenshot(path=OUT / "report-overview.png")
        page.locator("#a1").scroll_into_view_if_needed()
        page.locator("#a1-4").click()
        page.locator("#a1-h").evaluate("el => el.scrollIntoView()")
        page.screenshot(path=OUT / "report-desktop.png")
        review(browser)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.goto(REPORT.as_uri() + "#a1-1")
        phone.screenshot(path=OUT / "report-phone.png")
        browser.close()
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('report-*.png')))} to {OUT}", file=sys.stderr)


def review(browser) -> None:
    """The review round trip's first half: one verdict confirmed, another being corrected."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(REPORT.as_uri())
    page.fill("#review-name", "Ana Reyes")
    page.dispatch_event("#review-name", "change")
    page.click("#a2-6 .rv-confirm")
    page.click("#a2-4 .rv-correct")
    page.select_option("#a2-4 .rv-form select[name=verdict]", "supported")
    page.select_option("#a2-4 .rv-form select[name=readout]", index=0)
    page.fill("#a2-4 .rv-form input[name=note]", "the officers' reaction to the call")
    page.locator("#a2-3").evaluate("el => el.scrollIntoView()")
    page.screenshot(path=OUT / "report-review.png")
    page.close()


if __name__ == "__main__":
    main()
