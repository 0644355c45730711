from django.apps import AppConfig
from django.db.models.signals import post_save


class FAQConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models import FAQPage
        from .search import index_saved_page

        post_save.connect(index_saved_page, sender=FAQPage)
