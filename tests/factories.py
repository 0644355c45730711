"""Builders for test content, going through the same APIs editors and translators use."""

import io
import uuid

from django.core.files.images import ImageFile
from django.test import TestCase

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from PIL import Image as PILImage

from faq.models import FAQPage
from trustcenter.models import TrustCenterHomePage


def home(language_code="en"):
    return TrustCenterHomePage.objects.get(locale__language_code=language_code)


def faq_items(count, prefix="Question", answer_html=None):
    return [
        {
            "type": "faq",
            "id": str(uuid.uuid4()),
            "value": {
                "question": f"{prefix} {index}?",
                "answer": answer_html or f"<p>Answer {index}, <b>in bold</b>.</p>",
            },
        }
        for index in range(1, count + 1)
    ]


def make_faq_page(parent=None, questions=3, publish=True, **fields):
    parent = parent or home("en")
    fields.setdefault("title", "Frequently Asked Questions")
    fields.setdefault("slug", "faq")
    fields.setdefault("hero_title", fields["title"])
    fields.setdefault("intro", "<p>Popular questions.</p>")
    page = FAQPage(faqs=faq_items(questions) if isinstance(questions, int) else questions, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return FAQPage.objects.get(pk=page.pk)


def translate(page, language_code="zh-hans", strings=None, publish=True):
    """Translate ``page`` through wagtail-localize; ``strings`` maps source text to its translation.

    Source strings without a translation fall back to the source text, as wagtail-localize does.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = (strings or {}).get(segment.string.data)
        if translated is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": translated,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes on commit; tests run inside a transaction that never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return translation.get_target_instance().specific


def faq_items_linking_to(count, targets):
    """FAQ items whose answers link to two of ``targets`` (pages, by id, as editors' links do),
    in turn, and out to the web, with a list: the shapes legacy answers have."""
    items = faq_items(count)
    for index, item in enumerate(items):
        first, second = targets[index % len(targets)], targets[(index + 1) % len(targets)]
        item["value"]["answer"] = (
            f'<p>See <a linktype="page" id="{first.pk}">this</a> '
            f'and <a linktype="page" id="{second.pk}">that</a>, '
            f'or <a href="https://example.com/{index}">the terms</a>.</p>'
            f"<ul><li>First {index}</li><li>Second {index}</li></ul>"
        )
    return items


def edit_first_answer(page, answer):
    """Publish ``page`` with its first answer replaced by ``answer`` (HTML)."""
    page = FAQPage.objects.get(pk=page.pk)
    data = [dict(item) for item in page.faqs.raw_data]
    data[0] = {**data[0], "value": {**data[0]["value"], "answer": answer}}
    page.faqs = data
    page.save_revision().publish()
    return page


def upload_image(name="hero.jpg"):
    """An image as an editor uploads it, through Wagtail's image model."""
    data = io.BytesIO()
    PILImage.new("RGB", (1300, 352), (40, 90, 160)).save(data, "JPEG")
    return get_image_model().objects.create(title=name, file=ImageFile(data, name=name))
