from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaticExportConfig(AppConfig):
    name = "trustcenter.static_export"
    label = "static_export"
    verbose_name = _("Static export")
