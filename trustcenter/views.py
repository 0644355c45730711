from pathlib import Path

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import FileResponse, HttpResponseServerError
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from .navigation.lookup import navigation_if_available
from .sitemaps import TranslatedSitemap


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": TranslatedSitemap(request)})


FAVICON = Path(__file__).resolve().parent / "static" / "favicon.ico"


@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request):
    """The icon at the address browsers and crawlers ask for without a ``<link rel="icon">``
    (pages link the hashed static copy). A file response: the page cache leaves it alone."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")


def server_error(request):
    """The 500 page in the visitor's language, in the site's layout.

    Rendered without the request's context processors and without page lookups: whatever
    failed may be the database. The header and footer are shown if they can be had without an
    error (remembered from an earlier page, or one guarded query).
    """
    context = {"error_page": True, "navigation": navigation_if_available(get_language())}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
