"""An FAQ page through Wagtail's v2 and v3 APIs: the questions a visitor sees, typed alike."""

import pytest

pytestmark = pytest.mark.django_db

DETAIL_URLS = {"v2": "/api/v2/pages/{}/", "v3": "/api/v3/pages/{}/"}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_api_answers_the_pages_questions(client, english_page, version):
    response = client.get(DETAIL_URLS[version].format(english_page.pk))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["faqs"] == [
        {
            "id": item.id,
            "type": "faq",
            "anchor": f"faq-{item.id}",
            "value": {"question": item.value["question"], "answer": item.value["answer"].source},
        }
        for item in english_page.faqs
    ]
    assert body["intro"] == "<p>What people ask.</p>"


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_api_answers_the_translation_in_chinese(client, chinese_page, version):
    body = client.get(DETAIL_URLS[version].format(chinese_page.pk)).json()
    assert [item["value"]["question"] for item in body["faqs"]] == [
        "我的数据存储在哪里？",
        "谁审计这项服务？",
    ]


def test_the_v3_schema_types_the_questions(client, english_page):
    schema = client.get("/api/v3/openapi.json").json()
    item = schema["components"]["schemas"]["FAQItem"]
    assert set(item["properties"]) == {"id", "type", "anchor", "value"}
