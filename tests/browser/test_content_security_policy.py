"""The enforced Content-Security-Policy breaks nothing visitors, editors or translators do
(issue 11.6): ``open_page`` fails a test on any violation, in any frame."""

import pytest
from playwright.sync_api import expect

from tests.admin_flows import editor, translator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

INJECT_INLINE_SCRIPT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.injectedScriptRan = true";
  document.head.append(script);
  return window.injectedScriptRan === true;
}"""


def sign_in(live_server, open_page, username):
    page = open_page("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    return page


def test_a_visitor_reads_both_languages(open_page, live_server, faq_pair, csp_violations):
    page = open_page("/en/faq/")
    for heading, other_language in (("Frequently Asked Questions", "zh-hans"), ("常见问题", "en")):
        expect(page.locator("h3.box-title")).to_have_text(heading)
        toggle = page.locator(".content-faq-toggle").first
        answer = page.locator(".content-faq-footer").first
        toggle.click()
        expect(answer).to_be_visible()
        toggle.click()
        expect(answer).to_be_hidden()
        page.locator(f".language-switcher a[hreflang={other_language}]").click()
        expect(page).to_have_url(f"{live_server.url}/{other_language}/faq/")
    assert csp_violations == []

    # The policy is enforced: a script injected into the page is refused, and reported.
    with page.expect_console_message(lambda message: message.text.startswith("CSP violation")):
        ran = page.evaluate(INJECT_INLINE_SCRIPT)
    assert ran is False
    assert csp_violations and all("script-src" in line for line in csp_violations)
    csp_violations.clear()


def test_an_editor_edits_saves_and_previews(
    open_page, live_server, django_user_model, faq_pair, csp_violations
):
    english, _ = faq_pair
    editor(django_user_model)
    page = sign_in(live_server, open_page, "editor")
    page.goto(f"/admin/pages/{english.pk}/edit/")
    question = page.locator('textarea[name="faqs-0-value-question"]')
    question.fill("Who audits the datacenters?")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    expect(question).to_have_value("Who audits the datacenters?")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".content-faq-toggle").first).to_have_text("Who audits the datacenters?")
    assert csp_violations == []


def test_a_translator_edits_a_string_in_the_translation_editor(
    open_page, live_server, django_user_model, faq_pair, csp_violations
):
    _, chinese = faq_pair
    translator(django_user_model)
    page = sign_in(live_server, open_page, "translator")
    page.goto(f"/admin/pages/{chinese.pk}/edit/")
    segment = page.locator("li.complete").filter(has_text="Question 1?")
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill("谁来审计数据中心？")
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment).to_contain_text("谁来审计数据中心？")
    assert csp_violations == []


def test_the_v3_api_docs_render(open_page, csp_violations):
    page = open_page("/api/v3/docs/")
    expect(page.locator(".opblock").first).to_be_visible()
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    assert csp_violations == []
