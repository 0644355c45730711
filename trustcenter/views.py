from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponseServerError
from django.template import loader

from .sitemaps import TranslatedSitemap


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": TranslatedSitemap(request)})


def server_error(request):
    """The 500 page in the visitor's language, in the site's layout.

    Rendered without the request's context processors and without touching the
    database: whatever failed may be the database.
    """
    return HttpResponseServerError(loader.get_template("500.html").render())
