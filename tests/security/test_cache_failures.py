"""Redis is an accelerator: when it fails, pages are served uncached, never an error or stale."""

import io
import logging

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

import pytest

from tests.factories import make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db

VISITOR_PATHS = [
    "/en/faq/",
    "/zh-hans/faq/",
    "/en/search/?q=question",
    "/api/v2/pages/?type=faq.FAQPage&fields=faqs",
    "/api/v3/pages/",
    "/sitemap.xml",
]


@pytest.fixture
def pages():
    english = make_faq_page(questions=1)
    return {"en": english, "zh-hans": translate_fully(english)}


@pytest.mark.parametrize("trouble", ["stopped", "frozen"])
def test_pages_search_and_apis_answer_while_redis_is_stopped_or_frozen(
    client, own_redis, pages, caplog, trouble
):
    own_redis.start()
    assert client.get("/en/faq/")["X-Page-Cache"] == "miss"
    own_redis.stop() if trouble == "stopped" else own_redis.freeze()

    with caplog.at_level(logging.WARNING, logger="trustcenter.pagecache.redis_cache"):
        for path in VISITOR_PATHS:
            response = client.get(path)
            assert response.status_code == 200, path
            assert response.get("X-Page-Cache") != "hit"
        english = client.get("/en/faq/").content.decode()
    assert "Question 1?" in english
    # Logged once, then Redis is left alone for a while instead of being waited for each time.
    failures = [record for record in caplog.records if "serving without it" in record.message]
    assert len(failures) == 1


def test_publishing_works_while_redis_is_down_and_the_next_visitor_reads_it(
    client, own_redis, pages
):
    own_redis.start()
    assert client.get("/en/faq/")["X-Page-Cache"] == "miss"
    own_redis.stop()
    pages["en"].hero_title = "Published while the cache was down"
    pages["en"].save_revision().publish()
    own_redis.start()  # back, and empty
    assert "Published while the cache was down" in client.get("/en/faq/").content.decode()


def test_redis_restored_from_a_snapshot_taken_before_a_publish_serves_nothing_old(
    client, redis_cache, pages
):
    assert client.get("/en/faq/")["X-Page-Cache"] == "miss"
    assert client.get("/en/faq/")["X-Page-Cache"] == "hit"
    snapshot = {key: redis_cache.dump(key) for key in redis_cache.scan_iter("trustcenter-tests:*")}

    pages["en"].hero_title = "After the snapshot"
    pages["en"].save_revision().publish()
    assert "After the snapshot" in client.get("/en/faq/").content.decode()

    # The operator restores the old snapshot (and with it every key the cache kept, whatever
    # it counted generations with): nothing in it is served as current.
    redis_cache.flushdb()
    for key, value in snapshot.items():
        redis_cache.restore(key, 0, value, replace=True)
    response = client.get("/en/faq/")
    assert response["X-Page-Cache"] == "miss"
    assert "After the snapshot" in response.content.decode()


def test_a_publish_that_rolls_back_leaves_the_cached_page_current(client, pages):
    assert client.get("/en/faq/")["X-Page-Cache"] == "miss"
    with pytest.raises(RuntimeError), transaction.atomic():
        pages["en"].hero_title = "Never committed"
        pages["en"].save_revision().publish()
        raise RuntimeError("the database failed before the commit")
    response = client.get("/en/faq/")
    assert response["X-Page-Cache"] == "hit"
    assert "Never committed" not in response.content.decode()


def test_a_cache_emptied_by_an_operator_only_costs_a_render(client, pages):
    assert client.get("/zh-hans/faq/")["X-Page-Cache"] == "miss"
    cache.clear()
    assert client.get("/zh-hans/faq/")["X-Page-Cache"] == "miss"
    assert client.get("/zh-hans/faq/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "configuration, warned",
    [
        (["--maxmemory", "64mb", "--maxmemory-policy", "noeviction"], True),
        ([], True),  # no maxmemory: the cache grows until the machine runs out
        (["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"], False),
    ],
)
def test_check_warns_of_a_redis_that_fills_up(own_redis, configuration, warned):
    own_redis.start(*configuration)
    errors = io.StringIO()
    call_command("check", tags=["caches"], stderr=errors, stdout=io.StringIO())
    assert ("pagecache.W001" in errors.getvalue()) is warned, errors.getvalue()


def test_check_says_when_redis_cannot_be_reached(own_redis):
    errors = io.StringIO()
    call_command("check", tags=["caches"], stderr=errors, stdout=io.StringIO())
    assert "pagecache.W002" in errors.getvalue()
    assert own_redis.url in errors.getvalue()
