from django.apps import AppConfig, apps
from django.core import checks
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class FAQConfig(AppConfig):
    name = "faq"
    verbose_name = _("FAQ")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_save

        from wagtail.models import Revision

        from . import upstream
        from .models import FAQPage
        from .patching import check_patches
        from .search import index_saved_page
        from .translation.publishing import (
            hold_back_untranslated_items,
            refuse_publishing_source_text,
            refuse_scheduling_source_text,
        )
        from .validation import refuse_scheduling_new_repeats

        upstream.install()
        checks.register(check_patches)

        pre_save.connect(hold_back_untranslated_items, sender=FAQPage)
        # After the hold-back: what it holds back may stay in the source language.
        pre_save.connect(refuse_publishing_source_text, sender=FAQPage)
        pre_save.connect(refuse_scheduling_source_text, sender=Revision)
        pre_save.connect(refuse_scheduling_new_repeats, sender=Revision)
        post_save.connect(index_saved_page, sender=FAQPage)

        if apps.is_installed("wagtail.api.v3"):
            from .api import register_v3_schemas

            register_v3_schemas(FAQPage)
