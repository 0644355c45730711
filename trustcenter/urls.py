import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import media
from .api.urls import urlpatterns as api_urlpatterns
from .signin import urls as signin_urls
from .views import favicon, sitemap

handler500 = "trustcenter.views.server_error"

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", favicon, name="favicon"),
    *signin_urls.admin_urlpatterns,  # before Wagtail's admin, which they stand in for
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    *api_urlpatterns,
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Local media, in every environment (trustcenter/media.py); a MEDIA_URL on another host is
# that host's to serve.
if settings.MEDIA_URL.startswith("/") and not settings.MEDIA_URL.startswith("//"):
    urlpatterns.append(re_path(rf"^{re.escape(settings.MEDIA_URL[1:])}(?P<path>.+)$", media.serve))

# Every page lives under its language's prefix: /en/..., /zh-hans/...
urlpatterns += i18n_patterns(
    path("", include("faq.urls")),
    *signin_urls.page_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
