"""The site's URLs plus views without a language prefix, as the sitemap and the API have."""

from django.http import HttpResponse
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from trustcenter.urls import urlpatterns as site_urlpatterns


def language(request):
    return HttpResponse(get_language())


def by_accept_header(request):
    response = HttpResponse(request.headers.get("Accept", ""))
    patch_vary_headers(response, ["Accept"])
    return response


urlpatterns = [
    path("language/", language),
    path("by-accept/", by_accept_header),
    *site_urlpatterns,
]
