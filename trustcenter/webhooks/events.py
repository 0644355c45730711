"""What a page change sends: one delivery per active endpoint that wants the event, recorded in
the change's own transaction and handed to the task queue once it commits (a rolled back
publish sends nothing; a queue that fails loses nothing: ``send_webhooks`` finds the row)."""

import copy
import json
import logging
import uuid
from functools import partial

from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone

from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import Event, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

# Revision content that is bookkeeping, not what a reader sees: left out of "changed".
BOOKKEEPING = frozenset(
    {
        "pk",
        "path",
        "depth",
        "numchild",
        "url_path",
        "translation_key",
        "locale",
        "content_type",
        "owner",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "draft_title",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "alias_of",
        "wagtail_admin_comments",
    }
)


def public_path(page, url_path=None):
    """The path a visitor reaches ``page`` at (``/zh-hans/faq/``), or at ``url_path`` in the
    tree (where it was before a move); ``None`` if no site serves it."""
    if url_path is not None and url_path != page.url_path:
        page = copy.copy(page)
        page.url_path = url_path
    parts = page.get_url_parts()
    return parts[2] if parts else None


def record(event, page, details):
    """``details()`` gives the old and new path and what changed: worked out only when an
    endpoint wants the event, so a site without webhooks pays one query per change."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if event in endpoint.events
    ]
    if not endpoints:
        return
    old_path, new_path, changed = details()
    payload = {
        "id": str(uuid.uuid4()),
        "event": event,
        "timestamp": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else None,
            "title": page.title,
            "locale": page.locale.language_code,
            "translation_key": str(page.translation_key),
            "old_url_path": old_path,
            "new_url_path": new_path,
        },
        "changed": changed,
    }
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    now = timezone.now()
    deliveries = [
        WebhookDelivery.objects.create(
            endpoint=endpoint, event=event, page_id=page.pk, body=body, next_attempt_at=now
        ).pk
        for endpoint in endpoints
    ]
    transaction.on_commit(partial(enqueue, deliveries))


def enqueue(delivery_ids):
    from .tasks import deliver_webhook

    for delivery_id in delivery_ids:
        try:
            deliver_webhook.enqueue(delivery_id)
        except Exception:
            # The row stays due: the next ``send_webhooks`` hands it over again.
            logger.exception("Could not queue webhook delivery %s", delivery_id)


def previously_live_content(page, revision):
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.content if entry else None


def changed_fields(before, after):
    before = before or {}
    keys = (before.keys() | after.keys()) - BOOKKEEPING
    return sorted(key for key in keys if before.get(key) != after.get(key))


def on_published(sender, instance, revision, **kwargs):
    def details():
        before = previously_live_content(instance, revision)
        old_path = None
        if before:
            # Where it was live: under its parent now (a move since changed no revision), at
            # its slug then.
            parent_path = instance.url_path.removesuffix(f"{instance.slug}/")
            old_path = public_path(instance, f"{parent_path}{before['slug']}/")
        return old_path, public_path(instance), changed_fields(before, revision.content)

    record(Event.PUBLISHED, instance, details)


def on_unpublished(sender, instance, **kwargs):
    record(Event.UNPUBLISHED, instance, lambda: (public_path(instance), None, ["live"]))


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after:  # reordered among its siblings: no address changed
        return
    record(
        Event.MOVED,
        instance,
        lambda: (
            public_path(instance, url_path_before),
            public_path(instance, url_path_after),
            ["url_path"],
        ),
    )


def on_deleted(sender, instance, **kwargs):
    # Django sends it for the page's every table (Page, then its type's): once, for its type.
    if not isinstance(instance, Page) or sender is not (instance.specific_class or Page):
        return
    record(Event.DELETED, instance, lambda: (public_path(instance), None, []))


def connect():
    page_published.connect(on_published, dispatch_uid="webhooks-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="webhooks-moved")
    # Before the delete: its URL and language can still be found.
    pre_delete.connect(on_deleted, dispatch_uid="webhooks-deleted")
