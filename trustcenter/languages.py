"""The site's languages, in one place.

- ``WAGTAIL_CONTENT_LANGUAGES`` (settings; ``LANGUAGES`` is the same list) names them, in the
  order the language switch and the hreflang links show them.
- The source language is ``LANGUAGE_CODE``: editors write in it, translators translate from
  it, and it is the ``x-default`` of hreflang links and the language of an API response.
- Each language has a home: the translation of the default site's root page.
- A page's URL starts with its language code (``/zh-hans/faq/``).

A third language is a settings change (add it to ``WAGTAIL_CONTENT_LANGUAGES``, and its
translators' group to ``TRANSLATOR_GROUPS`` if the default name won't do) plus translations:
the interface's (``locale/``, ``faq/locale/``) and, through wagtail-localize, the content's.
``migrate`` then makes its locale, its home and its translators' group.
"""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page


def names():
    """``{language code: name}``, in the site's order."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def codes():
    return list(names())


def source_language():
    return settings.LANGUAGE_CODE


def translated_languages():
    """The languages translated from the source language, in the site's order."""
    return [code for code in codes() if code != source_language()]


def source_locale():
    return Locale.objects.get(language_code=source_language())


def homes(site, live_only=True):
    """``{language code: home page}``: the (live) translations of ``site``'s root page."""
    found = Page.objects.filter(translation_key=site.root_page.translation_key)
    if live_only:
        found = found.live()
    return {home.locale.language_code: home for home in found.select_related("locale")}


def home_for(page, language_code):
    """The home of ``language_code`` for a language home ``page`` (any language's), or None."""
    locale = Locale.objects.filter(language_code=language_code).first()
    return page.get_translation_or_none(locale) if locale else None


def language_of_path(path):
    """The content language a URL path starts with (``/zh-hans/faq/`` → ``zh-hans``), or None."""
    return translation.get_language_from_path(path)
