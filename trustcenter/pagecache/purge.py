"""Purge a changed page from the CDN: the page, its parent's listing, the sitemap, the API.

Wagtail's purge task adds each URL's counterpart in every content language (/en/faq/ and
/zh-hans/faq/), so a change in one language refreshes the language switcher of the other.
"""

import copy

from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import PurgeBatch


def purge_page(page, url_path_before=None, parent_before=None):
    """Purge ``page`` once the current transaction commits (the CDN must refetch the new one)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    page = page.specific_deferred
    places = [page]
    if url_path_before:
        moved_from = copy.copy(page)
        moved_from.url_path = url_path_before
        places.append(moved_from)
    batch.add_pages(places)
    parents = [page.get_parent(), parent_before]
    batch.add_pages(parent for parent in parents if parent is not None and parent.depth > 1)
    site_root = next(filter(None, (_site_root_url(place, batch) for place in places)), None)
    if site_root:
        batch.add_urls(site_root + path.lstrip("/") for path in settings.FRONTEND_CACHE_SITE_PATHS)
        batch.add_urls(
            site_root + path.format(id=page.pk).lstrip("/")
            for path in settings.FRONTEND_CACHE_PAGE_PATHS
        )
    transaction.on_commit(batch.purge)


def _site_root_url(page, cache_object):
    url_parts = page.get_url_parts(request=cache_object)
    if url_parts is None or url_parts[1] is None:
        return None
    return url_parts[1].rstrip("/") + "/"
