from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponseServerError
from django.template import loader
from django.utils.translation import get_language

from .navigation.lookup import navigation_if_available
from .sitemaps import TranslatedSitemap


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": TranslatedSitemap(request)})


def server_error(request):
    """The 500 page in the visitor's language, in the site's layout.

    Rendered without the request's context processors and without page lookups: whatever
    failed may be the database. The header and footer are shown if they can be had without an
    error (remembered from an earlier page, or one guarded query).
    """
    context = {"error_page": True, "navigation": navigation_if_available(get_language())}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
