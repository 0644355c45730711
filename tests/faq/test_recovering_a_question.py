"""A question deleted by mistake comes back in one click (issue 16, for editors): the page
editor lists, under the questions, those its recent versions held and its latest one lacks,
each with a Restore button that saves a draft holding it again, with its anchor. Wagtail's own
way still works: History, "Review this version", then "Publish this version"."""

import re
from html import unescape

from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest
from bs4 import BeautifulSoup

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import make_faq_page, translate
from tests.translations import logged_in

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


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def removed_questions(client, page):
    """The editor's "Removed questions": each question, its note and its Restore button."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").find(
        attrs={"data-faq-removed-questions": True}
    )
    if panel is None:
        return []
    return [
        (
            item.strong.get_text(strip=True),
            item.find(class_="w-help-text").get_text(" ", strip=True),
            item.button,
        )
        for item in panel.find_all("li")
    ]


def restore(client, page, block_id):
    """A click on a Restore button: the editor's form, posted where the button says."""
    button = next(button for _, _, button in removed_questions(client, page))
    data = flows.edit_form_data(FAQPage.objects.get(pk=page.pk).get_latest_revision_as_object())
    data[button["name"]] = block_id
    return client.post(button["formaction"], data)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def questions(page):
    return [item.value["question"] for item in page.faqs]


def latest_draft(page):
    return FAQPage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.fixture
def deleted(editor):
    """A published page whose editor has just deleted (and published without) Question 2."""
    page = make_faq_page(questions=3)
    items = flows.items_of(page)
    return flows.publish_in_editor(editor, page, [items[0], items[2]]), items[1]


def test_the_editor_lists_a_deleted_question_with_a_restore_button(editor, deleted):
    page, question = deleted
    [(text, note, button)] = removed_questions(editor, page)
    assert text == "Question 2?"
    assert note.startswith("Removed by editor on ")
    assert button.get_text(strip=True) == "Restore"
    assert button["value"] == question["id"]
    assert button["formmethod"] == "post"
    assert button["formaction"] == reverse("faq_admin:restore_question", args=[page.pk])


def test_the_newest_removal_is_listed_first(editor, deleted):
    page, _ = deleted
    flows.publish_in_editor(editor, page, flows.items_of(page)[1:])
    assert [text for text, _, _ in removed_questions(editor, page)] == [
        "Question 1?",
        "Question 2?",
    ]


def test_one_click_restores_it_as_a_draft_where_it_was(client, editor, deleted):
    page, question = deleted
    response = restore(editor, page, question["id"])
    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    assert messages_of(response) == [
        "Restored as a draft: Question 2?. Publish the page to show it to visitors."
    ]
    draft = latest_draft(page)
    assert questions(draft) == ["Question 1?", "Question 2?", "Question 3?"]
    assert draft.faqs[1].id == question["id"]
    assert draft.latest_revision.user.username == "editor"
    assert removed_questions(editor, page) == []

    # Visitors still don't see it: a restore is a draft, published as usual.
    assert "Question 2?" not in client.get("/en/faq/").content.decode()
    flows.publish_in_editor(editor, draft)
    assert f'id="faq-{question["id"]}"' in client.get("/en/faq/").content.decode()


def test_the_history_says_which_question_was_restored(editor, deleted):
    page, question = deleted
    restore(editor, page, question["id"])
    entry = PageLogEntry.objects.filter(page=page).latest("timestamp")
    assert entry.user.username == "editor"
    assert entry.revision_id == latest_draft(page).latest_revision_id
    history = editor.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Restored a removed question: Question 2?" in unescape(history)


def test_a_question_comes_back_after_the_one_it_followed_or_first(editor):
    page = make_faq_page(questions=3)
    first, second, third = flows.items_of(page)
    page = flows.publish_in_editor(editor, page, [second, third])
    page = flows.publish_in_editor(editor, page, [third])
    # Question 2 came first when it was deleted, and so did Question 1.
    restore(editor, page, second["id"])
    assert questions(latest_draft(page)) == ["Question 2?", "Question 3?"]
    restore(editor, page, first["id"])
    assert questions(latest_draft(page)) == ["Question 1?", "Question 2?", "Question 3?"]


