"""One number, kept in the shared cache, that every published change increases.

Each cached page is stored under the generation it was rendered in. A publish, unpublish, move,
delete or translation publish increases the generation, so on every app server the very next
request misses the cache and renders fresh. Cheaper than tracking which page shows what: a title
change also changes every link to that page, every listing and every language switcher.
"""

import contextlib
import contextvars

from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "pagecache:generation"

# A reading request's generation, read once, and what it looked up under it (see ``reading``).
_reading = contextvars.ContextVar("pagecache_reading", default=None)


def page_cache():
    from django.conf import settings

    return caches[settings.PAGE_CACHE_ALIAS]


@contextlib.contextmanager
def reading(generation=None):
    """Within a GET request: one generation throughout, and each cached value fetched once.

    A visitor's request changes nothing, so it may keep the generation it began with; values
    looked up again (a page's homes, asked for by its header, title and switcher) come from
    memory instead of another cache round trip.
    """
    if _reading.get() is not None:
        yield
        return
    token = _reading.set((generation or current_generation(), {}))
    try:
        yield
    finally:
        _reading.reset(token)


def looked_up():
    """This reading request's values by key, or None outside one."""
    state = _reading.get()
    return state[1] if state else None


def current_generation():
    state = _reading.get()
    if state is not None:
        return state[0]
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
