from django.conf import settings
from django.core.management import call_command


def create_cache_tables(using="default", **kwargs):
    """`migrate` also creates the table of Django's database cache, when that is the cache."""
    if any(
        cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        for cache in settings.CACHES.values()
    ):
        call_command("createcachetable", database=using, verbosity=0)
