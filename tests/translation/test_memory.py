"""Nothing translated is thrown away: a changed English answer keeps its published Chinese,
the translation editor pre-fills what was translated before (unreviewed) and suggests close
matches from the translation memory (issue 16.1).

Through the admin's views (Wagtail's page editor, wagtail-localize's sync and translation
editor), checked on the rendered Chinese page, the editor and the status report.
"""

import io
import json

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, TranslationSource

import pytest
from bs4 import BeautifulSoup

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import edit_first_answer, make_faq_page
from tests.translations import translated_in_admin
from trustcenter.navigation.models import HeaderFooter
from trustcenter.navigation.setup import ensure_legacy_header_footer
from trustcenter.translation import memory

pytestmark = pytest.mark.django_db

ANSWER_1 = "Customer data stays in data centres in Beijing and Shanghai."
CHINESE = {
    "Frequently Asked Questions": "常见问题",
    "Popular questions.": "热门问题。",
    **{f"Question {n}?": f"问题 {n}？" for n in (1, 2, 3)},
    ANSWER_1: "客户数据保存在北京和上海的数据中心。",
    **{f"Answer {n}, <b>in bold</b>.": f"回答 {n}，<b>粗体</b>。" for n in (2, 3)},
}
ADDED_SENTENCE = " Backups never leave China."


@pytest.fixture
def english():
    return edit_first_answer(make_faq_page(questions=3), f"<p>{ANSWER_1}</p>")


@pytest.fixture
def chinese(english, editor_client, translator_client):
    """The English page, translated in full and published by the translator."""
    return translated_in_admin(english, editor_client, translator_client, CHINESE)


def answers(client):
    page = BeautifulSoup(client.get("/zh-hans/faq/").content, "html.parser")
    return [
        (item.h2.get_text(strip=True), item.select_one(".content-faq-footer").get_text(strip=True))
        for item in page.select("#ContentWrapper .content-faq")
    ]


def edit_english(editor_client, english, change):
    items = flows.items_of(english)
    change(items)
    english = flows.publish_in_editor(editor_client, english, items)
    assert flows.sync(editor_client, english).status_code == 302
    return english


def open_editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response


def editor_translations(response):
    """The translation editor's strings: {source text: (translation, its error/review note)}."""
    props = json.loads(response.context["props"])
    sources = {segment["id"]: segment.get("source") for segment in props["segments"]}
    return {
        sources[row["segment_id"]]: (row["data"], row["error"])
        for row in props["initialStringTranslations"]
    }


def review_panel(response):
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-translation-review]")
    return panel.select("[data-pending-segment]") if panel else []


def test_an_added_sentence_keeps_the_published_chinese_and_prefills_the_previous_one(
    client, admin_client, english, chinese, editor_client, translator_client
):
    new_answer = ANSWER_1 + ADDED_SENTENCE
    english = edit_english(
        editor_client, english, lambda items: items[0].update(answer=f"<p>{new_answer}</p>")
    )

    # The editor opens with the previous Chinese pre-filled, marked as needing review, and
    # lists the English change with the previous translation below.
    response = open_editor(translator_client, chinese)
    messages = [str(message) for message in response.context["messages"]]
    assert any(message.startswith("1 translation was pre-filled") for message in messages)
    assert (
        "Their source changed: the published page shows their previous translation until you "
        "publish the update: 1. Question 1?"
    ) in messages
    data, note = editor_translations(response)[new_answer]
    assert data == CHINESE[ANSWER_1]
    assert note.startswith("Needs review: pre-filled from the previous translation.")
    [pending] = review_panel(response)
    assert pending.h3.get_text() == "Question 1 · Answer"
    source = pending.select_one("[data-source]")
    assert source.ins.get_text(strip=True) == ADDED_SENTENCE.strip()
    assert source.select("del") == []
    assert pending.select_one("[data-previous]").get_text() == CHINESE[ANSWER_1]
    prefill = StringTranslation.objects.get(translation_of__data=new_answer)
    assert prefill.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert prefill.tool_name == memory.PREVIOUS_TRANSLATION

    # Published as it is: the item keeps its published Chinese, no English shows, and the
    # status report flags it as outdated.
    flows.publish_translation(translator_client, chinese)
    assert answers(client)[0] == ("问题 1？", CHINESE[ANSWER_1])
    assert "Backups" not in client.get("/zh-hans/faq/").content.decode()
    report = BeautifulSoup(
        admin_client.get(reverse("faq_admin:translation_status")).content, "html.parser"
    )
    outdated = report.select_one("td[data-language=zh-hans] [data-outdated]")
    assert outdated.get_text() == "1 question shows its previous translation (outdated)."

    # The translator types only the new sentence into the pre-filled box and publishes.
    updated = CHINESE[ANSWER_1] + "备份从不离开中国。"
    flows.translate_in_editor(translator_client, english, {new_answer: updated})
    assert review_panel(open_editor(translator_client, chinese)) == []
    flows.publish_translation(translator_client, chinese)
    assert answers(client)[0] == ("问题 1？", updated)
    assert FAQPage.objects.get(pk=chinese.pk).outdated_faq_ids == []
    report = admin_client.get(reverse("faq_admin:translation_status")).content.decode()
    assert "data-outdated" not in report


