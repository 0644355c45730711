"""Malformed API input is a clean 4xx that says what is wrong, never a 500 (issue 11.5)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("operator", ["xor", "", "AND "])
def test_an_unknown_search_operator_is_a_400(client, faq_pair, operator):
    response = client.get(f"/api/v2/pages/?search=a&search_operator={operator}")
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["abc", "null", ""])
def test_find_by_an_id_that_is_no_number_is_a_400(client, faq_pair, endpoint, value):
    response = client.get(f"/api/v2/{endpoint}/find/?id={value}")
    assert response.status_code == 400
    assert "id must be a whole number" in response.json()["message"]


def test_find_by_a_numeric_id_still_redirects(client, faq_pair):
    english, _ = faq_pair
    response = client.get(f"/api/v2/pages/find/?id={english.pk}")
    assert response.status_code == 302


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_a_deeply_nested_json_body_is_a_422(client, faq_pair, method):
    english, _ = faq_pair
    body = "[" * 5000 + "]" * 5000
    response = client.generic(
        method, f"/api/v3/pages/{english.pk}/", data=body, content_type="application/json"
    )
    assert response.status_code == 422
    assert "nested" in response.json()["detail"]


def test_a_body_over_the_upload_limit_is_a_413(client, faq_pair, settings):
    english, _ = faq_pair
    body = '{"title": "' + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'
    response = client.patch(f"/api/v3/pages/{english.pk}/", body, content_type="application/json")
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]
    assert type(english).objects.get(pk=english.pk).title == english.title


@pytest.mark.parametrize("page_id", ["abc", ""])
@pytest.mark.parametrize("path", ["/en/faq/", "/api/v2/pages/{id}/", "/api/v3/pages/{id}/"])
def test_a_page_link_with_no_page_id_renders_as_plain_text(client, page_id, path):
    from tests.factories import faq_items, make_faq_page

    answer = f'<p>See <a linktype="page" id="{page_id}">our terms</a>.</p>'
    page = make_faq_page(questions=faq_items(1, answer_html=answer))
    response = client.get(path.format(id=page.pk))
    assert response.status_code == 200
    assert "our terms" in response.content.decode()
