"""The generation of cached pages: a token in the database that every published change replaces.

Each cached page, route and frame lookup is stored under the token current when it was rendered.
A publish, unpublish, move, delete or translation publish replaces the token in its own
transaction, so on every app server the first request after the commit misses the cache and
renders fresh. Cheaper than tracking which page shows what: a title change also changes every
link to that page, every listing and every language switcher.
"""

import contextlib
import contextvars
import secrets

from django.core.cache import caches

from .models import Generation

SINGLETON_ID = 1

# A reading request's generation, read once, and what it looked up under it (see ``reading``).
_reading = contextvars.ContextVar("pagecache_reading", default=None)


def page_cache():
    from django.conf import settings

    return caches[settings.PAGE_CACHE_ALIAS]


@contextlib.contextmanager
def reading():
    """Within a GET request: one generation throughout, and each cached value fetched once.

    A visitor's request changes nothing, so it may keep the generation it began with; values
    looked up again (a page's homes, asked for by its header, title and switcher) come from
    memory instead of another cache round trip.
    """
    if _reading.get() is not None:
        yield
        return
    token = _reading.set((current_generation(), {}))
    try:
        yield
    finally:
        _reading.reset(token)


def looked_up():
    """This reading request's values by key, or None outside one."""
    state = _reading.get()
    return state[1] if state else None


def current_generation():
    """The committed token (one primary-key query), or this reading request's."""
    state = _reading.get()
    if state is not None:
        return state[0]
    token = Generation.objects.filter(pk=SINGLETON_ID).values_list("token", flat=True).first()
    if token is None:  # a database migrated before the row was created, or emptied by a test
        token = Generation.objects.get_or_create(
            pk=SINGLETON_ID, defaults={"token": secrets.token_hex(16)}
        )[0].token
    return token


def bump_generation():
    """Make every cached page stale once the change that calls this is committed.

    The new token is written in the change's transaction: others keep reading the old one (and
    the old, still-true pages) until the commit, and a rollback keeps it. Writers take the row
    lock in turn, so two publishes never interleave.
    """
    updated = Generation.objects.filter(pk=SINGLETON_ID).update(token=secrets.token_hex(16))
    if not updated:
        Generation.objects.get_or_create(pk=SINGLETON_ID, defaults={"token": secrets.token_hex(16)})
