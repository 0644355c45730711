from django.core.management.base import BaseCommand
from django.utils import timezone

from trustcenter.webhooks.events import enqueue
from trustcenter.webhooks.models import WebhookDelivery


class Command(BaseCommand):
    help = (
        "Hand every due webhook delivery (new, or failed and past its next attempt) to the "
        "task queue: retries where the queue cannot wait (development), and any delivery "
        "the queue lost."
    )

    def handle(self, **options):
        due = list(
            WebhookDelivery.objects.filter(
                status__in=[WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING],
                next_attempt_at__lte=timezone.now(),
            ).values_list("pk", flat=True)
        )
        enqueue(due)
        self.stdout.write(f"{len(due)} due webhook deliveries queued.")
