"""Production's queue: deliveries wait in the database for ``manage.py db_worker``."""

from django.core.management import call_command

import pytest
from django_tasks_db.models import DBTaskResult

from tests.factories import make_faq_page
from trustcenter.webhooks.models import WebhookDelivery

from .receiver import verify

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["webhooks"]},
}


def run_worker():
    call_command(
        "db_worker",
        "--batch",
        "--backend=webhooks",
        "--queue-name=webhooks",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


@pytest.mark.django_db(transaction=True)  # the worker takes its own transactions
def test_a_publish_waits_in_the_queue_until_the_worker_sends_it(receiver, endpoint, settings):
    settings.TASKS = DATABASE_QUEUE
    make_faq_page()  # committed: autocommit, no test transaction around it

    assert receiver.requests == []  # the publish itself sent nothing
    assert DBTaskResult.objects.filter(queue_name="webhooks").count() == 1

    run_worker()

    [request] = receiver.requests
    assert verify(endpoint.secret, request["headers"], request["body"])
    assert WebhookDelivery.objects.get().status == "delivered"


@pytest.mark.django_db(transaction=True)
def test_a_failed_attempt_queues_its_retry_for_later(receiver, endpoint, settings):
    settings.TASKS = DATABASE_QUEUE
    receiver.status = 503
    make_faq_page()
    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("retrying", 1)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == delivery.next_attempt_at
    run_worker()  # not due yet: the worker leaves it
    assert len(receiver.requests) == 1
