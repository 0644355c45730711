import json
import logging
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .api import V2_PATH_PREFIX, V3_PATH_PREFIX, api_error, is_api_request

logger = logging.getLogger("django.request")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except for the APIs.

    The APIs live outside the language prefixes, so Django would answer an API 404 with a
    redirect to ``/en/api/...`` (which the page tree then serves as an HTML 404). An API
    response depends on its URL alone: it is never redirected, and it does not vary with
    the client's language (a page's own language is in the page).
    """

    def process_request(self, request):
        if is_api_request(request):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if is_api_request(request):
            return response
        return super().process_response(request, response)


# The largest id or offset the database can hold (a signed 64-bit integer).
LARGEST_DATABASE_INTEGER = 2**63 - 1
INTEGER = re.compile(r"[+-]?\d+")
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
SEARCH_OPERATORS = ("and", "or")
JSON_VALUE_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


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
            if any(self.too_large(segment) for segment in request.path_info.split("/")):
                return api_error(request, 404, "No object has so large an id.")
            problem = self.query_problem(request.path_info, request.GET)
            if problem:
                return api_error(request, 400, problem)
            try:
                problem = self.body_problem(request)
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

    @staticmethod
    def too_large(text):
        return bool(INTEGER.fullmatch(text)) and abs(int(text)) > LARGEST_DATABASE_INTEGER

    @staticmethod
    def body_problem(request):
        # v3 reads any body as JSON, except a form's (an upload's).
        if not request.path_info.startswith(V3_PATH_PREFIX) or request.content_type in FORMS:
            return None
        try:
            body = json.loads(request.body) if request.body else {}
        except ValueError:
            return None  # v3 says what is wrong with it
        except RecursionError:  # and so would v3's own parsing: a 500
            return "The request body is nested too deeply."
        if isinstance(body, dict):
            return None
        return f"The request body must be a JSON object, not {JSON_VALUE_KINDS[type(body)]}."

    @classmethod
    def query_problem(cls, path, query):
        for name, values in query.lists():
            if any("\x00" in value for value in [name, *values]):
                return f"query parameter {name!r} contains a NUL character."
            if any(cls.too_large(value) for value in values):
                return f"query parameter {name!r} is larger than {LARGEST_DATABASE_INTEGER}."
        user_id_field = get_user_model()._meta.pk
        for user_id in query.getlist("user_id"):
            try:
                user_id_field.to_python(user_id)
            except ValidationError:
                return f"user_id must be a user's id; got {user_id!r}."
        # The search backend raises ValueError for any other operator.
        for operator in query.getlist("search_operator"):
            if operator not in SEARCH_OPERATORS:
                return f"search_operator must be 'and' or 'or'; got {operator!r}."
        # v2's find views pass the id to the database unchecked (v3 validates its own).
        if path.startswith(V2_PATH_PREFIX) and path.endswith("/find/"):
            for object_id in query.getlist("id"):
                if not INTEGER.fullmatch(object_id):
                    return f"id must be a whole number; got {object_id!r}."
        languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
        for locale in query.getlist("locale"):
            if locale not in languages:
                return f"locale must be one of {', '.join(languages)}; got {locale!r}."
        return None
