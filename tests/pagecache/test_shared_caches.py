"""The cache production uses: Redis when REDIS_URL is set, else Django's database cache."""

from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

import pytest

from tests.factories import make_faq_page
from tests.pagecache.conftest import REDIS_KEY_PREFIX
from tests.translations import translate_fully
from trustcenter.pagecache.generation import current_generation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_redis_serves_every_app_server_and_a_publish_refreshes_it(client, redis_cache, language):
    page = make_faq_page(questions=1)
    translate_fully(page)
    path = f"/{language}/faq/"
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    # Another app server is another process: what it sees is what Redis holds.
    generation = current_generation()
    assert len(redis_cache.keys(f"{REDIS_KEY_PREFIX}:1:pagecache:page:{generation}:*")) == 1

    if language == "en":
        page.hero_title = expected = "Published on another server"
        page.save_revision().publish()
    else:
        translate_fully(page, strings={"Question 1?": (expected := "问题一？")})
    assert current_generation() != generation
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
