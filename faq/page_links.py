"""Resolve rich-text page links in bulk, in the reader's language.

Wagtail expands each rich text value on its own, and each page link with a query or two of
its own (more in a non-default language: wagtail#14620), so a page of 500 answers with links
costs a thousand queries. Here the page links of many texts are resolved together, in one query
(the linked pages together with their live translations in the active language), and the URLs
are kept until the end of a ``page_link_scope()`` (a request, an API answer): the cost no longer
grows with the content. This app registers ``BatchedPageLinkHandler`` as the "page" link type;
a site can prefetch a page's links before rendering it (``prefetch_page_links``).
"""

import contextlib
import contextvars

from django.db.models import Q
from django.utils.html import escape
from django.utils.translation import get_language, get_supported_language_variant

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

# URLs already resolved in this request, keyed by (language, page id).
_resolved_urls = contextvars.ContextVar("resolved_page_link_urls", default=None)


@contextlib.contextmanager
def page_link_scope():
    """Keep resolved page-link URLs until the block ends (a request, an export, an API call).

    Inside another scope, the URLs are the outer scope's, and kept until it ends.
    """
    if _resolved_urls.get() is not None:
        yield
        return
    token = _resolved_urls.set({})
    try:
        yield
    finally:
        _resolved_urls.reset(token)


def page_link_ids(*values):
    """The ids of every page linked from ``values``: pages, stream/rich-text values, strings."""
    ids = set()
    for value in values:
        for text in _rich_text_sources(value):
            if "linktype" not in text:
                continue
            for match in FIND_A_TAG.finditer(text):
                attrs = extract_attrs(match.group(1))
                if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
                    ids.add(attrs["id"])
    return ids


def prefetch_page_links(*values):
    """Resolve every page link found in ``values`` now, in one query."""
    return resolve_page_urls(page_link_ids(*values))


def resolve_page_urls(ids):
    """Map each page id (a string) to its URL in the active language, or None if gone.

    Ids resolved earlier in the current scope cost nothing; the rest cost one query.
    """
    language = _active_content_language()
    memo = _resolved_urls.get()
    if memo is None:
        memo = {}
    wanted = {str(page_id) for page_id in ids}
    missing = [page_id for page_id in wanted if (language, page_id) not in memo]
    # An id that is no number (typed into an answer, an import or an API write) links nowhere.
    memo.update({(language, page_id): None for page_id in missing if not page_id.isdigit()})
    missing = [page_id for page_id in missing if page_id.isdigit()]
    if missing:
        memo.update({(language, page_id): url for page_id, url in _fetch_urls(missing, language)})
    return {page_id: memo[(language, page_id)] for page_id in wanted}


def _fetch_urls(ids, language):
    linked = Page.objects.filter(id__in=ids)
    # The linked pages and their live translations in the active language, in one query.
    pages = list(
        Page.objects.filter(
            Q(id__in=ids)
            | Q(
                translation_key__in=linked.values("translation_key"),
                locale__language_code=language,
                live=True,
            )
        )
        .select_related("locale")
        .defer_streamfields()
    )
    live_translations = {
        page.translation_key: page
        for page in pages
        if page.locale.language_code == language and page.live
    }
    # Wagtail keeps the site root paths on what it is given as the request: one lookup for all.
    site_root_paths = _SiteRootPaths()
    # A site no page belongs to: a URL relative to it is as if no site were current.
    no_current_site = Site()
    by_id = {str(page.id): page for page in pages}
    for page_id in ids:
        page = by_id.get(page_id)
        if page is None:
            yield page_id, None
            continue
        # As Page.localized does: a page in the visitor's language is itself; another is its
        # live translation in that language, or itself if there is none.
        target = page
        if page.locale.language_code != language:
            target = live_translations.get(page.translation_key, page)
        # The specific class may route its own URLs; building it costs no query.
        target = target.specific_deferred
        # As get_url() without a request: a local URL if there is one site, else a full one.
        yield page_id, target.relative_url(no_current_site, request=site_root_paths)


class _SiteRootPaths:
    """Where ``Page.get_url_parts(request=...)`` caches the site root paths it looks up."""


def _active_content_language():
    try:
        return get_supported_language_variant(get_language())
    except LookupError:
        return get_language()


def _rich_text_sources(value):
    """Every string in a value that may hold rich-text links, without rendering anything."""
    if isinstance(value, Page):
        for field in value._meta.concrete_fields:
            if isinstance(field, RichTextField | StreamField):
                yield from _rich_text_sources(field.value_from_object(value))
    elif isinstance(value, str):
        yield value
    elif isinstance(value, RichText):
        yield value.source
    elif hasattr(value, "raw_data"):  # StreamValue: its stored JSON, not its rendered blocks
        yield from _rich_text_sources(list(value.raw_data))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _rich_text_sources(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _rich_text_sources(item)


class BatchedPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, resolving through the request's batch."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        urls = resolve_page_urls(attrs.get("id") for attrs in attrs_list)
        hrefs = [urls.get(str(attrs.get("id"))) for attrs in attrs_list]
        return [f'<a href="{escape(href)}">' if href else "<a>" for href in hrefs]
