"""The FAQ page as a visitor's browser shows it (issue 13): nothing moves while it loads, the
hero keeps clear of the header, and the tools around the questions work in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from faq.blocks import faq_anchor
from faq.models import FAQPage
from tests.browser.conftest import LONG_CHINESE_QUESTION, QUESTIONS, WIDTHS
from tests.browser.test_visitors import AXE_TAGS, answer, toggle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("tests.browser.urls"),
]

# Every layout shift since the page started loading (buffered), those not caused by input.
LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts)));
})
"""


@pytest.fixture
def faq_with_hero(faq):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    image = Image.objects.create(title="Hero", file=get_test_image_file_jpeg(size=(1300, 352)))
    for page in FAQPage.objects.all():
        page.hero_image = image
        page.save_revision().publish()
    return faq


def box(locator):
    return locator.bounding_box()


@pytest.mark.parametrize("path", ["/en/faq/", "/zh-hans/faq/"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_nothing_moves_while_the_page_loads(open_page, faq_with_hero, path, width):
    page = open_page(path, width=width)
    page.wait_for_load_state("load")
    expect(page.locator("#HeroWrapper img")).to_have_js_property("complete", True)
    assert page.evaluate("document.querySelector('#HeroWrapper img').naturalWidth") > 0
    expect(toggle(page, 0)).to_have_attribute("aria-expanded", "false")
    assert page.evaluate(LAYOUT_SHIFT) == [], "layout shifts (CLS must be 0)"
    page.context.close()


@pytest.mark.parametrize("part", ["", "-question", "-answer"])
def test_a_link_to_a_question_opens_it_from_the_first_paint(open_page, faq_with_hero, part):
    sixth = FAQPage.objects.get(locale__language_code="en").faqs[5]
    page = open_page(f"/en/faq/#{faq_anchor(sixth.id)}{part}", width=360)
    page.wait_for_load_state("load")
    expect(toggle(page, 5)).to_have_attribute("aria-expanded", "true")
    assert page.evaluate(LAYOUT_SHIFT) == [], "layout shifts (CLS must be 0)"
    # Opened for good by faq.js: it closes again, and the others stayed closed.
    toggle(page, 5).click()
    expect(answer(page, 5)).to_be_hidden()
    expect(answer(page, 4)).to_be_hidden()
    page.context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_hero_is_under_the_header_and_its_title_under_the_image_on_a_phone(
    open_page, faq_with_hero, language
):
    page = open_page(f"/{language}/faq/", width=WIDTHS["phone"])
    switch = page.locator(".language-switcher a")
    # What a tap on the language switch reaches is the switch itself.
    point = box(switch)
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.language-switcher') !== null",
        [point["x"] + point["width"] / 2, point["y"] + point["height"] / 2],
    )
    assert hit, "something covers the language switch"
    header, image = box(page.locator("header.site-header")), box(page.locator("#HeroWrapper img"))
    title = box(page.locator("#HeroWrapper .box"))
    assert image["y"] >= header["y"] + header["height"] - 1
    assert title["y"] >= image["y"] + image["height"] - 1, "the title box is stacked under"
    page.context.close()

    # On a wide screen the title box is over the image, as on the legacy page.
    page = open_page(f"/{language}/faq/", width=WIDTHS["desktop"])
    image, title = box(page.locator("#HeroWrapper img")), box(page.locator("#HeroWrapper .box"))
    assert image["y"] < title["y"] and title["y"] + title["height"] < image["y"] + image["height"]


@pytest.mark.parametrize(
    ("path", "query", "shown", "status"),
    [
        ("/en/faq/", "STORED", "Where is my Customer Data stored?", "1 of 12 questions shown"),
        ("/zh-hans/faq/", "审计", "谁来审计数据中心？", "显示 1 个问题（共 12 个）"),
        # Typed in a full-width digit, as a Chinese keyboard may.
        ("/zh-hans/faq/", "３", LONG_CHINESE_QUESTION, "显示 1 个问题（共 12 个）"),
    ],
)
def test_the_filter_shows_the_matching_questions_and_says_how_many(
    open_page, faq, path, query, shown, status
):
    page = open_page(path)
    page.locator("#faq-filter").fill(query)
    live = page.locator("[data-faq-filter-status]")
    expect(live).to_have_text(status)
    expect(live).to_have_attribute("aria-live", "polite")
    expect(page.locator("[data-faq-item]:visible")).to_have_count(1)
    expect(page.locator("[data-faq-item]:visible .content-faq-toggle")).to_have_text(shown)
    page.locator("#faq-filter").fill("")
    expect(page.locator("[data-faq-item]:visible")).to_have_count(QUESTIONS)
    expect(live).to_have_text("")


def test_expand_all_and_collapse_all(open_page, faq):
    page = open_page("/zh-hans/faq/", width=WIDTHS["phone"])
    page.get_by_role("button", name="全部展开").click()
    for index in range(QUESTIONS):
        expect(answer(page, index)).to_be_visible()
        expect(toggle(page, index)).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="全部折叠").click()
    for index in range(QUESTIONS):
        expect(answer(page, index)).to_be_hidden()


