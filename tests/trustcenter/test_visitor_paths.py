from django.test import Client

import pytest

from faq.models import FAQPage
from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db


def parse(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("path", "language", "heading", "home"),
    [
        ("/en/no-such-page/", "en", "Page not found", "/en/"),
        ("/zh-hans/no-such-page/", "zh-hans", "找不到页面", "/zh-hans/"),
    ],
)
def test_404_is_in_the_visitors_language_and_the_site_layout(client, path, language, heading, home):
    response = client.get(path)
    assert response.status_code == 404
    page = parse(response)
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one("header.site-header .site-name")["href"] == home
    assert page.select_one("#ContentWrapper .error-links a")["href"] == home
    assert page.select_one(".language-switcher a[hreflang]")


def test_an_address_without_a_language_404s_in_the_visitors_language(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="zh-CN", follow=True)
    assert response.redirect_chain == [("/zh-hans/no-such-page/", 302)]
    assert response.status_code == 404
    assert parse(response).h1.get_text(strip=True) == "找不到页面"


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/en/faq/", "en", "Something went wrong"), ("/zh-hans/faq/", "zh-hans", "出错了")],
)
def test_500_is_in_the_visitors_language_and_the_site_layout(
    client, monkeypatch, path, language, heading
):
    translate(make_faq_page())

    def fail(*args, **kwargs):
        raise RuntimeError("a broken page")

    monkeypatch.setattr(FAQPage, "get_context", fail)
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 500
    page = parse(response)
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one("header.site-header .site-name")["href"] == f"/{language}/"
    assert page.select_one("link[rel=stylesheet]")["href"] == "/static/css/trustcenter.css"


@pytest.mark.parametrize(
    ("cookie", "accept_language", "expected"),
    [
        (None, "zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"),
        (None, "en-GB,en;q=0.9", "/en/"),
        (None, "fr-FR", "/en/"),
        ("zh-hans", "en-US", "/zh-hans/"),
        ("en", "zh-CN", "/en/"),
    ],
)
def test_root_sends_visitors_to_their_language_cookie_first(
    client, cookie, accept_language, expected
):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert (response.status_code, response["Location"]) == (302, expected)


def test_the_choice_the_language_switcher_stores_is_the_one_the_site_opens_in(client):
    """On every kind of page, the switcher's script stores the choice in the cookie the switcher
    names: it must be the one ``/`` reads (the browser tests click through it)."""
    translate(make_faq_page())
    for path in ["/en/", "/zh-hans/faq/", "/en/search/?q=data"]:
        switcher = parse(client.get(path)).select_one(".language-switcher")
        visitor = Client()
        visitor.cookies[switcher["data-language-cookie"]] = "zh-hans"
        response = visitor.get("/", HTTP_ACCEPT_LANGUAGE="en-US")
        assert (response.status_code, response["Location"]) == (302, "/zh-hans/"), path


def test_search_page_switches_language_with_the_same_query(client):
    page = parse(client.get("/en/search/", {"q": "数据 audit"}))
    assert page.select_one(".language-switcher a[hreflang=zh-hans]")["href"] == (
        "/zh-hans/search/?q=%E6%95%B0%E6%8D%AE+audit"
    )
    page = parse(client.get("/zh-hans/search/", {"q": "数据"}))
    assert page.select_one(".language-switcher a[hreflang=en]")["href"] == (
        "/en/search/?q=%E6%95%B0%E6%8D%AE"
    )
