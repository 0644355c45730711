import pytest

from faq.blocks import faq_anchor
from tests.client_helpers import queries_and_response
from tests.factories import faq_items, home, make_faq_page, translate

pytestmark = pytest.mark.django_db

CHINESE = {
    "Frequently Asked Questions": "常见问题（FAQ）",
    "Popular questions.": "热门问题。",
}


@pytest.fixture
def english_page():
    return make_faq_page(questions=3)


@pytest.fixture
def chinese_page(english_page):
    strings = dict(CHINESE)
    for index in (1, 2, 3):
        strings[f"Question {index}?"] = f"问题 {index}？"
        strings[f"Answer {index}, <b>in bold</b>."] = f"回答 {index}，<b>粗体</b>。"
    return translate(english_page, strings=strings)


def text(element):
    return " ".join(element.get_text().split())


def items_of(page):
    return page.select("#ContentWrapper .content-faq")


def test_english_page_keeps_the_legacy_hooks(client, soup, english_page):
    page = soup(client.get("/en/faq/"))
    assert page.html["lang"] == "en"
    hero = page.select_one("#HeroWrapper h3.box-title")
    assert hero.get_text(strip=True) == "Frequently Asked Questions"
    assert not page.select("#HeroWrapper img"), "no image is chosen: nothing to show"
    breadcrumb = page.select_one("#BreadcrumbWrapper")
    assert text(breadcrumb) == "Trust Center // Frequently Asked Questions"
    assert breadcrumb.a["href"] == "/en/"
    assert page.select_one("#ContentWrapper .intro").get_text(strip=True) == "Popular questions."
    items = items_of(page)
    assert len(items) == 3
    for index, (item, block) in enumerate(zip(items, english_page.faqs, strict=True), start=1):
        question, footer = item.find_all(recursive=False)
        assert question.get_text(strip=True) == f"Question {index}?"
        assert "content-faq-footer" in footer["class"]
        assert text(footer) == f"Answer {index}, in bold."
        assert footer.find("b").get_text() == "in bold"
        assert item["id"] == faq_anchor(block.id)


def test_chinese_page_renders_in_chinese(client, soup, english_page, chinese_page):
    assert chinese_page.url == "/zh-hans/faq/"
    page = soup(client.get("/zh-hans/faq/"))
    assert page.html["lang"] == "zh-hans"
    assert page.select_one("#HeroWrapper h3.box-title").get_text(strip=True) == "常见问题（FAQ）"
    breadcrumb = page.select_one("#BreadcrumbWrapper")
    assert text(breadcrumb) == "信任中心 // 常见问题（FAQ）"
    assert breadcrumb.a["href"] == "/zh-hans/"
    questions = [item.h2.get_text(strip=True) for item in items_of(page)]
    assert questions == ["问题 1？", "问题 2？", "问题 3？"]
    # The anchors are the same in both languages: a deep link survives a language switch.
    english = soup(client.get("/en/faq/"))
    assert [i["id"] for i in items_of(page)] == [i["id"] for i in items_of(english)]


def test_language_switcher_leads_to_the_same_page(client, soup, english_page, chinese_page):
    page = soup(client.get("/en/faq/"))
    link = page.select_one(".language-switcher a[hreflang=zh-hans]")
    assert link["href"] == "/zh-hans/faq/"
    assert link["lang"] == "zh-hans"
    page = soup(client.get("/zh-hans/faq/"))
    assert page.select_one(".language-switcher a[hreflang=en]")["href"] == "/en/faq/"


def test_language_switcher_falls_back_to_the_home_of_an_untranslated_page(
    client, soup, english_page
):
    page = soup(client.get("/en/faq/"))
    assert page.select_one(".language-switcher a[hreflang=zh-hans]")["href"] == "/zh-hans/"


def test_answers_are_visible_without_scripts_and_enhanced_with_one(client, soup, english_page):
    page = soup(client.get("/en/faq/"))
    for footer in page.select(".content-faq-footer"):
        assert not footer.has_attr("hidden")
    assert page.find("script", src="/static/faq/faq.js")
    assert "jquery" not in str(page).lower()


def test_hero_title_defaults_to_the_page_title(client, soup):
    make_faq_page(title="Privacy FAQ", slug="privacy-faq", hero_title="")
    page = soup(client.get("/en/privacy-faq/"))
    assert page.select_one("h3.box-title").get_text(strip=True) == "Privacy FAQ"


@pytest.mark.parametrize("count", [0, 1, 200])
def test_pages_of_any_length_render(client, soup, count):
    make_faq_page(questions=count)
    page = soup(client.get("/en/faq/"))
    assert len(items_of(page)) == count
    assert len({item["id"] for item in items_of(page)}) == count


def test_numbering_is_drawn_by_the_template(client, soup):
    make_faq_page(numbered=True)
    page = soup(client.get("/en/faq/"))
    assert "content-faq-list--numbered" in page.select_one("ol.content-faq-list")["class"]
    assert page.select_one(".content-faq h2").get_text(strip=True) == "Question 1?"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_queries_do_not_grow_with_questions(client, settings, language):
    settings.PAGE_CACHE_ENABLED = False  # what rendering costs, not what a cached copy does
    short = make_faq_page(questions=2, slug="short")
    long = make_faq_page(questions=200, slug="long")
    if language != "en":
        translate(short)
        translate(long)
    short_queries, _ = queries_and_response(client, f"/{language}/short/", warm=True)
    long_queries, _ = queries_and_response(client, f"/{language}/long/", warm=True)
    assert short_queries == long_queries


def test_unpublished_pages_are_not_served(client):
    make_faq_page(publish=False)
    assert client.get("/en/faq/").status_code == 404
    assert home("en").get_children().count() == 1
    assert faq_items(0) == []
