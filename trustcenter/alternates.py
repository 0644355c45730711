"""A page's language versions, as hreflang alternates (HTML head and sitemap)."""

from faq.structured_data import language_tag

from . import languages


def alternate_links(translations, request=None):
    """``translations``: the live versions of one page. ``[{"lang_code", "location"}]``.

    One link per language in the site's language order, then ``x-default`` (the source
    language's version). None for a page that exists in one language only.
    """
    by_language = {page.locale.language_code: page for page in translations}
    if len(by_language) < 2:
        return []
    links = [
        {"lang_code": language_tag(code), "location": by_language[code].get_full_url(request)}
        for code in languages.codes()
        if code in by_language
    ]
    default = by_language.get(languages.source_language())
    if default is not None:
        links.append({"lang_code": "x-default", "location": default.get_full_url(request)})
    return links
