"""Translated pages for the tests, and the admin clients of the people who translate them.

A page is translated either at once through wagtail-localize (``translate_fully``,
``with_chinese_translation``) or as people do it in the admin (``translated_in_admin``).
"""

from django.test import Client

from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import make_faq_page, translate


def translate_fully(page, language_code="zh-hans", strings=None, publish=True):
    """``strings`` as in ``translate``; every other string becomes "译 " + its source text."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    everything = {
        segment.string.data: f"译 {segment.string.data}"
        for segment in source.stringsegment_set.select_related("string")
    }
    everything.update(strings or {})
    return translate(page, language_code, strings=everything, publish=publish)


def logged_in(user, admin_language=None):
    """A test client logged in as ``user``; ``admin_language`` (a language code) becomes the
    language of their admin, as their profile's preference."""
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    client = Client()
    client.force_login(user)
    return client


def chinese_translator_client(django_user_model):
    """A translator into Chinese whose admin is in Chinese."""
    return logged_in(flows.translator(django_user_model), "zh-hans")


def with_chinese_translation(questions, strings=None):
    """An English FAQ page of ``questions`` (as ``make_faq_page`` takes them), with its Chinese
    translation published (``strings`` as in ``translate``); returns the English page."""
    english = make_faq_page(questions=questions)
    translate(english, strings=strings)
    return english


def translated_in_admin(english, editor_client, translator_client, strings):
    """``english`` translated as people do it: the editor starts the translation, the translator
    types ``strings`` (as ``admin_flows.translate_in_editor`` takes them) into the translation
    editor and publishes. Returns the published Chinese page."""
    flows.start_translation(editor_client, english)
    assert flows.translate_in_editor(translator_client, english, strings)
    chinese = FAQPage.objects.get(locale__language_code="zh-hans")
    flows.publish_translation(translator_client, chinese)
    return FAQPage.objects.get(pk=chinese.pk)
