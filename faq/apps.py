from django.apps import AppConfig, apps
from django.db.models.signals import post_save


class FAQConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_save

        from .localization import hold_back_untranslated_items
        from .models import FAQPage
        from .search import index_saved_page

        pre_save.connect(hold_back_untranslated_items, sender=FAQPage)
        post_save.connect(index_saved_page, sender=FAQPage)

        if apps.is_installed("wagtail.api.v3"):
            from .api import register_v3_schemas

            register_v3_schemas(FAQPage)
