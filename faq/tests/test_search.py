"""faq's search view (``faq.urls``): each language searches its own published questions."""

import pytest

pytestmark = pytest.mark.django_db


def found(client, soup, language, query):
    page = soup(client.get(f"/{language}/search/", {"q": query}))
    return [
        (link.get_text(strip=True), link["href"])
        for link in page.select(".search-results .search-result-question a")
    ]


def test_search_finds_a_question_and_links_to_its_anchor(client, soup, english_page):
    anchor = f"faq-{english_page.faqs[1].id}"
    assert found(client, soup, "en", "audits") == [
        ("Who audits the service?", f"/en/faq/#{anchor}")
    ]


def test_chinese_search_finds_the_chinese_questions(client, soup, chinese_page):
    assert found(client, soup, "zh-hans", "数据") == [
        ("我的数据存储在哪里？", f"/zh-hans/faq/#faq-{chinese_page.faqs[0].id}")
    ]
    assert found(client, soup, "en", "数据") == []


def test_the_search_page_stands_alone(client, soup, english_page):
    page = soup(client.get("/en/search/", {"q": "nothing-like-this"}))
    assert page.title.get_text() == "Search results for “nothing-like-this” · FAQ"
    assert page.select_one("main h1").get_text() == "Search the questions and answers"
    assert page.select_one('[role="status"]').get_text(strip=True) == (
        "0 questions match “nothing-like-this”."
    )