def test_a_question_whose_neighbour_is_gone_too_comes_back_at_the_end(editor, deleted):
    page, question = deleted
    page = flows.publish_in_editor(editor, page, flows.items_of(page)[1:])
    # Question 2 followed Question 1, deleted since.
    restore(editor, page, question["id"])
    assert questions(latest_draft(page)) == ["Question 3?", "Question 2?"]


def test_a_user_who_may_not_edit_the_page_is_refused(editor, deleted, django_user_model):
    page, question = deleted
    translator = Client()
    translator.force_login(flows.translator(django_user_model))
    url = reverse("faq_admin:restore_question", args=[page.pk])
    assert translator.post(url, {"block_id": question["id"]}).status_code == 403
    assert questions(latest_draft(page)) == ["Question 1?", "Question 3?"]


def test_restoring_a_question_already_on_the_page_is_refused(editor, deleted):
    page, question = deleted
    restore(editor, page, question["id"])
    revision = latest_draft(page).latest_revision_id
    response = editor.post(
        reverse("faq_admin:restore_question", args=[page.pk]), {"block_id": question["id"]}
    )
    assert response.status_code == 302
    assert messages_of(response)[-1] == "This question is already on the page: Question 2?"
    assert latest_draft(page).latest_revision_id == revision


def test_a_locked_page_refuses(editor, deleted, django_user_model):
    page, question = deleted
    page.locked = True
    page.locked_by = flows.make_user(django_user_model, flows.EDITORS, "colleague")
    page.save(update_fields=["locked", "locked_by"])
    response = restore(editor, page, question["id"])
    assert response.status_code == 302
    assert messages_of(response) == ["The page is locked: the question was not restored."]
    assert questions(latest_draft(page)) == ["Question 1?", "Question 3?"]


def test_the_list_costs_the_same_queries_however_many_versions(editor, deleted):
    page, _ = deleted

    def editor_queries():
        editor.get(edit_url(page))  # warm Django's per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(edit_url(page)).status_code == 200
        return len(queries)

    few = editor_queries()
    for _ in range(10):
        latest_draft(page).save_revision(user=None)
    page = flows.publish_in_editor(editor, page, flows.items_of(page)[1:])
    assert len(removed_questions(editor, page)) == 2
    assert editor_queries() == few


def test_the_panel_is_in_the_editors_language(deleted, django_user_model):
    page, _ = deleted
    user = flows.make_user(django_user_model, flows.EDITORS, "chinese-editor")
    client = logged_in(user, "zh-hans")
    body = client.get(edit_url(page)).content.decode()
    assert "已删除的问题" in body
    [(_, note, button)] = removed_questions(client, page)
    assert note.startswith("由 editor 于 ") and note.endswith("删除")
    assert button.get_text(strip=True) == "恢复"


def test_a_synced_translation_refuses(admin_client, deleted):
    page, question = deleted
    chinese = translate(page)
    response = admin_client.post(
        reverse("faq_admin:restore_question", args=[chinese.pk]), {"block_id": question["id"]}
    )
    assert response.status_code == 302
    assert messages_of(response)[-1].startswith(
        "This page is a synced wagtail-localize translation"
    )
    assert latest_draft(chinese).latest_revision_id == chinese.latest_revision_id


def test_only_the_recent_versions_are_read(editor, deleted, monkeypatch):
    page, question = deleted
    monkeypatch.setattr("faq.recovery.RECENT_REVISIONS", 2)
    latest_draft(page).save_revision(user=None)
    assert removed_questions(editor, page) == []
    response = editor.post(
        reverse("faq_admin:restore_question", args=[page.pk]), {"block_id": question["id"]}
    )
    assert messages_of(response) == ["This question is not in the page's last 2 saved versions."]
