from django.apps import AppConfig, apps


class FAQConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        if apps.is_installed("wagtail.api.v3"):
            from .api import register_v3_schemas
            from .models import FAQPage

            register_v3_schemas(FAQPage)
