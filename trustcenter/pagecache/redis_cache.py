"""Django's Redis cache, made an accelerator that fails open, and with one client per pool.

When Redis is down, frozen or full, every cache call would raise and every page would answer
500. Here a failed call logs once, answers as a miss (or as "not stored"), and Redis is left
alone for ``RETRY_AFTER`` seconds, so a frozen server costs one socket timeout per process
rather than one per call. Short timeouts are the settings' job (``socket_timeout``,
``socket_connect_timeout`` in ``OPTIONS``).

Django 5.2 also builds a new ``redis.Redis`` for every cache operation, and its constructor
registers ~170 response callbacks: a quarter of the time a worker takes to serve a cached page.
The client only wraps the connection pool, which Django already keeps for the process, so
reusing it changes nothing else.
"""

import functools
import logging
import time

from django.core.cache.backends import redis

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Per server list and process: when each Redis may be tried again.
_resting_until = {}


def _fails_open(answer_when_down):
    """Run the cache call, or give ``answer_when_down(*args)`` when Redis fails or is resting."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args):
            if time.monotonic() < _resting_until.get(self._server_names, 0):
                return answer_when_down(*args)
            try:
                return method(self, *args)
            except RedisError as error:
                _resting_until[self._server_names] = time.monotonic() + self._retry_after
                logger.warning(
                    "Cache at %s failed (%s: %s); serving without it for %s s",
                    self._server_names,
                    type(error).__name__,
                    error,
                    self._retry_after,
                )
                return answer_when_down(*args)

        return call

    return decorate


def _missing_key(key, delta):
    raise ValueError(f"Key '{key}' not found (the cache is unavailable)")


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, servers, *, retry_after=5, **options):
        super().__init__(servers, **options)
        self._server_names = ", ".join(servers)
        self._retry_after = retry_after
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            pool = self._get_connection_pool(write)
            self._clients[index] = self._client(connection_pool=pool)
        return self._clients[index]

    add = _fails_open(lambda key, value, timeout: False)(redis.RedisCacheClient.add)
    get = _fails_open(lambda key, default: default)(redis.RedisCacheClient.get)
    set = _fails_open(lambda key, value, timeout: None)(redis.RedisCacheClient.set)
    touch = _fails_open(lambda key, timeout: False)(redis.RedisCacheClient.touch)
    delete = _fails_open(lambda key: False)(redis.RedisCacheClient.delete)
    get_many = _fails_open(lambda keys: {})(redis.RedisCacheClient.get_many)
    has_key = _fails_open(lambda key: False)(redis.RedisCacheClient.has_key)
    incr = _fails_open(_missing_key)(redis.RedisCacheClient.incr)
    set_many = _fails_open(lambda data, timeout: list(data))(redis.RedisCacheClient.set_many)
    delete_many = _fails_open(lambda keys: None)(redis.RedisCacheClient.delete_many)
    clear = _fails_open(lambda: False)(redis.RedisCacheClient.clear)


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
