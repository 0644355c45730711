"""A 404's language: the URL's language prefix decides; without one, the visitor's choice."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

HEADINGS = {"en": "Page not found", "zh-hans": "找不到页面"}


def not_found_page(client, path, cookie, browser_language):
    client.cookies["django_language"] = cookie
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=browser_language, follow=True)
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    return response, page.html["lang"], page.h1.get_text(strip=True)


@pytest.mark.parametrize(
    ("path", "language", "other"),
    [
        ("/zh-hans/no-such-page/", "zh-hans", "en"),
        ("/zh-hans/faq/no-such-question/", "zh-hans", "en"),
        ("/en/no-such-page/", "en", "zh-hans"),
        ("/en/search/no-such-page/", "en", "zh-hans"),
    ],
)
def test_the_url_prefix_decides_whatever_the_cookie_and_browser_say(client, path, language, other):
    response, lang, heading = not_found_page(client, path, cookie=other, browser_language=other)
    assert not response.redirect_chain
    assert (lang, heading) == (language, HEADINGS[language])
    assert response["Content-Language"] == language


@pytest.mark.parametrize("cookie", ["en", "zh-hans"])
def test_without_a_prefix_the_cookie_decides(client, cookie):
    other = "zh-CN" if cookie == "en" else "en-US"
    response, lang, heading = not_found_page(client, "/no-such-page/", cookie, other)
    assert response.redirect_chain == [(f"/{cookie}/no-such-page/", 302)]
    assert (lang, heading) == (cookie, HEADINGS[cookie])
