"""A translator whose admin is in Chinese reads Chinese where Wagtail and wagtail-localize
left English or garbled it (issue 16.5)."""

import json
import re

from django.urls import reverse

import pytest

from tests import admin_flows as flows
from tests.factories import make_faq_page, translate
from tests.security.test_translation_input import po_with
from tests.translations import chinese_translator_client
from tests.trustcenter.test_po_files import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    english = make_faq_page(questions=2)
    return english, translate(english, strings={"Question 1?": "问题 1？"})


@pytest.fixture
def translator(django_user_model):
    return chinese_translator_client(django_user_model)


def shows(html, text):
    """Whether ``html`` shows ``text``, as HTML or inside the menu's JSON."""
    return text in html or json.dumps(text)[1:-1] in html


def test_the_dashboard_and_menus_are_in_chinese(admin_client, translator, pages):
    # The menu is built once, here in English: labels must still follow each user.
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
    dashboard = translator.get(reverse("wagtailadmin_home")).content.decode()
    for chinese, english in [
        ("搜索所有页面…", "Search all pages"),
        ("页面类型使用情况", "Page types usage"),
        ("翻译", "Translations"),
    ]:
        assert shows(dashboard, chinese), chinese
        assert not shows(dashboard, english), english


def test_the_explorer_and_search_are_in_chinese(translator, pages):
    english, chinese = pages
    dashboard = translator.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r"\d+ 个页面<span class=\"w-sr-only\">（位于 ", dashboard)
    explorer = translator.get(reverse("wagtailadmin_explore", args=[chinese.get_parent().pk]))
    assert "浏览: " in explorer.content.decode()
    search = translator.get(reverse("wagtailadmin_pages:search"), {"q": "Frequently"})
    assert "找到 1 个匹配的页面" in search.content.decode()
    assert "matching page" not in search.content.decode()


def test_no_permission_is_said_in_chinese(translator, pages):
    english, _ = pages
    response = translator.get(reverse("wagtailadmin_pages:edit", args=[english.pk]), follow=True)
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == ["对不起， 你没有权限访问。"]


def test_the_editor_dates_translations_in_chinese(translator, pages):
    english, chinese = pages
    flows.translate_in_editor(translator, english, {"Question 2?": "问题 2？"})
    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    props = json.loads(editor.context["props"])
    comments = {item["comment"] for item in props["initialStringTranslations"]}
    assert comments and all(
        re.fullmatch(r"手工翻译于 \d{4}年\d{1,2}月\d{1,2}日", comment) for comment in comments
    ), comments


def test_the_machine_translation_button_reads_in_chinese(translator):
    catalog = translator.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert '"Translate all missing strings with ": "\\u7528' in catalog or (
        "用以下机器翻译补全所有缺失的字符串：" in catalog
    )


def test_item_problems_name_the_field_by_its_chinese_label(translator, pages):
    english, _ = pages
    ((level, message),) = upload(
        translator, english, str(po_with(translator, english, **{"Question 2?": "问" * 501}))
    )
    assert level == "error"
    assert "第 2 项问题：" in message, message
    assert "question" not in message
