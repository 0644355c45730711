"""The site's headless APIs: Wagtail's v2 (read-only) at /api/v2/, v3 (read and write) at /api/v3/.

Both live outside the language prefixes: a page's language is part of the page (its
``meta.locale``), not of the URL.
"""

from django.http import JsonResponse
from django.urls import path, re_path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api as v3_api
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

API_PATH_PREFIX = "/api/"
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


def api_not_found(request, path):
    """An address under /api/ that no API serves: a JSON 404, never the site's HTML page."""
    hint = "" if request.path.endswith("/") else " API addresses end with a slash."
    return api_error(request, 404, f"No API endpoint at {request.path}.{hint}")


def _openapi_schema_without_anonymous_scheme(original):
    """Fix v3's OpenAPI document: its optional authentication is invalid OpenAPI.

    Wagtail marks public endpoints ``auth=[BearerTokenAuth(), AllowAnonymous()]``, and
    django-ninja describes ``AllowAnonymous`` as an HTTP security scheme with no
    ``scheme``, which OpenAPI requires. OpenAPI spells "no credentials needed" as an
    empty security requirement, ``{}``.
    """

    def get_openapi_schema(**kwargs):
        schema = original(**kwargs)
        schema.get("components", {}).get("securitySchemes", {}).pop("AllowAnonymous", None)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if "security" in operation:
                    operation["security"] = [
                        {} if "AllowAnonymous" in requirement else requirement
                        for requirement in operation["security"]
                    ]
        return schema

    return get_openapi_schema


v3_api.get_openapi_schema = _openapi_schema_without_anonymous_scheme(v3_api.get_openapi_schema)

urlpatterns = [
    path("api/v2/", v2_router.urls),
    path("api/v3/", v3_api.urls),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
]
