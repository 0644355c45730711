from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from . import languages
from .api.paths import is_api_request


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except for the APIs.

    The APIs live outside the language prefixes, so Django would answer an API 404 with a
    redirect to ``/en/api/...`` (which the page tree then serves as an HTML 404). An API
    response depends on its URL alone: it is never redirected, and it does not vary with
    the client's language (a page's own language is in the page).
    """

    def process_request(self, request):
        if is_api_request(request):
            translation.activate(languages.source_language())
            request.LANGUAGE_CODE = languages.source_language()
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if is_api_request(request):
            return response
        return super().process_response(request, response)
