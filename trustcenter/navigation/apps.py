from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NavigationConfig(AppConfig):
    name = "trustcenter.navigation"
    label = "navigation"
    verbose_name = _("Header and footer")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from trustcenter.pagecache.signals import invalidate_pages

        from .models import HeaderFooter

        # Publishing and unpublishing already start a new generation (any snippet's signals);
        # a deleted header and footer must disappear from cached pages too.
        post_delete.connect(invalidate_pages, sender=HeaderFooter, dispatch_uid="navigation-delete")
