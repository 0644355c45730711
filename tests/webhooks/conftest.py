import pytest

from trustcenter.webhooks.models import WebhookEndpoint

from .receiver import Receiver


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="Next.js site", url=receiver.url)
