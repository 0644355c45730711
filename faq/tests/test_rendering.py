"""An FAQ page through faq's own faq/base.html, in a site that has no templates of its own."""

import json
import sys

from wagtail.models import Site

import pytest

pytestmark = pytest.mark.django_db


def test_the_plugin_runs_without_the_trust_center_site(english_page, client):
    client.get("/en/faq/")
    assert not any(name.split(".")[0] == "trustcenter" for name in sys.modules)


def test_the_standalone_page_is_complete_and_accessible(client, soup, english_page):
    Site.objects.update(site_name="Example Help")
    page = soup(client.get("/en/faq/"))
    assert page.html["lang"] == "en"
    assert page.title.get_text() == "Questions · Example Help"
    assert len(page.select("main")) == 1
    headings = page.select('h1, [aria-level="1"]')
    assert [heading.get_text(strip=True) for heading in headings] == ["Questions"]
    assert page.select_one('link[rel="stylesheet"]')["href"] == "/static/faq/faq.css"
    assert page.select_one("script[src]")["src"] == "/static/faq/faq.js"
    # Marked scripted before the first paint, so the answers are painted collapsed at once.
    (early,) = page.head.select("script:not([src]):not([type])")
    assert early.string.startswith('document.documentElement.classList.add("js");')
    assert page.select_one("[data-faq-tools] [data-faq-expand-all]").get_text() == "Expand all"


def test_the_page_shows_its_questions_with_stable_anchors(client, soup, english_page):
    page = soup(client.get("/en/faq/"))
    items = page.select("main [data-faq-item]")
    assert [item.select_one(".content-faq-question-text").get_text() for item in items] == [
        "Where is my data stored?",
        "Who audits the service?",
    ]
    assert [item["id"] for item in items] == [f"faq-{item.id}" for item in english_page.faqs]
    assert items[0].select_one(".content-faq-footer").decode_contents() == (
        "<p>In <b>one</b> region.</p>"
    )
    assert page.select_one(".intro").get_text() == "What people ask."


def test_the_translation_renders_in_chinese(client, soup, chinese_page):
    page = soup(client.get("/zh-hans/faq/"))
    assert page.html["lang"] == "zh-hans"
    assert page.select_one(".box-title").get_text() == "常见问题"
    assert [q.get_text() for q in page.select(".content-faq-question-text")] == [
        "我的数据存储在哪里？",
        "谁审计这项服务？",
    ]


def test_the_json_ld_says_what_the_page_shows(client, soup, english_page):
    script = soup(client.get("/en/faq/")).select_one('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "FAQPage"
    assert [question["name"] for question in data["mainEntity"]] == [
        "Where is my data stored?",
        "Who audits the service?",
    ]
