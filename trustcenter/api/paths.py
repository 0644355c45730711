"""Where the APIs live, and errors in the shape of the API asked."""

from django.http import JsonResponse

from wagtail.api.v3.errors import problem_response

API_PATH_PREFIX = "/api/"
V2_PATH_PREFIX = "/api/v2/"
V3_PATH_PREFIX = "/api/v3/"
V3_SNIPPETS_ROUTE = "snippets/"


def v3_serves_snippets():
    """Whether v3's snippet operations can serve anything: only snippet models registered with
    v3's schema registry are served. With none, their ``type`` accepts only "" and every
    request to them fails, so the site neither routes nor documents them."""
    # Not at the top: the router builds its schemas on import, once the apps are ready.
    from wagtail.snippets.api.v3.router import enabled_models

    return bool(enabled_models)


def is_api_request(request):
    return request.path_info.startswith(API_PATH_PREFIX)


def api_error(request, status, message):
    """An error in the shape of the API asked: v3's problem details, v2's ``{"message"}``."""
    if request.path_info.startswith(V3_PATH_PREFIX):
        return problem_response(status=status, detail=message)
    return JsonResponse({"message": message}, status=status)