def test_the_permalink_copies_its_address_and_says_so(open_page, faq):
    page = open_page("/zh-hans/faq/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first = faq.faqs[0].id
    page.locator(f"#faq-{first} .content-faq-permalink").click()
    expect(page.locator("[data-faq-copied]")).to_have_text("链接已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{page.url.split('#')[0]}#faq-{first}"


def test_the_language_switch_keeps_the_question(open_page, live_server, faq):
    target = faq.faqs[QUESTIONS - 2].id
    page = open_page(f"/en/faq/#faq-{target}")
    page.locator(".language-switcher a[hreflang=zh-hans]").click()
    expect(page).to_have_url(f"{live_server.url}/zh-hans/faq/#faq-{target}")
    expect(page.locator(f"#faq-{target} .content-faq-footer")).to_be_visible()
    # A question opened by its permalink afterwards, too.
    first = faq.faqs[0].id
    page.locator(f"#faq-{first} .content-faq-permalink").click()
    page.locator(".language-switcher a[hreflang=en]").click()
    expect(page).to_have_url(f"{live_server.url}/en/faq/#faq-{first}")


def test_the_plus_never_wraps_onto_a_line_of_its_own_in_chinese_on_a_phone(open_page, faq):
    page = open_page("/zh-hans/faq/", width=WIDTHS["phone"])
    question = page.locator(".content-faq-toggle", has_text=LONG_CHINESE_QUESTION)
    text = box(question.locator(".content-faq-question-text"))
    assert text["height"] > 40, "the question wraps (the case this is about)"
    for state in ("collapsed", "expanded"):
        icon = box(question.locator(".content-faq-toggle-icon"))
        assert icon["x"] >= text["x"] + text["width"] - 1, f"{state}: beside the text"
        assert icon["y"] < text["y"] + 20, f"{state}: on the question's first line"
        question.click()


def test_without_scripts_every_answer_shows_and_no_tool(open_page, faq):
    page = open_page("/zh-hans/faq/", java_script_enabled=False)
    for index in range(QUESTIONS):
        expect(answer(page, index)).to_be_visible()
    expect(page.locator(".faq-tools")).to_be_hidden()
    expect(page.locator(".content-faq-toggle-icon").first).to_be_hidden()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_dark_mode_passes_axe(open_page, faq_with_hero, width):
    axe = Axe()
    for path in ["/en/faq/", "/zh-hans/faq/", "/en/", "/zh-hans/"]:
        page = open_page(path, width=width, color_scheme="dark")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(18, 18, 18)", "dark mode applies"
        if page.locator(".content-faq-toggle").count():
            toggle(page, 1).click()  # an open answer too
            page.locator("#faq-filter").fill("1")  # and the filter's count
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert results.violations_count == 0, f"{path} at {width}px:\n{results.generate_report()}"
        page.context.close()
