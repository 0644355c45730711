from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .api import api_error, is_api_request


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


class APIQueryValidationMiddleware:
    """Answer an API request whose query string no API can use with a clear 400.

    Wagtail's APIs answer an unknown ``locale`` with a 404, as if the page were missing,
    and pass a NUL character on to the search backend, which fails with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_request(request):
            problem = self.query_problem(request.GET)
            if problem:
                return api_error(request, 400, problem)
        return self.get_response(request)

    @staticmethod
    def query_problem(query):
        for name, values in query.lists():
            if any("\x00" in value for value in [name, *values]):
                return f"query parameter {name!r} contains a NUL character."
        languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
        for locale in query.getlist("locale"):
            if locale not in languages:
                return f"locale must be one of {', '.join(languages)}; got {locale!r}."
        return None
