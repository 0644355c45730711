"""Legacy and new FAQ pages side by side, at 360 and 1440 px, in both languages.

    make screenshots   # or: .venv/bin/python audit/screenshots.py (make audit takes them too)

The new pages come from the demo site under production settings (audit/server.py). The legacy
pages are rebuilt as static HTML from the legacy layouts (LEGACY_THEME, default
../shared/seeds/legacy-theme beside the checkout) with the seed pages the demo imports put in
for ``{{ content }}``. Only what the theme folder holds is there: the hero image and the
public-security icon. The legacy stylesheets and scripts (style.csx, jquery, ...) are not, so
the legacy page shows unstyled, its answers open. Writes PNGs of the first screen (not the
whole page), and of its end, to docs/screenshots/, with 256 colours to keep them small.
"""

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "screenshots"
LEGACY_THEME = Path(os.environ.get("LEGACY_THEME", ROOT.parent / "shared/seeds/legacy-theme"))
PORT = 8472
VIEWPORTS = {360: 780, 1440: 900}  # width: height of the first screen
# language: (seed page, legacy layout, new page)
PAGES = {
    "en": ("legacy-faq-en.txt", "TrustCenterPage.html.liquid", "/en/faq/"),
    "zh-hans": ("legacy-faq-zh-cn.txt", "TrustCenterPageCN.html.liquid", "/zh-hans/faq/"),
}
HERO = "MS-TrustCenter-Resources-Header.jpg"
# Where each screenshot is taken: the top of the page and its end (the footer). Unstyled, the
# legacy header's menu lists every link of the site and fills the first screens: its "top" is
# taken from the hero down.
_END = "window.scrollTo(0, document.documentElement.scrollHeight)"
SCROLLS = {
    "legacy": {"top": "document.querySelector('#HeroWrapper').scrollIntoView()", "end": _END},
    "new": {"top": "window.scrollTo(0, 0)", "end": _END},
}


def legacy_pages(folder):
    """``{language: file URL}`` of the legacy pages rebuilt in ``folder``."""
    site = folder / "site"
    (site / "resources").mkdir(parents=True)
    (site / "Images").mkdir()
    (folder / "en-us" / "Images").mkdir(parents=True)
    shutil.copyfile(LEGACY_THEME / HERO, site / "Images" / HERO)
    shutil.copyfile(
        LEGACY_THEME / "record_icon.png", folder / "en-us" / "Images" / "record_icon.png"
    )
    urls = {}
    for language, (seed, layout, _) in PAGES.items():
        body = (ROOT / "trustcenter" / "demo" / seed).read_text()
        body = re.sub(r"\A---\n.*?\n---\n", "", body, flags=re.S)  # the front matter
        # What the legacy picture script made of the hero's data-src (it is not in the theme).
        body = re.sub(
            r'<div data-picture="" data-alt="([^"]*)"[^>]*>\s*<div data-src="([^"]+)"></div>',
            r'<div><img src="\2" alt="\1" style="width:100%;height:auto">',
            body,
        )
        page = (LEGACY_THEME / layout).read_text()
        page = page.replace("{{ content }}", body).replace("{{ metadata }}", "")
        page = page.replace("{{ page.title }}", "Trust Center")
        target = site / "resources" / f"FAQ-{language}.html"
        target.write_text(page)
        urls[language] = target.as_uri()
    return urls


def take(base, log=print):
    from PIL import Image
    from playwright.sync_api import sync_playwright

    from audit.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="trustcenter-legacy-") as folder:
        legacy = legacy_pages(Path(folder))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            for language, (_, _, path) in PAGES.items():
                for width, height in VIEWPORTS.items():
                    for kind, url in (("legacy", legacy[language]), ("new", base + path)):
                        context = browser.new_context(viewport={"width": width, "height": height})
                        page = context.new_page()
                        # Nothing from outside: the legacy layout links the legacy site's servers.
                        page.route(
                            "**/*",
                            lambda route: (
                                route.continue_()
                                if route.request.url.startswith(("file:", base))
                                else route.abort()
                            ),
                        )
                        page.goto(url, wait_until="load")
                        for part, scroll in SCROLLS[kind].items():
                            page.evaluate(scroll)
                            target = OUTPUT / f"{kind}-{language}-{width}-{part}.png"
                            page.screenshot(path=target)
                            image = Image.open(target).convert("RGB").quantize(256)
                            image.save(target, optimize=True)
                            log(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")
                        context.close()
            browser.close()


def main():
    if not (LEGACY_THEME / "TrustCenterPage.html.liquid").exists():
        sys.exit(f"screenshots: no legacy theme at {LEGACY_THEME} (set LEGACY_THEME)")
    from audit.server import demo_site

    with demo_site(PORT) as base:
        take(base)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
