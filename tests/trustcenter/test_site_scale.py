"""Serving doesn't grow with the site: a FAQ page, its API detail and the sitemap cost the
same queries on a site of 10 FAQ pages as on one of 2,000, in both languages."""

import pytest

from bench.sitegen import generate_site
from tests.client_helpers import queries_and_response

pytestmark = pytest.mark.django_db


def queries_and_size(client, path):
    queries, response = queries_and_response(client, path, warm=True)
    return queries, len(response.content)


def test_queries_do_not_grow_with_the_number_of_pages(client, settings):
    settings.PAGE_CACHE_ENABLED = False  # what rendering costs, not what a cached copy does
    # Every generated answer links to two other pages.
    english_ids = generate_site(5, slug_prefix="small", fewest=3, most=3)
    paths = [
        "/sitemap.xml",
        "/en/small-0001/",
        "/zh-hans/small-0001/",
        f"/api/v2/pages/{english_ids[0]}/",
    ]
    small_site = {path: queries_and_size(client, path) for path in paths}
    generate_site(995, slug_prefix="more", fewest=3, most=3)
    large_site = {path: queries_and_size(client, path) for path in paths}

    for path in paths:
        assert large_site[path][0] == small_site[path][0], path
    # The sitemap lists the 2,000 new pages (and so is much larger); the pages are the same.
    assert large_site["/sitemap.xml"][1] > 100 * small_site["/sitemap.xml"][1]
    assert large_site["/en/small-0001/"][1] == small_site["/en/small-0001/"][1]
