"""Headless Chromium (Debian's ``chromium`` package) driven by Playwright, against live_server.

Playwright never downloads a browser here: it launches the system's Chromium
(``CHROMIUM_PATH``, default /usr/bin/chromium; .ci/run installs it when missing).
"""

import os
from pathlib import Path

import pytest

from tests.api.conftest import faq_pair  # noqa: F401  (the English FAQ page and its translation)

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": 360, "desktop": 1440}
# Logs every Content-Security-Policy violation in every frame (Chromium also logs its own
# "Refused to ..." line, but not for every kind of violation).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def is_csp_violation(message):
    text = message.text
    return text.startswith("CSP violation:") or "Content Security Policy" in text


@pytest.fixture
def csp_violations():
    """The console lines of every CSP violation in the pages ``open_page`` opened."""
    return []


@pytest.fixture
def open_page(live_server, csp_violations):
    """``open_page(path, width=1440)``: a fresh visitor (no cookies) at ``path``.

    Any Content-Security-Policy violation on the way fails the test.

    Playwright starts at the first call, after the test's data is saved, and stops before
    the test database is flushed. While it runs, its event loop makes Django hand out
    other database connections (async-safe ones), so tests touch no database then.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM_PATH.exists():
        pytest.fail(f"{CHROMIUM_PATH} is missing: apt-get install chromium (or set CHROMIUM_PATH)")
    running = {}

    def record_csp_violation(message):
        if is_csp_violation(message):
            csp_violations.append(message.text)

    def open_(path, width=WIDTHS["desktop"], accept_language="en-US,en;q=0.9"):
        if not running:
            running["playwright"] = sync_playwright().start()
            running["browser"] = running["playwright"].chromium.launch(
                executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS
            )
        context = running["browser"].new_context(
            viewport={"width": width, "height": 800},
            extra_http_headers={"Accept-Language": accept_language},
            base_url=live_server.url,
        )
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", record_csp_violation)
        page = context.new_page()
        page.goto(path)
        return page

    yield open_
    if running:
        running["browser"].close()
        running["playwright"].stop()
    assert csp_violations == [], "Content-Security-Policy violations"
