"""A Chinese visitor never reads English: no old revision of a translation, made before it
was translated, becomes the live Chinese page, whatever publishes it (issue 11.3)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import APIToken, Revision

import pytest

from faq.models import FAQPage
from tests.admin_flows import edit_form_data
from tests.factories import home, make_faq_page, translate
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db

REFUSAL = "shows English text where its translation is done"


@pytest.fixture
def chinese_with_english_past():
    """A Chinese page first published before anything was translated (its items held back,
    its title still English), then translated in full and published again."""
    english = make_faq_page(questions=3)
    translate(english, strings={})
    chinese = translate_fully(english)
    assert chinese.title == "译 Frequently Asked Questions"
    return chinese


def first_revision(page):
    return page.revisions.order_by("created_at", "pk").first()


def chinese_page_text(client):
    return client.get("/zh-hans/faq/").content.decode()


def test_reverting_to_an_english_revision_and_publishing_is_refused(
    api, client, zh_translator_auth, chinese_with_english_past
):
    chinese = chinese_with_english_past
    url = f"/api/v3/pages/{chinese.pk}/actions/"
    revision_id = first_revision(chinese).pk
    reverted = api("post", url + "revert/", {"revision_id": revision_id}, **zh_translator_auth)
    assert reverted.status_code == 200, reverted.content
    with TestCase.captureOnCommitCallbacks(execute=True):
        published = api("post", url + "publish/", {}, **zh_translator_auth)
    assert published.status_code == 422, published.content
    [error] = published.json()["errors"]
    assert REFUSAL in error["msg"]
    assert "(title, hero title, intro, question 1, question 2, question 3)" in error["msg"]
    page = chinese_page_text(client)
    assert "<title>" in page and ">Frequently Asked Questions<" not in page
    assert "译 Question 2?" in page and ">Question 2?<" not in page


def test_scheduling_an_english_revision_is_refused(client, chinese_with_english_past):
    chinese = chinese_with_english_past
    old = first_revision(chinese).as_object()
    old.go_live_at = timezone.now() + timedelta(hours=1)
    revision = old.save_revision()
    with pytest.raises(ValidationError, match=REFUSAL):
        revision.publish()
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled")
    assert "译 Question 1?" in chinese_page_text(client)


def test_publishing_the_translation_itself_still_works(client, chinese_with_english_past):
    english = FAQPage.objects.get(locale__language_code="en")
    translate_fully(english, strings={"Question 1?": "新问题一？"})
    assert "新问题一？" in chinese_page_text(client)


@pytest.mark.parametrize(
    "action, body",
    [
        ("create_alias", {"destination_id": "zh_home"}),
        ("copy", {"destination_id": "zh_home", "new_slug": "faq-copy", "keep_live": True}),
    ],
)
def test_an_english_page_never_lands_in_the_chinese_tree(api, client, admin_user, action, body):
    """Not even an administrator's token. (Wagtail itself refuses to move a page there.)"""
    _, token = APIToken.create_token(user=admin_user, name="admin")
    english = make_faq_page(slug="english-only")
    body = {**body, "destination_id": home("zh-hans").pk}
    url = f"/api/v3/pages/{english.pk}/actions/{action}/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = api("post", url, body, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422, response.content
    assert "A page in English can't be placed under" in response.content.decode()
    assert not FAQPage.objects.filter(locale__language_code="zh-hans").exists()
    assert client.get("/en/english-only/").status_code == 200


def test_the_admin_editor_never_publishes_an_english_revision_of_a_translation(
    admin_client, client, chinese_with_english_past
):
    # A synced translation is edited in wagtail-localize's editor: the page editor's form,
    # posted with an old English revision's content, is sent back to it and changes nothing.
    chinese = chinese_with_english_past
    data = edit_form_data(first_revision(chinese).as_object())
    data["action-publish"] = "action-publish"
    edit_url = reverse("wagtailadmin_pages:edit", args=[chinese.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(edit_url, data)
    assert response.status_code == 302 and response["Location"] == edit_url
    assert FAQPage.objects.get(pk=chinese.pk).latest_revision_id == chinese.latest_revision_id
    assert "译 Question 1?" in chinese_page_text(client)
