"""Two items asking the same question: publishing them is refused on every path, and the admin
warns on saving a draft (issue 16, for editors)."""

from datetime import timedelta

from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision
from wagtail_localize.models import StringTranslation

import pytest

from faq.models import FAQPage
from faq.validation import carrying_repeats_over
from tests import admin_flows as flows
from tests.factories import make_faq_page, translate
from tests.translations import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return make_faq_page(questions=2)


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(flows.editor(django_user_model))
    return client


def repeated(page):
    items = flows.items_of(page)
    items.append(flows.faq_item("  question 1? ", "<p>Again.</p>"))
    return items


def post(client, page, items, action=None):
    data = flows.edit_form_data(page, items)
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_publishing_a_repeated_question_is_refused(client, english, editor):
    response = post(editor, english, repeated(english), "action-publish")
    assert response.status_code == 200
    errors = response.context["form"].errors["faqs"]
    assert "Item 3: the question is item 1's again (“question 1?”)" in errors
    stored = FAQPage.objects.get(pk=english.pk)
    assert [item.value["question"] for item in stored.faqs] == ["Question 1?", "Question 2?"]
    assert not stored.has_unpublished_changes
    assert client.get("/en/faq/").content.decode().count("Again.") == 0


def test_a_draft_with_a_repeated_question_is_saved_with_a_warning(english, editor):
    response = post(editor, english, repeated(english))
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        message.startswith("A question is asked twice: ") and "Item 3" in message
        for message in messages
    ), messages
    assert len(FAQPage.objects.get(pk=english.pk).get_latest_revision_as_object().faqs) == 3


def test_distinct_questions_publish(english, editor):
    items = flows.items_of(english)
    items.append(flows.faq_item("Question 3?", "<p>New.</p>"))
    assert post(editor, english, items, "action-publish").status_code == 302
    assert len(FAQPage.objects.get(pk=english.pk).faqs) == 3


def test_a_repeat_already_published_only_warns(english, editor):
    page = FAQPage.objects.get(pk=english.pk)
    page.faqs = [
        *page.faqs.raw_data,
        {"type": "faq", "value": {"question": "Question 2?", "answer": "<p>As imported.</p>"}},
    ]
    with carrying_repeats_over():  # as the legacy importer publishes the seed's repeat
        page.save_revision().publish()
    page = FAQPage.objects.get(pk=english.pk)
    items = flows.items_of(page)
    items[0]["question"] = "Question one?"
    response = post(editor, page, items, "action-publish")
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Item 3: the question is item 2's again" in message for message in messages)
    assert FAQPage.objects.get(pk=english.pk).faqs[0].value["question"] == "Question one?"
    items.append(flows.faq_item("Question one?", "<p>New repeat.</p>"))
    response = post(editor, FAQPage.objects.get(pk=english.pk), items, "action-publish")
    assert response.context["form"].errors["faqs"] == [
        "Item 4: the question is item 1's again (“Question one?”)"
    ]


def test_the_refusal_is_in_the_editors_language(english, django_user_model):
    user = flows.make_user(django_user_model, flows.EDITORS, "chinese-editor")
    client = logged_in(user, "zh-hans")
    response = post(client, english, repeated(english), "action-publish")
    assert response.context["form"].errors["faqs"] == [
        "第 3 项：问题与第 1 项重复（“question 1?”）"
    ]


def test_publishing_a_new_repeat_is_refused_on_any_path(english):
    """Scheduled publishing, a script, wagtail-localize: whatever publishes a revision."""
    page = FAQPage.objects.get(pk=english.pk)
    again = {"type": "faq", "value": {"question": "question 2?", "answer": "<p>Again.</p>"}}
    page.faqs = [*page.faqs.raw_data, again]
    revision = page.save_revision()  # a draft may hold it
    with pytest.raises(ValidationError) as refused:
        revision.publish()
    assert refused.value.message_dict["faqs"] == [
        "Item 3: the question is item 2's again (“question 2?”)"
    ]
    assert len(FAQPage.objects.get(pk=english.pk).faqs) == 2


def test_a_translation_repeating_a_question_is_not_stored(english, django_user_model):
    """wagtail-localize publishes after the request, so the translation editor refuses the
    repeat as it is saved, saying why."""
    chinese = translate(english, strings={"Question 1?": "问题？", "Question 2?": "问题二？"})
    translator = logged_in(flows.translator(django_user_model), "zh-hans")
    translation = flows.translation_into(english)
    segment = translation.source.stringsegment_set.get(string__data="Question 2?")
    response = translator.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        "value=%E9%97%AE%E9%A2%98%EF%BC%9F",  # 问题？
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert response.json()["error"] == (
        "未保存：翻译后的页面无法容纳它：第 2 项：问题与第 1 项重复（“问题？”）。"
    )
    flows.publish_translation(translator, chinese)
    published = FAQPage.objects.get(pk=chinese.pk)
    assert [item.value["question"] for item in published.faqs] == ["问题？", "问题二？"]


def test_a_translation_may_repeat_what_its_source_repeats(english, django_user_model):
    """The legacy English asks one question twice: its Chinese may too."""
    page = FAQPage.objects.get(pk=english.pk)
    again = {"type": "faq", "value": {"question": "Question 2?", "answer": "<p>Again.</p>"}}
    page.faqs = [*page.faqs.raw_data, again]
    with carrying_repeats_over():
        page.save_revision().publish()
    english = FAQPage.objects.get(pk=english.pk)
    chinese = translate(english, strings={"Question 1?": "问题？"})
    translator = Client()
    translator.force_login(flows.translator(django_user_model))
    statuses = flows.translate_in_editor(translator, english, {"Question 2?": "问题二？"})
    assert statuses == [201, 201]  # both items ask it
    flows.publish_translation(translator, chinese)
    published = FAQPage.objects.get(pk=chinese.pk)
    assert [item.value["question"] for item in published.faqs] == ["问题？", "问题二？", "问题二？"]


def test_scheduling_a_new_repeat_is_refused(english):
    """Refused when scheduled, so that scheduled publishing never meets it."""
    page = FAQPage.objects.get(pk=english.pk)
    again = {"type": "faq", "value": {"question": "Question 2?", "answer": "<p>Again.</p>"}}
    page.faqs = [*page.faqs.raw_data, again]
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    with pytest.raises(ValidationError) as refused:
        revision.publish()
    assert refused.value.message_dict["faqs"] == [
        "Item 3: the question is item 2's again (“Question 2?”)"
    ]
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled")
    assert [item.value["question"] for item in FAQPage.objects.get(pk=english.pk).faqs] == [
        "Question 1?",
        "Question 2?",
    ]


def test_publishing_a_translation_that_would_be_refused_says_why(english, django_user_model):
    """wagtail-localize publishes after the request, where a refusal names nothing: the
    translation editor's Publish is checked first."""
    chinese = translate(english, strings={"Question 1?": "问题？", "Question 2?": "问题二？"})
    # Stored past the editor's check (as a site before it did): the same Chinese twice.
    StringTranslation.objects.filter(
        locale=chinese.locale, translation_of__data="Question 2?"
    ).update(data="问题？")
    translator = logged_in(flows.translator(django_user_model), "zh-hans")
    response = flows.publish_translation(translator, chinese)
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == ["未发布：第 2 项：问题与第 1 项重复（“问题？”）。"]
    published = FAQPage.objects.get(pk=chinese.pk)
    assert [item.value["question"] for item in published.faqs] == ["问题？", "问题二？"]
