"""Where the APIs live, and errors in the shape of the API asked."""

from django.http import JsonResponse

from wagtail.api.v3.errors import problem_response

API_PATH_PREFIX = "/api/"
V2_PATH_PREFIX = "/api/v2/"
V3_PATH_PREFIX = "/api/v3/"


def is_api_request(request):
    return request.path_info.startswith(API_PATH_PREFIX)


def api_error(request, status, message):
    """An error in the shape of the API asked: v3's problem details, v2's ``{"message"}``."""
    if request.path_info.startswith(V3_PATH_PREFIX):
        return problem_response(status=status, detail=message)
    return JsonResponse({"message": message}, status=status)
