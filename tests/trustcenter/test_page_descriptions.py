"""Each FAQ page and home describes itself to search engines: its search description, else
the start of its intro, as plain text (issue 13)."""

import pytest

from tests.factories import home, make_faq_page

pytestmark = pytest.mark.django_db


def description(soup, response):
    (meta,) = soup(response).select("head meta[name=description]")
    return meta["content"]


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_the_search_description_comes_first(client, soup):
    make_faq_page(search_description="Where your data lives.")
    assert description(soup, client.get("/en/faq/")) == "Where your data lives."


def test_else_the_intro_as_plain_text(client, soup):
    make_faq_page(intro="<p>Answers about <b>privacy</b> &amp; security.</p><p>Ask us.</p>")
    assert description(soup, client.get("/en/faq/")) == "Answers about privacy & security. Ask us."


def test_a_long_english_intro_is_cut_after_a_word(client, soup):
    words = " ".join(f"word{index}" for index in range(60))
    make_faq_page(intro=f"<p>{words}</p>")
    text = description(soup, client.get("/en/faq/"))
    assert len(text) <= 160
    assert text.endswith("…")
    assert text[:-1].split()[-1] in words.split(), "no word is cut in half"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_homes_are_described_by_their_intro(client, soup, language):
    chinese = "我们如何保护您的数据。" * 20
    intro = {"en": "<p>How we protect your data.</p>", "zh-hans": f"<p>{chinese}</p>"}
    publish(home(language), intro=intro[language])
    text = description(soup, client.get(f"/{language}/"))
    if language == "en":
        assert text == "How we protect your data."
    else:
        # No spaces to cut at: cut at the limit.
        assert text == chinese[:159] + "…"


def test_a_page_with_neither_has_no_description(client, soup):
    make_faq_page(intro="")
    assert not soup(client.get("/en/faq/")).select("meta[name=description]")


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Search the questions and answers"), ("zh-hans", "搜索问题和解答")],
)
def test_the_search_pages_describe_themselves_though_not_indexed(client, soup, language, text):
    page = soup(client.get(f"/{language}/search/?q=data"))
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert description(soup, client.get(f"/{language}/search/?q=data")) == text
