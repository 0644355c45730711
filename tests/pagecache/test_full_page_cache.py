"""What only the full-page cache does: serve visitors without queries, never editors."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from faq.models import FAQPage
from tests.client_helpers import get
from tests.factories import make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    """A FAQ page in English and Chinese."""
    english = make_faq_page(questions=1)
    return {"en": english, "zh-hans": translate_fully(english)}


@pytest.mark.parametrize("path", ["/en/faq/", "/zh-hans/faq/"])
def test_an_anonymous_visitor_is_served_from_the_cache_with_one_query(client, pages, path):
    first = client.get(path)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)
    assert second["X-Page-Cache"] == "hit"
    # The generation's token, by primary key: freshness never rests on the cache alone.
    assert len(queries) == 1 and "pagecache_generation" in queries[0]["sql"]
    assert second.content == first.content
    assert second["Content-Language"] == path.split("/")[1]
    # Browsers revalidate every time, so the next request after a publish is fresh.
    assert "max-age=0" in second["Cache-Control"] and "public" in second["Cache-Control"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_logged_in_editor_is_never_served_a_cached_page(client, editor, pages, language):
    path = f"/{language}/faq/"
    get(client, path)  # cached for visitors
    # A change that bypasses publishing: only a fresh render can show it.
    FAQPage.objects.filter(pk=pages[language].pk).update(hero_title="Changed behind the cache")
    assert "Changed behind the cache" not in get(client, path)[1]  # proof it is cached
    response = editor.get(path)
    assert "X-Page-Cache" not in response
    assert "Changed behind the cache" in response.content.decode()
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/faq/", "/zh-hans/faq/"])
def test_an_editor_never_stores_a_page_for_visitors(editor, client, pages, path):
    editor.get(path)
    assert client.get(path)["X-Page-Cache"] == "miss"


def test_a_page_that_sets_a_cookie_is_not_stored(client, pages, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.pagecache.test_full_page_cache.set_cookie"]
    assert "X-Page-Cache" not in client.get("/en/faq/")
    assert "X-Page-Cache" not in client.get("/en/faq/")


def set_cookie(get_response):
    def middleware(request):
        response = get_response(request)
        response.set_cookie("visitor", "one")
        return response

    return middleware


def test_a_page_without_language_prefix_is_cached_per_language(client, settings):
    settings.ROOT_URLCONF = "tests.pagecache.urls"
    chinese = client.get("/language/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert chinese.content == b"zh-hans" and chinese["X-Page-Cache"] == "miss"
    english = client.get("/language/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert english.content == b"en"
    again = client.get("/language/", HTTP_ACCEPT_LANGUAGE="zh-Hans")
    assert (again.content, again["X-Page-Cache"]) == (b"zh-hans", "hit")


def test_a_response_varying_on_other_headers_is_not_stored(client, settings):
    settings.ROOT_URLCONF = "tests.pagecache.urls"
    assert client.get("/by-accept/", HTTP_ACCEPT="text/html").content == b"text/html"
    response = client.get("/by-accept/", HTTP_ACCEPT="application/json")
    assert response.content == b"application/json" and "X-Page-Cache" not in response
