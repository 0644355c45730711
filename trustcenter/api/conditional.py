"""Conditional requests for public API reads: validators on every answer, and 304s.

A public read is a GET (or HEAD) of the API without credentials, answered with a 200: the same
requests the page cache shares (``trustcenter.pagecache.middleware.has_credentials``).

- ``PublicReadValidatorsMiddleware`` (inside the page cache, so its validators are stored with
  the response and a cache hit costs no query) gives each a strong ``ETag``: a digest of the
  body, so it changes whenever anything in the answer does (a publish, a move, a renamed parent,
  a linked page's new URL), and a page's detail's names the live revision first
  (``"revision-12-…"``). A page's detail also gets ``Last-Modified``: its last publish.
  Listings get none: a page unpublished or deleted leaves no later date behind.
- ``ConditionalPublicReadMiddleware`` (outside the page cache) answers ``If-None-Match`` and
  ``If-Modified-Since`` with a 304 when they still match, replayed pages included.

Only the live content is ever digested, so the public ETag never says that a draft exists. A
token holder's answers are private (never shared, never 304): their ``ETag`` names the page's
latest revision, the one ``If-Match`` takes (``writes``).
"""

import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from wagtail.models import Page

from trustcenter.pagecache.middleware import has_credentials

from .paths import is_api_request

# The page detail views, by view name, and the URL parameter that holds the page id.
PAGE_DETAIL_VIEWS = {"wagtailapi:pages:detail": "pk", "wagtailapi_v3:detail_page": "page_id"}
READ_METHODS = ("GET", "HEAD")


def is_public_read(request, response):
    return (
        is_api_request(request)
        and request.method in READ_METHODS
        and response.status_code == 200
        and not response.streaming
        and not has_credentials(request)
    )


def page_detail_id(request):
    match = request.resolver_match
    parameter = match and PAGE_DETAIL_VIEWS.get(match.view_name)
    return parameter and match.kwargs.get(parameter)


class PublicReadValidatorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_public_read(request, response):
            return response
        digest = hashlib.sha256(response.content).hexdigest()
        page_id = page_detail_id(request)
        page = page_id and (
            Page.objects.filter(pk=page_id).values("live_revision_id", "last_published_at").first()
        )
        if page:
            response["ETag"] = quote_etag(f"revision-{page['live_revision_id']}-{digest[:16]}")
            if page["last_published_at"] is not None:
                response["Last-Modified"] = http_date(page["last_published_at"].timestamp())
        else:
            response["ETag"] = quote_etag(digest[:32])
        return response


class ConditionalPublicReadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_public_read(request, response):
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
