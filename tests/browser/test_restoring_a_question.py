"""An editor restores a deleted question in one click, in the page editor (issue 16)."""

import pytest
from playwright.sync_api import expect

from tests.admin_flows import editor
from tests.browser.test_content_security_policy import sign_in
from tests.factories import make_faq_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_restores_a_deleted_question(open_page, live_server, django_user_model):
    user = editor(django_user_model)
    page = make_faq_page(questions=3)
    draft = page.get_latest_revision_as_object()
    draft.faqs = [item for item in page.faqs.raw_data if item["value"]["question"] != "Question 2?"]
    draft.save_revision(user=user)

    browser = sign_in(live_server, open_page, "editor")
    browser.goto(f"/admin/pages/{page.pk}/edit/")
    questions = browser.locator('textarea[name$="-value-question"]')
    expect(questions).to_have_count(2)
    removed = browser.locator("[data-faq-removed-questions] li")
    expect(removed).to_have_count(1)
    expect(removed).to_contain_text("Question 2?")
    removed.get_by_role("button", name="Restore").click()

    expect(browser.locator(".messages")).to_contain_text("Restored as a draft: Question 2?")
    expect(questions).to_have_count(3)
    expect(questions.nth(1)).to_have_value("Question 2?")
    expect(browser.locator("[data-faq-removed-questions]")).to_have_count(0)
