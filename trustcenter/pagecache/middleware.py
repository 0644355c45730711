"""A full-page cache for anonymous visitors, shared by every worker and app server.

Only GET requests without credentials are served from or stored in the cache. A credential is
an ``Authorization`` header (an API token), a ``preview_token`` query parameter (a page's draft,
``trustcenter.api.preview_tokens``) or any cookie but the language and CSRF cookies (a
session: logged-in editors, page passwords, previews). A response made with one is never shared:
it says ``Cache-Control: private, no-store`` and ``Vary: Authorization, Cookie``, so no CDN or
proxy keeps it either. The admin and its previews are never cached. A response is stored only
if nothing in it belongs to one visitor: a 200, no cookie set, not marked private or
uncacheable, varying on nothing but the visitor's language (which is part of the key), and the
view read every query parameter it was sent (``query.py``).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request

from trustcenter.api.preview_tokens import is_preview

from .generation import current_generation, page_cache, reading
from .query import has_unread_parameters, track_query_reads

CACHE_HEADER = "X-Page-Cache"
_UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
# What a stored page may vary on: the key holds the language the request gets, and the request
# has no credentials (the language cookie is read into that language).
_VARY_ALLOWED = {"accept-encoding", "accept-language", "authorization", "cookie"}


def has_credentials(request):
    """Whether the request carries anything that may identify its sender to a view."""
    anonymous_cookies = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    return (
        "HTTP_AUTHORIZATION" in request.META
        or is_preview(request)
        or bool(set(request.COOKIES) - anonymous_cookies)
    )


class FullPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.never_cached_prefixes = tuple(settings.PAGE_CACHE_NEVER_CACHED_PATHS)

    def __call__(self, request):
        if has_credentials(request):
            return self._never_shared(self.get_response(request))
        if not settings.PAGE_CACHE_ENABLED or not self._may_use_cache(request):
            return self.get_response(request)

        cache = page_cache()
        track_query_reads(request)
        with reading():
            # Stored under the generation current when rendering began: a publish during the
            # render starts a new one, under which this entry is never looked up.
            key = self._key(request, current_generation())
            stored = cache.get(key)
            if stored is not None:
                return self._rebuild(stored)
            response = self.get_response(request)
        if self._may_store(response) and not has_unread_parameters(request):
            self._set_public_cache_control(response)
            cache.set(key, self._freeze(response), settings.PAGE_CACHE_TIMEOUT)
            response[CACHE_HEADER] = "miss"
        return response

    def _may_use_cache(self, request):
        return request.method == "GET" and not request.path.startswith(self.never_cached_prefixes)

    @staticmethod
    def _never_shared(response):
        # The view may have called it public (v3 marks its reads so): a credential outranks that.
        response.headers.pop("Cache-Control", None)
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ("Authorization", "Cookie"))
        return response

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
    def _key(request, generation):
        # Host and scheme too: one cache may serve several sites, and http and https differ.
        # And the language Django will activate: a URL without a language prefix (the sitemap,
        # the API) answers in the visitor's language, chosen from their cookie or browser.
        language = get_language_from_request(request, check_path=True)
        address = f"{language} {request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"pagecache:page:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"

    @staticmethod
    def _set_public_cache_control(response):
        # Browsers revalidate at once (the next request after a publish must be fresh); a CDN,
        # which is purged on publish, may keep the page for PAGE_CACHE_CDN_MAX_AGE seconds.
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE
        )
        # "public" lets a shared cache answer a request with a token (RFC 9111, 3.5): a cache
        # that honours Vary keeps token holders apart; README says how to configure the rest.
        patch_vary_headers(response, ("Authorization",))

    @staticmethod
    def _freeze(response):
        return {
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
