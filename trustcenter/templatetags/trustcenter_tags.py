from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Page, Site

from pagecache.memo import remember

register = template.Library()


def _language_names():
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per content language: to this page's translation, else to that language's home.

    Only live translations count: a visitor must never be sent to a draft.
    """
    request = context.get("request")
    current = page.locale.language_code if page else get_language()
    translations = {}
    if page is not None:
        translations = remember("translations", page.pk, compute=lambda: _translations(page))
    homes = _language_homes(request)
    links = []
    for code, name in _language_names().items():
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {
                "language_code": code,
                "name": name,
                "url": target.get_url(request=request),
                "is_current": code == current,
            }
        )
    return links


def _translations(page):
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


def _language_homes(request):
    site = Site.find_for_request(request) if request else Site.objects.get(is_default_site=True)
    if site is None:
        return {}
    return remember("language-homes", site.pk, compute=lambda: _find_language_homes(site))


def _find_language_homes(site):
    return {
        home.locale.language_code: home
        for home in Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale")
    }


@register.simple_tag(takes_context=True)
def language_home(context):
    """The home page of the language being shown (for the header and the breadcrumb)."""
    request = context.get("request")
    page = context.get("page")
    code = page.locale.language_code if page else get_language()
    homes = _language_homes(request)
    return homes.get(code) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors from its language's home down, without the tree root."""
    return remember(
        "ancestors",
        page.pk,
        compute=lambda: list(page.get_ancestors().filter(depth__gt=1).specific(defer=True)),
    )
