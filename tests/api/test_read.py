"""Reading FAQ pages through v2 and v3: fields, language, filters, visibility, query counts."""

import pytest
from bs4 import BeautifulSoup

from tests.client_helpers import queries_to_get
from tests.factories import home, make_faq_page, translate

from .conftest import FULLY_TRANSLATED, ZH_STRINGS, ChineseForEverything, linked_faq_items

pytestmark = pytest.mark.django_db

DETAIL_URLS = {"v2": "/api/v2/pages/{}/", "v3": "/api/v3/pages/{}/"}
LISTING_URLS = {"v2": "/api/v2/pages/", "v3": "/api/v3/pages/"}


def listed_ids(response):
    assert response.status_code == 200, response.content
    body = response.json()
    return {item["id"] for item in body.get("items", [])}


def rendered_faq(client, page):
    """What a visitor sees: hero title, intro and each item's anchor, question and answer."""
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        "hero_title": soup.select_one("h3.box-title").get_text(strip=True),
        "intro": soup.select_one(".intro").decode_contents().strip(),
        "faqs": [
            {
                "anchor": item["id"],
                "question": item.select_one(".content-faq-question").get_text(),
                "answer": item.select_one(".content-faq-footer").decode_contents().strip(),
            }
            for item in soup.select("[data-faq-item]")
        ],
    }


def api_faq(body):
    normalise = lambda html: BeautifulSoup(html, "html.parser").decode_contents().strip()  # noqa: E731
    return {
        "hero_title": body["hero_title"],
        "intro": normalise(body["intro"]),
        "faqs": [
            {
                "anchor": item["anchor"],
                "question": item["value"]["question"],
                "answer": normalise(item["value"]["answer"]),
            }
            for item in body["faqs"]
        ],
    }


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_api_content_equals_the_rendered_page(client, faq_pair, version, language):
    page = faq_pair[0] if language == "en" else faq_pair[1]
    response = client.get(DETAIL_URLS[version].format(page.pk))
    assert response.status_code == 200
    assert api_faq(response.json()) == rendered_faq(client, page)


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_items_awaiting_translation_are_held_back_as_on_the_page(client, version):
    english = make_faq_page(slug="partly", questions=linked_faq_items(3, home("en")))
    untranslated = {"Question 2?": None, "Question 3?": None}
    chinese = translate(english, strings=ChineseForEverything({**ZH_STRINGS, **untranslated}))
    body = client.get(DETAIL_URLS[version].format(chinese.pk)).json()
    assert [item["id"] for item in body["faqs"]] == [english.faqs[0].id]
    assert api_faq(body) == rendered_faq(client, chinese)


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_faq_items_are_typed_with_anchor_and_answers_link_in_the_pages_language(
    client, faq_pair, version
):
    english, chinese = faq_pair
    for page, home_url, first_question, answer_prefix in [
        (english, "/en/", "Question 1?", ""),
        (chinese, "/zh-hans/", ZH_STRINGS["Question 1?"], "（中文）"),
    ]:
        # The client's language must not matter: the page's own language does.
        response = client.get(
            DETAIL_URLS[version].format(page.pk), HTTP_ACCEPT_LANGUAGE="en, zh-hans;q=0.5"
        )
        body = response.json()
        assert body["meta"]["locale"] == page.locale.language_code
        first = body["faqs"][0]
        block_id = page.faqs[0].id
        assert first == {
            "id": block_id,
            "type": "faq",
            "anchor": f"faq-{block_id}",
            "value": {
                "question": first_question,
                "answer": f'<p>{answer_prefix}See <a href="{home_url}">the home page</a>.</p>',
            },
        }
        # Anchors are the same in both languages: a deep link survives translation.
    assert [item.id for item in english.faqs] == [item.id for item in chinese.faqs]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_database_html_on_request_keeps_page_links_for_writing_back(client, faq_pair, version):
    english, _ = faq_pair
    response = client.get(DETAIL_URLS[version].format(english.pk) + "?rich_text_format=db_html")
    answer = response.json()["faqs"][0]["value"]["answer"]
    assert f'<a linktype="page" id="{home("en").pk}">' in answer


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_filter_by_locale_and_translation_of_from_either_side(client, faq_pair, version):
    english, chinese = faq_pair
    listing = LISTING_URLS[version]
    by_locale = client.get(f"{listing}?type=faq.FAQPage&locale=zh-hans")
    assert listed_ids(by_locale) == {chinese.pk}
    by_locale = client.get(f"{listing}?type=faq.FAQPage&locale=en")
    assert listed_ids(by_locale) == {english.pk}
    assert listed_ids(client.get(f"{listing}?translation_of={english.pk}")) == {chinese.pk}
    assert listed_ids(client.get(f"{listing}?translation_of={chinese.pk}")) == {english.pk}
    both = client.get(f"{listing}?translation_of={english.pk}&locale=zh-hans")
    assert listed_ids(both) == {chinese.pk}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_anonymous_readers_never_see_drafts_or_private_pages(
    client, faq_pair, hidden_pages, version
):
    listing = listed_ids(client.get(f"{LISTING_URLS[version]}?limit=100"))
    assert {page.pk for page in faq_pair} <= listing
    for page in hidden_pages:
        assert page.pk not in listing
        for suffix in ("", "?version=draft"):
            response = client.get(DETAIL_URLS[version].format(page.pk) + suffix)
            assert response.status_code in (400, 404), (page.slug, suffix)
            assert response["Content-Type"].startswith(("application/json", "application/problem"))
        translations = client.get(f"{LISTING_URLS[version]}?translation_of={faq_pair[0].pk}")
        assert page.pk not in listed_ids(translations)
        found = client.get(f"/api/{version}/pages/find/?html_path=/{page.slug}/")
        assert found.status_code == 404


