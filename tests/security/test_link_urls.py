"""A link's URL is http, https, mailto, tel or relative, on every path that sets one, and no
other is ever rendered (issue 11.3)."""

import json
from urllib.parse import urlencode

from django.db import models
from django.test import Client, TestCase
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.factories import faq_items, make_faq_page
from tests.translations import translate_fully, with_chinese_translation
from tests.trustcenter.test_po_files import download, upload
from trustcenter.navigation.models import HeaderFooter
from trustcenter.navigation.setup import ensure_legacy_header_footer

pytestmark = pytest.mark.django_db

ENGLISH_URL = "https://example.com/en/agreement"
ANSWER = f'<p>Read <a href="{ENGLISH_URL}">the agreement</a>.</p>'
SCRIPT_URLS = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


@pytest.fixture
def linked_english(django_user_model):
    english = make_faq_page(questions=faq_items(1, answer_html=ANSWER))
    editor_client = Client()
    editor_client.force_login(flows.editor(django_user_model))
    flows.start_translation(editor_client, english)
    return english


def put_override(client, english, url, multipart=True):
    """The translator sets the link's Chinese URL, as the translation editor sends it."""
    translation = flows.translation_into(english)
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path__endswith=f".'{ENGLISH_URL}'"
    )
    return put_value(client, override_address(translation, segment), url, multipart)


def override_address(translation, segment):
    return reverse(
        "wagtail_localize:edit_override",
        kwargs={"translation_id": translation.pk, "overridable_segment_id": segment.pk},
    )


def put_value(client, address, value, multipart=True):
    """A box of the translation editor saved, as the editor sends it (or urlencoded)."""
    if multipart:  # the translation editor sends FormData
        boundary = MULTIPART_CONTENT.rsplit("=", 1)[1]
        return client.put(address, encode_multipart(boundary, {"value": value}), MULTIPART_CONTENT)
    return client.put(
        address, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_a_translator_cannot_set_a_script_link_url(linked_english, translator_client, url):
    response = put_override(translator_client, linked_english, url)
    assert response.status_code == 400
    assert "is not allowed: use an http, https, mailto or tel URL" in response.json()["error"]
    assert not SegmentOverride.objects.exists()


def test_a_refused_link_url_leaves_the_english_url_on_the_chinese_page(
    client, linked_english, translator_client
):
    put_override(translator_client, linked_english, "javascript:alert(document.cookie)")
    flows.translate_in_editor(
        translator_client,
        linked_english,
        {
            "Question 1?": "问题一？",
            'Read <a id="a1">the agreement</a>.': '请阅读<a id="a1">协议</a>。',
        },
    )
    flows.publish_translation(
        translator_client, FAQPage.objects.get(locale__language_code="zh-hans")
    )
    assert f'<a href="{ENGLISH_URL}">协议</a>' in client.get("/zh-hans/faq/").content.decode()


@pytest.mark.parametrize(
    "url", ["https://example.cn/zh/agreement", "mailto:legal@example.cn", "/zh-hans/terms/"]
)
@pytest.mark.parametrize("multipart", [True, False])
def test_a_translator_still_sets_an_accepted_link_url(
    linked_english, translator_client, url, multipart
):
    response = put_override(translator_client, linked_english, url, multipart)
    assert response.status_code == 201
    assert json.loads(SegmentOverride.objects.get().data_json) == url


@pytest.fixture
def header_footer_translation():
    """The Chinese translation of the legacy header and footer (as ``setup_demo`` fills them
    in), shown on the Chinese FAQ page."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        ensure_legacy_header_footer()
    with_chinese_translation(faq_items(1))
    english = HeaderFooter.objects.get(locale__language_code="en")
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(english),
        target_locale__language_code="zh-hans",
    )


def icp_link_address(translation):
    """The footer's ICP licence link: synchronised, so an override in the translation editor."""
    segment = OverridableSegment.objects.get(source=translation.source, context__path="icp_url")
    return override_address(translation, segment)


def menu_link_address(translation):
    """The header menu's FAQ link: its URL is translated as a string."""
    segment = StringSegment.objects.get(source=translation.source, string__data="/en/faq/")
    return reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )


@pytest.mark.parametrize("address", [icp_link_address, menu_link_address])
@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JaVa\tScRiPt:alert(1)"])
def test_a_translator_cannot_set_a_script_url_in_the_header_or_footer(
    client, header_footer_translation, translator_client, address, url
):
    response = put_value(translator_client, address(header_footer_translation), url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("Not saved: The link URL")
    assert "is not allowed: use an http, https, mailto or tel URL" in error
    with TestCase.captureOnCommitCallbacks(execute=True):
        header_footer_translation.save_target(publish=True)
    assert "alert(" not in client.get("/zh-hans/faq/").content.decode()


def test_a_po_file_with_a_script_url_in_the_header_is_refused(
    header_footer_translation, translator_client
):
    english = header_footer_translation.source.get_source_instance()
    po = download(translator_client, english)
    [entry] = [entry for entry in po if entry.msgid == "/en/faq/"]
    entry.msgstr = "javascript:alert(1)"
    [(level, message)] = upload(translator_client, english, str(po))
    assert level == "error"
    assert "was not imported (nothing was changed)" in message
    assert "The link URL “javascript:alert(1)” is not allowed" in message
    assert not StringTranslation.objects.filter(data__contains="alert(").exists()


def test_a_translator_sets_accepted_urls_in_the_header_and_footer(
    client, soup, header_footer_translation, translator_client
):
    icp_url = "https://beian.miit.gov.cn/#/Integrated/index"
    response = put_value(translator_client, icp_link_address(header_footer_translation), icp_url)
    assert response.status_code == 201
    faq_url = "https://www.azure.cn/zh-cn/support/faq/"
    response = put_value(translator_client, menu_link_address(header_footer_translation), faq_url)
    assert response.status_code == 200
    with TestCase.captureOnCommitCallbacks(execute=True):
        header_footer_translation.save_target(publish=True)
    page = soup(client.get("/zh-hans/faq/"))
    assert page.select_one(".site-footer-icp a")["href"] == icp_url
    assert faq_url in [link["href"] for link in page.select("nav.site-menu a")]


@pytest.fixture
def chinese_page_with_stored_script_link():
    """What a script URL set before this rule left behind, live on the Chinese page (publishing
    it now is refused, so it is written past the page's validation, as old data was)."""
    english = make_faq_page(questions=faq_items(1, answer_html=ANSWER))
    chinese = translate_fully(english)
    items = chinese.faqs.raw_data
    items[0]["value"]["answer"] = items[0]["value"]["answer"].replace(
        ENGLISH_URL, "javascript:alert(document.cookie)"
    )
    chinese.faqs = items
    models.Model.save(chinese, update_fields=["faqs"])  # not Page.save: it validates
    chinese = FAQPage.objects.get(pk=chinese.pk)
    assert "javascript:" in chinese.faqs[0].value["answer"].source
    return chinese


@pytest.mark.parametrize(
    "path",
    [
        "/zh-hans/faq/",
        "/api/v2/pages/{id}/",
        "/api/v3/pages/{id}/",
        "/api/v3/pages/{id}/?rich_text_format=db_html",
        "/api/v3/pages/{id}/?rich_text_format=markdown",
    ],
)
def test_a_stored_script_link_is_never_rendered(client, chinese_page_with_stored_script_link, path):
    response = client.get(path.format(id=chinese_page_with_stored_script_link.pk))
    assert response.status_code == 200
    text = response.content.decode()
    assert "the agreement" in text  # the answer is there, its link text kept
    assert "alert(document.cookie)" not in text


def test_the_json_ld_never_carries_a_stored_script_link(
    client, chinese_page_with_stored_script_link, soup
):
    page = soup(client.get("/zh-hans/faq/"))
    [script] = [
        s for s in page.find_all("script", type="application/ld+json") if "FAQPage" in s.string
    ]
    answer = json.loads(script.string)["mainEntity"][0]["acceptedAnswer"]["text"]
    assert "<a>the agreement</a>" in answer
    assert "alert(document.cookie)" not in answer


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "&#106;avascript:alert(1)", " JaVa\tScRiPt:alert(1)"]
)
@pytest.mark.parametrize(
    "field, value",
    [
        ("faqs", lambda html: [{"type": "faq", "value": {"question": "Safe?", "answer": html}}]),
        (
            "faqs",
            lambda html: [
                {"type": "faq", "value": {"question": "Safe?", "answer": {"content": html}}}
            ],
        ),
        ("intro", lambda html: html),
        ("intro", lambda html: {"format": "db_html", "content": html}),
    ],
)
def test_the_api_refuses_rich_text_with_a_script_link(
    api, editor_auth, faq_pair, url, field, value
):
    english, _ = faq_pair
    body = {field: value(f'<p>Read <a href="{url}">the terms</a>.</p>')}
    response = api("patch", f"/api/v3/pages/{english.pk}/", body, **editor_auth)
    assert response.status_code == 422, response.content
    assert "is not allowed: use an http, https, mailto or tel URL" in response.content.decode()
    unchanged = FAQPage.objects.get(pk=english.pk)
    assert (unchanged.intro, len(unchanged.faqs)) == (english.intro, len(english.faqs))


def test_the_api_keeps_an_accepted_external_link(api, editor_auth, faq_pair):
    english, _ = faq_pair
    answer = '<p>Write to <a href="mailto:legal@example.com">legal</a>.</p>'
    item = {"type": "faq", "value": {"question": "Who?", "answer": answer}}
    response = api("patch", f"/api/v3/pages/{english.pk}/", {"faqs": [item]}, **editor_auth)
    assert response.status_code == 200, response.content
    assert 'href="mailto:legal@example.com"' in response.json()["faqs"][0]["value"]["answer"]


def test_the_admin_editor_refuses_an_answer_with_a_script_link(client, django_user_model):
    english = make_faq_page(questions=faq_items(1, answer_html=ANSWER))
    editor_client = Client()
    editor_client.force_login(flows.editor(django_user_model))
    data = flows.edit_form_data(english)
    # What Wagtail's own link check lets through: a character reference the browser decodes.
    [answer_field] = [name for name in data if name.endswith("-value-answer")]
    data[answer_field] = data[answer_field].replace(ENGLISH_URL, "&#106;avascript:alert(1)")
    data["action-publish"] = "action-publish"
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), data)
    assert response.status_code == 200
    assert "is not allowed: use an http, https, mailto or tel URL" in response.content.decode()
    assert f'href="{ENGLISH_URL}"' in client.get("/en/faq/").content.decode()
