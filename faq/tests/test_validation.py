"""The rules every write of an FAQ page obeys (``FAQPage.clean``), whoever writes it."""

from django.core.exceptions import ValidationError

import pytest

from faq.models import FAQPage

from .factories import faq_items, home

pytestmark = pytest.mark.django_db


def publish(pairs, **fields):
    page = FAQPage(title="Questions", slug="faq", faqs=faq_items(pairs), **fields)
    home().add_child(instance=page)
    page.save_revision().publish()
    return page


def problems(pairs):
    with pytest.raises(ValidationError) as raised:
        publish(pairs)
    return raised.value.message_dict["faqs"]


def test_an_answer_is_required_to_publish():
    assert problems([("A question?", "<p> </p>")]) == ["Item 1: the answer is empty"]


def test_a_nul_character_is_refused_naming_its_item():
    assert problems([("Fine?", "<p>Yes.</p>"), ("Not\x00 fine?", "<p>No.</p>")]) == [
        "Item 2: the question contains a NUL character"
    ]


def test_a_javascript_link_in_an_answer_is_refused():
    [problem] = problems([("Link?", '<p><a href="javascript:alert(1)">here</a></p>')])
    assert problem.startswith("Item 1 answer: ")


def test_two_items_cannot_share_an_id():
    items = faq_items([("One?", "<p>1</p>"), ("Two?", "<p>2</p>")])
    items[1]["id"] = items[0]["id"]
    page = FAQPage(title="Questions", slug="faq", faqs=items)
    with pytest.raises(ValidationError) as raised:
        home().add_child(instance=page)
    assert "is already item 1's" in raised.value.message_dict["faqs"][0]


def test_a_draft_may_leave_an_answer_empty():
    page = FAQPage(title="Questions", slug="faq", faqs=faq_items([("Soon?", "")]), live=False)
    home().add_child(instance=page)
    page.save_revision()
    assert FAQPage.objects.get(pk=page.pk).faqs[0].value["question"] == "Soon?"
