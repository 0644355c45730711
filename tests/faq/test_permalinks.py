import pytest

from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "label"), [("/en/faq/", "Link to this question"), ("/zh-hans/faq/", "链接到此问题")]
)
def test_every_question_has_a_labelled_permalink(client, soup, path, label):
    english = make_faq_page(questions=3)
    strings = {}
    for index in (1, 2, 3):
        strings[f"Question {index}?"] = f"问题 {index}？"
        strings[f"Answer {index}, <b>in bold</b>."] = f"回答 {index}，<b>粗体</b>。"
    translate(english, strings=strings)
    page = soup(client.get(path))
    items = page.select(".content-faq")
    assert len(items) == 3
    for item, block in zip(items, english.faqs, strict=True):
        link = item.select_one("h2 a.content-faq-permalink")
        assert link["href"] == f"#faq-{block.id}" == f"#{item['id']}"
        assert link["aria-label"] == link["title"] == label
        assert link.svg["aria-hidden"] == "true"


def test_permalinks_survive_reordering_and_edits(client, soup):
    english = make_faq_page(questions=3)
    ids = [block.id for block in english.faqs]
    revision = english.get_latest_revision_as_object()
    reordered = [dict(item) for item in reversed(revision.faqs.raw_data)]
    reordered[0]["value"] = {**reordered[0]["value"], "question": "Question 3, reworded?"}
    revision.faqs = reordered
    revision.save_revision().publish()
    page = soup(client.get("/en/faq/"))
    assert [link["href"] for link in page.select(".content-faq-permalink")] == [
        f"#faq-{block_id}" for block_id in reversed(ids)
    ]
    assert page.select_one(".content-faq h2").get_text(strip=True) == "Question 3, reworded?"