def test_an_exact_match_is_prefilled_but_a_new_item_waits_for_a_person(
    client, english, chinese, editor_client, translator_client
):
    english = edit_english(
        editor_client,
        english,
        lambda items: items.append(flows.faq_item("Question 4?", f"<p>{ANSWER_1}</p>")),
    )
    response = open_editor(translator_client, chinese)
    translations = editor_translations(response)
    assert translations[ANSWER_1][0] == CHINESE[ANSWER_1]
    assert "Question 4?" not in translations, "no memory of this question"
    prefill = StringTranslation.objects.get(
        translation_of__data=ANSWER_1, context__path__endswith=".answer", translation_type="machine"
    )
    assert prefill.tool_name == memory.TRANSLATION_MEMORY

    # A brand-new item is held back, pre-filled or not: the Chinese page has 3 items.
    flows.publish_translation(translator_client, chinese)
    assert [title for title, _ in answers(client)] == ["问题 1？", "问题 2？", "问题 3？"]
    assert "Question 4" not in client.get("/zh-hans/faq/").content.decode()

    # Saved by a person (the pre-fill as it is) and the new question typed: it is published.
    flows.translate_in_editor(
        translator_client,
        english,
        {(prefill.context.path, ANSWER_1): prefill.data, "Question 4?": "问题 4？"},
    )
    flows.publish_translation(translator_client, chinese)
    assert answers(client)[-1] == ("问题 4？", CHINESE[ANSWER_1])
    prefill.refresh_from_db()
    assert prefill.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL


def test_a_close_match_is_suggested_with_its_score_and_not_prefilled(
    client, english, chinese, editor_client, translator_client
):
    close = "Customer data is kept in Azure data centres in Beijing and Hebei."
    english = edit_english(
        editor_client,
        english,
        lambda items: items.append(flows.faq_item("Question 4?", f"<p>{close}</p>")),
    )
    response = open_editor(translator_client, chinese)
    assert close not in editor_translations(response)
    assert not StringTranslation.objects.filter(translation_of__data=close).exists()
    panel = {item.select_one("[data-source]").get_text(): item for item in review_panel(response)}
    [suggestion] = panel[close].select("[data-suggestion]")
    assert suggestion.select_one("[data-score]").get_text() == "80 % match"
    assert suggestion.select_one("[data-suggested]").get_text() == CHINESE[ANSWER_1]
    # "Question 4?" is 91 % like "Question 1?": the memory offers its translation.
    best = panel["Question 4?"].select_one("[data-suggestion]")
    assert best.select_one("[data-score]").get_text() == "91 % match"
    assert best.select_one("[data-suggested]").get_text() == "问题 1？"

    # "Start from this" puts it in the editor's box, unreviewed; only translators may.
    form = suggestion.form
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    refused = editor_client.post(form["action"], data)  # Wagtail's "no permission" redirect
    assert refused.url == reverse("wagtailadmin_home")
    assert not StringTranslation.objects.filter(translation_of__data=close).exists()
    started = translator_client.post(form["action"], data)
    assert started.url == reverse("wagtailadmin_pages:edit", args=[chinese.pk])
    data, note = editor_translations(open_editor(translator_client, chinese))[close]
    assert data == CHINESE[ANSWER_1]
    assert note.startswith("Needs review: pre-filled from a translation memory suggestion.")
    flows.publish_translation(translator_client, chinese)
    page = client.get("/zh-hans/faq/").content.decode()
    assert "Azure" not in page and "Question 4" not in page
    assert len(answers(client)) == 3, "the new item waits for a person's save"


def test_the_review_panel_speaks_chinese(
    english, chinese, editor_client, translator_client, django_user_model
):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="translator"))
    profile.preferred_language = "zh-hans"
    profile.save()
    edit_english(
        editor_client,
        english,
        lambda items: items[0].update(answer=f"<p>{ANSWER_1}{ADDED_SENTENCE}</p>"),
    )
    response = open_editor(translator_client, chinese)
    [pending] = review_panel(response)
    assert "以前的翻译" in pending.get_text()
    notes = [note for _, note in editor_translations(response).values() if note]
    assert notes and all(note.startswith("需要审核") for note in notes)


def test_the_imported_legacy_pages_seed_the_memory():
    call_command(
        "import_legacy_faq",
        "trustcenter/demo/legacy-faq-en.txt",
        "trustcenter/demo/legacy-faq-zh-cn.txt",
        stdout=io.StringIO(),
    )
    chinese = Locale.objects.get(language_code="zh-hans")
    imported = StringTranslation.objects.filter(locale=chinese)
    assert imported.count() > 30
    assert memory.reviewed_translations(chinese).count() == imported.count()


def test_a_translated_snippet_gets_its_previous_translation_too(admin_client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        ensure_legacy_header_footer()
    english = HeaderFooter.objects.get(locale__language_code="en")
    chinese = HeaderFooter.objects.get(locale__language_code="zh-hans")
    english.site_name = "Trust Center Online"
    english.save()
    TranslationSource.update_or_create_from_instance(english)
    response = admin_client.get(
        reverse("wagtailsnippets_navigation_headerfooter:edit", args=[chinese.pk])
    )
    assert response.status_code == 200
    assert editor_translations(response)["Trust Center Online"][0] == "信任中心"
    [pending] = review_panel(response)
    assert pending.h3.get_text() == "Site name"
    assert pending.select_one("[data-source] ins").get_text(strip=True) == "Online"
    assert pending.select_one("[data-previous]").get_text() == "信任中心"
