import io

import pytest

from faq.search import tokenize
from tests.factories import faq_items, home, make_faq_page, translate

pytestmark = pytest.mark.django_db

ENGLISH = [
    ("Who audits the datacenters?", "<p>Independent assessors, every year.</p>"),
    ("Where is my Customer Data stored?", "<p>In mainland China.</p>"),
    ("How is data protected in transit?", "<p>With TLS; auditors check it.</p>"),
    ("What are the service levels?", "<p>See the agreement.</p>"),
]
CHINESE = {
    "Who audits the datacenters?": "谁来审计数据中心？",
    "Independent assessors, every year.": "独立的评估机构，每年一次。",
    "Where is my Customer Data stored?": "我的客户数据存储在哪里？",
    "In mainland China.": "仅在中国大陆。",
    "How is data protected in transit?": "传输中的信息如何保护？",
    "With TLS; auditors check it.": "使用 TLS；审计员会检查客户数据的加密。",
    "What are the service levels?": "服务级别是什么？",
    "See the agreement.": "请参阅协议。",
}


def items(pairs):
    built = faq_items(len(pairs))
    for item, (question, answer) in zip(built, pairs, strict=True):
        item["value"] = {"question": question, "answer": answer}
    return built


@pytest.fixture
def english_page():
    return make_faq_page(questions=items(ENGLISH))


@pytest.fixture
def chinese_page(english_page):
    return translate(english_page, strings=CHINESE)


def results(client, soup, language, query):
    page = soup(client.get(f"/{language}/search/", {"q": query}))
    return [
        (link.get_text(strip=True), link["href"])
        for link in page.select(".search-results .search-result-question a")
    ]


def questions(client, soup, language, query):
    return [question for question, _ in results(client, soup, language, query)]


@pytest.mark.parametrize(("query", "count"), [("数据", 3), ("审计", 2)])
def test_two_chinese_characters_find_every_question_and_answer_that_contain_them(
    client, soup, chinese_page, query, count
):
    found = questions(client, soup, "zh-hans", query)
    expected = [
        item.value["question"]
        for item in chinese_page.faqs
        if query in item.value["question"] or query in item.value["answer"].source
    ]
    assert sorted(found) == sorted(expected)
    assert len(found) == count


def test_question_matches_rank_above_answer_matches(client, soup, chinese_page):
    # The answer that says 客户数据 comes earlier on the page than the question that does.
    assert questions(client, soup, "zh-hans", "客户数据") == [
        "我的客户数据存储在哪里？",
        "传输中的信息如何保护？",
    ]
    assert questions(client, soup, "en", "audit") == [
        "Who audits the datacenters?",
        "How is data protected in transit?",
    ]


def test_results_link_to_the_question_on_its_page(client, soup, chinese_page, english_page):
    anchor = f"faq-{english_page.faqs[1].id}"
    assert results(client, soup, "zh-hans", "存储") == [
        ("我的客户数据存储在哪里？", f"/zh-hans/faq/#{anchor}")
    ]
    assert results(client, soup, "en", "stored") == [
        ("Where is my Customer Data stored?", f"/en/faq/#{anchor}")
    ]


def test_each_language_searches_its_own_pages(client, soup, chinese_page):
    assert questions(client, soup, "en", "数据") == []
    assert questions(client, soup, "zh-hans", "assessors") == []


def test_english_search_stems_ignores_stop_words_and_completes_the_last_word(
    client, soup, english_page
):
    # "audited" and "audits" share a stem; as the last word it also finds "auditors".
    assert questions(client, soup, "en", "audited") == [
        "Who audits the datacenters?",
        "How is data protected in transit?",
    ]
    assert questions(client, soup, "en", "audited datacenters") == ["Who audits the datacenters?"]
    assert questions(client, soup, "en", "where is the data STORED") == [
        "Where is my Customer Data stored?"
    ]
    assert questions(client, soup, "en", "datacen") == ["Who audits the datacenters?"]


