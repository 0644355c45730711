import secrets

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    PUBLISHED = "page.published", _("Page published")
    UNPUBLISHED = "page.unpublished", _("Page unpublished")
    MOVED = "page.moved", _("Page moved")
    DELETED = "page.deleted", _("Page deleted")


class EventsField(models.JSONField):
    """A list of ``Event`` values, edited as checkboxes (a JSON list keeps the table portable
    across SQLite and PostgreSQL)."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Event.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


def all_events():
    return list(Event.values)


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """Where a front end wants to hear about page changes."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"), max_length=500, help_text=_("The address each event is POSTed to.")
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Signs every delivery (the X-TrustCenter-Signature header); give it to the "
            "receiver, and nobody else."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    events = EventsField(
        _("events"),
        default=all_events,
        blank=True,
        help_text=_("The page changes sent to this endpoint."),
    )

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WebhookDelivery(models.Model):
    """One event for one endpoint: the exact body sent, and how sending it went."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Failed, will retry")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed, gave up")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=32, choices=Event.choices)
    page_id = models.PositiveIntegerField(_("page id"))  # not a key: the page may be deleted
    body = models.TextField(_("body"), help_text=_("The JSON sent, byte for byte."))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"
