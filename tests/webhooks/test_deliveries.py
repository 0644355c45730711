"""Publish webhooks, as a front end's endpoint receives them (a real HTTP server on 127.0.0.1)."""

import json
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

import pytest

from tests.factories import make_faq_page, translate
from trustcenter.models import TrustCenterHomePage
from trustcenter.webhooks.models import WebhookDelivery, WebhookEndpoint

from .receiver import Receiver, unused_port, verify

pytestmark = pytest.mark.django_db


def published(django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return make_faq_page(**fields)


def test_a_publish_is_posted_signed_with_what_changed(
    receiver, endpoint, django_capture_on_commit_callbacks
):
    page = published(django_capture_on_commit_callbacks)

    [request] = receiver.requests
    assert verify(endpoint.secret, request["headers"], request["body"])
    assert not verify("another secret", request["headers"], request["body"])
    assert request["headers"]["X-TrustCenter-Event"] == "page.published"
    event = json.loads(request["body"])
    assert event["event"] == "page.published"
    assert event["page"] == {
        "id": page.pk,
        "type": "faq.FAQPage",
        "title": "Frequently Asked Questions",
        "locale": "en",
        "translation_key": str(page.translation_key),
        "old_url_path": None,  # never published before
        "new_url_path": "/en/faq/",
    }
    assert {"title", "slug", "faqs", "intro"} <= set(event["changed"])
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.status_code, delivery.attempts) == ("delivered", 204, 1)

    # A later publish names only what changed since the page was last live, and a new address.
    page.intro = "<p>New intro.</p>"
    page.save_revision()  # a draft in between changes nothing live
    page.slug = "help"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    event = receiver.events()[-1]
    assert event["changed"] == ["intro", "slug"]
    assert (event["page"]["old_url_path"], event["page"]["new_url_path"]) == (
        "/en/faq/",
        "/en/help/",
    )


def test_a_translation_publish_is_posted_in_its_language(
    receiver, endpoint, django_capture_on_commit_callbacks
):
    english = published(django_capture_on_commit_callbacks)
    chinese = translate(english, strings={"Frequently Asked Questions": "常见问题"})

    event = receiver.events()[-1]
    assert event["event"] == "page.published"
    assert event["page"]["id"] == chinese.pk
    assert event["page"]["locale"] == "zh-hans"
    assert event["page"]["title"] == "常见问题"
    assert event["page"]["new_url_path"] == "/zh-hans/faq/"
    assert event["page"]["translation_key"] == str(english.translation_key)
    request = receiver.requests[-1]
    assert verify(endpoint.secret, request["headers"], request["body"])


def test_unpublish_move_and_delete_are_posted_with_old_and_new_paths(
    receiver, endpoint, django_capture_on_commit_callbacks
):
    page = published(django_capture_on_commit_callbacks)
    english_home = page.get_parent()
    archive = english_home.add_child(instance=TrustCenterHomePage(title="Archive", slug="archive"))

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(archive, pos="last-child")
    with django_capture_on_commit_callbacks(execute=True):
        page.refresh_from_db()
        page.save_revision().publish()  # live again, where it was moved to
    with django_capture_on_commit_callbacks(execute=True):
        page.get_parent().get_children().get(pk=page.pk).delete()

    events = [
        (event["event"], event["page"]["old_url_path"], event["page"]["new_url_path"])
        for event in receiver.events()[1:]
    ]
    assert events == [
        ("page.unpublished", "/en/faq/", None),
        ("page.moved", "/en/faq/", "/en/archive/faq/"),
        ("page.published", "/en/archive/faq/", "/en/archive/faq/"),
        ("page.deleted", "/en/archive/faq/", None),  # once, not once per table
        ("page.unpublished", "/en/archive/faq/", None),  # Wagtail unpublishes a deleted live page
    ]
    assert [event["changed"] for event in receiver.events()[1:]] == [
        ["live"],
        ["url_path"],
        [],  # the same content as when it was last live
        [],
        ["live"],
    ]


def test_a_rolled_back_publish_sends_nothing(
    receiver, endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            make_faq_page()
            raise RuntimeError("the publish failed")

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_only_active_endpoints_get_the_events_they_chose(
    receiver, endpoint, django_capture_on_commit_callbacks
):
    other = Receiver()
    try:
        WebhookEndpoint.objects.create(name="Paused", url=other.url, is_active=False)
        WebhookEndpoint.objects.create(name="Deletes only", url=other.url, events=["page.deleted"])
        published(django_capture_on_commit_callbacks)
    finally:
        other.close()

    assert len(receiver.requests) == 1
    assert other.requests == []


def test_an_endpoint_that_is_down_gets_the_same_event_once_it_is_back(
    django_capture_on_commit_callbacks, settings
):
    port = unused_port()
    endpoint = WebhookEndpoint.objects.create(
        name="Down", url=f"http://user:hunter2@127.0.0.1:{port}/hooks/?key=k3y"
    )
    started = timezone.now()
    published(django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("retrying", 1, None)
    assert delivery.last_error == (
        f"ConnectionError: could not reach http://127.0.0.1:{port}/hooks/"
    )
    # The first retry waits WEBHOOK_RETRY_SECONDS (30).
    assert started + timedelta(seconds=29) < delivery.next_attempt_at
    assert delivery.next_attempt_at < timezone.now() + timedelta(seconds=31)
    for secret in ("hunter2", "k3y", endpoint.secret):
        assert secret not in delivery.last_error

    # Not due yet: nothing is sent.
    assert_output(call_command_output("send_webhooks"), "0 due webhook deliveries queued.")

    receiver = Receiver(port=port)
    try:
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())  # 30 seconds later
        assert_output(call_command_output("send_webhooks"), "1 due webhook deliveries queued.")
    finally:
        receiver.close()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("delivered", 2, "")
    [request] = receiver.requests
    assert request["body"].decode() == delivery.body  # the same event, id and all
    assert verify(endpoint.secret, request["headers"], request["body"])


def test_a_failing_endpoint_is_retried_with_backoff_then_given_up(
    receiver, endpoint, django_capture_on_commit_callbacks, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.status = 500
    published(django_capture_on_commit_callbacks)

    waits = []
    for _ in range(2):
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == "retrying"
        assert (delivery.status_code, delivery.last_error) == (
            500,
            "HTTP 500 Internal Server Error",
        )
        waits.append(round((delivery.next_attempt_at - timezone.now()).total_seconds()))
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        call_command_output("send_webhooks")

    assert waits == [30, 60]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 3, None)
    assert len(receiver.requests) == 3


def call_command_output(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def assert_output(output, line):
    assert output.strip() == line
