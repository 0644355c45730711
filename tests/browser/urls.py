"""The site's URLs, plus uploaded images: the hero's renditions load as a visitor's would.

The test settings run without DEBUG, so the site's own URLs serve no /media/.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from trustcenter.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
