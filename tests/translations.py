"""Translate every string of a page, so no FAQ item is held back from the translation."""

from wagtail_localize.models import TranslationSource

from tests.factories import translate


def translate_fully(page, language_code="zh-hans", strings=None, publish=True):
    """``strings`` as in ``translate``; every other string becomes "译 " + its source text."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    everything = {
        segment.string.data: f"译 {segment.string.data}"
        for segment in source.stringsegment_set.select_related("string")
    }
    everything.update(strings or {})
    return translate(page, language_code, strings=everything, publish=publish)
