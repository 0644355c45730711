"""Two items asking the same question: the admin refuses to publish them and warns on saving
a draft (issue 16, for editors)."""

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import make_faq_page

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
    page.save_revision().publish()  # as the legacy importer publishes the seed's repeat
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
    from wagtail.users.models import UserProfile

    user = flows.make_user(django_user_model, flows.EDITORS, "chinese-editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client = Client()
    client.force_login(user)
    response = post(client, english, repeated(english), "action-publish")
    assert response.context["form"].errors["faqs"] == [
        "第 3 项：问题与第 1 项重复（“question 1?”）"
    ]
