import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "http://localhost"


@pytest.fixture
def faq_pages():
    english = make_faq_page()
    chinese = translate(english, strings={"Frequently Asked Questions": "常见问题"})
    return english, chinese


def hreflangs(soup_page):
    return {
        link["hreflang"]: link["href"]
        for link in soup_page.select('head link[rel="alternate"][hreflang]')
    }


BOTH_FAQS = {
    "en": f"{BASE}/en/faq/",
    "zh-Hans": f"{BASE}/zh-hans/faq/",
    "x-default": f"{BASE}/en/faq/",
}


@pytest.mark.parametrize("path", ["/en/faq/", "/zh-hans/faq/"])
def test_pages_name_their_language_versions(client, soup, faq_pages, path):
    page = soup(client.get(path))
    assert hreflangs(page) == BOTH_FAQS
    assert page.select_one('head link[rel="canonical"]')["href"] == BASE + path


def test_homes_name_each_other(client, soup):
    assert hreflangs(soup(client.get("/zh-hans/"))) == {
        "en": f"{BASE}/en/",
        "zh-Hans": f"{BASE}/zh-hans/",
        "x-default": f"{BASE}/en/",
    }


def test_a_page_without_a_live_translation_has_no_alternates(client, soup):
    english = make_faq_page()
    assert hreflangs(soup(client.get("/en/faq/"))) == {}
    translate(english, publish=False)
    assert hreflangs(soup(client.get("/en/faq/"))) == {}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_published_page_in_both_languages(client, faq_pages):
    homes = {"en": f"{BASE}/en/", "zh-Hans": f"{BASE}/zh-hans/", "x-default": f"{BASE}/en/"}
    assert sitemap(client) == {
        f"{BASE}/en/": homes,
        f"{BASE}/en/faq/": BOTH_FAQS,
        f"{BASE}/zh-hans/": homes,
        f"{BASE}/zh-hans/faq/": BOTH_FAQS,
    }


def test_sitemap_never_lists_drafts_or_private_pages(client, faq_pages):
    english, chinese = faq_pages
    make_faq_page(slug="draft", title="Draft", publish=False)
    private = make_faq_page(slug="private", title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    chinese.unpublish()
    urls = sitemap(client)
    assert set(urls) == {f"{BASE}/en/", f"{BASE}/en/faq/", f"{BASE}/zh-hans/"}
    # Without its Chinese version, the English FAQ has no alternates left.
    assert urls[f"{BASE}/en/faq/"] == {}


def sitemap_queries(client, expected_urls):
    sitemap(client)  # warm, as a running site is
    with CaptureQueriesContext(connection) as queries:
        assert len(sitemap(client)) == expected_urls
    return len(queries)


def test_sitemap_queries_do_not_grow_with_pages(client, settings):
    settings.PAGE_CACHE_ENABLED = False  # what rendering costs, not what a cached copy does
    translate(make_faq_page(slug="faq-0", title="FAQ 0", questions=1))
    few = sitemap_queries(client, 4)
    for index in range(1, 10):
        translate(make_faq_page(slug=f"faq-{index}", title=f"FAQ {index}", questions=1))
    assert sitemap_queries(client, 22) == few
