from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    name = "trustcenter.pagecache"
    verbose_name = "Full-page cache"

    def ready(self):
        from . import signals
        from .database_cache import create_cache_tables

        signals.connect()
        # Django sends post_migrate only for apps with models, and this one has none: hang the
        # cache table on contenttypes, which every Wagtail site migrates.
        post_migrate.connect(create_cache_tables, sender=apps.get_app_config("contenttypes"))
