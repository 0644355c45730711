"""Rate limits: per-client limits on anonymous reads, token use and bad tokens, answered 429
with Retry-After; counted in the cache, and lifted, never fatal, while the cache is down."""

import time
from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured
from django.test import Client

import django_ratelimit.core
import pytest

from tests.pagecache.conftest import own_redis  # noqa: F401
from trustcenter.api.rate_limits import APIRateLimitMiddleware

pytestmark = pytest.mark.django_db

BAD_TOKEN = {"HTTP_AUTHORIZATION": "Bearer wagtail_not-a-token"}


@pytest.fixture(autouse=True)
def windows_stand_still(monkeypatch):
    """django-ratelimit counts in fixed windows (a minute here): a test whose requests straddle
    a window's end would see the count start again. Its clock stands still in these tests."""
    moment = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: moment))


def refused(response):
    assert response.status_code == 429, response.content
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= 60
    assert "no-store" in response["Cache-Control"]
    return retry_after


def test_anonymous_reads_are_limited_per_client_address(settings, faq_pair):
    settings.API_RATE_LIMIT_ANON = "3/m"
    visitor, neighbour = Client(REMOTE_ADDR="203.0.113.1"), Client(REMOTE_ADDR="203.0.113.2")
    answers = [visitor.get("/api/v3/pages/") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert answers[-1]["X-Page-Cache"] == "hit"  # a cached answer counts too

    over = visitor.get("/api/v3/pages/")
    retry_after = refused(over)
    assert over.json()["status"] == 429  # v3's problem details
    assert f"Try again in {retry_after} seconds" in over.json()["detail"]
    v2 = visitor.get("/api/v2/pages/")
    refused(v2)
    assert "Try again in" in v2.json()["message"]  # v2's error shape

    assert neighbour.get("/api/v3/pages/").status_code == 200
    assert visitor.get("/en/faq/").status_code == 200  # the site itself is not limited


def test_a_token_is_limited_on_its_own(settings, api, faq_pair, editor_auth, reader_auth):
    settings.API_RATE_LIMIT_TOKEN = "2/m"
    settings.API_RATE_LIMIT_BAD_TOKEN = "1/m"  # a good token never counts as a bad one
    english, _ = faq_pair
    url = f"/api/v3/pages/{english.pk}/"
    assert [api("get", url, **editor_auth).status_code for _ in range(2)] == [200, 200]
    refused(api("get", url, **editor_auth))
    refused(api("patch", url, {"hero_title": "Refused"}, **editor_auth))

    assert api("get", "/api/v3/pages/", **reader_auth).status_code == 200  # another token
    assert api("get", url).status_code == 200  # anonymous reads have their own limit


def test_a_made_up_token_is_no_way_around_the_anonymous_limit(settings, api, faq_pair):
    settings.API_RATE_LIMIT_ANON = "2/m"
    settings.API_RATE_LIMIT_BAD_TOKEN = "2/m"
    for attempt in range(2):
        headers = {"HTTP_AUTHORIZATION": f"Bearer wagtail_made-up{attempt}"}
        assert api("get", "/api/v2/pages/", **headers).status_code == 200
    refused(api("get", "/api/v2/pages/", HTTP_AUTHORIZATION="Bearer wagtail_made-up2"))
    # v3 serves a public read with a token that does not authenticate as anonymous: counted bad.
    for attempt in range(2):
        headers = {"HTTP_AUTHORIZATION": f"Bearer wagtail_made-up{attempt}"}
        assert api("get", "/api/v3/pages/", **headers).status_code == 200
    refused(api("get", "/api/v3/pages/", HTTP_AUTHORIZATION="Bearer wagtail_made-up2"))


def test_bad_tokens_lock_their_address_out_of_every_token(settings, api, faq_pair, editor_auth):
    settings.API_RATE_LIMIT_BAD_TOKEN = "3/m"
    english, _ = faq_pair
    url = f"/api/v3/pages/{english.pk}/"
    for attempt in range(3):
        headers = {"HTTP_AUTHORIZATION": f"Bearer wagtail_guess{attempt}"}
        assert api("patch", url, {"hero_title": "Guessed"}, **headers).status_code == 401
    refused(api("get", "/api/v3/pages/", **BAD_TOKEN))
    # Once out of guesses, a right token from there is refused too, without being looked at.
    refused(api("get", "/api/v3/pages/", **editor_auth))
    # Reading without a token still works; another address still may try.
    assert api("get", "/api/v3/pages/").status_code == 200
    elsewhere = api(
        "patch", url, {"hero_title": "Guessed"}, REMOTE_ADDR="198.51.100.7", **BAD_TOKEN
    )
    assert elsewhere.status_code == 401


def test_the_client_address_is_the_proxy_header_only_behind_a_configured_proxy(settings, faq_pair):
    settings.API_RATE_LIMIT_ANON = "1/m"
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    # No proxy configured: X-Forwarded-For is the client's to forge, and is not believed.
    assert proxy.get("/api/v3/pages/", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 200
    refused(proxy.get("/api/v3/pages/", HTTP_X_FORWARDED_FOR="203.0.113.2"))

    settings.SIGNIN_PROXY_COUNT = 1
    assert proxy.get("/api/v3/pages/", HTTP_X_FORWARDED_FOR="203.0.113.3").status_code == 200
    assert proxy.get("/api/v3/pages/", HTTP_X_FORWARDED_FOR="203.0.113.4").status_code == 200
    refused(proxy.get("/api/v3/pages/", HTTP_X_FORWARDED_FOR="203.0.113.4"))


def test_an_ipv6_client_counts_per_64_bit_network(settings, faq_pair):
    settings.API_RATE_LIMIT_ANON = "1/m"
    assert Client(REMOTE_ADDR="2001:db8::1").get("/api/v3/pages/").status_code == 200
    refused(Client(REMOTE_ADDR="2001:db8::2").get("/api/v3/pages/"))
    assert Client(REMOTE_ADDR="2001:db8:0:1::1").get("/api/v3/pages/").status_code == 200


def test_a_front_end_on_an_allowed_origin_can_read_retry_after(settings, faq_pair):
    settings.API_RATE_LIMIT_ANON = "1/m"
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    client = Client(HTTP_ORIGIN="https://front.example")
    client.get("/api/v3/pages/")
    over = client.get("/api/v3/pages/")
    refused(over)
    assert over["Access-Control-Allow-Origin"] == "https://front.example"
    assert "Retry-After" in over["Access-Control-Expose-Headers"]


def test_the_limits_hold_in_redis_and_are_lifted_while_it_is_down(
    settings,
    own_redis,  # noqa: F811 (the fixture imported above)
):
    # No pages made before Redis starts: a publish would find it down, and leave it alone a while.
    settings.API_RATE_LIMIT_ANON = "2/m"
    settings.API_RATE_LIMIT_BAD_TOKEN = "1/m"
    own_redis.start()
    client = Client()
    assert [client.get("/api/v3/pages/").status_code for _ in range(2)] == [200, 200]
    refused(client.get("/api/v3/pages/"))

    own_redis.stop()
    answers = [client.get("/api/v3/pages/").status_code for _ in range(5)]
    assert answers == [200] * 5
    # Served as anonymous (a public read), and neither counted nor refused.
    bad = [client.get("/api/v3/pages/", **BAD_TOKEN).status_code for _ in range(3)]
    assert bad == [200] * 3


@pytest.mark.parametrize("rate", ["300", "many/m", "300/week", "300/mango"])
def test_a_rate_that_is_no_rate_stops_the_site_from_starting(settings, rate):
    settings.API_RATE_LIMIT_TOKEN = rate
    with pytest.raises(ImproperlyConfigured, match="API_RATE_LIMIT_TOKEN must be a rate"):
        APIRateLimitMiddleware(lambda request: None)
