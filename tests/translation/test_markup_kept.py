"""A translation keeps every link of its source: a save that drops or invents one is refused
in the translator's language, whatever writes it; bold, italic and line-break differences are
warnings (issue 16.2)."""

import json
from urllib.parse import urlencode

from django.test import override_settings
from django.urls import reverse

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

import pytest

from faq.translation.publishing import prefill_translation
from tests import admin_flows as flows
from tests.factories import faq_items
from tests.translations import chinese_translator_client, with_chinese_translation
from tests.trustcenter.test_po_files import download, upload

pytestmark = pytest.mark.django_db

ANSWER = 'See <a id="a1">the terms</a> and <b>the rules</b>.<br/>Or <a id="a2">ask us</a>.'
DROPPED = '请参阅条款和<b>规则</b>。<br/>或<a id="a2">联系我们</a>。'


@pytest.fixture
def english():
    items = faq_items(
        1,
        answer_html=(
            '<p>See <a href="https://example.com/terms">the terms</a> and <b>the rules</b>.'
            '<br/>Or <a href="https://example.com/contact">ask us</a>.</p>'
        ),
    )
    return with_chinese_translation(items, strings={"Question 1?": "问题 1？"})


@pytest.fixture
def chinese_translator(django_user_model):
    return chinese_translator_client(django_user_model)


def answer_segment(english):
    segment = StringSegment.objects.get(
        source=flows.translation_into(english).source, string__data=ANSWER
    )
    return segment


def save_answer(client, english, value):
    translation = flows.translation_into(english)
    return client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={
                "translation_id": translation.pk,
                "string_segment_id": answer_segment(english).pk,
            },
        ),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def stored_answer():
    return list(
        StringTranslation.objects.filter(translation_of__data=ANSWER).values_list("data", flat=True)
    )


def test_the_source_string_carries_its_link_ids(english):
    assert answer_segment(english).string.data == ANSWER


def test_the_editor_refuses_a_dropped_link_in_chinese(english, chinese_translator):
    response = save_answer(chinese_translator, english, DROPPED)
    assert response.status_code == 400
    assert response.json()["error"] == (
        '未保存：它丢失了原文的链接 <a id="a1">：请保留原文的每个 <a id=…>。'
    )
    assert stored_answer() == []


def test_the_editor_refuses_an_invented_link(english, chinese_translator):
    value = (
        '请参阅<a id="a1">条款</a>和<b>规则</b>。<br/>或<a id="a2">联系</a><a id="a3">我们</a>。'
    )
    response = save_answer(chinese_translator, english, value)
    assert response.status_code == 400
    assert '它含有原文没有的链接 <a id="a3">' in response.json()["error"]
    assert stored_answer() == []


def test_formatting_differences_are_saved_with_warnings(english, chinese_translator):
    value = '请参阅<a id="a1">条款</a>和规则。或<a id="a2">联系我们</a>。'
    response = save_answer(chinese_translator, english, value)
    assert response.status_code in (200, 201)
    assert response.json()["formatting_warnings"] == [
        "粗体：原文 1 处，译文 0 处",
        "换行：原文 1 处，译文 0 处",
    ]
    assert stored_answer() == [value]


def test_a_faithful_translation_has_no_warning(english, chinese_translator):
    value = '请参阅<a id="a1">条款</a>和<strong>规则</strong>。<br/>或<a id="a2">联系我们</a>。'
    response = save_answer(chinese_translator, english, value)
    assert response.status_code in (200, 201)
    assert response.json()["formatting_warnings"] == []


def test_a_po_file_dropping_a_link_is_refused_in_chinese(english, chinese_translator):
    po = download(chinese_translator, english)
    for entry in po:
        entry.msgstr = DROPPED if entry.msgid == ANSWER else ""
    ((level, message),) = upload(chinese_translator, english, str(po))
    assert level == "error"
    assert message.startswith("faq-zh-hans.po 未导入")
    assert '它丢失了原文的链接 <a id="a1">' in message
    assert stored_answer() == []


def test_a_po_file_with_formatting_differences_is_imported_with_a_warning(
    english, chinese_translator
):
    po = download(chinese_translator, english)
    for entry in po:
        entry.msgstr = (
            '请参阅<a id="a1">条款</a>和规则。<br/>或<a id="a2">联系我们</a>。'
            if (entry.msgid == ANSWER)
            else ""
        )
    messages = upload(chinese_translator, english, str(po))
    assert [level for level, _ in messages] == ["success", "warning"]
    number = [entry.msgid for entry in po].index(ANSWER) + 1
    assert messages[1][1] == (
        "请检查 faq-zh-hans.po 的格式（粗体、斜体、换行）："
        f"第 {number} 条（{answer_segment(english).context.path}）：粗体：原文 1 处，译文 0 处。"
    )


class LinkDroppingTranslator(BaseMachineTranslator):
    """A machine translator that loses the links (as some do)."""

    display_name = "Link dropper"

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(string.data.replace('<a id="a1">', "").replace("</a>", "", 1))
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return True


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": f"{__name__}.LinkDroppingTranslator"}
)
def test_a_machine_translation_dropping_a_link_is_flagged_and_never_published(
    client, english, chinese_translator
):
    translation = flows.translation_into(english)
    chinese = translation.get_target_instance()
    response = chinese_translator.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk])
    )
    assert response.status_code == 302
    suggestion = StringTranslation.objects.get(translation_of__data=ANSWER)
    assert suggestion.has_error

    # The translator sees why in the editor, in Chinese.
    editor = chinese_translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    props = json.loads(editor.context["props"])
    errors = [item["error"] for item in props["initialStringTranslations"] if item["error"]]
    lost_link = '它丢失了原文的链接 <a id="a1">：请保留原文的每个 <a id=…>'
    assert errors.count(lost_link) == 1
    # The other machine strings are only unreviewed.
    assert all(error.startswith("需要审核") for error in errors if error != lost_link)

    # Even confirmed by someone who bypasses the editor, it stays off the Chinese page.
    suggestion.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    suggestion.save()
    flows.publish_translation(chinese_translator, chinese)
    assert "条款" not in client.get("/zh-hans/faq/").content.decode()
    assert "Question 1?" not in client.get("/zh-hans/faq/").content.decode()


def test_a_stored_translation_dropping_a_link_is_held_back(client, english, chinese_translator):
    """Whatever stores it (a sync, a script): wagtail-localize's own save now flags it."""
    segment = answer_segment(english)
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=flows.translation_into(english).target_locale,
        data=DROPPED,
    )
    flows.publish_translation(
        chinese_translator, flows.translation_into(english).get_target_instance()
    )
    page = client.get("/zh-hans/faq/").content.decode()
    assert "问题 1？" not in page and "联系我们" not in page


def test_prefilling_a_dropped_link_is_refused(english):
    source = flows.translation_into(english).source
    segment = answer_segment(english)
    with pytest.raises(ValueError, match='drops the link <a id="a1">'):
        prefill_translation(
            source,
            flows.translation_into(english).target_locale,
            {(segment.context.path, ANSWER): DROPPED},
        )


def test_the_status_report_counts_formatting_differences(admin_client, soup, english):
    segment = answer_segment(english)
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=flows.translation_into(english).target_locale,
        data='请参阅<a id="a1">条款</a>和规则。<br/>或<a id="a2">联系我们</a>。',
    )
    page = soup(admin_client.get(reverse("faq_admin:translation_status")))
    cell = page.select_one(f'[data-page="{english.pk}"] [data-language="zh-hans"]')
    assert cell.select_one("[data-formatting]").get_text(strip=True) == (
        "1 string's bold, italic or line breaks differ from the source."
    )
