"""The translation editor as a translator with the admin in 简体中文 uses it (issue 16.3, 16.7):
each link URL box names its link and opens alone, a filter finds segments by text, a button
jumps to the next pending one, and the translation memory's suggestion beside a segment starts
its translation."""

import re

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment, StringTranslation, TranslationSource

import pytest
from playwright.sync_api import expect

from tests.admin_flows import translator
from tests.browser.test_content_security_policy import sign_in
from trustcenter.glossary.models import GlossaryTerm

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chinese_translator(django_user_model):
    user = translator(django_user_model)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def open_editor(open_page, live_server, faq):
    chinese = faq.get_translation(Locale.objects.get(language_code="zh-hans"))
    page = sign_in(live_server, open_page, "translator")
    page.goto(f"/admin/pages/{chinese.pk}/edit/")
    return page


def segment(page, text):
    return page.locator(".js-translation-editor section > ul > li > ul > li").filter(has_text=text)


def give_the_link_url_segment_the_id_of(faq, source_text):
    """Its id as on the site where the bug was seen: the same number as a string segment's (the
    two kinds have their own ids, so this happens as soon as there are enough of both)."""
    source = TranslationSource.objects.get_for_instance(faq)
    string_segment = source.stringsegment_set.get(string__data=source_text)
    assert not OverridableSegment.objects.filter(pk=string_segment.pk).exists()
    OverridableSegment.objects.filter(source=source).update(id=string_segment.pk)


def test_a_link_url_box_names_its_link_and_opens_alone(
    open_page, live_server, faq, chinese_translator
):
    give_the_link_url_segment_the_id_of(faq, "Independent assessors, <b>every year</b>.")
    page = open_editor(open_page, live_server, faq)
    box = segment(page, "链接“the terms”（English 网址：https://example.com/）")
    expect(box).to_have_count(1)
    box.get_by_role("button", name="编辑").click()
    # Only this box opened (its id was once a string segment's too, which opened with it).
    editing = page.locator(".js-translation-editor textarea")
    expect(editing).to_have_count(1)
    expect(box.locator("textarea")).to_have_count(1)
    box.locator("textarea").fill("https://example.cn/terms")
    box.get_by_role("button", name="保存").click()
    expect(box).to_contain_text("https://example.cn/terms")
    expect(editing).to_have_count(0)
    # The translations are set upright, not in bold italic.
    translation = segment(page, "Who audits the datacenters?").locator("div > p")
    expect(translation).to_have_css("font-style", "normal")
    expect(translation).to_have_css("font-weight", "400")


def test_the_filter_and_next_pending(open_page, live_server, faq, chinese_translator):
    StringTranslation.objects.filter(translation_of__data="Question 5?").delete()
    page = open_editor(open_page, live_server, faq)
    tools = page.locator("[data-translation-editor-tools]")
    expect(tools.get_by_role("status")).to_contain_text("个待处理")

    tools.get_by_label("筛选片段").fill("question 7")
    shown = page.locator(".js-translation-editor section > ul > li > ul > li:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("Question 7?")
    expect(tools.get_by_role("status")).to_have_text("1 个片段匹配，其中 0 个待处理")
    expect(tools.get_by_role("button", name="下一个待处理")).to_be_disabled()

    tools.get_by_label("筛选片段").fill("")
    tools.get_by_role("button", name="下一个待处理").click()
    pending = segment(page, "Question 5?")
    expect(pending).to_have_attribute("data-current-pending", "")
    expect(pending).to_be_in_viewport()
    expect(pending.get_by_role("button", name="翻译")).to_be_focused()


def test_a_url_typed_into_a_text_box_is_refused_saying_why(
    open_page, live_server, faq, chinese_translator
):
    page = open_editor(open_page, live_server, faq)
    prose = segment(page, "Who audits the datacenters?")
    prose.get_by_role("button", name="编辑").click()
    prose.locator("textarea").fill("https://example.cn/terms")
    prose.get_by_role("button", name="保存").click()
    expect(prose).to_contain_text("未保存：原因见页面底部的提示栏")
    expect(page.get_by_role("alert").filter(has_text="未保存")).to_have_text(
        "未保存：这是一个网址，而原文是文字。链接在本语言中的网址请填写在该链接自己的框中（“链接…”）。"
    )


def test_a_saved_translation_missing_a_glossary_term_is_flagged_in_the_bar(
    open_page, live_server, faq, chinese_translator
):
    GlossaryTerm.objects.get_or_create(
        source_term="Customer Data",
        locale=Locale.objects.get(language_code="zh-hans"),
        defaults={"target_term": "客户数据"},
    )
    page = open_editor(open_page, live_server, faq)
    question = segment(page, "Where is my Customer Data stored?")
    question.get_by_role("button", name="编辑").click()
    question.locator("textarea").fill("我的数据存储在哪里？")
    question.get_by_role("button", name="保存").click()
    warnings = page.locator("[data-translation-editor-tools] [data-warnings]")
    expect(warnings).to_have_text("术语表中“Customer Data”译为“客户数据”。")
    expect(warnings).to_have_attribute("aria-live", "polite")

    # The next save clears them (this one keeps the term).
    question.get_by_role("button", name="编辑").click()
    question.locator("textarea").fill("我的客户数据存储在哪里？")
    question.get_by_role("button", name="保存").click()
    expect(question).to_contain_text("我的客户数据存储在哪里？")
    expect(warnings).to_have_text("")


def test_a_suggestion_beside_its_segment_starts_its_translation(
    open_page, live_server, faq, chinese_translator
):
    StringTranslation.objects.filter(translation_of__data="Question 5?").delete()
    page = open_editor(open_page, live_server, faq)
    pending = segment(page, "Question 5?")
    suggestion = pending.locator("[data-beside-segment] [data-suggestion]").first
    expect(suggestion.locator("[data-score]")).to_have_text("匹配度 91 %")
    suggested = suggestion.locator("[data-suggested]").text_content()
    assert re.match(r"问题 \d+", suggested)  # another question's translation
    # A form inside the compiled editor's tree: it posts as any other.
    with page.expect_navigation():
        suggestion.get_by_role("button", name="以此为起点").click()
    expect(page.locator(".messages")).to_contain_text("建议已放入编辑器")
    pending = segment(page, "Question 5?")
    expect(pending.locator(":scope > ul")).to_contain_text("需要审核")
    expect(pending.locator(":scope > div > p")).to_have_text(suggested)
