"""API errors are JSON with a clear message and the right status: never a 500, a redirect
or the site's HTML page, whatever the client's language."""

import json

from django.test import Client

from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import role, user_with_token
from tests.factories import home, make_faq_page

pytestmark = pytest.mark.django_db

V2_PROBLEMS = [
    ("/api/v2/pages/?limit=abc", 400, "limit must be a positive integer"),
    ("/api/v2/pages/?limit=1000", 400, "limit cannot be higher than 100"),
    ("/api/v2/pages/?locale=fr", 400, "locale must be one of en, zh-hans; got 'fr'."),
    ("/api/v2/pages/?translation_of=99999", 400, "translation_of page doesn't exist"),
    ("/api/v2/pages/?type=faq.Nope", 400, "type doesn't exist"),
    ("/api/v2/pages/?search=%00", 400, "query parameter 'search' contains a NUL character."),
    ("/api/v2/pages/?rich_text_format=pdf", 400, "rich_text_format must be one of"),
    ("/api/v2/pages/?offset=9223372036854775808", 400, "'offset' is larger than"),
    ("/api/v2/pages/99999/", 404, "No Page matches the given query."),
    ("/api/v2/pages/9223372036854775808/", 404, "No object has so large an id."),
    ("/api/v2/pages/find/?html_path=/en/nowhere/", 404, "not found"),
    ("/api/v2/nothing/", 404, "No API endpoint at /api/v2/nothing/."),
    ("/api/v2/pages", 404, "API addresses end with a slash."),
]

V3_PROBLEMS = [
    ("/api/v3/pages/?limit=abc", 422, "Validation failed"),
    ("/api/v3/pages/?limit=1000", 400, "limit cannot be higher than 100"),
    ("/api/v3/pages/?locale=fr", 400, "locale must be one of en, zh-hans; got 'fr'."),
    ("/api/v3/pages/?translation_of=99999", 422, "Validation failed"),
    ("/api/v3/pages/?type=faq.Nope", 422, "Validation failed"),
    ("/api/v3/pages/?search=%00", 400, "query parameter 'search' contains a NUL character."),
    ("/api/v3/pages/1/?rich_text_format=pdf", 422, "Validation failed"),
    ("/api/v3/pages/abc/", 404, "page_id must be a whole number; got 'abc'."),
    ("/api/v3/pages/1/revisions/x/", 404, "revision_id must be a whole number; got 'x'."),
    ("/api/v3/pages/?offset=9223372036854775808", 400, "'offset' is larger than"),
    ("/api/v3/pages/99999/", 404, "No Page matches the given query."),
    ("/api/v3/pages/9223372036854775808/", 404, "No object has so large an id."),
    ("/api/v3/pages/find/?html_path=/en/nowhere/", 404, "No Page matches the given query."),
    ("/api/v3/pages/1/revisions/?user_id=null", 400, "user_id must be a user's id"),
    ("/api/v3/whoami/", 401, "Unauthorized"),
    ("/api/v3/nothing/", 404, "No API endpoint at /api/v3/nothing/."),
]

CLIENT_LANGUAGES = [
    {},
    {"HTTP_ACCEPT_LANGUAGE": "zh-hans"},
    {"HTTP_COOKIE": "django_language=zh-hans"},
]


@pytest.mark.parametrize("headers", CLIENT_LANGUAGES)
@pytest.mark.parametrize("url, status, message", V2_PROBLEMS)
def test_v2_errors(client, url, status, message, headers):
    response = client.get(url, **headers)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["message"]


@pytest.mark.parametrize("headers", CLIENT_LANGUAGES)
@pytest.mark.parametrize("url, status, message", V3_PROBLEMS)
def test_v3_errors_are_problem_details(client, url, status, message, headers):
    response = client.get(url, **headers)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert message in problem["detail"]


@pytest.mark.parametrize(
    "url, content_type",
    [("/api/v2/pages/{}/", "application/json"), ("/api/v3/pages/{}/", "application/problem+json")],
)
def test_an_unexpected_failure_is_still_json(client, faq_pair, monkeypatch, url, content_type):
    def fail(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("faq.api.serialize_faqs", fail)
    response = client.get(url.format(faq_pair[0].pk))
    assert response.status_code == 500
    assert response["Content-Type"] == content_type
    assert "a bug" not in response.content.decode()  # no internals leak to the client


def test_v3_validation_errors_say_what_is_wrong(client):
    problem = client.get("/api/v3/pages/?limit=abc").json()
    assert problem["errors"][0]["loc"] == ["query", "limit"]
    assert "valid integer" in problem["errors"][0]["msg"]


def test_v3_rejects_a_bad_token_and_a_bad_body(api, client, editor_auth):
    bad_token = api("get", "/api/v3/whoami/", HTTP_AUTHORIZATION="Bearer wagtail_nope")
    assert bad_token.status_code == 401
    assert bad_token["Content-Type"] == "application/problem+json"
    no_title = api("post", "/api/v3/pages/", {"meta": {"type": "faq.FAQPage", "parent_id": 1}})
    assert no_title.status_code == 401  # credentials are checked before the body
    no_title = api(
        "post", "/api/v3/pages/", {"meta": {"type": "faq.FAQPage", "parent_id": 1}}, **editor_auth
    )
    assert no_title.status_code == 422
    assert no_title.json()["errors"][0]["loc"][-1] == "title"
    not_json = client.patch(
        "/api/v3/pages/1/", "{not json", content_type="application/json", **editor_auth
    )
    assert not_json.status_code in (400, 422)
    assert not_json["Content-Type"] == "application/problem+json"


V2_PARAMETERS = [
    "type", "fields", "limit", "offset", "order", "search", "search_operator", "locale",
    "translation_of", "child_of", "descendant_of", "ancestor_of", "site", "rich_text_format",
]  # fmt: skip


@settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    # Read-only requests: the pages can be shared by every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.dictionaries(
        st.sampled_from(V2_PARAMETERS), st.text(max_size=12) | st.integers().map(str), max_size=4
    )
)
def test_v2_answers_any_query_with_json_never_a_500(faq_pair, query):
    """v2 has no OpenAPI document: hypothesis throws its parameters at it directly."""
    client = Client()
    for path in ("/api/v2/pages/", "/api/v2/pages/find/"):
        response = client.get(path, query)
        assert response.status_code in (200, 302, 400, 404), (query, response.content)
        if response.status_code != 302:
            assert response["Content-Type"] == "application/json"


