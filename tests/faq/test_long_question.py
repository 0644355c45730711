"""A long question is editable in full (issue 16, for editors): the admin edits it in a box
that grows with its text, not a one-line input that shows only its start."""

import json
import re
from html import unescape

from django.test import Client

import pytest

from tests import admin_flows as flows
from tests.factories import make_faq_page

pytestmark = pytest.mark.django_db

LONG_QUESTION = "Where is my Customer Data stored, " + "and who may read it, " * 15 + "ever?"


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(flows.editor(django_user_model))
    return client


def question_widget(client, page):
    """The HTML the admin's StreamField editor renders for an item's question."""
    body = unescape(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    match = re.search(
        r'\["question", (\{"_type": "wagtail\.widgets\.Widget", "_args": \[".*?"\]\})', body
    )
    assert match, "the FAQ block's question is not in the edit form"
    return json.loads(match.group(1))["_args"][0]


def test_the_question_is_a_growing_textarea(editor):
    page = make_faq_page(questions=1)
    widget = question_widget(editor, page)
    assert widget.startswith("<textarea ")
    assert 'data-controller="w-autosize"' in widget
    assert 'maxlength="500"' in widget


def test_a_long_question_is_published_whole_and_on_one_line(client, editor):
    page = make_faq_page(questions=1)
    typed = LONG_QUESTION.replace("read it, and", "read it,\nand", 1)
    published = flows.publish_in_editor(editor, page, [flows.faq_item(typed, "<p>Here.</p>")])
    assert published.faqs[0].value["question"] == LONG_QUESTION
    assert LONG_QUESTION in client.get("/en/faq/").content.decode()


def test_a_question_over_500_characters_is_refused(editor):
    page = make_faq_page(questions=1)
    data = flows.edit_form_data(page, [flows.faq_item("Why? " * 101, "<p>Here.</p>")])
    data["action-publish"] = "action-publish"
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "faqs" in response.context["form"].errors
