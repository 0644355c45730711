"""Editors work on FAQ pages in the Wagtail admin."""

from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from faq.models import FAQPage
from tests.factories import home, make_faq_page

pytestmark = pytest.mark.django_db


def faq_form(page_fields, items):
    """The page editor's POST data; ``items`` are (block id or None, question, answer HTML)."""
    stream = {"count": str(len(items))}
    for index, (block_id, question, answer) in enumerate(items):
        stream[str(index)] = {
            "type": "faq",
            "id": block_id or "",
            "order": str(index),
            "deleted": "",
            "value": {
                "question": question,
                "answer": rich_text(answer, features=["bold", "italic", "link", "ol", "ul"]),
            },
        }
    return nested_form_data(
        {
            **page_fields,
            "intro": rich_text(page_fields.get("intro", "<p>Intro</p>")),
            "faqs": stream,
            "action-publish": "action-publish",
        }
    )


def test_editor_creates_and_publishes_a_faq_page(admin_client, client):
    data = faq_form(
        {"title": "Security FAQ", "slug": "security-faq", "hero_title": "Security"},
        [(None, "Is data encrypted?", "<p>Yes, <b>always</b>.</p>")],
    )
    response = admin_client.post(f"/admin/pages/add/faq/faqpage/{home('en').pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FAQPage.objects.get(slug="security-faq")
    assert page.live
    rendered = client.get("/en/security-faq/").content.decode()
    assert "Is data encrypted?" in rendered and "<b>always</b>" in rendered


def test_reordering_in_the_editor_keeps_every_items_anchor(admin_client, client):
    page = make_faq_page(questions=3)
    first, second, third = page.faqs
    items = [
        (third.id, third.value["question"], third.value["answer"].source),
        (first.id, first.value["question"], "<p>Edited answer.</p>"),
        (second.id, second.value["question"], second.value["answer"].source),
    ]
    data = faq_form({"title": page.title, "slug": page.slug, "hero_title": page.hero_title}, items)
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert [block.id for block in page.faqs] == [third.id, first.id, second.id]
    rendered = client.get("/en/faq/").content.decode()
    assert rendered.index(f'id="faq-{third.id}"') < rendered.index(f'id="faq-{first.id}"')
    assert "Edited answer." in rendered


def test_a_question_is_required(admin_client):
    page = make_faq_page(questions=1)
    data = faq_form({"title": page.title, "slug": page.slug}, [(None, "", "<p>Orphan answer</p>")])
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.content.decode()
    page.refresh_from_db()
    assert page.faqs[0].value["question"] == "Question 1?"
