"""The site's headless APIs: Wagtail's v2 (read-only) at /api/v2/, v3 (read and write) at /api/v3/.

Both live outside the language prefixes: a page's language is part of the page (its
``meta.locale``), not of the URL.
"""

import functools
import re

from django.conf import settings
from django.http import JsonResponse
from django.urls import URLPattern, path, re_path
from django.views.decorators.csrf import csrf_exempt

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.errors import ProblemDetail, as_validation_error, problem_response
from wagtail.api.v3.permissions import require_any_permission
from wagtail.api.v3.urls import api as v3_api
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from ninja.params.models import QueryModel
from pydantic import ValidationError as PydanticValidationError

from .page_writes import document_page_revisions, serialise_page_writes
from .pagecache.query import count_only

API_PATH_PREFIX = "/api/"
V2_PATH_PREFIX = "/api/v2/"
V3_PATH_PREFIX = "/api/v3/"


class PublicEndpoint:
    """v2 is the public, read-only API: it shows what an anonymous visitor may see.

    Without this, DRF would also accept a session cookie or an HTTP Basic password and
    show that user's login-restricted pages. Tokens and drafts are v3's.
    """

    authentication_classes = ()


class PublicPagesAPIViewSet(PublicEndpoint, PagesAPIViewSet):
    pass


class PublicImagesAPIViewSet(PublicEndpoint, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicEndpoint, DocumentsAPIViewSet):
    pass


v2_router = WagtailAPIRouter("wagtailapi")
v2_router.register_endpoint("pages", PublicPagesAPIViewSet)
v2_router.register_endpoint("images", PublicImagesAPIViewSet)
v2_router.register_endpoint("documents", PublicDocumentsAPIViewSet)


def is_api_request(request):
    return request.path_info.startswith(API_PATH_PREFIX)


def api_error(request, status, message):
    """An error in the shape of the API asked: v3's problem details, v2's ``{"message"}``."""
    if request.path_info.startswith(V3_PATH_PREFIX):
        return problem_response(status=status, detail=message)
    return JsonResponse({"message": message}, status=status)


@csrf_exempt  # it changes nothing, and a bearer token needs no CSRF token
def api_not_found(request, path):
    """An address under /api/ that no API serves: a JSON 404, never the site's HTML page."""
    hint = "" if request.path.endswith("/") else " API addresses end with a slash."
    return api_error(request, 404, f"No API endpoint at {request.path}.{hint}")


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
    languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]

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
                    parameter["schema"] = {"type": "string", "enum": languages, "title": "Locale"}
    document_page_revisions(schema, problem)
    return schema


def _completing_openapi_document(get_openapi_schema):
    def completed(**kwargs):
        return complete_openapi_document(get_openapi_schema(**kwargs))

    return completed


v3_api.get_openapi_schema = _completing_openapi_document(v3_api.get_openapi_schema)


def _server_failures_are_not_validation_errors(handle_validation_error):
    """v3 answers any pydantic validation error with a 422, including one raised when a
    field's resolver fails while the *response* is built: a server bug, reported to the
    client as its own fault, with the exception's text. Make that an honest 500."""

    def handle(request, exc):
        if any(error["type"] == "get_attribute_error" for error in exc.errors()):
            raise exc  # APIErrorMiddleware logs it and answers a JSON 500
        return handle_validation_error(request, exc)

    return handle


v3_api.add_exception_handler(
    PydanticValidationError,
    _server_failures_are_not_validation_errors(v3_api._exception_handlers[PydanticValidationError]),
)


class RootPageError(ValueError):
    """What Wagtail would do with the root page here needs a parent, and the root has none."""


def _is_root(page_id):
    return Page.objects.filter(pk=page_id, depth=1).exists()


def refuse_moving_next_to_root(request, page_id, data):
    # Sibling positions (the default) would give the page the root's parent: none.
    if data.position not in ("first-child", "last-child") and _is_root(data.destination_id):
        raise RootPageError(
            "A page cannot be moved next to the root page: "
            "use position first-child or last-child to move it under the root."
        )


def refuse_copying_root_in_place(action):
    def refuse(request, page_id, data):
        # Without a destination the copy goes next to the original: the root has no parent.
        if data.destination_id is None and _is_root(page_id):
            raise RootPageError(f"The root page cannot {action} in place: give a destination_id.")

    return refuse


# operation id: (check, the body field it is about, the permission v3 asks for it)
ROOT_PAGE_CHECKS = {
    "pages_actions_move": (refuse_moving_next_to_root, "position", "change"),
    "pages_actions_copy": (refuse_copying_root_in_place("be copied"), "destination_id", "add"),
    "pages_actions_create_alias": (
        refuse_copying_root_in_place("get an alias"),
        "destination_id",
        "add",
    ),
}


def check_root_page_first(operation, check, field, permission):
    """v3's page actions assume that a page has a parent and fail (a 500) on the root.

    The check comes after v3's own permission check (repeated here: it is inside the
    view), so a token without the permission still gets a 403.
    """
    view = operation.view_func

    @require_any_permission(Page, (permission,))
    @functools.wraps(view)
    def checked(request, **params):
        try:
            check(request, **params)
        except RootPageError as error:
            raise as_validation_error(error, loc=("body", "data", field)) from error
        return view(request, **params)

    operation.view_func = checked


def count_declared_query_reads_only(operation):
    """ninja reads every query parameter it is sent to find the ones it declares: for the page
    cache, a parameter that is not declared (nor read by the view itself) was not read."""
    declared = {
        name
        for model in operation.models
        if issubclass(model, QueryModel)
        for name in model.__ninja_flatten_map__
    }
    view = operation.view_func

    @functools.wraps(view)
    def counted(request, **params):
        count_only(request, declared)
        return view(request, **params)

    operation.view_func = counted


# The operations that answer requests: ninja's copies of the routers' operations, bound
# to this API.
for bound_router in v3_api._get_bound_routers():
    for path_view in bound_router.path_operations.values():
        for operation in path_view.operations:
            if "GET" in operation.methods:
                count_declared_query_reads_only(operation)
            if operation.operation_id in ROOT_PAGE_CHECKS:
                check_root_page_first(operation, *ROOT_PAGE_CHECKS[operation.operation_id])
            serialise_page_writes(operation)


# v3 declares its ids (page_id, image_id...) as integers, but routes them as any text,
# and a PATCH reads the page's type from its id before the id is validated (a 500).
OBJECT_ID = re.compile(r"<(\w+_id)>")


@csrf_exempt  # it changes nothing, and a bearer token needs no CSRF token
def not_an_id(request, **params):
    name, value = next((name, value) for name, value in params.items() if not value.isdigit())
    return api_error(request, 404, f"{name} must be a whole number; got {value!r}.")


def integer_id_routes(patterns):
    """``patterns`` with their ``<…_id>`` matching digits only, then a clear 404 for
    any other text where an id belongs."""
    integer_routes, other_text = [], {}
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLPattern) and OBJECT_ID.search(route):
            integer_routes.append(
                path(OBJECT_ID.sub(r"<int:\1>", route), pattern.callback, name=pattern.name)
            )
            other_text.setdefault(route, path(route, not_an_id))
        else:
            integer_routes.append(pattern)
    return [*integer_routes, *other_text.values()]


v3_patterns, v3_app_name, v3_namespace = v3_api.urls

urlpatterns = [
    path("api/v2/", v2_router.urls),
    path("api/v3/", (integer_id_routes(v3_patterns), v3_app_name, v3_namespace)),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
]
