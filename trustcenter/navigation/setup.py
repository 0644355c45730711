"""Fill the legacy header and footer (``legacy.py``) into a site that has none.

The source language's is created and published; every other language it has legacy text for
gets it as a wagtail-localize translation of that one (as the Chinese home is made), so
translators find it where they find every other translation. Idempotent: a language that
already has a header and footer keeps it, and a translation is made only of a header and
footer created here, whose text is still the legacy one.
"""

import uuid

from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments

from trustcenter import languages

from . import legacy
from .models import HeaderFooter

# Block ids made from each block's place, the same in every language, so a translation's
# segments line up with the source's.
_BLOCK_IDS = uuid.UUID("5f0c7a52-3b8e-4a51-9a0e-6c1d2f3e4b5a")


@transaction.atomic
def ensure_legacy_header_footer():
    """The languages given the legacy header and footer now (none if all had theirs)."""
    source_code = languages.source_language()
    if (
        source_code not in legacy.SITE_NAME
        or HeaderFooter.objects.filter(locale__language_code=source_code).exists()
    ):
        return []
    source = _legacy_header_footer(source_code)
    source.locale = Locale.objects.get(language_code=source_code)
    source.live = False
    source.save()
    source.save_revision().publish()
    filled = [source_code]
    for code in languages.translated_languages():
        locale = Locale.objects.filter(language_code=code).first()
        if code in legacy.SITE_NAME and locale and not source.has_translation(locale):
            _translate(source, locale)
            filled.append(code)
    return filled


def _legacy_header_footer(code):
    def block_id(*place):
        return str(uuid.uuid5(_BLOCK_IDS, "/".join(map(str, place))))

    def link(text, url):
        return {"text": text[code], "url": url}

    home = f"/{code}/"
    return HeaderFooter(
        site_name=legacy.SITE_NAME[code],
        menu=[
            {"type": "link", "id": block_id("menu", n), "value": link(text, home + path)}
            for n, (text, path) in enumerate(legacy.MENU)
        ],
        footer_columns=[
            {
                "type": "column",
                "id": block_id("column", n),
                "value": {
                    "heading": heading[code],
                    "links": [
                        {"type": "item", "id": block_id("column", n, m), "value": link(text, url)}
                        for m, (text, url) in enumerate(links)
                    ],
                },
            }
            for n, (heading, links) in enumerate(legacy.FOOTER_COLUMNS)
        ],
        **legacy.RECORDS,
    )


def _translate(source, locale):
    """``source`` translated into ``locale`` with its legacy text, and published."""
    legacy_segments = {
        segment.path: segment
        for segment in extract_segments(_legacy_header_footer(locale.language_code))
    }
    translation_source, _ = TranslationSource.get_or_create_from_instance(source)
    for segment in translation_source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": legacy_segments[segment.context.path].string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale
    )
    translation.save_target(publish=True)
