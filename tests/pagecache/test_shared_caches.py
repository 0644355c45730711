"""The cache production uses: Redis when REDIS_URL is set, else Django's database cache."""

from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

import pytest

from tests.factories import make_faq_page
from tests.translations import translate_fully
from trustcenter.pagecache.generation import GENERATION_KEY

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/15"
KEY_PREFIX = "trustcenter-tests"


def redis_client():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379 (CI starts one)")
    return client


@pytest.fixture
def redis_cache(settings):
    client = redis_client()
    settings.CACHES = {
        "default": {
            "BACKEND": "trustcenter.pagecache.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": KEY_PREFIX,
        }
    }
    forget_test_keys(client)
    yield client
    forget_test_keys(client)


def forget_test_keys(client):
    """Only this suite's keys: the Redis database may be shared."""
    for key in client.scan_iter(f"{KEY_PREFIX}:*"):
        client.delete(key)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_redis_serves_every_app_server_and_a_publish_refreshes_it(client, redis_cache, language):
    page = make_faq_page(questions=1)
    translate_fully(page)
    path = f"/{language}/faq/"
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    # Another app server is another process: what it sees is what Redis holds.
    generation_key = f"{KEY_PREFIX}:1:{GENERATION_KEY}".encode()
    generation = int(redis_cache.get(generation_key))
    assert len(redis_cache.keys(f"{KEY_PREFIX}:1:pagecache:page:*")) == 1

    if language == "en":
        page.hero_title = expected = "Published on another server"
        page.save_revision().publish()
    else:
        translate_fully(page, strings={"Question 1?": (expected := "问题一？")})
    assert int(redis_cache.get(generation_key)) > generation
    response = client.get(path)
    assert response["X-Page-Cache"] == "miss"
    assert expected in response.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_database_cache_is_created_by_migrate_and_serves_pages(client, settings, language):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "pagecache_test_cache",
        }
    }
    # What `migrate` sends at its end, on a database without the table.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert "pagecache_test_cache" in connection.introspection.table_names()
    page = make_faq_page(questions=1)
    translate_fully(page)
    path = f"/{language}/faq/"
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    page.save_revision().publish()
    assert client.get(path)["X-Page-Cache"] == "miss"
    call_command("createcachetable", verbosity=0)  # idempotent, as every deploy runs it


def test_redis_cache_reuses_one_client_per_connection_pool(redis_cache):
    # Django builds a redis-py client per operation; ours keeps one (a cached page's hit is
    # one cache operation, and building the client was a quarter of its cost).
    from django.core.cache import cache

    cache.set("reused", "value")
    assert cache.get("reused") == "value"
    assert cache._cache.get_client() is cache._cache.get_client()
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=True)
