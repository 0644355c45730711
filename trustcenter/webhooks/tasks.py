from django_tasks import task

from .delivery import attempt


@task(backend="webhooks", queue_name="webhooks")
def deliver_webhook(delivery_id):
    """Try a delivery; on failure, queue the next try for when it is due. A backend that
    cannot wait (the immediate one, in development) leaves that to ``send_webhooks``."""
    retry_at = attempt(delivery_id)
    if retry_at and deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=retry_at).enqueue(delivery_id)
