import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import QUESTIONS, WIDTHS

# serialized_rollback: the flush after each test restores the migrated site (root, homes)
# instead of re-running post_migrate on an empty tree.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def answer(page, index):
    return page.locator(".content-faq-footer").nth(index)


def toggle(page, index):
    return page.locator(".content-faq-toggle").nth(index)


def test_questions_open_and_close_by_mouse_and_keyboard(open_page, faq):
    page = open_page("/en/faq/")
    expect(page.locator(".content-faq-toggle")).to_have_count(QUESTIONS)
    expect(toggle(page, 0)).to_have_attribute("aria-expanded", "false")
    expect(answer(page, 0)).to_be_hidden()

    toggle(page, 0).click()
    expect(answer(page, 0)).to_be_visible()
    expect(toggle(page, 0)).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".content-faq-question").nth(0)).to_have_class(
        "content-faq-question content-faqys"
    )
    toggle(page, 0).click()
    expect(answer(page, 0)).to_be_hidden()

    # Keyboard: the question, then its permalink, then the next question.
    toggle(page, 0).focus()
    page.keyboard.press("Tab")
    expect(page.locator(".content-faq-permalink").nth(0)).to_be_focused()
    page.keyboard.press("Tab")
    expect(toggle(page, 1)).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "keyboard focus must be visible"
    page.keyboard.press("Enter")
    expect(answer(page, 1)).to_be_visible()
    page.keyboard.press("Space")
    expect(answer(page, 1)).to_be_hidden()


def test_a_deep_link_opens_and_shows_its_answer_in_either_language(open_page, faq):
    target = faq.faqs[QUESTIONS - 2].id
    page = open_page(f"/zh-hans/faq/#faq-{target}", width=WIDTHS["phone"])
    item = page.locator(f"#faq-{target}")
    expect(item.locator(".content-faq-footer")).to_be_visible()
    expect(item).to_be_in_viewport()
    expect(answer(page, 0)).to_be_hidden()

    # The permalink of another question opens it, and the address bar says where it is.
    first = faq.faqs[0].id
    page.locator(f"#faq-{first} .content-faq-permalink").click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#faq-{first}")
    expect(answer(page, 0)).to_be_visible()

    # Printed, every answer shows.
    page.emulate_media(media="print")
    for index in range(QUESTIONS):
        expect(answer(page, index)).to_be_visible()


def test_language_switcher_choice_sticks(open_page, live_server, faq):
    page = open_page("/en/faq/")
    page.locator(".language-switcher a[hreflang=zh-hans]").click()
    expect(page).to_have_url(f"{live_server.url}/zh-hans/faq/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h3.box-title")).to_have_text("常见问题（FAQ）")
    # The browser asks for English, but the visitor chose Chinese.
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/zh-hans/")
    page.locator(".language-switcher a[hreflang=en]").click()
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/en/")


@pytest.mark.parametrize(
    ("start", "query", "first_result"),
    [
        ("/zh-hans/faq/", "审计", "谁来审计数据中心？"),
        ("/zh-hans/", "数据", "谁来审计数据中心？"),
        ("/en/faq/", "stored", "Where is my Customer Data stored?"),
    ],
)
def test_search_from_any_page_finds_and_opens_the_question(
    open_page, faq, start, query, first_result
):
    page = open_page(start)
    page.get_by_role("search").get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    results = page.locator(".search-result-question a")
    expect(results.first).to_have_text(first_result)
    results.first.click()
    expect(page.locator(".content-faq-toggle[aria-expanded=true]")).to_have_text(first_result)


PAGES = [
    "/en/faq/",
    "/zh-hans/faq/",
    "/en/",
    "/zh-hans/",
    "/en/no-such-page/",
    "/zh-hans/search/?q=数据",
]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_no_accessibility_violations_and_no_sideways_scrolling(open_page, faq, width):
    axe = Axe()
    for path in PAGES:
        page = open_page(path, width=width)
        if page.locator(".content-faq-toggle").count():
            toggle(page, 1).click()  # check an open answer too
        assert page.locator("footer .site-footer-icp").count() == 1  # audited with the footer
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert results.violations_count == 0, f"{path} at {width}px:\n{results.generate_report()}"
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{path} at {width}px is {overflow}px wide"
        page.context.close()
