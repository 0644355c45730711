"""The admin's "Translation status" report."""

import csv
import io
from urllib.parse import urlencode

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import openpyxl
import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import faq_items, make_faq_page, translate

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
    translator = flows.translator(django_user_model)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "zh-hans"
    profile.save()
    make_faq_page(title="Privacy", slug="privacy", questions=1)
    client.force_login(translator)
    page = soup(client.get(URL))
    assert page.select_one("h1").get_text(strip=True) == "翻译状态"
    assert "未翻译" in page.select_one("[data-translation-status]").get_text()


def report_pages():
    """An up-to-date page, one behind, one never translated and one whose source changed."""
    up_to_date = make_pages(1)[0]
    behind = make_faq_page(slug="security", questions=2)
    strings = full_chinese(2)
    del strings["Question 2?"]
    translate(behind, strings=strings)
    untranslated = make_faq_page(title="Privacy", slug="privacy", questions=1)
    changed = make_faq_page(slug="compliance", questions=1)
    translate(changed, strings=full_chinese(1))
    changed.intro = "<p>New intro.</p>"
    changed.save_revision().publish()
    return up_to_date, behind, untranslated, changed


def shown_pages(client, **filters):
    response = client.get(f"{URL}?{urlencode(filters)}")
    assert response.status_code == 200
    html = response.content.decode()
    return {int(part.split('"')[1]) for part in html.split("data-page=")[1:]}


def test_the_report_filters_by_state(admin_client):
    up_to_date, behind, untranslated, changed = report_pages()
    assert shown_pages(admin_client) == {up_to_date.pk, behind.pk, untranslated.pk, changed.pk}
    assert shown_pages(admin_client, state="up_to_date") == {up_to_date.pk}
    assert shown_pages(admin_client, state="behind") == {behind.pk}
    assert shown_pages(admin_client, state="not_translated") == {untranslated.pk}
    assert shown_pages(admin_client, state="source_changed") == {changed.pk}
    assert shown_pages(admin_client, state="outdated") == set()
    assert "No FAQ page translation is in this state." in (
        admin_client.get(f"{URL}?state=outdated").content.decode()
    )


THREE_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("fr", "Français")]


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
def test_the_report_filters_by_language(admin_client, soup):
    french = Locale.objects.create(language_code="fr")
    page = make_pages(1)[0]
    translate(page, language_code="fr")

    def languages(**filters):
        table = soup(admin_client.get(f"{URL}?{urlencode(filters)}"))
        return [cell["data-language"] for cell in table.select("td[data-language]")]

    assert languages() == ["fr", "zh-hans"]
    assert languages(language=french.pk) == ["fr"]
    zh = Locale.objects.get(language_code="zh-hans")
    assert languages(language=zh.pk, state="up_to_date") == ["zh-hans"]


