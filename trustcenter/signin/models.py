from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import APIToken


class APITokenValidity(models.Model):
    """What a Wagtail API token is valid for beyond Wagtail's own rules: until when, and for
    which password of its user (README "Sign-in")."""

    token = models.OneToOneField(
        APIToken, on_delete=models.CASCADE, primary_key=True, related_name="validity"
    )
    expires_at = models.DateTimeField(_("expires at"))
    password_fingerprint = models.CharField(
        max_length=64,
        editable=False,
        help_text=_("A keyed digest of the user's password hash when the token was issued."),
    )

    class Meta:
        verbose_name = _("API token validity")
        verbose_name_plural = _("API token validities")

    def __str__(self):
        return f"{self.token} until {self.expires_at:%Y-%m-%d}"
