from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as v3_api

v2_router = WagtailAPIRouter("wagtailapi")
v2_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", v2_router.urls),
    path("api/v3/", v3_api.urls),
    *i18n_patterns(
        path("", include("faq.urls")),
        path("", include(wagtail_urls)),
    ),
]
