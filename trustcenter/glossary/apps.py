from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "trustcenter.glossary"
    label = "trustcenter_glossary"
    verbose_name = _("Glossary")
    default_auto_field = "django.db.models.BigAutoField"
