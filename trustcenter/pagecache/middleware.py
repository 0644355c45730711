"""A full-page cache for anonymous visitors, shared by every worker and app server.

Only GET requests without a session cookie are served from or stored in the cache: a logged-in
editor (who always has one) is never served a cached page and never stores one. The admin and
its previews are never cached. A response is stored only if nothing in it belongs to one
visitor: a 200, no cookie set, not marked private or uncacheable, varying on nothing but the
visitor's language (which is part of the key).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language_from_request

from .generation import GENERATION_KEY, current_generation, page_cache, reading

CACHE_HEADER = "X-Page-Cache"
_UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
# What a stored page may vary on: the key holds the language the request gets, and the request
# has no session cookie (the language cookie is read into that language).
_VARY_ALLOWED = {"accept-encoding", "accept-language", "cookie"}


class FullPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.never_cached_prefixes = tuple(settings.PAGE_CACHE_NEVER_CACHED_PATHS)

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not self._may_use_cache(request):
            response = self.get_response(request)
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
                patch_cache_control(response, private=True)
            return response

        # One round trip for both: the current generation and the page as last stored.
        key = self._key(request)
        cache = page_cache()
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        stored = found.get(key)
        if stored is not None and stored["generation"] == generation:
            return self._rebuild(stored)

        with reading(generation):
            response = self.get_response(request)
        if self._may_store(response):
            self._set_public_cache_control(response)
            # The generation when rendering began: a publish during the render makes it stale.
            cache.set(key, self._freeze(response, generation), settings.PAGE_CACHE_TIMEOUT)
            response[CACHE_HEADER] = "miss"
        return response

    def _may_use_cache(self, request):
        return (
            request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.never_cached_prefixes)
        )

    @staticmethod
    def _may_store(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in _UNCACHEABLE_DIRECTIVES)
            and set(cc_delim_re.split(response.get("Vary", "").lower())) - {""} <= _VARY_ALLOWED
        )

    @staticmethod
    def _key(request):
        # Host and scheme too: one cache may serve several sites, and http and https differ.
        # And the language Django will activate: a URL without a language prefix (the sitemap,
        # the API) answers in the visitor's language, chosen from their cookie or browser.
        language = get_language_from_request(request, check_path=True)
        address = f"{language} {request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"pagecache:page:{hashlib.sha256(address.encode()).hexdigest()}"

    @staticmethod
    def _set_public_cache_control(response):
        # Browsers revalidate at once (the next request after a publish must be fresh); a CDN,
        # which is purged on publish, may keep the page for PAGE_CACHE_CDN_MAX_AGE seconds.
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE
        )

    @staticmethod
    def _freeze(response, generation):
        return {
            "generation": generation,
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k != CACHE_HEADER],
            "content": response.content,
        }

    @staticmethod
    def _rebuild(stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response
