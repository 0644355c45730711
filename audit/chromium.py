"""Debian's Chromium as a headless test browser: for the browser tests, Lighthouse and screenshots.

``CHROMIUM_PATH`` (default /usr/bin/chromium) picks the executable; nothing downloads a browser.
"""

import os
from pathlib import Path

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# No sandbox (root in a container), no GPU, and none of its own traffic (updates, sync, field
# trials) in the tests or the measurements.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
