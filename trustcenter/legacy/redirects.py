"""Permanent redirects from a page's old addresses, kept in Wagtail's redirects app.

Editors see and change them under Settings → Redirects. Each redirect points at the page
itself (not at its URL), so it follows the page when it is moved or renamed.
"""

from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from .. import languages
from .parser import normalize_language

# The longest path Wagtail's Redirect.old_path holds.
MAX_PATH_LENGTH = Redirect._meta.get_field("old_path").max_length


class LegacyRedirectError(ValueError):
    """A legacy redirect that cannot be made; the message says which and why."""


def parse_redirect_spec(spec):
    """``"LANG=/old/path.html"`` → ``("LANG", "/old/path.html")``, both checked.

    LANG is a content language or one of the legacy site's names for it (en-us, zh-cn).
    """
    language, separator, old_path = spec.partition("=")
    if not separator or not language.strip():
        raise LegacyRedirectError(f"{spec!r}: expected LANG=/old/path.html")
    language_code = normalize_language(language) or language.strip()
    known = languages.codes()
    if language_code not in known:
        raise LegacyRedirectError(
            f"{spec!r}: unknown language {language_code!r} (one of: {', '.join(known)})"
        )
    return language_code, normalise_old_path(old_path)


def normalise_old_path(old_path):
    old_path = old_path.strip()
    if not old_path.startswith("/") or old_path.startswith("//"):
        raise LegacyRedirectError(
            f"{old_path!r}: an old path starts with a single / (a path on this site, not a URL)"
        )
    if any(character.isspace() for character in old_path):
        raise LegacyRedirectError(f"{old_path!r}: an old path has no spaces")
    path = Redirect.normalise_path(old_path)
    if len(path) > MAX_PATH_LENGTH:
        raise LegacyRedirectError(f"{old_path!r}: longer than {MAX_PATH_LENGTH} characters")
    return path


@transaction.atomic
def set_legacy_redirects(page, redirects):
    """Permanently redirect each old path to ``page``'s translation in its language.

    ``redirects`` is an iterable of ``(language_code, old_path)`` pairs (see
    ``parse_redirect_spec``). Idempotent: an existing redirect from the same path on the
    page's site is updated, never duplicated. All or nothing: any bad pair raises
    ``LegacyRedirectError`` and nothing is saved. Returns the redirects, in order.
    """
    targets = {}
    for language_code, old_path in redirects:
        path = normalise_old_path(old_path)
        target = _translation(page, language_code)
        if targets.get(path, target) != target:
            raise LegacyRedirectError(f"{path!r}: given for two different languages")
        targets[path] = target
    site = page.get_site()
    if site is None:
        raise LegacyRedirectError(f"{page.title!r} is not on any site: nothing can reach it")
    saved = []
    for path, target in targets.items():
        redirect, _ = Redirect.objects.update_or_create(
            old_path=path,
            site=site,
            defaults={
                "redirect_page": target,
                "redirect_page_route_path": "",
                "redirect_link": "",
                "is_permanent": True,
            },
        )
        saved.append(redirect)
    return saved


def _translation(page, language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise LegacyRedirectError(f"{language_code!r}: no such locale on this site")
    translation = page.get_translation_or_none(locale)
    if translation is None:
        raise LegacyRedirectError(f"{page.title!r} has no {language_code!r} translation yet")
    return translation
