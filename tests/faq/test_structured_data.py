import json

import pytest
from bs4 import BeautifulSoup

from faq.structured_data import json_ld_script
from tests.factories import faq_items, make_faq_page, translate

pytestmark = pytest.mark.django_db

CHINESE = {
    "Frequently Asked Questions": "常见问题（FAQ）",
    "Question 1?": "问题一？",
    "Question 2?": "问题二？",
    "Answer 1, <b>in bold</b>.": "回答一，<b>粗体</b>。",
    "Answer 2, <b>in bold</b>.": "回答二，<b>粗体</b>。",
}


@pytest.fixture
def english_page():
    return make_faq_page(questions=2)


@pytest.fixture
def chinese_page(english_page):
    return translate(english_page, strings=CHINESE)


def json_ld(page, schema_type):
    blocks = [
        json.loads(script.string) for script in page.select('script[type="application/ld+json"]')
    ]
    [data] = [block for block in blocks if block["@type"] == schema_type]
    return data


def text(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


@pytest.mark.parametrize(("path", "language"), [("/en/faq/", "en"), ("/zh-hans/faq/", "zh-Hans")])
def test_faq_json_ld_says_what_the_page_shows(client, soup, chinese_page, path, language):
    page = soup(client.get(path))
    data = json_ld(page, "FAQPage")
    assert data["@context"] == "https://schema.org"
    assert data["inLanguage"] == language
    assert data["url"] == f"http://localhost{path}"
    assert data["name"] == page.select_one("h3.box-title").get_text(strip=True)
    shown = [
        (
            item.select_one(".content-faq-question").get_text(strip=True),
            " ".join(item.select_one(".content-faq-footer").get_text().split()),
            item["id"],
        )
        for item in page.select(".content-faq")
    ]
    described = [
        (
            question["name"],
            text(question["acceptedAnswer"]["text"]),
            question["url"].rsplit("#", 1)[1],
        )
        for question in data["mainEntity"]
    ]
    assert described == shown
    assert {question["@type"] for question in data["mainEntity"]} == {"Question"}


@pytest.mark.parametrize(
    ("path", "trail"),
    [
        ("/en/faq/", [("Trust Center", "/en/"), ("Frequently Asked Questions", "/en/faq/")]),
        ("/zh-hans/faq/", [("信任中心", "/zh-hans/"), ("常见问题（FAQ）", "/zh-hans/faq/")]),
    ],
)
def test_breadcrumb_json_ld_follows_the_visible_breadcrumb(client, soup, chinese_page, path, trail):
    page = soup(client.get(path))
    data = json_ld(page, "BreadcrumbList")
    assert [
        (element["position"], element["name"], element["item"])
        for element in data["itemListElement"]
    ] == [
        (position, name, f"http://localhost{url}")
        for position, (name, url) in enumerate(trail, start=1)
    ]
    visible = page.select_one("#BreadcrumbWrapper nav")
    assert [link.get_text() for link in visible.select("a")] + [
        visible.select_one("[aria-current]").get_text()
    ] == [name for name, _ in trail]


def test_markup_in_content_cannot_break_out_of_the_script(client, soup):
    items = faq_items(1)
    items[0]["value"]["question"] = "</script><script>alert(1)</script> & <!--?"
    make_faq_page(questions=items)
    response = client.get("/en/faq/")
    assert b"</script><script>alert(1)" not in response.content
    data = json_ld(soup(response), "FAQPage")
    assert data["mainEntity"][0]["name"] == "</script><script>alert(1)</script> & <!--?"


def test_json_ld_script_escapes_like_json_script():
    assert str(json_ld_script({"a": "<b>&</b>"})) == (
        '<script type="application/ld+json">'
        '{"a": "\\u003Cb\\u003E\\u0026\\u003C/b\\u003E"}'
        "</script>"
    )
