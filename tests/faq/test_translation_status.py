"""The admin's "Translation status" report."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests import admin_flows as flows
from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db

URL = reverse("faq_admin:translation_status")


def full_chinese(questions):
    strings = {"Frequently Asked Questions": "常见问题", "Popular questions.": "热门问题。"}
    for n in range(1, questions + 1):
        strings[f"Question {n}?"] = f"问题 {n}？"
        strings[f"Answer {n}, <b>in bold</b>."] = f"回答 {n}，<b>粗体</b>。"
    return strings


def make_pages(count, start=0):
    """``count`` English pages, each translated in full."""
    pages = []
    for index in range(start, start + count):
        page = make_faq_page(title="Frequently Asked Questions", slug=f"faq-{index}", questions=2)
        translate(page, strings=full_chinese(2))
        pages.append(page)
    return pages


def cells(soup, response):
    """{page id: (state, source changed?, link texts and targets)} for the Chinese column."""
    table = soup(response).select_one("[data-translation-status]")
    result = {}
    for row in table.select("tbody tr"):
        cell = row.select_one("td[data-language=zh-hans]")
        result[int(row["data-page"])] = (
            cell.select_one("[data-state]").get_text(" ", strip=True),
            cell.select_one("[data-source-changed]") is not None,
            [(a.get_text(strip=True), a["href"]) for a in cell.select("a")],
        )
    return result


def test_report_says_which_languages_are_behind_and_links_to_translate(admin_client, soup):
    up_to_date = make_pages(1)[0]
    behind = make_faq_page(slug="security", questions=2)
    strings = full_chinese(2)
    del strings["Question 2?"], strings["Answer 2, <b>in bold</b>."]
    chinese_behind = translate(behind, strings=strings)
    untranslated = make_faq_page(title="Privacy", slug="privacy", questions=1)
    changed = make_faq_page(slug="compliance", questions=1)
    translate(changed, strings=full_chinese(1))
    flows.publish_in_editor(admin_client, changed, intro="<p>New intro.</p>")

    report = cells(soup, admin_client.get(URL))
    assert report[up_to_date.pk][:2] == ("Up to date", False)
    assert report[behind.pk] == (
        "2 of 7 strings behind",
        False,
        [("Translate", reverse("wagtailadmin_pages:edit", args=[chinese_behind.pk]))],
    )
    assert report[untranslated.pk] == (
        "Not translated",
        False,
        [
            (
                "Translate this page",
                reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]),
            )
        ],
    )
    state, source_changed, links = report[changed.pk]
    assert source_changed and state == "Translated"
    sync_url = reverse("wagtail_localize:update_translations", args=[flows.source_of(changed).pk])
    assert ("Sync", sync_url) in links


def test_report_counts_machine_suggestions_as_behind(admin_client, soup, django_user_model):
    page = make_pages(1)[0]
    flows.publish_in_editor(admin_client, page, hero_title="Questions and answers")
    flows.sync(admin_client, page, machine_translate=True)
    report = cells(soup, admin_client.get(URL))
    assert report[page.pk][0] == "1 of 7 strings behind"


def test_report_queries_do_not_grow_with_pages(admin_client):
    make_pages(2)
    admin_client.get(URL)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as two_pages:
        assert admin_client.get(URL).status_code == 200
    make_pages(3, start=2)
    with CaptureQueriesContext(connection) as five_pages:
        response = admin_client.get(URL)
    assert response.content.decode().count("data-page=") == 5
    assert len(five_pages) == len(two_pages), [q["sql"] for q in five_pages][-10:]


def test_a_translator_who_prefers_chinese_gets_the_report_in_chinese(
    client, soup, django_user_model
):
    from wagtail.users.models import UserProfile

    translator = flows.translator(django_user_model)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "zh-hans"
    profile.save()
    make_faq_page(title="Privacy", slug="privacy", questions=1)
    client.force_login(translator)
    page = soup(client.get(URL))
    assert page.select_one("h1").get_text(strip=True) == "翻译状态"
    assert "未翻译" in page.select_one("[data-translation-status]").get_text()
