from wagtail.models import Page

import pytest

from faq.models import FAQPage
from tests.client_helpers import get
from tests.factories import make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db

CHINESE = {"Frequently Asked Questions": "常见问题", "Question 1?": "问题一？"}


@pytest.fixture(autouse=True, params=["full pages", "routes and frames only"])
def caching(request, settings):
    """Each test runs against the full-page cache, then against the data caches alone."""
    settings.PAGE_CACHE_ENABLED = request.param == "full pages"
    return request.param


@pytest.fixture
def english_page():
    return make_faq_page(questions=1)


@pytest.fixture
def chinese_page(english_page):
    return translate_fully(english_page, strings=CHINESE)


def edit_and_publish(page, **fields):
    page = FAQPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_publish_is_seen_on_the_next_request_in_its_language_only(client, chinese_page):
    get(client, "/en/faq/"), get(client, "/zh-hans/faq/")
    edit_and_publish(chinese_page, hero_title="新的标题")
    response, html = get(client, "/zh-hans/faq/")
    assert response.status_code == 200 and "新的标题" in html
    assert "新的标题" not in get(client, "/en/faq/")[1]


def test_a_new_title_reaches_the_parents_listing_and_the_breadcrumb(client, english_page):
    assert "Frequently Asked Questions" in get(client, "/en/")[1]
    edit_and_publish(english_page, title="Privacy questions")
    assert "Privacy questions" in get(client, "/en/")[1]
    assert "Privacy questions" in get(client, "/en/faq/")[1]


def test_a_translation_publish_refreshes_both_languages(client, english_page):
    assert 'href="/zh-hans/"' in get(client, "/en/faq/")[1]  # no translation yet: Chinese home
    assert get(client, "/zh-hans/faq/")[0].status_code == 404
    translate_fully(english_page, strings=CHINESE)
    response, html = get(client, "/zh-hans/faq/")
    assert response.status_code == 200 and "问题一？" in html
    assert 'href="/zh-hans/faq/"' in get(client, "/en/faq/")[1]  # the switcher now leads there


def test_an_unpublish_removes_the_page_and_its_listing(client, english_page, chinese_page):
    for path in ("/en/", "/en/faq/", "/zh-hans/faq/"):
        assert get(client, path)[0].status_code == 200
    FAQPage.objects.get(pk=english_page.pk).unpublish()
    assert get(client, "/en/faq/")[0].status_code == 404
    assert 'href="/en/faq/"' not in get(client, "/en/")[1]
    # The translation is still live, and its switcher now falls back to the English home.
    assert 'href="/en/"' in get(client, "/zh-hans/faq/")[1]


def test_a_move_takes_the_page_out_of_its_old_place(client, english_page, root_page):
    get(client, "/en/"), get(client, "/en/faq/")
    archive = root_page.add_child(instance=Page(title="Archive", slug="archive"))
    Page.objects.get(pk=english_page.pk).move(archive, pos="last-child")
    assert get(client, "/en/faq/")[0].status_code == 404
    assert 'href="/en/faq/"' not in get(client, "/en/")[1]


def test_a_delete_removes_the_page_and_its_listing(client, english_page):
    get(client, "/en/"), get(client, "/en/faq/")
    Page.objects.get(pk=english_page.pk).delete()
    assert get(client, "/en/faq/")[0].status_code == 404
    assert 'href="/en/faq/"' not in get(client, "/en/")[1]


def test_a_preview_never_reaches_visitors(editor, client, english_page):
    page = FAQPage.objects.get(pk=english_page.pk)
    page.hero_title = "Draft title"
    page.save_revision()  # a draft, not published
    response = editor.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200 and "Draft title" in response.content.decode()
    assert "X-Page-Cache" not in response
    response, html = get(client, "/en/faq/")
    assert "Draft title" not in html


def test_a_chinese_page_with_a_draft_change_stays_live_for_visitors(editor, client, chinese_page):
    draft = FAQPage.objects.get(pk=chinese_page.pk)
    draft.hero_title = "草稿"
    draft.save_revision()
    editor.get(f"/admin/pages/{draft.pk}/view_draft/")
    assert "草稿" not in get(client, "/zh-hans/faq/")[1]