def assert_problem(response, status, message):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    messages = [problem["detail"], *(error["msg"] for error in problem.get("errors", []))]
    assert any(message in text for text in messages), messages


@pytest.mark.parametrize("method", ["patch", "delete", "post"])
def test_v3_an_id_that_is_no_number_is_a_404_for_a_token_user(api, editor_auth, method):
    url = "/api/v3/pages/abc/" if method != "post" else "/api/v3/pages/abc/actions/publish/"
    response = api(method, url, {"title": "New title"}, **editor_auth)
    assert_problem(response, 404, "page_id must be a whole number; got 'abc'.")


@pytest.mark.parametrize(
    "body, kind", [([None, None], "an array"), ("FAQ", "a string"), (7, "a number")]
)
@pytest.mark.parametrize("language_code", ["en", "zh-hans"])
def test_v3_a_body_that_is_no_object_is_a_422(api, editor_auth, body, kind, language_code):
    message = f"The request body must be a JSON object, not {kind}."
    created = api("post", "/api/v3/pages/", body, **editor_auth)
    assert_problem(created, 422, message)
    # v3 reads a body as JSON whatever its content type says.
    as_text = Client().post(
        "/api/v3/pages/", json.dumps(body), content_type="text/plain", **editor_auth
    )
    assert_problem(as_text, 422, message)
    page = home(language_code)
    updated = api("patch", f"/api/v3/pages/{page.pk}/", body, **editor_auth)
    assert_problem(updated, 422, message)
    assert Page.objects.get(pk=page.pk).title == page.title


@pytest.mark.parametrize("position", [None, "left", "last-sibling"])
@pytest.mark.parametrize("language_code", ["en", "zh-hans"])
def test_v3_a_page_cannot_move_next_to_the_root(api, editor_auth, position, language_code):
    page = home(language_code)
    root = Page.get_first_root_node()
    body = {"destination_id": root.pk, **({"position": position} if position else {})}
    response = api("post", f"/api/v3/pages/{page.pk}/actions/move/", body, **editor_auth)
    assert_problem(response, 422, "A page cannot be moved next to the root page")
    assert response.json()["errors"][0]["loc"][-1] == "position"
    assert Page.objects.get(pk=page.pk).path == page.path  # not moved


@pytest.mark.parametrize(
    "action, message",
    [
        ("copy", "The root page cannot be copied in place: give a destination_id."),
        ("create_alias", "The root page cannot get an alias in place: give a destination_id."),
    ],
)
def test_v3_the_root_page_cannot_be_copied_in_place(api, editor_auth, action, message):
    pages_before = Page.objects.count()
    root = Page.get_first_root_node()
    response = api("post", f"/api/v3/pages/{root.pk}/actions/{action}/", {}, **editor_auth)
    assert_problem(response, 422, message)
    assert response.json()["errors"][0]["loc"][-1] == "destination_id"
    assert Page.objects.count() == pages_before


def test_v3_root_page_checks_come_after_permission_checks(api, reader_auth):
    root = Page.get_first_root_node()
    copy = api("post", f"/api/v3/pages/{root.pk}/actions/copy/", {}, **reader_auth)
    assert_problem(copy, 403, "")
    move = api("post", f"/api/v3/pages/{home('en').pk}/actions/move/", {"destination_id": root.pk})
    assert_problem(move, 401, "Unauthorized")


@pytest.mark.parametrize("language_code", ["en", "zh-hans"])
def test_v3_root_page_checks_leave_other_moves_alone(api, django_user_model, language_code):
    first = make_faq_page(home(language_code), slug="first")
    second = make_faq_page(home(language_code), slug="second")
    mover = role("Movers", home(language_code), permissions=("add", "change", "publish", "delete"))
    response = api(
        "post",
        f"/api/v3/pages/{second.pk}/actions/move/",
        {"destination_id": first.pk, "position": "left"},
        **user_with_token(django_user_model, "mover", mover),
    )
    assert response.status_code == 200, response.content
    assert [page.pk for page in home(language_code).get_children()] == [second.pk, first.pk]


def test_v3_the_largest_offset_is_an_empty_page(client):
    response = client.get("/api/v3/pages/?offset=9223372036854775807")
    assert response.status_code == 200, response.content
    assert response.json()["items"] == []
