"""A translator who works only with PO files gets the translation editor's workbench (issue 16):
the translation memory's pre-fills in the downloaded file, flagged fuzzy until reviewed, and
the glossary's warnings after an upload.

Through the admin's views (Wagtail's page editor, wagtail-localize's sync, the PO download and
upload), checked on the file, the messages and the rendered Chinese page.
"""

from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest
from bs4 import BeautifulSoup

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import faq_items, make_faq_page
from tests.translations import logged_in
from tests.trustcenter.test_po_files import OFFLINE, download, upload

pytestmark = pytest.mark.django_db

NEEDS_REVIEW = (
    "Needs review: pre-filled from the translation memory (exact match). Counted as reviewed "
    "once you remove its fuzzy flag and upload the file."
)


@pytest.fixture
def english(editor_client, django_user_model):
    """An English page a translator translated in full in the editor and published; then the
    editor adds a third item, whose answer (a copy of the first) the translation memory knows
    word for word."""
    english = make_faq_page(questions=2)
    flows.start_translation(editor_client, english)
    earlier = logged_in(flows.make_user(django_user_model, flows.TRANSLATORS, "earlier"))
    flows.translate_in_editor(earlier, english, OFFLINE)
    flows.publish_translation(earlier, chinese_page())
    items = flows.items_of(english)
    items.append(flows.faq_item("Question 3?", "<p>Answer 1, <b>in bold</b>.</p>"))
    english = flows.publish_in_editor(editor_client, english, items)
    assert flows.sync(editor_client, english).status_code == 302
    return english


def chinese_page():
    return FAQPage.objects.get(locale__language_code="zh-hans")


def new_item_entries(po, english):
    """The entries of the item the editor added, by field."""
    path = f"faqs.{english.faqs[-1].id}."
    return {
        entry.msgctxt.removeprefix(path): entry for entry in po if entry.msgctxt.startswith(path)
    }


def chinese_questions(client):
    page = BeautifulSoup(client.get("/zh-hans/faq/").content, "html.parser")
    return [h2.get_text(strip=True) for h2 in page.select("#ContentWrapper .content-faq h2")]


def new_item_review(english):
    return {
        translation.context.path.rsplit(".", 1)[-1]: (
            translation.translation_type,
            translation.data,
        )
        for translation in StringTranslation.objects.filter(
            context__path__startswith=f"faqs.{english.faqs[-1].id}."
        ).select_related("context")
    }


def test_the_download_has_the_memory_prefill_flagged_fuzzy(english, translator_client):
    po = download(translator_client, english)
    question, answer = new_item_entries(po, english).values()
    assert (question.msgstr, question.fuzzy) == ("", False), "nothing known: to translate"
    assert (answer.msgstr, answer.fuzzy) == ("回答 1，<b>粗体</b>。", True)
    assert answer.comment == NEEDS_REVIEW
    reviewed = [entry for entry in po if entry not in (question, answer)]
    assert reviewed and all(entry.msgstr and not entry.fuzzy for entry in reviewed)


def test_who_may_not_edit_the_translation_can_neither_download_nor_prefill(english, editor_client):
    translation = flows.translation_into(english)
    response = editor_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not StringTranslation.objects.filter(translation_type="machine").exists()


def test_the_review_note_is_in_the_translators_language(english, django_user_model):
    translator = logged_in(flows.make_user(django_user_model, flows.TRANSLATORS, "li"), "zh-hans")
    answer = new_item_entries(download(translator, english), english)["answer"]
    assert answer.comment == (
        "需要审核：由翻译记忆库（完全匹配）预先填写。删除其 fuzzy 标记并上传文件后即视为已审核。"
    )


def test_a_prefill_left_fuzzy_stays_unreviewed(client, english, translator_client):
    po = download(translator_client, english)
    new_item_entries(po, english)["question"].msgstr = "问题 3？"
    messages = upload(translator_client, english, str(po))
    assert messages == [
        (
            "success",
            "Imported 8 translations from faq-zh-hans.po. Publish to show them. 1 fuzzy entry "
            "was skipped: it stays marked “Needs review” until you remove its fuzzy flag.",
        )
    ]
    assert new_item_review(english) == {
        "question": ("manual", "问题 3？"),
        "answer": ("machine", "回答 1，<b>粗体</b>。"),
    }
    flows.publish_translation(translator_client, chinese_page())
    assert chinese_questions(client) == ["问题 1？", "问题 2？"], "the new item is held back"


def test_removing_the_fuzzy_flag_reviews_the_prefill(client, english, translator_client):
    po = download(translator_client, english)
    question, answer = new_item_entries(po, english).values()
    question.msgstr = "问题 3？"
    answer.fuzzy = False
    messages = upload(translator_client, english, str(po))
    assert messages == [
        ("success", "Imported 9 translations from faq-zh-hans.po. Publish to show them.")
    ]
    assert new_item_review(english) == {
        "question": ("manual", "问题 3？"),
        "answer": ("manual", "回答 1，<b>粗体</b>。"),
    }
    flows.publish_translation(translator_client, chinese_page())
    assert chinese_questions(client) == ["问题 1？", "问题 2？", "问题 3？"]
    assert "fuzzy" not in str(download(translator_client, english))


def test_an_upload_lists_the_glossary_terms_it_leaves_out(editor_client, django_user_model):
    english = make_faq_page(questions=faq_items(7, prefix="Does 21Vianet answer question"))
    flows.start_translation(editor_client, english)
    translator = logged_in(flows.translator(django_user_model), "zh-hans")
    po = download(translator, english)
    for entry in po:
        entry.msgstr = entry.msgid.replace("Does", "是否").replace("answer question", "回答问题")
    [(success_level, _), (level, warning)] = upload(translator, english, str(po))
    assert (success_level, level) == ("success", "warning")
    lines = [item.get_text() for item in BeautifulSoup(warning, "html.parser").select("li")]
    path = f"faqs.{english.faqs[0].id}.question"
    assert warning.startswith("请检查 faq-zh-hans.po 中的术语：")
    assert (
        lines[0].startswith("第 ") and f"（{path}）：术语表中“21Vianet”译为“世纪互联”。" in lines[0]
    )
    assert len(lines) == 6 and lines[-1] == "另有 2 条。"
    translated = StringTranslation.objects.get(context__path=path)
    assert translated.data == "是否 21Vianet 回答问题 1?", "a warning, not a refusal"
