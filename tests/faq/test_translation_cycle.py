"""The weekly cycle: English editors change a page, translators keep the Chinese one in step.

Everything goes through the admin's views (Wagtail's page editor, wagtail-localize's submit,
sync and translation editor views) and is checked on the rendered pages.
"""

from urllib.parse import urlencode

from django.urls import reverse

from wagtail_localize.models import OverridableSegment

import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import faq_items, make_faq_page
from tests.translations import logged_in, translated_in_admin

pytestmark = pytest.mark.django_db

CHINESE = {
    "Frequently Asked Questions": "常见问题",
    "Popular questions.": "热门问题。",
    **{f"Question {n}?": f"问题 {n}？" for n in (1, 2, 3)},
    **{f"Answer {n}, <b>in bold</b>.": f"回答 {n}，<b>粗体</b>。" for n in (1, 2, 3)},
}


@pytest.fixture
def english():
    return make_faq_page(questions=3)


@pytest.fixture
def chinese(english, editor_client, translator_client):
    """The English page, translated in full and published by the translator."""
    return translated_in_admin(english, editor_client, translator_client, CHINESE)


def rendered_items(client, soup, url):
    page = soup(client.get(url))
    return [
        (item["id"], item.h2.get_text(strip=True), item.select_one(".content-faq-footer"))
        for item in page.select("#ContentWrapper .content-faq")
    ]


def pending_of(response):
    """What the translation editor says awaits translation."""
    messages = [str(message) for message in response.context["messages"]]
    prefixes = ("Held back", "Their source changed", "Still in")
    return [message for message in messages if message.startswith(prefixes)]


def test_a_new_translation_starts_as_a_draft_with_the_english_url(
    client, english, editor_client, translator_client
):
    response = flows.start_translation(editor_client, english)
    assert response.status_code == 302
    chinese = FAQPage.objects.get(locale__language_code="zh-hans")
    assert not chinese.live, "nothing is published before a translator has translated it"
    assert client.get("/zh-hans/faq/").status_code == 404
    # The slug is synchronised, never translated: the translator has no slug to edit.
    editor = translator_client.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    segments = editor.context["props"]
    assert '"contentPath": "slug"' not in segments
    flows.translate_in_editor(
        translator_client, english, {"Frequently Asked Questions": "常见问题"}
    )
    flows.publish_translation(translator_client, chinese)
    chinese.refresh_from_db()
    assert (chinese.title, chinese.slug, chinese.url) == ("常见问题", "faq", "/zh-hans/faq/")


def test_the_weekly_cycle_keeps_every_translation(
    client, soup, english, chinese, editor_client, translator_client
):
    first, second, third = flows.items_of(english)
    assert [title for _, title, _ in rendered_items(client, soup, "/zh-hans/faq/")] == [
        "问题 1？",
        "问题 2？",
        "问题 3？",
    ]

    # The editor deletes the first question, moves the third up, rewrites the second
    # answer, adds a question, publishes and syncs (without publishing: that is the
    # translator's job).
    second["answer"] = "<p>A better answer 2.</p>"
    added = flows.faq_item("Question 4?", "<p>Answer 4.</p>")
    english = flows.publish_in_editor(editor_client, english, [third, second, added])
    assert flows.sync(editor_client, english).status_code == 302
    english_ids = [item.id for item in english.faqs]
    assert english_ids[:2] == [third["id"], second["id"]], "edits and moves keep block ids"

    # Until a translator publishes, Chinese visitors see the page as it was.
    assert len(rendered_items(client, soup, "/zh-hans/faq/")) == 3

    # The translation editor says what is pending: the new question and the changed answer.
    editor_url = reverse("wagtailadmin_pages:edit", args=[chinese.pk])
    pending = pending_of(translator_client.get(editor_url))
    assert pending == [
        "Held back from the published page until translated (and reviewed): 3. Question 4?",
        "Their source changed: the published page shows their previous translation until you "
        "publish the update: 2. Question 2?",
    ]

    # Publishing now follows the English structure and shows no English: the changed answer
    # keeps its last published Chinese, only the new question is held back.
    flows.publish_translation(translator_client, chinese)
    items = rendered_items(client, soup, "/zh-hans/faq/")
    assert [(anchor, title, answer.get_text(strip=True)) for anchor, title, answer in items] == [
        (f"faq-{third['id']}", "问题 3？", "回答 3，粗体。"),
        (f"faq-{second['id']}", "问题 2？", "回答 2，粗体。"),
    ]

    # The translator translates only what is new; everything else was kept.
    flows.translate_in_editor(
        translator_client,
        english,
        {
            "A better answer 2.": "更好的回答 2。",
            "Question 4?": "问题 4？",
            "Answer 4.": "回答 4。",
        },
    )
    assert pending_of(translator_client.get(editor_url)) == []
    flows.publish_translation(translator_client, chinese)
    items = rendered_items(client, soup, "/zh-hans/faq/")
    assert [anchor for anchor, _, _ in items] == [f"faq-{block_id}" for block_id in english_ids]
    assert [(title, answer.get_text(strip=True)) for _, title, answer in items] == [
        ("问题 3？", "回答 3，粗体。"),
        ("问题 2？", "更好的回答 2。"),
        ("问题 4？", "回答 4。"),
    ]
    english_page = soup(client.get("/en/faq/"))
    assert [h2.get_text(strip=True) for h2 in english_page.select(".content-faq h2")] == [
        "Question 3?",
        "Question 2?",
        "Question 4?",
    ]


