"""What the header and footer show in a language, as plain data remembered per generation.

One query when the page-cache generation is new (the language's live header and footer, or the
source language's if it has none), none after: saving or publishing one starts a new
generation. Plain data, so the 500 page can show it without the database, with any link URL
``faq.links`` refuses already dropped (the forms refuse them; this is for one stored anyway).
"""

import logging

from faq.links import is_allowed_link_url
from trustcenter import languages
from trustcenter.pagecache.memo import remember

from .models import HeaderFooter

logger = logging.getLogger(__name__)


def navigation(language_code):
    """The header and footer for ``language_code``, as a dict; None if there is none at all."""
    return remember("navigation", language_code, compute=lambda: _load(language_code))


def navigation_if_available(language_code):
    """``navigation``, or None instead of any error: for the error page, which is shown when
    the database (or the cache) may be what failed."""
    try:
        return navigation(language_code)
    except Exception:  # whatever failed, the error page must still render
        logger.warning("The error page is shown without the header and footer", exc_info=True)
        return None


def _load(language_code):
    source = languages.source_language()
    candidates = HeaderFooter.objects.filter(
        live=True, locale__language_code__in={language_code, source}
    ).select_related("locale")
    by_language = {item.locale.language_code: item for item in candidates}
    chosen = by_language.get(language_code) or by_language.get(source)
    return _as_shown(chosen) if chosen else None


def _as_shown(item):
    return {
        "site_name": item.site_name,
        "menu": [_link(block.value) for block in item.menu],
        "footer_columns": [
            {
                "heading": block.value["heading"],
                "links": [_link(link) for link in block.value["links"]],
            }
            for block in item.footer_columns
        ],
        "legal_line": item.legal_line,
        "icp_number": item.icp_number,
        "icp_url": _safe(item.icp_url),
        "public_security_number": item.public_security_number,
        "public_security_url": _safe(item.public_security_url),
    }


def _link(value):
    return {"text": value["text"], "url": _safe(value["url"])}


def _safe(url):
    # A refused URL is shown as text without a link, as rich text shows one.
    return url if url and is_allowed_link_url(url) else ""
