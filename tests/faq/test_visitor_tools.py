"""What an FAQ page offers a visitor around its questions (issue 13): the tools faq.js drives,
in the page's language, and the date it was last updated."""

from datetime import UTC, datetime

import pytest

from faq import early_script
from faq.models import FAQPage
from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    english = make_faq_page(questions=3)
    strings = {"Frequently Asked Questions": "常见问题（FAQ）"}
    for index in (1, 2, 3):
        strings[f"Question {index}?"] = f"问题 {index}？"
        strings[f"Answer {index}, <b>in bold</b>."] = f"回答 {index}，<b>粗体</b>。"
    chinese = translate(english, strings=strings)
    FAQPage.objects.filter(pk__in=[english.pk, chinese.pk]).update(
        last_published_at=datetime(2026, 3, 5, 12, tzinfo=UTC)
    )
    return english, chinese


@pytest.mark.parametrize(
    ("language", "updated", "tools"),
    [
        ("en", "Last updated: March 5, 2026", ["Expand all", "Collapse all"]),
        ("zh-hans", "更新于 2026年3月5日", ["全部展开", "全部折叠"]),
    ],
)
def test_the_page_says_when_it_was_last_updated_and_offers_its_tools_in_its_language(
    client, soup, pages, language, updated, tools
):
    page = soup(client.get(f"/{language}/faq/"))
    date = page.select_one("#ContentWrapper .page-updated")
    assert " ".join(date.get_text().split()) == updated
    assert date.time["datetime"] == "2026-03-05"
    assert [button.get_text() for button in page.select(".faq-tools button")] == tools
    label = page.select_one("label[for=faq-filter]").get_text()
    assert (
        label == {"en": "Filter the questions on this page", "zh-hans": "筛选本页的问题"}[language]
    )
    # The filter's count and the permalink's "copied" are announced where they appear.
    status = page.select_one("[data-faq-filter-status]")
    assert status["aria-live"] == "polite"
    assert (
        status["data-message"]
        == {
            "en": "{shown} of {total} questions shown",
            "zh-hans": "显示 {shown} 个问题（共 {total} 个）",
        }[language]
    )
    assert page.select_one("[data-faq-copied]")["aria-live"] == "polite"


def test_answers_are_in_the_html_and_the_page_is_marked_scripted_before_it_is_painted(
    client, soup, pages
):
    page = soup(client.get("/en/faq/"))
    assert not page.select(".content-faq-footer[hidden], [data-faq-item][hidden]")
    # The class the stylesheet collapses answers by is set in <head>, before the first paint.
    (script,) = page.head.find_all("script", string=early_script.SCRIPT)
    assert script.find_previous("link", rel="stylesheet") is None