def test_editing_one_answer_keeps_its_published_translation(
    client, soup, english, chinese, editor_client, django_user_model
):
    items = flows.items_of(english)
    items[0]["answer"] = "<p>Changed answer 1.</p>"
    english = flows.publish_in_editor(editor_client, english, items)
    # A superuser may sync and publish in one go; the changed item keeps its Chinese there too.
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    assert flows.sync(logged_in(admin), english, publish=True).status_code == 302
    items = rendered_items(client, soup, "/zh-hans/faq/")
    assert [(title, answer.get_text(strip=True)) for _, title, answer in items] == [
        ("问题 1？", "回答 1，粗体。"),
        ("问题 2？", "回答 2，粗体。"),
        ("问题 3？", "回答 3，粗体。"),
    ]
    assert "Changed answer" not in client.get("/zh-hans/faq/").content.decode()


def test_editors_cannot_publish_chinese_pages_by_syncing(
    client, soup, english, chinese, editor_client
):
    items = flows.items_of(english)
    items[0]["question"] = "Changed question 1?"
    english = flows.publish_in_editor(editor_client, english, items)
    source_synced_at = flows.source_of(english).last_updated_at
    response = flows.sync(editor_client, english, publish=True)
    assert response.status_code == 200
    assert "You can&#x27;t publish in 简体中文" in response.content.decode()
    assert flows.source_of(english).last_updated_at == source_synced_at, "nothing was synced"
    assert len(rendered_items(client, soup, "/zh-hans/faq/")) == 3


def test_per_language_links_survive_syncs(client, soup, editor_client, translator_client):
    english_url = "https://example.com/en/agreement"
    chinese_url = "https://example.cn/zh/agreement"
    answer = f'<p>Read <a href="{english_url}">the agreement</a>.</p>'
    english = make_faq_page(questions=faq_items(1, answer_html=answer))
    flows.start_translation(editor_client, english)
    flows.translate_in_editor(
        translator_client,
        english,
        {
            **CHINESE,
            'Read <a id="a1">the agreement</a>.': '请阅读<a id="a1">协议</a>。',
        },
    )
    chinese = FAQPage.objects.get(locale__language_code="zh-hans")
    set_link(translator_client, english, english_url, chinese_url)
    flows.publish_translation(translator_client, chinese)

    def chinese_link():
        _, _, answer = rendered_items(client, soup, "/zh-hans/faq/")[0]
        return answer.a["href"], answer.get_text(strip=True)

    assert chinese_link() == (chinese_url, "请阅读协议。")

    # An English edit elsewhere on the page, a sync and a publish keep the Chinese link.
    english = flows.publish_in_editor(editor_client, english, intro="<p>New intro.</p>")
    flows.sync(editor_client, english)
    flows.publish_translation(translator_client, chinese)
    assert chinese_link() == (chinese_url, "请阅读协议。")

    # The override belongs to the English URL: when that changes, the Chinese link
    # follows the new English URL until the translator sets the Chinese one again.
    new_url = "https://example.com/en/agreement-2026"
    items = flows.items_of(english)
    items[0]["answer"] = items[0]["answer"].replace(english_url, new_url)
    english = flows.publish_in_editor(editor_client, english, items)
    flows.sync(editor_client, english)
    flows.publish_translation(translator_client, chinese)
    assert chinese_link() == (new_url, "请阅读协议。")
    set_link(translator_client, english, new_url, chinese_url)
    flows.publish_translation(translator_client, chinese)
    assert chinese_link() == (chinese_url, "请阅读协议。")


