"""Which link URLs rich text may carry, and never rendering any other.

The rule is Wagtail's own link handling (``wagtail.whitelist.check_url``, which the editor's
converters apply) made stricter: http, https, mailto and tel links and relative URLs, nothing
else (no ``javascript:``, ``data:``, ``vbscript:``, and no ``ftp:``, which browsers dropped).
A browser ignores case, leading spaces and control characters in a scheme and decodes
character references in an attribute, so the scheme is read as the browser reads it.
"""

import html
import re

from django.utils.translation import gettext as _

from wagtail.rich_text import expand_db_html

ALLOWED_LINK_SCHEMES = ("http", "https", "mailto", "tel")

# What a browser skips inside a URL's scheme: controls, spaces, the Unicode spaces up to
# U+00A0, and what an HTML parser turns a broken character reference into.
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f-\xa0\s\ufffd`]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# An opening <a> tag, quoted attribute values included (a ">" inside one does not end it).
_A_TAG = re.compile(r"""<a(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_HREF = re.compile(
    r"""[\s/"']href\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|mailto:|tel:|www\.|/)\S*", re.IGNORECASE)


def _as_a_browser_reads_it(url):
    previous = None
    # Character references may be nested (&amp;#106;) where a URL passes through HTML twice.
    for _round in range(5):
        if url == previous:
            break
        previous, url = url, html.unescape(url)
    return _IGNORED_BY_BROWSERS.sub("", url).lower()


def is_allowed_link_url(url):
    """Whether a link may point at ``url``: an http, https, mailto or tel URL, or a relative one."""
    scheme = _SCHEME.match(_as_a_browser_reads_it(url))
    return scheme is None or scheme.group(1) in ALLOWED_LINK_SCHEMES


def names_another_host(url):
    """Whether a URL without a scheme still leads off the site: ``//host/…``, and ``/\\host/…``
    or ``\\\\host``, which browsers read the same way (a backslash is a slash in web URLs)."""
    read = _as_a_browser_reads_it(url).replace("\\", "/")
    return _SCHEME.match(read) is None and read.startswith("//")


def link_url_problem(url):
    """A one-line sentence saying why ``url`` is refused as a link's URL; None if it is allowed."""
    if is_allowed_link_url(url):
        return None
    return _(
        "The link URL “%(url)s” is not allowed: use an http, https, mailto or tel URL, or a "
        "relative one."
    ) % {"url": url[:80]}


def is_url(text):
    """Whether ``text`` is one web address and nothing else: ``https://…`` (or another scheme
    with ``//``), ``mailto:…``, ``tel:…``, ``www.…`` or a path (``/en/faq/``)."""
    return bool(_URL.fullmatch(text.strip()))


def translated_url_problem(source, translation):
    """Why ``translation`` is refused as the translation of ``source`` when ``source`` is a URL
    (a link's URL translated as text, such as a menu link's); None if it is accepted or
    ``source`` is no URL."""
    return link_url_problem(translation) if is_url(source) else None


def _refused_urls_in_tag(tag):
    urls = (href.group(1).strip("\"'") for href in _HREF.finditer(tag))
    return [url for url in urls if not is_allowed_link_url(url)]


def refused_link_urls(rich_text):
    """The URLs of ``rich_text``'s links (database or display HTML) that are refused."""
    return [url for tag in _A_TAG.findall(rich_text) for url in _refused_urls_in_tag(tag)]


def drop_unsafe_links(rich_text):
    """``rich_text`` (database or display HTML) with every link to a refused URL made a plain
    ``<a>``, as Wagtail renders a link it can't resolve (its text stays)."""
    return _A_TAG.sub(
        lambda tag: "<a>" if _refused_urls_in_tag(tag.group(0)) else tag.group(0), rich_text
    )


def expand_rich_text(source):
    """Database HTML as visitors get it: Wagtail's expansion, never with a refused link."""
    return expand_db_html(drop_unsafe_links(source))
