"""Routing a page the full-page cache does not hold: the remembered route follows a new slug,
an unpublished page and a new view restriction.

What routing costs: tests/trustcenter/test_long_pages.py.
"""

from wagtail.models import PageViewRestriction

import pytest

from faq.models import FAQPage
from tests.factories import make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_a_new_slug_moves_the_route(client):
    page = make_faq_page(questions=1, slug="old")
    assert client.get("/en/old/").status_code == 200
    page = FAQPage.objects.get(pk=page.pk)
    page.slug = "new"
    page.save_revision().publish()
    assert client.get("/en/old/").status_code == 404
    assert client.get("/en/new/").status_code == 200


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_unpublished_page_is_no_longer_routed(client, language):
    page = make_faq_page(questions=1)
    chinese = translate_fully(page)
    assert client.get(f"/{language}/faq/").status_code == 200
    (page if language == "en" else chinese).unpublish()
    assert client.get(f"/{language}/faq/").status_code == 404


def test_a_new_view_restriction_applies_on_the_next_request(client):
    page = make_faq_page(questions=1)
    assert client.get("/en/faq/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get("/en/faq/").status_code == 302
    assert client.get("/en/faq/").status_code == 302
