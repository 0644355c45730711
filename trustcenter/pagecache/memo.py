"""Remember what every page's frame shows (language links, breadcrumbs) until the next change.

The lookups behind a page's header, switcher and breadcrumb cost a query each on every render,
and their answers change only when something is published, moved or deleted: exactly what
starts a new generation. Kept in the shared cache, so every app server reuses them.
"""

from django.conf import settings

from .generation import current_generation, looked_up, page_cache

_MISSING = object()


def remember(name, *key_parts, compute):
    """``compute()``, or its result from earlier in this generation (any app server's)."""
    if not settings.PAGE_DATA_CACHE_ENABLED:
        return compute()
    key = ":".join(["pagecache:memo", str(current_generation()), name, *map(str, key_parts)])
    in_request = looked_up()
    if in_request is not None and key in in_request:
        return in_request[key]
    cache = page_cache()
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    if in_request is not None:
        in_request[key] = value
    return value
