from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "trustcenter.pagecache"
    label = "pagecache"
    verbose_name = _("Full-page cache")

    def ready(self):
        from . import checks, signals  # noqa: F401 (checks registers itself)
        from .database_cache import create_cache_tables

        signals.connect()
        post_migrate.connect(create_cache_tables, sender=self)
