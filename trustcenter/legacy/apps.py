from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """What only this site needs from its legacy static Trust Center: the FAQ importer
    (``import_legacy_faq``) and the redirects from the legacy addresses. No models."""

    name = "trustcenter.legacy"
    label = "trustcenter_legacy"
    verbose_name = _("Legacy site")
