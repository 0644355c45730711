"""Headless Chromium (Debian's ``chromium`` package) driven by Playwright, against live_server.

Playwright never downloads a browser here: it launches the system's Chromium
(``CHROMIUM_PATH``, default /usr/bin/chromium; .ci/run installs it when missing).
"""

import pytest

from audit.chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from tests.api.conftest import faq_pair  # noqa: F401  (the English FAQ page and its translation)
from tests.factories import faq_items, make_faq_page, translate
from trustcenter.navigation.setup import ensure_legacy_header_footer

WIDTHS = {"phone": 360, "desktop": 1440}
QUESTIONS = 12
# A Chinese question long enough to wrap at 360 px (the "+" once wrapped onto a line alone).
LONG_CHINESE_QUESTION = (
    "问题 3：如何在中国大陆的云服务中保护、管理和删除我的内容与个人信息，以及由谁来负责？"
)
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

    def open_(path, width=WIDTHS["desktop"], accept_language="en-US,en;q=0.9", **options):
        """``options`` go to Playwright's ``new_context`` (``java_script_enabled``, ...)."""
        if not running:
            running["playwright"] = sync_playwright().start()
            running["browser"] = running["playwright"].chromium.launch(
                executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS
            )
        context = running["browser"].new_context(
            viewport={"width": width, "height": 800},
            extra_http_headers={"Accept-Language": accept_language},
            base_url=live_server.url,
            **options,
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


@pytest.fixture
def faq():
    """/en/faq/ (12 questions) and its Chinese translation, with the legacy header and footer."""
    items = faq_items(QUESTIONS)
    items[0]["value"] = {
        "question": "Who audits the datacenters?",
        "answer": "<p>Independent assessors, <b>every year</b>.</p>",
    }
    items[1]["value"] = {
        "question": "Where is my Customer Data stored?",
        "answer": '<p>In mainland China. See <a href="https://example.com/">the terms</a>.</p>',
    }
    english = make_faq_page(questions=items)
    strings = {
        "Frequently Asked Questions": "常见问题（FAQ）",
        "Popular questions.": "热门问题。",
        "Who audits the datacenters?": "谁来审计数据中心？",
        "Independent assessors, <b>every year</b>.": "独立的评估机构，<b>每年一次</b>。",
        "Where is my Customer Data stored?": "我的客户数据存储在哪里？",
        'In mainland China. See <a id="a1">the terms</a>.': (
            '仅在中国大陆。请参阅<a id="a1">条款</a>。'
        ),
    }
    for index in range(3, QUESTIONS + 1):
        strings[f"Question {index}?"] = f"问题 {index}？"
        strings[f"Answer {index}, <b>in bold</b>."] = f"回答 {index}，<b>粗体</b>。"
    strings["Question 3?"] = LONG_CHINESE_QUESTION
    translate(english, strings=strings)
    ensure_legacy_header_footer()  # the pages' header and footer, as setup_demo fills them
    return english
