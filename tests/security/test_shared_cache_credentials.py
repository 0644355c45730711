"""What a credential produced is never shared, through the page cache or a CDN (issue 11.1)."""

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db

CHANGED = "A draft only editors may read"


@pytest.fixture
def draft(faq_pair):
    """The English FAQ page with an unpublished change."""
    english, _ = faq_pair
    english.hero_title = CHANGED
    english.save_revision()
    return english


def assert_never_shared(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives
    assert {"Authorization", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}
    assert "X-Page-Cache" not in response


def test_a_draft_read_with_a_token_is_never_served_to_anonymous_readers(api, editor_auth, draft):
    url = f"/api/v3/pages/{draft.pk}/?version=draft"
    with_token = api("get", url, **editor_auth)
    assert CHANGED in with_token.content.decode()
    assert_never_shared(with_token)

    anonymous = api("get", url)
    assert anonymous.status_code == 200
    assert CHANGED not in anonymous.content.decode()
    assert anonymous["X-Page-Cache"] == "miss"


def test_a_token_is_never_answered_from_what_anonymous_readers_cached(api, editor_auth, draft):
    url = f"/api/v3/pages/{draft.pk}/?version=draft"
    assert api("get", url)["X-Page-Cache"] == "miss"
    assert api("get", url)["X-Page-Cache"] == "hit"
    with_token = api("get", url, **editor_auth)
    assert CHANGED in with_token.content.decode()
    assert_never_shared(with_token)


def test_whoami_never_tells_anonymous_readers_who_asked_before(api, editor_auth):
    assert api("get", "/api/v3/whoami/", **editor_auth).status_code == 200
    anonymous = api("get", "/api/v3/whoami/")
    assert "editor" not in anonymous.content.decode()
    assert anonymous.get("X-Page-Cache") != "hit"


@pytest.mark.parametrize(
    "cookies",
    [{"sessionid": "anything"}, {"wagtail-preview-1": "x"}, {"some-login": "1"}],
    ids=["session", "preview", "other"],
)
def test_a_request_with_a_cookie_that_may_identify_it_bypasses_the_cache(faq_pair, cookies):
    visitor = Client()
    visitor.get("/en/faq/")
    assert visitor.get("/en/faq/")["X-Page-Cache"] == "hit"
    identified = Client()
    identified.cookies.load(cookies)
    assert_never_shared(identified.get("/en/faq/"))


def test_the_language_and_csrf_cookies_alone_still_get_cached_pages(faq_pair, settings):
    Client().get("/en/faq/")
    visitor = Client()
    visitor.cookies.load({settings.LANGUAGE_COOKIE_NAME: "zh-hans", settings.CSRF_COOKIE_NAME: "x"})
    assert visitor.get("/en/faq/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("path", ["/en/faq/", "/api/v2/pages/", "/api/v3/pages/"])
def test_shared_responses_vary_on_authorization(faq_pair, path):
    # A CDN that honours Vary never answers a token holder with an anonymous response.
    response = Client().get(path)
    assert response["X-Page-Cache"] == "miss" and "public" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
