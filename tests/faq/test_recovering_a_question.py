"""A question deleted by mistake comes back from the page's history (issue 16, for editors):
Wagtail's History lists each saved version with "Review this version", which opens the editor
holding that version, and its "Publish this version" (or "Replace current draft") restores it."""

import re
from html import unescape

from django.test import Client, TestCase
from django.urls import reverse

import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import make_faq_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(flows.editor(django_user_model))
    return client


def review_links(client, page):
    """The "Review this version" links of the page's History, newest first."""
    body = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    return [
        unescape(href)
        for href in re.findall(
            r'href="([^"]+/revisions/\d+/revert/)"[^>]*>\s*Review this version', body
        )
    ]


def test_a_deleted_question_is_restored_from_the_history(client, editor):
    page = make_faq_page(questions=2)
    before = flows.publish_in_editor(editor, page)  # a version holding both questions
    kept_revision = before.latest_revision
    flows.publish_in_editor(editor, before, flows.items_of(before)[:1])
    assert "Question 2?" not in client.get("/en/faq/").content.decode()

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, kept_revision.pk])
    assert revert_url in review_links(editor, page)
    review = editor.get(revert_url)
    assert review.status_code == 200
    form = review.content.decode()
    assert "Publish this version" in form and "Replace current draft" in form
    assert "Question 2?" in unescape(form)

    # The editor's form as it stands, holding that version, published from where it posts.
    data = flows.edit_form_data(kept_revision.as_object())
    data["action-publish"] = "action-publish"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = editor.post(revert_url, data)
    assert response.status_code == 302
    restored = FAQPage.objects.get(pk=page.pk)
    assert [item.value["question"] for item in restored.faqs] == ["Question 1?", "Question 2?"]
    assert [item.id for item in restored.faqs] == [item.id for item in before.faqs]
    assert "Question 2?" in client.get("/en/faq/").content.decode()
