"""Remember how each URL routes, for as long as nothing is published (Wagtail private code it
relies on: ``trustcenter.upstream.wagtail``).

Wagtail resolves a page URL with four to six queries (the site, the locale, the home page and
its translation, each path segment, the specific page) and checks view restrictions with two
more, on every request. Wagtail keeps the outcome on the request (``_wagtail_site``,
``_wagtail_route_for_request``); this middleware fills those two from the shared cache, under
the page cache's generation, so a known URL costs one query for its page. Publishing, moving,
deleting, or changing a site, locale or view restriction starts a new generation.
"""

import hashlib

from django.apps import apps
from django.conf import settings

from wagtail.models import PageViewRestriction

from .generation import current_generation, page_cache, reading


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_DATA_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with reading():
            key = self._key(request)
            remembered = page_cache().get(key)
            if remembered is not None:
                self._restore(request, remembered)
            response = self.get_response(request)
        if remembered is None and response.status_code == 200:
            self._remember(request, key)
        return response

    @staticmethod
    def _key(request):
        address = f"{request.get_host()}{request.path}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"pagecache:route:{current_generation()}:{digest}"

    @staticmethod
    def _restore(request, remembered):
        model = apps.get_model(remembered["model"])
        page = (
            model._default_manager.filter(pk=remembered["page_id"], live=True)
            .select_related("locale")
            .first()
        )
        if page is None:
            return
        if not remembered["restricted"]:
            # None applied when the route was remembered, and any change starts a new generation.
            page.get_view_restrictions = PageViewRestriction.objects.none
        request._wagtail_site = remembered["site"]
        request._wagtail_route_for_request = (page, (), {})

    @staticmethod
    def _remember(request, key):
        route = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if not route or site is None:
            return
        page, args, kwargs = route
        if args or kwargs:  # routable pages' sub-views: left to Wagtail
            return
        remembered = {
            "site": site,
            "model": page._meta.label,
            "page_id": page.pk,
            "restricted": page.get_view_restrictions().exists(),
        }
        page_cache().set(key, remembered, settings.PAGE_CACHE_TIMEOUT)
