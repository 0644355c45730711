"""Rendering a page the full-page cache does not hold: a few queries, however long the page."""

from wagtail.models import PageViewRestriction

import pytest

from faq.models import FAQPage
from tests.client_helpers import queries_to_get
from tests.factories import make_faq_page
from tests.richtext_batch.test_page_links import linked_items
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_uncached_page_with_linked_answers_costs_six_queries_at_most(client, language):
    targets = [make_faq_page(questions=1, slug=f"target-{n}") for n in range(2)]
    short = make_faq_page(questions=linked_items(15, targets), slug="short")
    long = make_faq_page(questions=linked_items(500, targets), slug="long")
    if language != "en":
        for page in (*targets, short, long):
            translate_fully(page)
    client.get(f"/{language}/short/"), client.get(f"/{language}/long/")  # routes remembered
    fifteen = queries_to_get(client, f"/{language}/short/")
    assert fifteen <= 6
    assert queries_to_get(client, f"/{language}/long/") == fifteen


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
