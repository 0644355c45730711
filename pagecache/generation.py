"""One number, kept in the shared cache, that every published change increases.

Each cached page is stored under the generation it was rendered in. A publish, unpublish, move,
delete or translation publish increases the generation, so on every app server the very next
request misses the cache and renders fresh. Cheaper than tracking which page shows what: a title
change also changes every link to that page, every listing and every language switcher.
"""

from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "pagecache:generation"


def page_cache():
    from django.conf import settings

    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def _increase():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set, or evicted: any new number invalidates what was stored
        cache.add(GENERATION_KEY, 1, timeout=None)
        cache.incr(GENERATION_KEY)


def bump_generation():
    """Invalidate every cached page now, and again when the change is committed.

    Now, so the change's own transaction never reads an old page; on commit, because a visitor
    rendering between now and the commit would cache the old content under the new number.
    """
    _increase()
    transaction.on_commit(_increase)
