import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404

from .input import body_problem, path_is_too_large, query_problem
from .paths import api_error, is_api_request

logger = logging.getLogger("django.request")


class APIErrorMiddleware:
    """Keep API errors JSON and out of the 500s.

    Refuses, with a clear 400 (404 in a path), what Wagtail's APIs would pass on to the
    database or answer wrongly: an unknown ``locale`` (a 404, as if a page were missing), a
    NUL character (the search backend fails), a number larger than the database's integers
    (PostgreSQL fails), a revision filter's ``user_id`` that is no user id (a 500), a search
    operator other than and/or, a v2 ``find`` id that is no number (both 500s); and with a 422
    a v3 JSON body that is no object (v3 reads a page's type from it: a 500) or is nested
    deeper than Python's parser goes (a RecursionError). An unexpected error still gets a
    JSON 500, not the site's HTML page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_request(request):
            if path_is_too_large(request.path_info):
                return api_error(request, 404, "No object has so large an id.")
            problem = query_problem(request.path_info, request.GET)
            if problem:
                return api_error(request, 400, problem)
            try:
                problem = body_problem(request)
            except RequestDataTooBig:
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
                return api_error(request, 413, f"The request body is larger than {limit} bytes.")
            if problem:
                return api_error(request, 422, problem)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_api_request(request) or isinstance(exception, Http404 | PermissionDenied):
            return None
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"request": request},
        )
        return api_error(request, 500, "The server failed to answer this request.")
