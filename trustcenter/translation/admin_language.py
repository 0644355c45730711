"""What Wagtail and wagtail-localize leave in English (or garble) in a Chinese translator's
admin, put in the translator's language.

Their catalogues are completed in ``locale/`` (``LOCALE_PATHS`` takes precedence over an
app's catalogue, for ``djangojs`` too): "Page types usage", "Search all pages…", and the
editor's machine-translation button, which wagtail-localize builds by appending the
translator's name to "Translate all missing strings with " (so Chinese read "翻译所有缺失的字符串
虚拟译者"). What no catalogue can fix is here:

- ``relabel_translations_report``: wagtail-localize labels its "Translations" report with
  ``gettext`` when the menu is first built, so every user got the first request's language.
- ``permission_denied_in_users_language``: Wagtail words "Sorry, you do not have permission to
  access this area." after leaving the user's language (a view's ``PermissionDenied``
  propagates out of ``get_localized_response``), so it came in the site's language.
- ``LocalDateComments``: the editor's "Translated manually on {date}" used ``strftime``
  ("3 December 2026"); here the date is in the user's language's format ("2026年12月3日").
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext_lazy, override

from wagtail.admin import auth

from rest_framework import serializers

wagtail_permission_denied = auth.permission_denied

# Wagtail's own strings its Chinese catalogue lacks on the screens a translator uses (the
# dashboard, the page explorer, search), translated in ``locale/`` (named here so that
# ``makemessages`` keeps them; the plurals as Wagtail's templates word them).
WAGTAIL_STRINGS_COMPLETED = (
    gettext_noop("Page types usage"),
    gettext_noop("Search all pages…"),
    gettext_noop("Exploring"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        "There is one matching page", "There are %(counter)s matching pages", "counter_val"
    ),
)


def relabel_translations_report(request, menu_items):
    """construct_reports_menu: wagtail-localize's "Translations" report, labelled lazily."""
    url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == url:
            item.label = gettext_lazy("Translations")


def permission_denied_in_users_language(request):
    """``wagtail.admin.auth.permission_denied``, its message in the user's admin language."""
    profile = getattr(request.user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile is not None else None
    if not language:
        return wagtail_permission_denied(request)
    with override(language):
        return wagtail_permission_denied(request)


class LocalDateComments(serializers.Serializer):
    """For wagtail-localize's ``StringTranslationSerializer``: its ``comment``, dated in the
    active language's ``DATE_FORMAT``."""

    comment = serializers.SerializerMethodField()

    def get_comment(self, translation):
        date = date_format(localtime(translation.updated_at), "DATE_FORMAT")
        if translation.tool_name:
            return _("Translated with %(tool)s on %(date)s") % {
                "tool": translation.tool_name,
                "date": date,
            }
        if translation.translation_type == translation.TRANSLATION_TYPE_MACHINE:
            return _("Machine translated on %(date)s") % {"date": date}
        return _("Translated manually on %(date)s") % {"date": date}
