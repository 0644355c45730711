"""The bulk segment refresh writes what wagtail-localize writes, and a synced translation keeps
its translations. (What syncing costs: tests/trustcenter/test_long_pages.py.)"""

from wagtail_localize.models import TranslationSource

import pytest

from tests.factories import edit_first_answer, faq_items, make_faq_page
from tests.translations import translate_fully
from trustcenter.translation.bulk_segments import refresh_segments_in_bulk
from trustcenter.upstream.wagtail_localize import PATCHES

(wagtail_localize_refresh_segments,) = (
    patch.original for patch in PATCHES if patch.replacement is refresh_segments_in_bulk
)

pytestmark = pytest.mark.django_db


def rich_items(count):
    """Answers as the legacy ones are: paragraphs, lists, links out and to other pages."""
    items = faq_items(count)
    for number, item in enumerate(items):
        item["value"]["answer"] = (
            f'<p>Answer {number}, see <a href="https://example.com/{number}">this</a>.</p>'
            f"<ul><li>First {number}</li><li>Second {number}</li></ul>"
        )
    return items


def rows(source):
    """Everything refreshing writes, as values (ids aside)."""
    return (
        sorted(
            (s.context.path, s.order, s.string.data, s.attrs)
            for s in source.stringsegment_set.select_related("context", "string")
        ),
        sorted(
            (s.context.path, s.order, s.template.template)
            for s in source.templatesegment_set.select_related("context", "template")
        ),
        sorted(
            (s.context.path, s.order, s.data_json)
            for s in source.overridablesegment_set.select_related("context")
        ),
        sorted(
            (s.context.path, s.context.field_path)
            for s in source.stringsegment_set.select_related("context")
        ),
    )


def test_bulk_refresh_writes_what_wagtail_localize_writes():
    page = make_faq_page(questions=rich_items(5))
    source, _ = TranslationSource.update_or_create_from_instance(page)
    bulk = rows(source)
    wagtail_localize_refresh_segments(source)
    assert rows(source) == bulk
    edit_first_answer(page, "<p>New answer with <b>bold</b> text.</p>")
    source, _ = TranslationSource.update_or_create_from_instance(page)
    bulk = rows(source)
    wagtail_localize_refresh_segments(source)
    assert rows(source) == bulk


def test_a_synced_chinese_page_keeps_its_translations(client, soup):
    page = make_faq_page(questions=rich_items(3))
    translate_fully(page, strings={"Question 1?": "问题一？", "Question 2?": "问题二？"})
    page = edit_first_answer(page, "<p>Updated answer.</p>")
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for translation in source.translations.all():
        translation.save_target(publish=True)
    questions = [h2.get_text(strip=True) for h2 in soup(client.get("/zh-hans/faq/")).select("h2")]
    # Item 1 has an untranslated new answer: it keeps its published Chinese until then.
    assert questions == ["问题一？", "问题二？", "译 Question 3?"]
    english = [h2.get_text(strip=True) for h2 in soup(client.get("/en/faq/")).select("h2")]
    assert english == ["Question 1?", "Question 2?", "Question 3?"]
