"""Lighthouse on the demo site, mobile and desktop: the scores go into docs/audit.md.

    make audit        # or: .venv/bin/python audit/run.py

Starts the demo site under production settings (audit/server.py), runs Lighthouse from
audit/node_modules (`npm ci` in audit/; `make audit` does it) with Debian's Chromium
(CHROMIUM_PATH, see audit/chromium.py; Lighthouse never downloads a browser), and writes each
JSON report to audit/reports/ (not committed) and the table between the markers of
docs/audit.md; then takes the legacy and new screenshots (audit/screenshots.py) from the same
server.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "audit" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "audit" / "reports"
DOCUMENT = ROOT / "docs" / "audit.md"
PORT = 8470
PAGES = [
    "/en/faq/",
    "/zh-hans/faq/",
    "/en/",
    "/zh-hans/",
    "/en/search/?q=" + quote("data"),
    "/zh-hans/search/?q=" + quote("数据"),
]
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--no-record", action="store_true", help="leave docs/audit.md alone")
    parser.add_argument(
        "--no-screenshots", action="store_true", help="skip audit/screenshots.py's screenshots"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("audit: run `npm ci` in audit/ first (make audit does)")
    from audit import screenshots
    from audit.chromium import CHROMIUM_PATH
    from audit.server import demo_site

    if not CHROMIUM_PATH.exists():
        sys.exit(f"audit: no Chromium at {CHROMIUM_PATH} (set CHROMIUM_PATH)")
    os.environ["CHROME_PATH"] = str(CHROMIUM_PATH)  # where Lighthouse looks for its browser
    REPORTS.mkdir(exist_ok=True)

    rows = []
    with demo_site(args.port) as base:
        for path in PAGES:
            for form_factor in FORM_FACTORS:
                report = _lighthouse(base + path, form_factor)
                rows.append(_row(path, form_factor, report))
                print(" | ".join(str(cell) for cell in rows[-1][:7]), flush=True)
        if not args.no_screenshots:
            screenshots.take(base)
    table = _table(rows)
    print(table)
    if not args.no_record:
        _record(table)


def _lighthouse(url, form_factor):
    from audit.chromium import CHROMIUM_ARGS

    name = url.split("//", 1)[1].split("/", 1)[1].replace("/", "_").replace("?q=", "-search-")
    output = REPORTS / f"{name or 'root'}-{form_factor}.json"
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}", f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    if form_factor == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not output.exists():
        raise SystemExit(f"audit: Lighthouse failed on {url}: {result.stderr.strip()[-800:]}")
    return json.loads(output.read_text())


def _row(path, form_factor, report):
    scores = [round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES]
    audits = report["audits"]
    shift = audits["cumulative-layout-shift"]["numericValue"]
    paint = audits["largest-contentful-paint"]["numericValue"] / 1000
    # What cost points: scored audits that did not pass, in the categories measured.
    weighted = {
        ref["id"]
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] > 0
    }
    failing = sorted(
        audit_id
        for audit_id in weighted
        if audits[audit_id]["score"] is not None
        and audits[audit_id]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
        and audits[audit_id]["score"] < 0.9
    )
    return (
        unquote(path),
        form_factor,
        *scores,
        f"{shift:.3f}",
        f"{paint:.1f} s",
        ", ".join(failing),
    )


def _table(rows):
    chromium = subprocess.run(
        [os.environ["CHROME_PATH"], "--version"], capture_output=True, text=True
    ).stdout.strip()
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True
    ).stdout.strip()
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Lighthouse {version}, {chromium}; "
        f"a shared {os.cpu_count()}-core machine ({platform.machine()}), "
        "demo content, production settings (gunicorn, 2 workers, page cache on).",
        "",
        "| page | device | performance | accessibility | best practices | SEO | layout shift "
        "| largest paint | audits below 90 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    return "\n".join(lines)


def _record(table, start="<!-- audit:start -->", end="<!-- audit:end -->"):
    text = DOCUMENT.read_text()
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    DOCUMENT.write_text(f"{before}{start}\n{table}\n{end}{after}")
    print(f"Recorded in {DOCUMENT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
