"""CORS: a browser front end on an allowed origin may call the APIs (never with cookies), the
preflight is answered, and a page-cache hit gets the CORS headers of the origin asking."""

import pytest

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example"
OTHER_FRONT_END = "https://other.example"


@pytest.fixture
def allowed_origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END, OTHER_FRONT_END]


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_no_origin_is_allowed_by_default(client, faq_pair):
    response = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/"])
def test_an_allowed_origin_reads_the_api_and_its_validators(client, faq_pair, allowed_origins, url):
    response = client.get(url, HTTP_ORIGIN=FRONT_END)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    exposed = {name.strip() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert exposed == {"ETag", "Last-Modified", "Retry-After"}
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in vary(response)


def test_an_origin_not_listed_gets_no_cors_headers(client, faq_pair, allowed_origins):
    response = client.get("/api/v3/pages/", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_the_preflight_of_a_conditional_write_is_answered(client, faq_pair, allowed_origins):
    english, _ = faq_pair
    response = client.options(
        f"/api/v3/pages/{english.pk}/",
        HTTP_ORIGIN=FRONT_END,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type, if-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    allowed_headers = {h.strip() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "if-match", "if-none-match"} <= allowed_headers
    assert "PATCH" in response["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in response


def test_a_cross_origin_write_with_a_token_works(api, faq_pair, allowed_origins, editor_auth):
    english, _ = faq_pair
    read = api("get", f"/api/v3/pages/{english.pk}/", HTTP_ORIGIN=FRONT_END, **editor_auth)
    patched = api(
        "patch",
        f"/api/v3/pages/{english.pk}/",
        {"hero_title": "From the front end"},
        HTTP_ORIGIN=FRONT_END,
        HTTP_IF_MATCH=read["ETag"],
        **editor_auth,
    )
    assert patched.status_code == 200, patched.content
    assert patched["Access-Control-Allow-Origin"] == FRONT_END
    assert patched.json()["hero_title"] == "From the front end"


def test_a_cached_answer_gets_the_cors_headers_of_each_origin(client, faq_pair, allowed_origins):
    first = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END)
    assert first["X-Page-Cache"] == "miss"

    other = client.get("/api/v3/pages/", HTTP_ORIGIN=OTHER_FRONT_END)
    assert other["X-Page-Cache"] == "hit"
    assert other["Access-Control-Allow-Origin"] == OTHER_FRONT_END
    same_site = client.get("/api/v3/pages/")
    assert same_site["X-Page-Cache"] == "hit"
    assert "Access-Control-Allow-Origin" not in same_site
    assert "origin" in vary(same_site)  # so a CDN keeps each origin's answer apart

    not_modified = client.get(
        "/api/v3/pages/", HTTP_ORIGIN=FRONT_END, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert not_modified.status_code == 304
    assert not_modified["Access-Control-Allow-Origin"] == FRONT_END


def test_the_site_itself_is_no_cors_resource(client, faq_pair, allowed_origins):
    page = client.get("/en/faq/", HTTP_ORIGIN=FRONT_END)
    assert page.status_code == 200
    assert "Access-Control-Allow-Origin" not in page
    assert "origin" not in vary(page)
    preflight = client.options(
        "/admin/login/", HTTP_ORIGIN=FRONT_END, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "Access-Control-Allow-Origin" not in preflight
