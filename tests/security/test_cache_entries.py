"""Nobody can fill the page cache with entries of their own making (issue 11.1)."""

from django.core.cache import cache

import pytest

pytestmark = pytest.mark.django_db


def page_entries():
    # The test settings' cache is local memory, whose keys can be listed.
    return [key for key in cache._cache if ":pagecache:page:" in key]


# The v3 API refuses a parameter it does not take (a 400 naming it): no entry either.
@pytest.mark.parametrize(
    "path, parameter, status",
    [
        ("/en/faq/", "junk", 200),
        ("/zh-hans/faq/", "utm_source", 200),
        ("/en/search/?q=question", "junk", 200),
        ("/api/v3/pages/?type=faq.FAQPage", "junk", 400),
        ("/api/v3/pages/?slug=faq", "junk", 400),  # a field filter is read; the junk is not
        ("/sitemap.xml", "junk", 200),
    ],
)
def test_query_parameters_a_view_ignores_make_no_cache_entries(
    client, faq_pair, path, parameter, status
):
    separator = "&" if "?" in path else "?"
    for number in range(5):
        response = client.get(f"{path}{separator}{parameter}={number}")
        assert response.status_code == status
        assert response.get("X-Page-Cache") != "hit"
    assert page_entries() == []
    # What the view does read is cached as before.
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_each_search_is_cached_by_the_query_it_reads(client, faq_pair):
    assert client.get("/en/search/?q=data")["X-Page-Cache"] == "miss"
    assert client.get("/en/search/?q=data")["X-Page-Cache"] == "hit"
    assert client.get("/en/search/?q=audit")["X-Page-Cache"] == "miss"
