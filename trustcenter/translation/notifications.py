"""Who is told that there is translation work, and when.

- An editor who publishes a page in the source language whose translatable content changed
  (a string or a link URL differs from what its translations were last synced with) is offered
  the sync: a message with a "Sync translated pages" button. With
  ``TRANSLATION_SYNC_ON_PUBLISH = True`` the publish syncs at once instead.
- A sync (wagtail-localize's "Sync translated pages", or the one on publish) tells each
  language's translators by email (Wagtail's ``send_mail``: Django's mail, with Wagtail's
  sender and ``Auto-Submitted`` header), in each one's admin language, which pages have work
  waiting. Wagtail 8 has no in-admin notifications; its own (moderation) notices are emails too.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.admin import messages
from wagtail.admin.mail import send_mail
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from faq.translation.status import translation_status

from .. import roles


def translatable_content(page):
    """What a page gives its translators: ``{(path, string or link URL)}``."""
    content = set()
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            content.add((segment.path, segment.string.data))
        elif isinstance(segment, OverridableSegmentValue):
            content.add((segment.path, segment.data))
    return content


def synced_content(source):
    """What the translations of ``source`` were last synced with, as ``translatable_content``."""
    strings = StringSegment.objects.filter(source=source).values_list(
        "context__path", "string__data"
    )
    overridables = OverridableSegment.objects.filter(source=source).select_related("context")
    return set(strings) | {(segment.context.path, segment.data) for segment in overridables}


def offer_sync(request, page):
    """after_publish_page: offer the sync (or make it) when the translatable content changed."""
    page = page.specific
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is None or not source.translations.filter(enabled=True).exists():
        return
    if translatable_content(page) == synced_content(source):
        return
    if getattr(settings, "TRANSLATION_SYNC_ON_PUBLISH", False):
        source.update_from_db()
        notify_translators(source)
        messages.success(
            request,
            _("The translations of “%(page)s” are synced; the translators are told.")
            % {"page": page.title},
        )
    elif request.user.has_perm("wagtail_localize.submit_translation"):
        sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
        messages.info(
            request,
            _(
                "“%(page)s” has changed text to translate: sync its translations so that the "
                "translators get it."
            )
            % {"page": page.title},
            buttons=[messages.button(sync_url, _("Sync translated pages"))],
        )


def pages_waiting(locale):
    """``(title, editor URL)`` of each FAQ page whose translation into ``locale`` has work
    waiting (strings behind, or not published)."""
    waiting = []
    for status in translation_status():
        for language in status.languages:
            if language.locale == locale and language.synced and not language.up_to_date:
                url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + language.translate_url
                waiting.append((language.page.title, url))
    return waiting


def notify_translators(source):
    """Email each translator of each language ``source`` is translated into the pages with
    work waiting in that language. Returns how many emails were sent."""
    sent = 0
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        locale = translation.target_locale
        recipients = (
            get_user_model()
            .objects.filter(groups__name=roles.translator_group(locale.language_code))
            .filter(is_active=True)
            .exclude(email="")
            .select_related("wagtail_userprofile")
            .distinct()
        )
        waiting = pages_waiting(locale) if recipients else []
        for user in recipients if waiting else []:
            profile = getattr(user, "wagtail_userprofile", None)
            with override(profile.get_preferred_language() if profile else None):
                subject = _("Translation work waiting in %(language)s") % {
                    "language": locale.get_display_name()
                }
                lines = [_("These pages have text waiting for your translation:"), ""]
                lines += [f"- {title}: {url}" for title, url in waiting]
                sent += send_mail(subject, "\n".join(lines), [user.email])
    return sent
