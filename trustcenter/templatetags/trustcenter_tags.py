from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Site

from faq.structured_data import json_ld_script
from trustcenter.pagecache.memo import remember

from .. import languages
from ..alternates import alternate_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per content language: to this page's translation, else to that language's home.

    Only live translations count: a visitor must never be sent to a draft. A view that is
    not a page (the search) links to itself in the other language, with the same query.
    """
    request = context.get("request")
    current = page.locale.language_code if page else get_language()
    if not page and _is_view_other_than_a_page(request):
        urls = {code: translate_url(request.get_full_path(), code) for code in languages.names()}
    else:
        targets = dict(_language_homes(request))
        if page:
            targets.update(remember("translations", page.pk, compute=lambda: _translations(page)))
        urls = {code: target.get_url(request=request) for code, target in targets.items()}
    return [
        {"language_code": code, "name": name, "url": urls[code], "is_current": code == current}
        for code, name in languages.names().items()
        if code in urls
    ]


def _translations(page):
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


def _is_view_other_than_a_page(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


def _language_homes(request):
    site = Site.find_for_request(request) if request else Site.objects.get(is_default_site=True)
    if site is None:
        return {}
    return remember("language-homes", site.pk, compute=lambda: languages.homes(site))


@register.simple_tag(takes_context=True)
def language_home(context):
    """The home page of the language being shown (for the header and the breadcrumb)."""
    request = context.get("request")
    page = context.get("page")
    code = page.locale.language_code if page else get_language()
    homes = _language_homes(request)
    return homes.get(code) or homes.get(languages.source_language())


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors from its language's home down, without the tree root."""
    return remember(
        "ancestors",
        page.pk,
        compute=lambda: list(page.get_ancestors().filter(depth__gt=1).specific(defer=True)),
    )


@register.simple_tag(takes_context=True)
def language_alternates(context, page):
    """hreflang links to the page's live, public versions in every language, and x-default."""
    translations = remember(
        "alternates",
        page.pk,
        compute=lambda: list(
            page.get_translations(inclusive=True).live().public().select_related("locale")
        ),
    )
    return alternate_links(translations, context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, page, ancestors):
    """The visible breadcrumb (``ancestors``, then the page) as a schema.org BreadcrumbList."""
    request = context.get("request")
    trail = [*ancestors, page]
    return json_ld_script(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": crumb.title,
                    "item": crumb.get_full_url(request),
                }
                for position, crumb in enumerate(trail, start=1)
            ],
        }
    )


@register.simple_tag
def language_cookie_name():
    return settings.LANGUAGE_COOKIE_NAME