def test_v2_ignores_a_logged_in_session(admin_client, hidden_pages):
    """v2 is the public API: an editor's browser session shows no private page or draft."""
    listing = listed_ids(admin_client.get("/api/v2/pages/?limit=100"))
    assert not listing & {page.pk for page in hidden_pages}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_detail_query_count_does_not_grow_with_the_questions(client, version):
    counts = {}
    for questions in (2, 12):
        english = make_faq_page(
            slug=f"faq-{questions}", questions=linked_faq_items(questions, home("en"))
        )
        chinese = translate(english, strings=FULLY_TRANSLATED)
        for page in (english, chinese):
            url = DETAIL_URLS[version].format(page.pk)
            queries_to_get(client, url)  # warm the per-process caches (site, locales)
            counts[page.locale.language_code, questions] = queries_to_get(client, url)
    assert counts["en", 2] == counts["en", 12], counts
    assert counts["zh-hans", 2] == counts["zh-hans", 12], counts


def test_the_readme_requests_find_the_chinese_faq(client, faq_pair):
    _, chinese = faq_pair
    v3 = client.get("/api/v3/pages/?type=faq.FAQPage&locale=zh-hans&slug=faq").json()
    assert [item["id"] for item in v3["items"]] == [chinese.pk]
    v2 = client.get("/api/v2/pages/?type=faq.FAQPage&locale=zh-hans&fields=*").json()
    [page] = v2["items"]
    assert page["id"] == chinese.pk
    assert page["faqs"][0]["value"]["question"] == ZH_STRINGS["Question 1?"]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_find_a_page_by_the_path_of_its_html_url(client, faq_pair, version):
    for page in (*faq_pair, home("en"), home("zh-hans")):
        path = client.get(DETAIL_URLS[version].format(page.pk)).json()["meta"]["html_url"]
        path = path.removeprefix("http://localhost")
        found = client.get(f"/api/{version}/pages/find/", {"html_path": path}, follow=True)
        assert found.json()["id"] == page.pk, path
    missing = client.get(f"/api/{version}/pages/find/", {"html_path": "/zh-hans/nowhere/"})
    assert missing.status_code == 404
    # The site itself serves each page at one address only.
    assert client.get("/en/zh-hans/faq/").status_code == 404
