"""What v3's OpenAPI document is missing (installed by ``trustcenter.upstream.v3_api``): what
the server does, said so that a generated client does the same."""

from django.conf import settings

from wagtail.api.v3.errors import ProblemDetail

from trustcenter import languages

from .input import FIELD_FILTERED_OPERATIONS, LARGEST_DATABASE_INTEGER
from .paths import V3_PATH_PREFIX, V3_SNIPPETS_ROUTE, v3_serves_snippets
from .preview_tokens import PARAMETER as PREVIEW_TOKEN_PARAMETER
from .writes import PAGE_DETAIL_OPERATION, PAGE_WRITE_OPERATIONS

PROBLEM_RESPONSES = {
    "400": "Bad request: a query parameter this operation does not take, a value no endpoint "
    "can use, or parameters that cannot be combined; `detail` says which.",
    "404": "Not found, or not visible to this reader.",
    "422": "Invalid parameters or body; `errors` says which and why.",
}
TOKEN_PROBLEM_RESPONSES = {
    "401": "A bearer token is required, or the one sent is unknown, revoked, expired, or its "
    "user is deactivated or changed password since it was made.",
    "403": "The token's user lacks the page permission for this action.",
}


def complete_openapi_document(schema):
    """Make v3's OpenAPI document say everything a client generator needs.

    - Public endpoints are ``auth=[BearerTokenAuth(), AllowAnonymous()]``; django-ninja
      describes ``AllowAnonymous`` as an HTTP security scheme without a ``scheme``, which is
      invalid OpenAPI. OpenAPI spells "no credentials needed" as an empty requirement, ``{}``.
    - Wagtail documents only the success of each operation; its errors are RFC 7807 problem
      details, and the ``find`` operations answer with a redirect to the detail.
    - A ``locale`` is one of the site's languages.
    - The rest: ``document_bounds``, ``make_patches_partial``, ``make_optional_bodies_plain``,
      ``omit_unserved_snippets``.
    """
    components = schema.setdefault("components", {})
    components.get("securitySchemes", {}).pop("AllowAnonymous", None)
    components.setdefault("schemas", {})["ProblemDetail"] = ProblemDetail.model_json_schema()
    problem = {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}
    }
    codes = languages.codes()

    for operations in schema["paths"].values():
        for operation in operations.values():
            requirements = [
                {} if "AllowAnonymous" in requirement else requirement
                for requirement in operation.get("security", [])
            ]
            operation["security"] = requirements
            errors = dict(PROBLEM_RESPONSES)
            if {} not in requirements:
                errors.update(TOKEN_PROBLEM_RESPONSES)
            for status, description in errors.items():
                operation["responses"].setdefault(
                    status, {"description": description, "content": problem}
                )
            if operation.get("operationId", "").endswith("_find"):
                operation["responses"]["302"] = {
                    "description": "Found: redirects to the object's detail URL.",
                    "headers": {"Location": {"schema": {"type": "string"}}},
                }
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "locale":
                    parameter["schema"] = {"type": "string", "enum": codes, "title": "Locale"}
    document_page_revisions(schema, problem)
    document_http_behaviour(schema, problem)
    omit_unserved_snippets(schema)
    document_bounds(schema)
    make_patches_partial(schema)
    make_optional_bodies_plain(schema)
    return schema


def document_http_behaviour(schema, problem):
    """Say what the middleware does around every operation: a public read answers 304 to a
    matching ``If-None-Match``/``If-Modified-Since`` (``conditional``), any request may meet a
    rate limit (``rate_limits``), and the page detail takes a preview token
    (``preview_tokens``)."""
    too_many = {
        "description": "Too many requests from this client or token; retry after the seconds "
        "Retry-After gives.",
        "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 0}}},
        "content": problem,
    }
    conditional_headers = [
        ("If-None-Match", "Answer 304 if this is still the (public) ETag."),
        ("If-Modified-Since", "Answer 304 if the page was not published since (page detail)."),
    ]
    for operation in operations(schema):
        operation["responses"].setdefault("429", too_many)
        if {} not in operation.get("security", []):
            continue  # token only: never a shared, conditional answer
        parameters = operation.setdefault("parameters", [])
        if operation.get("responses", {}).get(200) is not None and not operation.get("requestBody"):
            parameters.extend(
                {"name": name, "in": "header", "required": False, "description": description}
                | {"schema": {"type": "string"}}
                for name, description in conditional_headers
            )
            operation["responses"]["304"] = {"description": "Not modified since the validator."}
        if operation.get("operationId") == PAGE_DETAIL_OPERATION:
            parameters.append(
                {
                    "name": PREVIEW_TOKEN_PARAMETER,
                    "in": "query",
                    "required": False,
                    "description": "A short-lived preview token an editor made for this page "
                    "in the admin: answers the page's latest draft.",
                    "schema": {"type": "string", "minLength": 1},
                }
            )
            operation["responses"].update(
                {
                    status: {"description": description, "content": problem}
                    for status, description in (
                        ("401", "The preview token expired or was altered."),
                        (
                            "403",
                            "The preview token is for another page, or its editor may no "
                            "longer edit the page.",
                        ),
                    )
                }
            )


def operations(schema):
    for operations_of_path in schema["paths"].values():
        yield from operations_of_path.values()


def schema_options(schema):
    """``schema`` and, if it is a union (``anyOf``: pydantic's ``X | None``), its options."""
    return [schema, *schema.get("anyOf", [])]


# What the server refuses in a query, beyond each parameter's own schema (``input.clash_problem``).
CLASHES = {
    "child_of": "Not with descendant_of (a 400).",
    "descendant_of": "Not with child_of (a 400).",
    "order": "`random` is not with a non-zero offset (a 400).",
}


