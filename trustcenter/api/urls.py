"""The APIs' URLs: v2, v3 (its ids routed as integers), and a JSON 404 for the rest of /api/."""

import re

from django.urls import URLPattern, path, re_path
from django.views.decorators.csrf import csrf_exempt

from wagtail.api.v3.urls import api as v3_api

from .paths import V3_SNIPPETS_ROUTE, api_error, v3_serves_snippets
from .v2 import v2_router


@csrf_exempt  # it changes nothing, and a bearer token needs no CSRF token
def api_not_found(request, path):
    """An address under /api/ that no API serves: a JSON 404, never the site's HTML page."""
    hint = "" if request.path.endswith("/") else " API addresses end with a slash."
    return api_error(request, 404, f"No API endpoint at {request.path}.{hint}")


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


def served(patterns):
    """``patterns`` without the snippet operations, while v3 has no snippet model to serve."""
    if v3_serves_snippets():
        return patterns
    return [
        pattern for pattern in patterns if not str(pattern.pattern).startswith(V3_SNIPPETS_ROUTE)
    ]


# Reading v3's urls binds its operations: trustcenter.upstream.v3_api has wrapped them by now
# (apps are ready before the URLconf is loaded).
v3_patterns, v3_app_name, v3_namespace = v3_api.urls

urlpatterns = [
    path("api/v2/", v2_router.urls),
    path("api/v3/", (integer_id_routes(served(v3_patterns)), v3_app_name, v3_namespace)),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
]
