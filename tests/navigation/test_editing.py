"""Editors change the header and footer in the admin, translators translate them, and visitors
see the change on their next page view (the page cache is on, as in production)."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from tests.navigation.admin_forms import edit_form_data, publish_in_admin
from trustcenter.navigation.models import HeaderFooter

pytestmark = pytest.mark.django_db


def test_a_published_change_shows_on_the_next_page_view(client, editor, soup, faq_pages):
    english = HeaderFooter.objects.get(locale__language_code="en")
    before = client.get("/en/faq/")
    assert client.get("/en/faq/")["X-Page-Cache"] == "hit"
    assert soup(before).select_one(".site-name").get_text() == "Trust Center"

    data = edit_form_data(english, site_name="Contoso Trust", legal_line="© Contoso")
    data["footer_columns-0-value-heading"] = "Azure China"
    response = publish_in_admin(editor, english, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    page = soup(client.get("/en/faq/"))
    assert page.select_one(".site-name").get_text() == "Contoso Trust"
    assert page.select_one("footer .site-footer-legal").get_text() == "© Contoso"
    assert page.select_one("footer h2").get_text() == "Azure China"
    # Chinese has its own (translated) site name until the translation is synced.
    assert soup(client.get("/zh-hans/faq/")).select_one(".site-name").get_text() == "信任中心"


def test_a_draft_change_is_not_shown(client, editor, soup, faq_pages):
    english = HeaderFooter.objects.get(locale__language_code="en")
    data = edit_form_data(english, site_name="Not yet")
    url = reverse("wagtailsnippets_navigation_headerfooter:edit", args=[english.pk])
    assert editor.post(url, data).status_code == 302

    assert soup(client.get("/en/faq/")).select_one(".site-name").get_text() == "Trust Center"


@pytest.mark.parametrize(
    ("field", "url"),
    [
        ("menu-0-value-url", "javascript:alert(1)"),
        ("footer_columns-1-value-links-2-value-url", "  JaVaScRiPt:alert(1)"),
        ("icp_url", "data:text/html,<script>alert(1)</script>"),
    ],
)
def test_an_unsafe_link_url_is_refused_with_a_clear_message(editor, faq_pages, field, url):
    english = HeaderFooter.objects.get(locale__language_code="en")
    data = edit_form_data(english)
    data[field] = url

    response = publish_in_admin(editor, english, data)

    assert response.status_code == 200
    assert "is not allowed: use an http, https, mailto or tel URL, or a relative one." in (
        response.content.decode()
    )
    english.refresh_from_db()
    assert url not in (english.icp_url, *[block.value["url"] for block in english.menu])


def test_a_second_header_and_footer_in_one_language_is_refused(editor, faq_pages):
    data = edit_form_data(HeaderFooter.objects.get(locale__language_code="en"))
    data["action-publish"] = "action-publish"
    response = editor.post(
        reverse("wagtailsnippets_navigation_headerfooter:add") + "?locale=en", data
    )

    assert response.status_code == 200
    assert "This language already has a header and footer" in response.content.decode()
    assert HeaderFooter.objects.filter(locale__language_code="en").count() == 1


def test_a_translators_change_shows_on_the_chinese_pages_only(client, soup, faq_pages):
    english = HeaderFooter.objects.get(locale__language_code="en")
    source = TranslationSource.objects.get_for_instance(english)
    heading = source.stringsegment_set.get(
        string__data="Support", context__path__endswith="heading"
    )
    StringTranslation.objects.filter(
        translation_of=heading.string, context=heading.context, locale__language_code="zh-hans"
    ).update(data="技术支持")

    with TestCase.captureOnCommitCallbacks(execute=True):
        Translation.objects.get(source=source).save_target(publish=True)

    chinese = [h2.get_text() for h2 in soup(client.get("/zh-hans/faq/")).select("footer h2")]
    english_headings = [h2.get_text() for h2 in soup(client.get("/en/faq/")).select("footer h2")]
    assert chinese[-1] == "技术支持" and english_headings[-1] == "Support"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_header_and_footer_cost_one_query_then_none(client, settings, faq_pages, language):
    settings.PAGE_CACHE_ENABLED = False  # every view renders

    def navigation_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/{language}/faq/").status_code == 200
        return [q for q in queries if "navigation_headerfooter" in q["sql"]]

    assert len(navigation_queries()) == 1
    assert navigation_queries() == []


def test_a_deleted_header_and_footer_leaves_the_next_page_view(client, editor, soup, faq_pages):
    chinese = HeaderFooter.objects.get(locale__language_code="zh-hans")
    assert soup(client.get("/zh-hans/faq/")).select_one(".site-name").get_text() == "信任中心"
    url = reverse("wagtailsnippets_navigation_headerfooter:delete", args=[chinese.pk])
    assert editor.post(url).status_code == 302

    # The source language's is shown until the language has its own again.
    assert soup(client.get("/zh-hans/faq/")).select_one(".site-name").get_text() == "Trust Center"


def test_a_sync_without_publishing_shows_the_english_one_until_a_translator_publishes(
    client, soup, faq_pages
):
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(
            HeaderFooter.objects.get(locale__language_code="en")
        )
    )
    assert soup(client.get("/zh-hans/faq/")).select_one(".site-name").get_text() == "信任中心"
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=False)  # "Sync translated snippets", not ticked
    page = soup(client.get("/zh-hans/faq/"))
    assert page.select_one(".site-name").get_text() == "Trust Center"
    assert page.select_one(".site-footer-icp a")["href"] == "https://beian.miit.gov.cn/"

    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    assert soup(client.get("/zh-hans/faq/")).select_one(".site-name").get_text() == "信任中心"


def test_an_unsafe_url_stored_anyway_is_never_rendered(client, soup, faq_pages):
    english = HeaderFooter.objects.get(locale__language_code="en")
    english.menu[0].value["url"] = "javascript:alert(1)"
    english.icp_url = " JAVASCRIPT:alert(1)"
    english.save()  # not through a form: nothing checks it

    page = soup(client.get("/en/faq/"))
    assert page.select_one("nav.site-menu li span").get_text() == "Home"
    assert page.select_one(".site-footer-icp").get_text(strip=True) == "沪ICP备13015306号-36"
    assert "javascript" not in str(page).lower()