def document_bounds(schema):
    """Say the limits the server enforces on parameters and bodies.

    - ``limit``: at most ``WAGTAILAPI_LIMIT_MAX`` (more is a 400).
    - Integers in a query or path fit the database (larger ones are refused:
      ``APIErrorMiddleware``); ids in a path are digits (anything else is a 404).
    - The clashes ``CLASHES`` names.
    - A page's title and slug, when sent, are not empty (Wagtail's form requires both).
    - A ``locale`` in a body is one of the site's languages.
    """
    for operation in operations(schema):
        for parameter in operation.get("parameters", []):
            name = parameter["name"]
            for option in schema_options(parameter["schema"]):
                if option.get("type") != "integer":
                    continue
                option["maximum"] = LARGEST_DATABASE_INTEGER
                if parameter["in"] == "path":
                    option.setdefault("minimum", 0)
                if name == "limit" and settings.WAGTAILAPI_LIMIT_MAX is not None:
                    option["maximum"] = settings.WAGTAILAPI_LIMIT_MAX
            if name in CLASHES and parameter["in"] == "query":
                parameter["description"] = CLASHES[name]
        if operation.get("operationId") in FIELD_FILTERED_OPERATIONS:
            operation["description"] = (
                "Also filters by a field of the listed model, named as a query parameter "
                "(`?slug=faq`; a page's own fields with a single `type`). Any other query "
                "parameter is a 400 that lists those it takes."
            )
    codes = languages.codes()
    for name, component in schema["components"]["schemas"].items():
        properties = component.get("properties", {})
        if name.endswith(("PageCreateSchema", "PagePatchSchema")):
            for field in ("title", "slug"):
                for option in schema_options(properties.get(field, {})):
                    if option.get("type") == "string":
                        option["minLength"] = 1
        if properties.get("locale", {}).get("type") == "string":
            properties["locale"]["enum"] = codes


def make_patches_partial(schema):
    """A PATCH sends only what changes: what it leaves out stays as it is (Wagtail applies
    only the fields a request set). A default in a PATCH schema makes a generated client send
    it, wiping the field; and the page's type, which v3 reads from the page, is not required.

    The page-type union of a PATCH is ``anyOf``: the page in the URL, not the body, picks its
    member, so a body may fit several.
    """
    for name, component in schema["components"]["schemas"].items():
        if not name.endswith(("PatchSchema", "PatchMetaSchema")):
            continue
        for field in component.get("properties", {}).values():
            field.pop("default", None)
        if name.endswith("PatchMetaSchema"):
            required = [field for field in component.get("required", []) if field != "type"]
            if required:
                component["required"] = required
            else:
                component.pop("required", None)
    for operation in operations(schema):
        if operation.get("operationId") == "pages_update":
            body = operation["requestBody"]["content"]["application/json"]["schema"]
            body["anyOf"] = body.pop("oneOf")
            body["description"] = (
                "The fields to change, for the page's own type (`meta.type` may be left out); "
                "a field left out is unchanged."
            )


def make_optional_bodies_plain(schema):
    """An optional body is documented by ninja as ``allOf: [$ref]`` with the whole default
    object as its ``default``, which client generators refuse (openapi-python-client: "ModelProperty
    cannot have a default value", and drops the operation). The same, said plainly: the body
    is the schema, and may be left out (each field has its own default)."""
    for operation in operations(schema):
        content = operation.get("requestBody", {}).get("content", {}).get("application/json")
        body = content and content["schema"]
        if body and "default" in body and len(body.get("allOf", [])) == 1:
            content["schema"] = body["allOf"][0]
            operation["requestBody"]["required"] = False


def omit_unserved_snippets(schema):
    """While v3 has no snippet model (``paths.v3_serves_snippets``), its snippet operations are
    not routed: leave them, and the schemas only they use, out of the document."""
    if v3_serves_snippets():
        return
    prefix = V3_PATH_PREFIX + V3_SNIPPETS_ROUTE
    schema["paths"] = {
        path: item for path, item in schema["paths"].items() if not path.startswith(prefix)
    }
    components = schema["components"]["schemas"]
    used = referenced_schemas(schema["paths"], components)
    schema["components"]["schemas"] = {
        name: component for name, component in components.items() if name in used
    }


def referenced_schemas(paths, components):
    """The names of the component schemas ``paths`` use, directly or through each other."""
    prefix = "#/components/schemas/"
    used, pending = set(), [paths]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            reference = value.get("$ref")
            if isinstance(reference, str) and reference.startswith(prefix):
                name = reference.removeprefix(prefix)
                if name not in used:
                    used.add(name)
                    pending.append(components[name])
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return used


def document_page_revisions(schema, problem):
    """Say in the OpenAPI document (``problem``: its problem-details content) which
    operations send the ETag and which take If-Match (``writes``)."""
    etag = {
        "description": "With a token, the page's latest revision (what If-Match takes); "
        "without one, a validator of the live page for If-None-Match.",
        "schema": {"type": "string", "example": '"revision-42"'},
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            operation_id = operation.get("operationId")
            if operation_id not in PAGE_WRITE_OPERATIONS | {PAGE_DETAIL_OPERATION}:
                continue
            # django-ninja keys its own responses by number.
            success = operation["responses"].get(200)
            if success is not None:
                success.setdefault("headers", {})["ETag"] = etag
            if operation_id in PAGE_WRITE_OPERATIONS:
                operation.setdefault("parameters", []).append(
                    {
                        "name": "If-Match",
                        "in": "header",
                        "required": False,
                        "description": "Write only if this is still the page's ETag.",
                        "schema": {"type": "string"},
                    }
                )
                operation["responses"]["412"] = {
                    "description": "A newer revision than If-Match's was saved; `detail` names it.",
                    "content": problem,
                }
