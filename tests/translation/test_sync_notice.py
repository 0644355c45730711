"""The sync form offers only what the user may do and says what the site does; a changed
English page is offered the sync (or synced on publish) and the translators are emailed the
pages with work waiting (issue 16.6)."""

from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment

import pytest

from tests import admin_flows as flows
from tests.admin_flows import TRANSLATORS
from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    page = make_faq_page(questions=2)
    translate(page, strings={"Question 1?": "问题 1？", "Question 2?": "问题 2？"})
    return page


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(flows.editor(django_user_model))
    return client


@pytest.fixture
def chinese_translator(django_user_model):
    user = flows.make_user(django_user_model, TRANSLATORS)
    user.email = "translator@example.com"
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def sync_form(client, english):
    response = client.get(
        reverse("wagtail_localize:update_translations", args=[flows.source_of(english).pk])
    )
    assert response.status_code == 200
    return response.context["form"]


def test_editors_are_not_offered_publish_immediately(english, editor):
    assert "publish_translations" not in sync_form(editor, english).fields


def test_who_may_publish_reads_the_sites_rule(english, admin_client, settings):
    field = sync_form(admin_client, english).fields["publish_translations"]
    assert "stay off the translated pages until a translator translates them" in field.help_text
    assert "original language" not in field.help_text


def changed(english):
    items = flows.items_of(english)
    items[0]["question"] = "Changed question 1?"
    return items


def publish_messages(client, english, items):
    data = flows.edit_form_data(english, items)
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), data)
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_changed_publish_offers_the_sync_and_an_unchanged_one_does_not(english, editor):
    sync_url = reverse("wagtail_localize:update_translations", args=[flows.source_of(english).pk])
    messages = publish_messages(editor, english, flows.items_of(english))
    assert not any(sync_url in message for message in messages)
    messages = publish_messages(editor, english, changed(english))
    (offer,) = [message for message in messages if sync_url in message]
    assert "has changed text to translate" in offer


def test_a_sync_emails_the_translators_in_their_language(english, editor, chinese_translator):
    english = flows.publish_in_editor(editor, english, changed(english))
    mail.outbox.clear()
    assert flows.sync(editor, english).status_code == 302
    (email,) = mail.outbox
    assert email.to == ["translator@example.com"]
    assert email.subject == "简体中文 有待翻译的内容"
    chinese = flows.translation_into(english).get_target_instance()
    assert email.body.splitlines() == [
        "以下页面有等待您翻译的文本：",
        "",
        f"- {chinese.title}: http://localhost:8000/admin/pages/{chinese.pk}/edit/",
    ]
    assert email.extra_headers["Auto-Submitted"] == "auto-generated"


def test_sync_on_publish(english, editor, chinese_translator, settings):
    settings.TRANSLATION_SYNC_ON_PUBLISH = True
    mail.outbox.clear()
    messages = publish_messages(editor, english, changed(english))
    assert StringSegment.objects.filter(
        source=flows.source_of(english), string__data="Changed question 1?"
    ).exists()
    assert any("are synced" in message for message in messages)
    assert [email.to for email in mail.outbox] == [["translator@example.com"]]
