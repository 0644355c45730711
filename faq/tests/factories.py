"""Builders for faq's own tests, through the APIs an editor and a translator use (the page
tree, revisions, wagtail-localize): the home page is the one Wagtail's migrations create."""

import uuid

from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from faq.models import FAQPage


def home(language_code="en"):
    return Page.objects.get(depth=2, locale__language_code=language_code)


def chinese_locale():
    return Locale.objects.get_or_create(language_code="zh-hans")[0]


def faq_items(pairs):
    """``[(question, answer html), ...]`` → the ``faqs`` stream of a page."""
    return [
        {"type": "faq", "id": str(uuid.uuid4()), "value": {"question": q, "answer": a}}
        for q, a in pairs
    ]


def make_faq_page(pairs, title="Questions", slug="faq", intro="<p>What people ask.</p>"):
    page = FAQPage(title=title, slug=slug, intro=intro, faqs=faq_items(pairs))
    home().add_child(instance=page)
    page.save_revision().publish()
    return FAQPage.objects.get(pk=page.pk)


def translate(page, strings, translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL):
    """Translate ``page`` into Chinese through wagtail-localize, its home first; ``strings``
    maps source text to its translation (stored as ``translation_type``), then publish."""
    locale = chinese_locale()
    with TestCase.captureOnCommitCallbacks(execute=True):
        TranslationCreator(None, [locale]).create_translations(home())
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": translation_type,
                },
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes on commit; a test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return translation.get_target_instance().specific
