"""The v3 OpenAPI document says what the server does, so that a generated client does the same:
PATCH schemas without defaults, the bounds the server enforces, optional bodies a generator
takes, no snippet operations while there is no snippet to serve; and the server refuses the
query parameters an operation does not take."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    return client.get("/api/v3/openapi.json").json()


def operation(document, path, method):
    return document["paths"][f"/api/v3/{path}"][method]


def parameter(document, path, method, name):
    [found] = [p for p in operation(document, path, method)["parameters"] if p["name"] == name]
    return found


def options(schema):
    return [schema, *schema.get("anyOf", [])]


def test_patch_schemas_have_no_defaults_and_need_no_page_type(document):
    schemas = document["components"]["schemas"]
    patch_schemas = [name for name in schemas if name.endswith(("PatchSchema", "PatchMetaSchema"))]
    assert {"FAQPagePatchSchema", "FAQPagePatchMetaSchema"} <= set(patch_schemas)
    for name in patch_schemas:
        defaults = [f for f, field in schemas[name]["properties"].items() if "default" in field]
        assert defaults == [], name
        assert "required" not in schemas[name], name
    body = operation(document, "pages/{page_id}/", "patch")["requestBody"]
    members = body["content"]["application/json"]["schema"]["anyOf"]
    assert {"$ref": "#/components/schemas/FAQPagePatchSchema"} in members


def test_a_patch_without_the_page_type_changes_only_what_it_sends(api, faq_pair, editor_auth):
    english, _ = faq_pair
    before = api("get", f"/api/v3/pages/{english.pk}/").json()
    response = api(
        "patch",
        f"/api/v3/pages/{english.pk}/",
        {"hero_title": "Answers", "meta": {"action": "publish"}},
        **editor_auth,
    )
    assert response.status_code == 200, response.json()
    after = api("get", f"/api/v3/pages/{english.pk}/").json()
    assert after["hero_title"] == "Answers"
    for field in ("title", "intro", "faqs", "numbered", "hero_image_alt"):
        assert after[field] == before[field], field
    assert after["meta"]["show_in_menus"] == before["meta"]["show_in_menus"]


def test_optional_bodies_are_plain_references(document):
    for action in ("unpublish", "copy", "create_alias"):
        body = operation(document, f"pages/{{page_id}}/actions/{action}/", "post")["requestBody"]
        assert body["required"] is False
        schema = body["content"]["application/json"]["schema"]
        assert list(schema) == ["$ref"], action


def test_the_bounds_the_server_enforces_are_documented(document):
    limit = parameter(document, "pages/", "get", "limit")["schema"]
    assert (limit["minimum"], limit["maximum"]) == (1, 100)
    offset = parameter(document, "pages/", "get", "offset")["schema"]
    assert offset["maximum"] == 2**63 - 1
    page_id = parameter(document, "pages/{page_id}/", "get", "page_id")["schema"]
    assert (page_id["minimum"], page_id["maximum"]) == (0, 2**63 - 1)
    child_of = parameter(document, "pages/", "get", "child_of")
    assert "descendant_of" in child_of["description"]
    assert "offset" in parameter(document, "pages/", "get", "order")["description"]
    locale = parameter(document, "pages/", "get", "locale")["schema"]
    assert locale["enum"] == ["en", "zh-hans"]
    schemas = document["components"]["schemas"]
    assert schemas["PageCopyForTranslationSchema"]["properties"]["locale"]["enum"] == [
        "en",
        "zh-hans",
    ]
    for name in ("FAQPageCreateSchema", "FAQPagePatchSchema"):
        for field in ("title", "slug"):
            [string] = [
                option
                for option in options(schemas[name]["properties"][field])
                if option.get("type") == "string"
            ]
            assert string["minLength"] == 1, (name, field)
    find = operation(document, "pages/find/", "get")["responses"]
    assert "Location" in find["302"]["headers"]


@pytest.mark.parametrize("field", ["title", "slug"])
def test_an_empty_title_or_slug_is_refused_as_documented(api, faq_pair, editor_auth, field):
    english, _ = faq_pair
    response = api("patch", f"/api/v3/pages/{english.pk}/", {field: ""}, **editor_auth)
    assert response.status_code == 422
    english.refresh_from_db()
    assert getattr(english, field) != ""


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        (
            "fields=*",
            "Unknown query parameter: fields. This operation takes: ancestor_of, child_of, "
            "descendant_of, limit, locale, offset, order, search, search_operator, site, "
            "translation_of, type; and filters by these fields: ",
        ),
        ("lmit=5&oder=title", "Unknown query parameters: lmit, oder."),
        ("child_of=root&descendant_of=root", "child_of and descendant_of cannot be used together"),
        ("order=random&offset=20", "order=random cannot be used with an offset"),
    ],
)
def test_unknown_and_clashing_query_parameters_are_refused(client, query, detail):
    response = client.get(f"/api/v3/pages/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["detail"]


def test_a_write_refuses_an_unknown_query_parameter_and_changes_nothing(api, faq_pair, editor_auth):
    english, _ = faq_pair
    response = api(
        "patch", f"/api/v3/pages/{english.pk}/?publish=1", {"hero_title": "X"}, **editor_auth
    )
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Unknown query parameter: publish. This operation takes: rich_text_format."
    )
    english.refresh_from_db()
    assert english.get_latest_revision_as_object().hero_title != "X"


def test_random_order_without_offset_and_declared_parameters_still_work(client, faq_pair):
    assert client.get("/api/v3/pages/?order=random&offset=0&limit=5").status_code == 200
    assert client.get("/api/v3/pages/?type=faq.FAQPage&locale=zh-hans").json()["count"] == 1


def test_listings_filter_by_their_models_fields_and_refuse_others(client, faq_pair):
    english, _ = faq_pair
    listing = client.get(f"/api/v3/pages/?type=faq.FAQPage&locale=en&slug={english.slug}")
    assert [page["id"] for page in listing.json()["items"]] == [english.pk]
    assert client.get("/api/v3/pages/?type=faq.FAQPage&numbered=false").status_code == 200
    # A FAQ page's own field, without the type that has it.
    response = client.get("/api/v3/pages/?numbered=false&limit=5")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith("Unknown query parameter: numbered. This operation takes: ")
    assert "; and filters by these fields: " in detail and "slug" in detail


def test_snippet_operations_are_neither_documented_nor_routed(client, document):
    assert not [path for path in document["paths"] if path.startswith("/api/v3/snippets/")]
    assert "_NoSnippetModelsSchema" not in document["components"]["schemas"]
    response = client.get("/api/v3/snippets/navigation.HeaderFooter/")
    assert response.status_code == 404
    assert response.json()["detail"] == (
        "No API endpoint at /api/v3/snippets/navigation.HeaderFooter/."
    )


@pytest.mark.parametrize("value", ["0.5", "2026-01-31", "yesterday"])
def test_a_revision_filter_takes_only_a_date_and_time(api, faq_pair, editor_auth, value):
    english, _ = faq_pair
    url = f"/api/v3/pages/{english.pk}/revisions/?created_at_to="
    response = api("get", url + value, **editor_auth)
    assert response.status_code == 400
    assert response.json()["detail"] == (
        f"created_at_to must be a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z); "
        f"got {value!r}."
    )
    assert api("get", url + "2099-01-31T12:00:00Z", **editor_auth).json()["count"] >= 1
