"""The translator's whole weekly cycle in a real browser, the admin in 简体中文 (issue 16):
an editor adds a sentence to an English answer and syncs; the translator finds the page
behind in the Translation status report, follows its Translate link into wagtail-localize's
editor, completes the pre-filled previous translation (the English change marked beside it),
gives a link its Chinese URL in the override editor, publishes, and the Chinese page and the
report show it."""

import re

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale

import pytest
from playwright.sync_api import expect

from tests import admin_flows as flows
from tests.browser.test_content_security_policy import sign_in
from tests.browser.test_translation_editor import (  # the Chinese translator fixture
    chinese_translator,  # noqa: F401
    segment,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The second answer of the ``faq`` fixture, its translation, and what the cycle adds to them.
ANSWER = 'In mainland China. See <a href="https://example.com/">the terms</a>.'
CHINESE_ANSWER = '仅在中国大陆。请参阅<a id="a1">条款</a>。'
ADDED_SENTENCE = " Backups never leave China."
ADDED_CHINESE = "备份从不离开中国。"
CHINESE_URL = "https://example.com/zh-hans/terms"
REPORT = reverse("faq_admin:translation_status")


@pytest.fixture
def english_changed(django_user_model, faq):
    """The editor publishes the English page with a sentence added, and syncs (in Python: the
    browser starts after, as the database is not touched while it runs)."""
    client = Client()
    client.force_login(flows.editor(django_user_model))
    items = flows.items_of(faq)
    assert items[1]["answer"] == f"<p>{ANSWER}</p>"
    items[1]["answer"] = f"<p>{ANSWER}{ADDED_SENTENCE}</p>"
    english = flows.publish_in_editor(client, faq, items)
    assert flows.sync(client, english).status_code == 302
    return english


def report_row(page, english):
    return page.locator(f"[data-translation-status] tr[data-page='{english.pk}']")


@pytest.mark.usefixtures("chinese_translator")
def test_the_translators_cycle(open_page, live_server, english_changed):
    chinese = english_changed.get_translation(Locale.objects.get(language_code="zh-hans"))
    page = sign_in(live_server, open_page, "translator")

    # The report, from the Reports menu, in Chinese: the page is behind.
    page.get_by_role("button", name="报告").click()
    page.get_by_role("link", name="翻译状态").click()
    expect(page).to_have_url(live_server.url + REPORT)
    expect(page.get_by_role("heading", name="翻译状态")).to_be_visible()
    row = report_row(page, english_changed)
    expect(row.locator("td[data-language=zh-hans] [data-state]")).to_contain_text("未跟上源页面")

    # Its Translate link opens wagtail-localize's editor (not a "no permission" page).
    row.get_by_role("link", name="翻译", exact=True).click()
    page.wait_for_load_state("networkidle")
    # (Wagtail answers a forbidden page by redirecting to the dashboard.)
    expect(page).to_have_url(
        live_server.url + reverse("wagtailadmin_pages:edit", args=[chinese.pk])
    )
    expect(page.locator(".js-translation-editor")).to_be_visible()

    # The changed answer is pre-filled from the previous translation, to be reviewed.
    changed = segment(page, "Backups never leave China.")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text("需要审核：由以前的翻译预先填写。")
    expect(changed).to_contain_text("仅在中国大陆。请参阅")
    # Beside it, the English change marked and the previous translation (the memory's notes).
    beside = changed.locator("[data-beside-segment]")
    expect(beside.locator("[data-source] ins")).to_have_text(ADDED_SENTENCE.strip())
    expect(beside.locator("[data-previous]")).to_have_text(CHINESE_ANSWER)
    expect(page.locator("[data-translation-review] [data-pending-segment]")).to_have_count(0)
    # What the compiled editor writes in English is in Chinese too.
    expect(page.locator(".js-translation-editor section > div > h3")).to_have_text(
        "English 译为 简体中文"
    )
    expect(page.locator(".js-translation-editor footer").get_by_text("更多操作")).to_be_attached()
    changed.get_by_role("button", name="编辑").click()
    box = changed.locator("textarea")
    expect(box).to_have_value(CHINESE_ANSWER)
    box.fill(CHINESE_ANSWER + ADDED_CHINESE)
    changed.get_by_role("button", name="保存").click()
    expect(changed.locator("textarea")).to_have_count(0)
    expect(changed).to_contain_text(ADDED_CHINESE)
    expect(beside).to_be_hidden()
    expect(changed.locator(":scope > ul")).not_to_contain_text("需要审核")

    # The link's URL box (the override editor): its Chinese-language URL.
    link = segment(page, "链接“the terms”（English 网址：https://example.com/）")
    expect(link).to_have_count(1)
    link.get_by_role("button", name="编辑").click()
    link.locator("textarea").fill(CHINESE_URL)
    link.get_by_role("button", name="保存").click()
    expect(link.locator("textarea")).to_have_count(0)
    expect(link).to_contain_text(CHINESE_URL)

    # The editor's publish action.
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^发布在")).click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("已在 简体中文 中发布")

    # The Chinese page shows the new sentence and links to the Chinese URL.
    site = open_page("/zh-hans/faq/")
    site.locator(".content-faq-toggle", has_text="我的客户数据存储在哪里？").click()
    answer = site.locator(".content-faq-footer").filter(has_text=ADDED_CHINESE)
    expect(answer).to_be_visible()
    expect(answer).to_have_text("仅在中国大陆。请参阅条款。" + ADDED_CHINESE)
    expect(answer.get_by_role("link", name="条款")).to_have_attribute("href", CHINESE_URL)

    # And the report says it is up to date.
    page.goto(REPORT)
    row = report_row(page, english_changed)
    expect(row.locator("td[data-language=zh-hans] [data-state]")).to_have_text("已是最新")
    expect(row.locator("[data-outdated]")).to_have_count(0)
    expect(row.get_by_role("link", name="翻译", exact=True)).to_have_count(0)