def test_the_report_downloads_as_csv_and_xlsx(admin_client, soup):
    up_to_date, behind, untranslated, changed = report_pages()

    filtered = soup(admin_client.get(f"{URL}?state=behind"))
    download = {a.get_text(strip=True): a["href"] for a in filtered.select("a[href*=export]")}
    response = admin_client.get(download["Download CSV"])
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="translation-status-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "FAQ page",
        "URL",
        "Language",
        "State",
        "Strings",
        "Strings behind",
        "Outdated questions",
        "Formatting differences",
        "Glossary terms missing",
        "Source changed since the last sync",
        "Published",
    ]
    assert rows[1:] == [
        [behind.title, behind.url, "简体中文", "1 of 7 strings behind"]
        + ["7", "1", "0", "0", "0", "No", "Yes"]
    ]

    response = admin_client.get(f"{URL}?export=xlsx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0].value + row[1].value: [cell.value for cell in row] for row in sheet.iter_rows()}
    assert rows[changed.title + changed.url][3:] == ["Translated", 5, 0, 0, 0, 0, "Yes", "Yes"]
    assert rows[untranslated.title + untranslated.url][3] == "Not translated"
    assert len(rows) == 5, "a heading and one row per page"


def reached(client, url):
    """Whether ``url`` answers 200, directly or through redirects."""
    response = client.get(url, follow=True)
    return response.status_code == 200


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_every_link_of_the_report_can_be_followed(soup, django_user_model, role):
    up_to_date, behind, untranslated, changed = report_pages()
    client = Client()
    client.force_login(getattr(flows, role)(django_user_model))
    table = soup(client.get(URL)).select_one("[data-translation-status]")
    links = [a["href"] for a in table.select("a[href]")]
    assert links
    for url in links:
        assert reached(client, url), url
    titles = {int(row["data-page"]): row.select_one("th a")["href"] for row in table("tr")[1:]}
    edit_english = reverse("wagtailadmin_pages:edit", args=[behind.pk])
    if role == "translator":
        # Not the English editor (they may not edit it): the live English page.
        assert titles[behind.pk] == behind.url
        assert edit_english not in links
    else:
        assert titles[behind.pk] == edit_english
    chinese_editors = {
        reverse("wagtailadmin_pages:edit", args=[pk])
        for pk in FAQPage.objects.filter(locale__language_code="zh-hans").values_list(
            "pk", flat=True
        )
    }
    # Translators translate; editors may not edit the Chinese pages, so are not sent there.
    assert bool(chinese_editors & set(links)) == (role == "translator")


def test_a_translator_is_offered_the_translation_editor(soup, django_user_model):
    page = make_faq_page(slug="security", questions=2)
    chinese = translate(page, strings={"Question 1?": "问题 1？"})
    client = Client()
    client.force_login(flows.translator(django_user_model))
    report = cells(soup, client.get(URL))
    assert report[page.pk][2] == [
        ("Translate", reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    ]


def test_a_republish_without_a_change_is_not_a_source_change(admin_client, soup):
    page = make_pages(1)[0]
    flows.publish_in_editor(admin_client, page)
    assert cells(soup, admin_client.get(URL))[page.pk][:2] == ("Up to date", False)
    # A changed string is.
    flows.publish_in_editor(admin_client, page, hero_title="Questions and answers")
    assert cells(soup, admin_client.get(URL))[page.pk][1] is True


def test_a_changed_link_url_is_a_source_change(admin_client, soup):
    terms = '<p>See <a href="https://example.com/terms">the terms</a>.</p>'
    page = make_faq_page(slug="links", questions=faq_items(1, answer_html=terms))
    translate(page)
    flows.publish_in_editor(admin_client, page)
    assert cells(soup, admin_client.get(URL))[page.pk][1] is False
    items = flows.items_of(page)
    items[0]["answer"] = items[0]["answer"].replace("/terms", "/new-terms")
    flows.publish_in_editor(admin_client, page, items=items)
    assert cells(soup, admin_client.get(URL))[page.pk][1] is True


def test_a_translator_sees_no_more_queries_with_more_pages(client, django_user_model):
    client.force_login(flows.translator(django_user_model))
    make_pages(2)
    client.get(URL)  # warm caches (site root paths, content types, permissions)
    with CaptureQueriesContext(connection) as two_pages:
        client.get(URL)
    make_pages(3, start=2)
    with CaptureQueriesContext(connection) as five_pages:
        assert client.get(URL).content.decode().count("data-page=") == 5
    assert len(five_pages) == len(two_pages), [q["sql"] for q in five_pages][-10:]


def test_the_report_is_in_chinese_for_an_admin_who_prefers_it(admin_client, admin_user, soup):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    report_pages()
    page = soup(admin_client.get(URL))
    assert page.select_one("h1").get_text(strip=True) == "翻译状态"
    table = page.select_one("[data-translation-status]").get_text()
    assert "未翻译" in table and "已是最新" in table
    assert "上次同步后源内容已更改" in page.get_text(), "the state filter"
    assert "所有语言" in page.get_text(), "the language filter"
    response = admin_client.get(f"{URL}?export=csv")
    heading = b"".join(response.streaming_content).decode().splitlines()[0]
    assert heading.startswith("常见问题页面,网址,语言,状态")
