"""Endpoints and the delivery log in the admin: administrators only, the log read only."""

from html import unescape

from django.urls import reverse

import pytest

from tests.admin_flows import editor
from tests.factories import make_faq_page
from trustcenter.webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_an_endpoint_choosing_its_events(admin_client):
    form = admin_client.get(reverse("webhookendpoint:add"))
    assert form.status_code == 200
    assert form.content.decode().count('type="checkbox" name="events"') == 4

    response = admin_client.post(
        reverse("webhookendpoint:add"),
        {
            "name": "Astro site",
            "url": "https://front.example.com/api/revalidate",
            "secret": "s3cret-shared-with-the-receiver",
            "is_active": "on",
            "events": ["page.published", "page.unpublished"],
        },
    )

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["page.published", "page.unpublished"]
    listing = admin_client.get(reverse("webhookendpoint:index")).content.decode()
    assert "Astro site" in listing
    assert "s3cret-shared-with-the-receiver" not in listing


def test_the_delivery_log_shows_each_delivery_but_not_the_secret(
    admin_client, django_capture_on_commit_callbacks
):
    endpoint = WebhookEndpoint.objects.create(name="Down site", url="http://127.0.0.1:9/hooks/")
    with django_capture_on_commit_callbacks(execute=True):
        page = make_faq_page()
    delivery = WebhookDelivery.objects.get()

    listing = admin_client.get(reverse("webhookdelivery:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Page published → Down site" in html
    assert "Failed, will retry" in html
    assert "Add webhook delivery" not in html
    inspect = admin_client.get(reverse("webhookdelivery:inspect", args=[delivery.pk]))
    html = unescape(inspect.content.decode())
    assert "ConnectionError: could not reach http://127.0.0.1:9/hooks/" in html
    assert f'"id":{page.pk}' in html  # the body sent
    assert endpoint.secret not in html

    # Nobody edits or deletes the log, administrators included.
    for view in ("edit", "delete"):
        response = admin_client.get(reverse(f"webhookdelivery:{view}", args=[delivery.pk]))
        assert response.status_code in (302, 403)
    assert WebhookDelivery.objects.get().body == delivery.body


def test_editors_see_neither_endpoints_nor_deliveries(client, django_user_model):
    client.force_login(editor(django_user_model))
    endpoint = WebhookEndpoint.objects.create(name="Site", url="https://front.example.com/h")

    assert "Webhooks" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in (
        reverse("webhookendpoint:index"),
        reverse("webhookendpoint:edit", args=[endpoint.pk]),
        reverse("webhookdelivery:index"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert endpoint.secret not in response.content.decode()
