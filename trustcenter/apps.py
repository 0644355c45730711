import warnings

from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class TrustCenterConfig(AppConfig):
    name = "trustcenter"
    verbose_name = _("Trust Center")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from bs4 import MarkupResemblesLocatorWarning

        from .content_security import check_media_origin_allowed
        from .site_setup import ensure_bilingual_site_after_migrate
        from .translation.rules import refuse_page_in_another_languages_tree

        # After every app's own post_migrate work (content types, permissions), not before.
        post_migrate.connect(ensure_bilingual_site_after_migrate)
        checks.register(check_media_origin_allowed, checks.Tags.security)
        pre_save.connect(refuse_page_in_another_languages_tree)
        # wagtail-localize parses every string it translates as HTML, a menu link's URL too,
        # and Beautiful Soup warns that the "markup" looks like a URL: noise in every import
        # and sync, on the console and in the logs.
        warnings.filterwarnings(
            "ignore", category=MarkupResemblesLocatorWarning, module=r"wagtail_localize\."
        )
