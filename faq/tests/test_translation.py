"""What faq adds to wagtail-localize: a translation shows only what is translated (and, with
``FAQ_REVIEWED_TRANSLATIONS_ONLY``, reviewed by a translator); the rest waits."""

from django.core import checks

from wagtail_localize.models import StringTranslation

import pytest

from faq.models import FAQPage

from .conftest import CHINESE
from .factories import faq_items, translate

pytestmark = pytest.mark.django_db


def chinese_questions(client, soup):
    return [
        q.get_text() for q in soup(client.get("/zh-hans/faq/")).select(".content-faq-question-text")
    ]


def test_an_untranslated_question_is_held_back_until_translated(client, soup, english_page):
    english_page.faqs = [
        *english_page.faqs.raw_data,
        *faq_items([("Is it new?", "<p>Quite new.</p>")]),
    ]
    english_page.save_revision().publish()
    translate(FAQPage.objects.get(pk=english_page.pk), CHINESE)
    assert chinese_questions(client, soup) == ["我的数据存储在哪里？", "谁审计这项服务？"]

    translate(english_page, {**CHINESE, "Is it new?": "是新的吗？", "Quite new.": "很新。"})
    assert chinese_questions(client, soup)[-1] == "是新的吗？"


def test_a_machine_translation_is_held_back_until_a_translator_reviews_it(
    client, soup, english_page
):
    reviewed = {
        key: value
        for key, value in CHINESE.items()
        if "audits" not in key and "assessors" not in key
    }
    machine = {key: value for key, value in CHINESE.items() if key not in reviewed}
    translate(english_page, reviewed)
    translate(english_page, machine, StringTranslation.TRANSLATION_TYPE_MACHINE)
    assert chinese_questions(client, soup) == ["我的数据存储在哪里？"]

    translate(english_page, machine)  # the translator saves the suggestion: now "manual"
    assert chinese_questions(client, soup) == ["我的数据存储在哪里？", "谁审计这项服务？"]


def test_the_review_rule_is_installed_and_checked_at_start_up():
    from wagtail_localize.models import StringSegmentQuerySet

    from faq.upstream import annotate_reviewed_translation

    assert StringSegmentQuerySet.annotate_translation is annotate_reviewed_translation
    assert [error for error in checks.run_checks() if error.id.startswith("upstream.")] == []
