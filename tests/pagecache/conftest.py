import os
import shutil
import signal
import socket
import subprocess
import time

from django.test import Client

import pytest


@pytest.fixture
def editor(admin_user):
    """A logged-in editor's browser, next to the anonymous visitor's ``client``."""
    browser = Client()
    browser.force_login(admin_user)
    return browser


# A Redis database per pytest-xdist worker (gw0 → 15, gw1 → 14...): a test may flush its own.
WORKER_NUMBER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
REDIS_URL = f"redis://127.0.0.1:6379/{15 - WORKER_NUMBER}"
REDIS_KEY_PREFIX = "trustcenter-tests"


def redis_settings(url):
    """The cache as production configures it (trustcenter/settings/production.py)."""
    return {
        "default": {
            "BACKEND": "trustcenter.pagecache.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": REDIS_KEY_PREFIX,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "retry_after": 5},
        }
    }


@pytest.fixture
def redis_cache(settings):
    """The page cache in the machine's Redis (a database of its own, keys of our own)."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379 (CI starts one)")
    settings.CACHES = redis_settings(REDIS_URL)
    forget_test_keys(client)
    yield client
    forget_test_keys(client)


def forget_test_keys(client):
    """Only this suite's keys: the Redis database may be shared."""
    for key in client.scan_iter(f"{REDIS_KEY_PREFIX}:*"):
        client.delete(key)


class OwnRedis:
    """A Redis server of the test's own, which it may stop, freeze and reconfigure."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self, *arguments):
        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", *arguments],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(50):
            try:
                client.ping()
                return client
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait()
            self.process = None


@pytest.fixture
def own_redis(settings):
    """The page cache in a Redis of the test's own; not yet started."""
    if shutil.which("redis-server") is None:
        pytest.skip("no redis-server (CI installs one)")
    server = OwnRedis()
    settings.CACHES = redis_settings(server.url)
    yield server
    server.stop()
    from trustcenter.pagecache import redis_cache

    redis_cache._resting_until.clear()
