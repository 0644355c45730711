from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import WebhookDelivery, WebhookEndpoint
from .permissions import DeliveryLogPolicy

register_permission_policy(WebhookDelivery, DeliveryLogPolicy(WebhookDelivery))


class WebhookEndpointViewSet(ModelViewSet):
    """Endpoints, for administrators (their model permissions are given to no role)."""

    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Endpoints")
    list_display = ["name", "url", "is_active"]
    list_filter = ["is_active"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("is_active"),
        FieldPanel("events"),
    ]


class WebhookDeliveryViewSet(ModelViewSet):
    """The delivery log, read only; the body and error of one delivery on its inspect page."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Deliveries")
    list_display = [
        "__str__",
        "page_id",
        "status",
        "status_code",
        "attempts",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "endpoint",
        "event",
        "page_id",
        "status",
        "status_code",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "delivered_at",
        "body",
    ]
    copy_view_enabled = False
    form_fields = []  # never edited: DeliveryLogPolicy refuses every change


class WebhooksViewSetGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    add_to_admin_menu = True
    menu_order = 800
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksViewSetGroup()