def set_link(client, english, english_url, chinese_url):
    """The translator sets a link's Chinese URL in the translation editor."""
    translation = flows.translation_into(english)
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path__endswith=f".'{english_url}'"
    )
    response = client.put(
        reverse(
            "wagtail_localize:edit_override",
            kwargs={"translation_id": translation.pk, "overridable_segment_id": segment.pk},
        ),
        urlencode({"value": chinese_url}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def test_slugs_follow_english_and_never_a_chinese_title(
    client, english, chinese, editor_client, translator_client
):
    assert chinese.title == "常见问题" and chinese.slug == "faq"
    english = flows.publish_in_editor(editor_client, english, slug="questions")
    flows.sync(editor_client, english)
    flows.publish_translation(translator_client, chinese)
    chinese.refresh_from_db()
    assert (chinese.slug, chinese.url) == ("questions", "/zh-hans/questions/")
    assert client.get("/zh-hans/questions/").status_code == 200


def test_the_translators_preview_holds_back_what_visitors_wont_see(
    english, chinese, editor_client, translator_client
):
    items = flows.items_of(english) + [flows.faq_item("Question 4?", "<p>Answer 4.</p>")]
    english = flows.publish_in_editor(editor_client, english, items)
    flows.sync(editor_client, english)
    translation = flows.translation_into(english)
    preview = translator_client.get(
        reverse("wagtail_localize:preview_translation", args=[translation.pk])
    )
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "问题 3？" in html and "Question 4?" not in html


def test_a_translation_stopped_and_edited_by_hand_is_shown_as_edited(
    client, soup, english, chinese, editor_client, translator_client
):
    items = flows.items_of(english) + [flows.faq_item("Question 4?", "<p>Answer 4.</p>")]
    english = flows.publish_in_editor(editor_client, english, items)
    flows.sync(editor_client, english)
    flows.publish_translation(translator_client, chinese)
    assert len(rendered_items(client, soup, "/zh-hans/faq/")) == 3, "question 4 is held back"

    # The translator stops syncing and writes question 4 in Wagtail's own editor.
    translation = flows.translation_into(english)
    translator_client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": "/admin/"}
    )
    chinese = FAQPage.objects.get(pk=chinese.pk)
    items = flows.items_of(chinese)
    items[3].update(question="问题 4？", answer="<p>回答 4。</p>")
    data = flows.edit_form_data(chinese, items)
    data["action-publish"] = "action-publish"
    response = translator_client.post(reverse("wagtailadmin_pages:edit", args=[chinese.pk]), data)
    assert response.status_code == 302
    titles = [title for _, title, _ in rendered_items(client, soup, "/zh-hans/faq/")]
    assert titles == ["问题 1？", "问题 2？", "问题 3？", "问题 4？"]


def test_a_translation_never_becomes_an_alias_of_the_english_page(
    client, soup, english, chinese, translator_client
):
    translation = flows.translation_into(english)
    translator_client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": "/admin/"}
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[chinese.pk])
    assert "Convert to alias page" not in translator_client.get(edit_url).content.decode()
    response = translator_client.post(
        reverse("wagtail_localize:convert_to_alias", args=[chinese.pk]), follow=True
    )
    assert response.redirect_chain[0][0] == edit_url
    assert "can&#x27;t become an alias" in response.content.decode()
    assert FAQPage.objects.get(pk=chinese.pk).alias_of_id is None
    titles = [title for _, title, _ in rendered_items(client, soup, "/zh-hans/faq/")]
    assert titles == ["问题 1？", "问题 2？", "问题 3？"]
