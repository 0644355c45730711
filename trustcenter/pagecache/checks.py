"""Warn about a Redis configured so that the page cache stops working when memory fills up."""

from django.conf import settings
from django.core import checks
from django.core.cache import caches

from redis.exceptions import RedisError

from .redis_cache import RedisCache

# Policies under which a full Redis refuses new entries instead of dropping old ones.
_REFUSING_POLICIES = {"noeviction"}


@checks.register("caches")
def check_redis_eviction(**kwargs):
    warnings = []
    for alias in settings.CACHES:
        cache = caches[alias]
        if not isinstance(cache, RedisCache):
            continue
        try:
            client = cache._cache.get_client(write=True)
            policy = client.config_get("maxmemory-policy").get("maxmemory-policy")
            maxmemory = int(client.config_get("maxmemory").get("maxmemory", 0))
        except RedisError as error:  # down, or CONFIG disabled as managed services do
            warnings.append(
                checks.Warning(
                    f"Could not read the eviction policy of cache '{alias}' at "
                    f"{cache._cache._server_names}: {error}.",
                    hint="The site serves uncached while Redis is unreachable; README: "
                    "'Caching and CDN' says how Redis must be configured.",
                    id="pagecache.W002",
                )
            )
            continue
        if policy in _REFUSING_POLICIES or not maxmemory:
            warnings.append(
                checks.Warning(
                    f"Cache '{alias}' runs Redis with maxmemory={maxmemory} and "
                    f"maxmemory-policy={policy}: once it is full, no page is cached any more "
                    "(or Redis takes all the memory of its machine).",
                    hint="Set maxmemory and maxmemory-policy allkeys-lru (README: 'Caching and "
                    "CDN'), or give the cache a Redis of its own.",
                    id="pagecache.W001",
                )
            )
    return warnings
