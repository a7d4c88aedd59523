"""Screenshots of the reference case report for the README and docs (desktop and phone).

    python bench/screenshots.py

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


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(REPORT.as_uri())
        page.screenshot(path=OUT / "report-summary.png")
        page.locator(".overview").screenshot(path=OUT / "report-overview.png")
        page.locator("#a1").scroll_into_view_if_needed()
        page.locator("#a1-4").click()
        page.locator("#a1-h").evaluate("el => el.scrollIntoView()")
        page.screenshot(path=OUT / "report-desktop.png")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.goto(REPORT.as_uri() + "#a1-1")
        phone.screenshot(path=OUT / "report-phone.png")
        browser.close()
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('report-*.png')))} to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
