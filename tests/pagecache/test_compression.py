"""Compressed pages: what a client that accepts brotli or gzip gets, and what one that doesn't."""

import gzip

from django.db import connection
from django.test.utils import CaptureQueriesContext

import brotli
import pytest

from tests.factories import make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db

DECODERS = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.fixture
def pages():
    english = make_faq_page(questions=5)
    translate_fully(english)


def plain_page(client, path):
    """The page as a client that accepts no compression gets it, rendered afresh."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="identity")
    assert response.status_code == 200 and "Content-Encoding" not in response
    return response.content


def decoded(response):
    assert int(response["Content-Length"]) == len(response.content)
    return DECODERS[response["Content-Encoding"]](response.content)


@pytest.mark.parametrize("path", ["/en/faq/", "/zh-hans/faq/"])
@pytest.mark.parametrize(
    "accept, encoding",
    [("br", "br"), ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip")],
)
def test_a_client_that_accepts_compression_gets_the_page_compressed(
    client, pages, path, accept, encoding
):
    miss = client.get(path, HTTP_ACCEPT_ENCODING=accept)
    hit = client.get(path, HTTP_ACCEPT_ENCODING=accept)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    plain = plain_page(client, path)
    for response in (miss, hit):
        assert response["Content-Encoding"] == encoding
        assert decoded(response) == plain
        assert len(response.content) < len(plain) / 3
        assert "Accept-Encoding" in response["Vary"]


@pytest.mark.parametrize("accept", [None, "identity", "br;q=0, gzip;q=0", "*;q=0", "deflate"])
def test_a_client_that_accepts_none_gets_the_page_as_it_is(client, pages, accept):
    headers = {} if accept is None else {"HTTP_ACCEPT_ENCODING": accept}
    client.get("/en/faq/", HTTP_ACCEPT_ENCODING="br, gzip")  # stored by a brotli client
    response = client.get("/en/faq/", **headers)
    assert response["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in response
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert int(response["Content-Length"]) == len(response.content)
    # A cache in between keeps this copy apart from the compressed ones.
    assert "Accept-Encoding" in response["Vary"]


def test_one_stored_page_serves_every_kind_of_client(client, pages):
    first = client.get("/zh-hans/faq/")  # stored by a client that accepts nothing
    brotli_hit = client.get("/zh-hans/faq/", HTTP_ACCEPT_ENCODING="br")
    gzip_hit = client.get("/zh-hans/faq/", HTTP_ACCEPT_ENCODING="gzip")
    plain_hit = client.get("/zh-hans/faq/")
    assert [r["X-Page-Cache"] for r in (first, brotli_hit, gzip_hit, plain_hit)] == [
        "miss",
        "hit",
        "hit",
        "hit",
    ]
    assert decoded(brotli_hit) == decoded(gzip_hit) == plain_hit.content == first.content
    assert "信任中心" in plain_hit.content.decode()


@pytest.mark.parametrize("accept", ["br", None])
def test_a_compressed_hit_costs_what_a_plain_one_does(client, pages, accept):
    headers = {} if accept is None else {"HTTP_ACCEPT_ENCODING": accept}
    client.get("/en/faq/", **headers)
    with CaptureQueriesContext(connection) as queries:
        hit = client.get("/en/faq/", **headers)
    assert hit["X-Page-Cache"] == "hit"
    assert len(queries) == 1  # the generation's token, as without compression


def test_a_page_rendered_for_an_editor_is_never_compressed(editor, pages):
    # BREACH: a compressed response holding a secret (the admin bar's CSRF token, a session's
    # data) would leak it through its length.
    response = editor.get("/en/faq/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response
    login = editor.get("/admin/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert "Content-Encoding" not in login


def test_a_response_that_sets_a_cookie_is_never_compressed(client, db):
    # The sign-in form holds a CSRF token and sets its cookie.
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200 and response.cookies
    assert "Content-Encoding" not in response


def test_an_uncached_anonymous_page_is_compressed_too(client, pages, settings):
    settings.PAGE_CACHE_ENABLED = False
    response = client.get("/en/faq/", HTTP_ACCEPT_ENCODING="gzip")
    assert "X-Page-Cache" not in response and response["Content-Encoding"] == "gzip"
    assert decoded(response) == plain_page(client, "/en/faq/")


def test_a_not_found_page_is_compressed_and_not_stored(client, pages):
    response = client.get("/en/no-such-page/", HTTP_ACCEPT_ENCODING="br")
    assert response.status_code == 404 and "X-Page-Cache" not in response
    assert "<html" in decoded(response).decode()


def test_the_sitemap_is_compressed(client, pages):
    response = client.get("/sitemap.xml", HTTP_ACCEPT_ENCODING="br")
    assert response["Content-Encoding"] == "br"
    assert b"/zh-hans/faq/" in decoded(response)


def test_the_api_is_sent_as_it_is(client, pages):
    # JSON is not compressed: v3's strong ETags are compared by If-Match.
    response = client.get("/api/v2/pages/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response


def test_a_redis_entry_stored_before_compression_is_served_as_it_is(client, pages, settings):
    from trustcenter.pagecache.generation import page_cache

    client.get("/en/faq/")
    cache = page_cache()
    (key,) = [k for k in cache._cache if ":pagecache:page:" in k]
    # An entry in the form stored before this release, under a generation still current.
    entry = cache.get(key.split(":", 2)[2])
    del entry["encoded"]
    cache.set(key.split(":", 2)[2], entry)
    response = client.get("/en/faq/", HTTP_ACCEPT_ENCODING="br")
    assert response["X-Page-Cache"] == "hit" and "Content-Encoding" not in response
    assert response.content == plain_page(client, "/en/faq/")