def test_questions_with_every_word_come_first_then_those_with_some(client, soup, chinese_page):
    page = soup(client.get("/en/search/", {"q": "customer data stored"}))
    assert [link.get_text() for link in page.select(".search-result-question a")] == [
        "Where is my Customer Data stored?"
    ]
    assert "None has all the words" not in page.select_one(".search-summary").get_text()
    # No question is about service levels in China: those about either come, most words first.
    page = soup(client.get("/en/search/", {"q": "service levels china"}))
    assert [link.get_text() for link in page.select(".search-result-question a")] == [
        "What are the service levels?",
        "Where is my Customer Data stored?",
    ]
    assert "None has all the words" in page.select_one(".search-summary").get_text()
    assert questions(client, soup, "zh-hans", "服务 大陆") == [
        "服务级别是什么？",
        "我的客户数据存储在哪里？",
    ]


def test_chinese_query_terms_must_all_match(client, soup, chinese_page):
    assert questions(client, soup, "zh-hans", "数据 存储") == ["我的客户数据存储在哪里？"]
    # A run of characters is one term: it must occur as written.
    assert questions(client, soup, "zh-hans", "数据中心存储") == []


def test_drafts_unpublished_and_private_pages_are_never_searched(client, soup, english_page):
    from wagtail.models import PageViewRestriction

    draft = english_page.get_latest_revision_as_object()
    draft.faqs[0].value["question"] = "A question only in a draft?"
    draft.save_revision()
    assert questions(client, soup, "en", "draft") == []
    assert questions(client, soup, "en", "assessors") == ["Who audits the datacenters?"]

    restriction = PageViewRestriction.objects.create(
        page=english_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert questions(client, soup, "en", "assessors") == []
    restriction.delete()

    english_page.unpublish()
    assert questions(client, soup, "en", "assessors") == []


def test_publishing_updates_what_is_found(client, soup, english_page):
    revision = english_page.get_latest_revision_as_object()
    revision.faqs[0].value["question"] = "Who certifies the datacenters?"
    revision.save_revision().publish()
    # "audits" now only completes to the "auditors" of another answer.
    assert questions(client, soup, "en", "audits") == ["How is data protected in transit?"]
    assert questions(client, soup, "en", "certifies") == ["Who certifies the datacenters?"]


@pytest.mark.parametrize(
    ("language", "query"), [("en", "nothing-like-this"), ("zh-hans", "区块链")]
)
def test_no_match_says_so(client, soup, chinese_page, language, query):
    page = soup(client.get(f"/{language}/search/", {"q": query}))
    assert page.html["lang"] == language
    assert not page.select(".search-result")
    assert query in page.select_one(".search-summary").get_text()


def test_empty_search_shows_the_form(client, soup, english_page):
    page = soup(client.get("/en/search/"))
    assert page.select_one("form[role=search] input[name=q]")
    assert not page.select(".search-summary")


def test_search_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    make_faq_page(questions=items([(f"Data question {n}?", "<p>x</p>") for n in range(40)]))
    with django_assert_max_num_queries(12):
        response = client.get("/en/search/", {"q": "data"})
    assert response.content.count(b'class="search-result"') == 40


def test_width_and_case_are_folded():
    assert [term.text for term in tokenize("ＦＡＱ ISO/IEC 27001 数据，审计")] == [
        "faq",
        "iso",
        "iec",
        "27001",
        "数据",
        "审计",
    ]


def test_rebuild_command_reindexes_live_pages(english_page):
    from django.core.management import call_command

    from faq.models import FAQSearchEntry

    FAQSearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_faq_search_index", stdout=out)
    assert FAQSearchEntry.objects.filter(page=english_page).count() == 4
    assert out.getvalue().strip() == "Indexed 4 questions of 1 live FAQ pages."


def test_a_run_of_chinese_characters_must_be_adjacent_and_one_character_is_enough(client, soup):
    # 根据中国 holds 据中 and the question 数据: every pair of 数据中, but not the run.
    page = make_faq_page(
        questions=items(
            [
                ("根据中国法律，谁能看到数据？", "<p>仅限授权人员。</p>"),
                ("数据中心在哪里？", "<p>在上海。</p>"),
            ]
        )
    )
    assert questions(client, soup, "en", "数据中") == ["数据中心在哪里？"]
    assert questions(client, soup, "en", "据") == [
        "根据中国法律，谁能看到数据？",
        "数据中心在哪里？",
    ]
    assert questions(client, soup, "en", "海") == ["数据中心在哪里？"]
    assert page.search_entries.count() == 2


def test_very_long_words_are_found_whole_and_by_their_start(client, soup):
    word = "encryption" * 15  # 150 characters: the query keeps 200
    make_faq_page(questions=items([(f"Is {word} supported?", "<p>Yes.</p>")]))
    assert questions(client, soup, "en", word) == [f"Is {word} supported?"]
    assert questions(client, soup, "en", word[:120]) == [f"Is {word} supported?"]
    assert questions(client, soup, "en", f"{word} supported") == [f"Is {word} supported?"]
    assert questions(client, soup, "en", f"{word}x") == []


@pytest.mark.parametrize(("language", "word"), [("en", "data"), ("zh-hans", "数据")])
def test_many_matches_show_the_best_fifty_questions_first_and_count_them_all(
    client, soup, language, word
):
    # Answer matches come first on the page; question matches still lead the results.
    pairs = [(f"Q{n}?", f"<p>{word} {n}</p>") for n in range(30)]
    pairs += [(f"{word} Q{n}?", "<p>-</p>") for n in range(30)]
    make_faq_page(parent=home(language), questions=items(pairs))
    found = soup(client.get(f"/{language}/search/", {"q": word}))
    shown = [link.get_text() for link in found.select(".search-result-question a")]
    assert shown == [f"{word} Q{n}?" for n in range(30)] + [f"Q{n}?" for n in range(20)]
    summary = found.select_one(".search-summary").get_text()
    assert "60" in summary and "50" in summary


def test_more_terms_in_the_question_rank_first_then_page_order(client, soup):
    make_faq_page(
        questions=items(
            [
                ("Is data safe?", "<p>It is encrypted at rest and in transit.</p>"),
                ("What is encrypted?", "<p>Everything in transit.</p>"),
                ("Is traffic encrypted in transit?", "<p>Yes.</p>"),
                ("What about transit?", "<p>It is encrypted.</p>"),
                ("Is email encrypted?", "<p>Yes.</p>"),
            ]
        )
    )
    assert questions(client, soup, "en", "encrypted transit") == [
        "Is traffic encrypted in transit?",
        "What is encrypted?",
        "What about transit?",
        "Is data safe?",
    ]


def test_past_the_counted_matches_the_summary_says_more_than(client, soup, monkeypatch, settings):
    import faq.views

    settings.PAGE_CACHE_ENABLED = False  # the same search is asked again under another setting

    monkeypatch.setattr(faq.views, "MATCHES_COUNTED", 55)
    make_faq_page(questions=items([(f"Data question {n}?", "<p>x</p>") for n in range(60)]))
    summary = soup(client.get("/en/search/", {"q": "data"})).select_one(".search-summary")
    assert summary.get_text(" ", strip=True).startswith("More than 55 questions match “data”.")
    monkeypatch.setattr(faq.views, "MATCHES_COUNTED", 60)
    summary = soup(client.get("/en/search/", {"q": "data"})).select_one(".search-summary")
    assert summary.get_text(" ", strip=True).startswith("60 questions match “data”.")


def test_the_chinese_summary_says_more_than_too(client, soup, monkeypatch):
    import faq.views

    monkeypatch.setattr(faq.views, "MATCHES_COUNTED", 55)
    make_faq_page(
        parent=home("zh-hans"),
        questions=items([(f"数据问题 {n}？", "<p>x</p>") for n in range(60)]),
    )
    summary = soup(client.get("/zh-hans/search/", {"q": "数据"})).select_one(".search-summary")
    assert summary.get_text(" ", strip=True).startswith("超过 55 个问题与“数据”匹配。")
