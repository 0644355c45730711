"""One attempt at a delivery, and when to try again: exponential backoff, then giving up."""

import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils import timezone

import requests

from .models import WebhookDelivery
from .signature import HEADER, signature_header

logger = logging.getLogger(__name__)

LONGEST_WAIT = timedelta(hours=1)


def retry_delay(attempts):
    """The wait after the ``attempts``-th failed attempt: the base, doubled each time."""
    return min(
        timedelta(seconds=settings.WEBHOOK_RETRY_SECONDS * 2 ** (attempts - 1)), LONGEST_WAIT
    )


def safe_url(url):
    """``url`` without a password or query, which may hold a credential: fit for a log."""
    parts = urlsplit(url)
    host = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname or ""
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def post(delivery):
    """Send ``delivery`` once: ``(status code, error)``, the error empty on a 2xx."""
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "TrustCenter-Webhooks/1",
        "X-TrustCenter-Event": delivery.event,
        "X-TrustCenter-Delivery": str(delivery.pk),
        HEADER: signature_header(endpoint.secret, timestamp, body),
    }
    try:
        response = requests.post(
            endpoint.url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as error:
        # Only the exception's kind: its text repeats the URL, which may carry a credential.
        return None, f"{type(error).__name__}: could not reach {safe_url(endpoint.url)}"
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code} {response.reason}"


def attempt(delivery_id):
    """Try ``delivery_id`` if it is due; True if a retry should be queued."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(
            pk=delivery_id,
            status__in=[WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING],
        )
        .first()
    )
    # Delivered or given up meanwhile, or a later retry is already due (send_webhooks ran).
    if delivery is None or (delivery.next_attempt_at and delivery.next_attempt_at > timezone.now()):
        return None
    status_code, error = post(delivery)
    delivery.attempts += 1
    delivery.status_code = status_code
    delivery.last_error = error
    if not error:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts < settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
    else:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    delivery.save()
    if error:
        logger.warning(
            "Webhook delivery %s (%s) to %r failed, attempt %s: %s",
            delivery.pk,
            delivery.event,
            delivery.endpoint.name,
            delivery.attempts,
            error,
        )
    return delivery.next_attempt_at if delivery.status == WebhookDelivery.Status.RETRYING else None
