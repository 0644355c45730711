"""A page's cost does not grow with its questions: rendering it uncached (its route, its links)
and opening its translation editor cost the same queries for 15 questions as for 150, in both
languages; syncing its translation, a fraction of a query a question.

The pages are built once for the module (building the long page and its translation is most
of what these tests cost); every test rolls back what it changes.
"""

from types import SimpleNamespace

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import pytest

from tests.client_helpers import queries_and_response
from tests.factories import edit_first_answer, faq_items_linking_to, make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db

SHORT = 15
# Ten times as many shows what grows with the questions; the bench measures 500 (``make bench``).
LONG = 150


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Three pages to link to (two translated, one in English only), and, translated, a page of
    SHORT questions without links and pages of SHORT and LONG whose answers link to them.

    Built in a transaction rolled back after the module's last test; each test's own
    transaction is a savepoint inside it, so no test sees another's changes.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        targets = [
            make_faq_page(questions=1, slug=f"target-{n}", title=f"Target {n}") for n in range(3)
        ]
        translate_fully(targets[0])
        translate_fully(targets[1])
        built = SimpleNamespace(
            plain=make_faq_page(questions=SHORT, slug="plain"),
            short=make_faq_page(questions=faq_items_linking_to(SHORT, targets), slug="short"),
            long=make_faq_page(questions=faq_items_linking_to(LONG, targets), slug="long"),
        )
        for page in vars(built).values():
            translate_fully(page)
        yield built
        transaction.set_rollback(True)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_uncached_page_costs_the_same_few_queries_for_any_number_of_linked_answers(
    client, settings, pages, language
):
    settings.PAGE_CACHE_ENABLED = False  # what rendering costs, not what a cached copy does
    without_links, _ = queries_and_response(client, f"/{language}/plain/", warm=True)
    short, _ = queries_and_response(client, f"/{language}/short/", warm=True)
    long, response = queries_and_response(client, f"/{language}/long/", warm=True)
    assert short == long
    assert short <= without_links + 1  # every linked page is looked up in one query
    assert short <= 6
    assert response.content.count(b'<a href="/') >= 2 * LONG


def queries_to_sync(page):
    """Queries to sync a page's translations after an edit, as the translation admin does."""
    # Text of its own: a string already stored by another page is not written again.
    page = edit_first_answer(page, f"<p>The new answer of {page.slug}.</p>")
    with CaptureQueriesContext(connection) as queries:
        source, _ = TranslationSource.update_or_create_from_instance(page)
        for translation in source.translations.all():
            translation.save_target(publish=True)
    return len(queries)


def test_syncing_a_translation_costs_a_fraction_of_a_query_a_question(pages):
    short, long = queries_to_sync(pages.short), queries_to_sync(pages.long)
    # Only Django's batches grow: it deletes 100 rows a statement, and SQLite takes 999
    # parameters a statement (500 questions took 31 more queries than 15 on PostgreSQL, 47 on
    # SQLite). wagtail-localize alone: about 36 a question.
    assert long - short < (LONG - SHORT) / 5


def queries_to_open_the_editor(client, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "props" in response.context  # wagtail-localize's editor, not Wagtail's page editor
    return len(queries)


def test_the_translation_editor_costs_the_same_queries_for_any_number_of_questions(
    admin_client, pages
):
    chinese = Locale.objects.get(language_code="zh-hans")
    short, long = (page.get_translation(chinese) for page in (pages.short, pages.long))
    queries_to_open_the_editor(admin_client, short)  # content types, the user's profile: once
    # wagtail-localize alone: 207 for 15 questions, about 1,150 for 120.
    assert queries_to_open_the_editor(admin_client, short) == queries_to_open_the_editor(
        admin_client, long
    )
