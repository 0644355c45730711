"""Links in answers lead to the page in the visitor's language, never to a draft or a deleted
page. (What they cost: tests/trustcenter/test_long_pages.py.)"""

import pytest

from tests.factories import faq_items, make_faq_page
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked_pages():
    """Three pages to link to: two translated into Chinese, one left in English only."""
    pages = [make_faq_page(questions=1, slug=f"target-{n}", title=f"Target {n}") for n in range(3)]
    translate_fully(pages[0])
    translate_fully(pages[1])
    return pages


def linked_items(count, targets):
    items = faq_items(count)
    for index, item in enumerate(items):
        first, second = targets[index % len(targets)], targets[(index + 1) % len(targets)]
        item["value"]["answer"] = (
            f'<p>See <a linktype="page" id="{first.pk}">this</a> '
            f'and <a linktype="page" id="{second.pk}">that</a>.</p>'
        )
    return items


def test_links_lead_to_the_translation_in_the_visitors_language(client, soup, linked_pages):
    page = make_faq_page(questions=linked_items(3, linked_pages), slug="linking")
    translate_fully(page)
    english = soup(client.get("/en/linking/")).select(".content-faq-footer a")
    assert [a["href"] for a in english] == [
        "/en/target-0/", "/en/target-1/",
        "/en/target-1/", "/en/target-2/",
        "/en/target-2/", "/en/target-0/",
    ]  # fmt: skip
    chinese = soup(client.get("/zh-hans/linking/")).select(".content-faq-footer a")
    # Target 2 has no Chinese translation: the link keeps to the English page.
    assert [a["href"] for a in chinese] == [
        "/zh-hans/target-0/", "/zh-hans/target-1/",
        "/zh-hans/target-1/", "/en/target-2/",
        "/en/target-2/", "/zh-hans/target-0/",
    ]  # fmt: skip


def test_a_draft_translation_is_never_linked(client, soup, linked_pages):
    translate_fully(linked_pages[2], publish=False)
    page = make_faq_page(questions=linked_items(1, linked_pages[2:]), slug="linking")
    translate_fully(page)
    links = soup(client.get("/zh-hans/linking/")).select(".content-faq-footer a")
    assert {a["href"] for a in links} == {"/en/target-2/"}


def test_a_link_to_a_deleted_page_keeps_its_text_without_a_target(client, soup, linked_pages):
    page = make_faq_page(questions=linked_items(1, linked_pages[2:]), slug="linking")
    linked_pages[2].delete()
    for language in ("en", "zh-hans"):
        if language == "zh-hans":
            translate_fully(page)
        answer = soup(client.get(f"/{language}/linking/")).select_one(".content-faq-footer")
        assert [str(a) for a in answer.select("a")] == ["<a>this</a>", "<a>that</a>"]


def test_a_draft_translation_linked_elsewhere_never_replaces_its_source(client, soup, linked_pages):
    draft = translate_fully(linked_pages[2], publish=False)
    page = make_faq_page(questions=linked_items(1, [linked_pages[2], draft]), slug="linking")
    translate_fully(page)
    links = soup(client.get("/zh-hans/linking/")).select(".content-faq-footer a")
    assert links[0]["href"] == "/en/target-2/"
