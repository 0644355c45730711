from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NavigationConfig(AppConfig):
    name = "trustcenter.navigation"
    label = "navigation"
    verbose_name = _("Header and footer")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from trustcenter.pagecache.signals import invalidate_pages

        from .models import HeaderFooter

        # Publishing already starts a new generation (any snippet's). Saved or deleted outside
        # publishing matters too: a sync without publishing makes a translation not live.
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_pages, sender=HeaderFooter, dispatch_uid=f"navigation-{signal}"
            )
