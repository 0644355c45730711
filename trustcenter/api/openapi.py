"""What v3's OpenAPI document is missing (installed by ``trustcenter.upstream.v3_api``)."""

from wagtail.api.v3.errors import ProblemDetail

from trustcenter import languages

from .writes import PAGE_DETAIL_OPERATION, PAGE_WRITE_OPERATIONS

PROBLEM_RESPONSES = {
    "400": "Bad request: a parameter no endpoint can use.",
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
    return schema


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
