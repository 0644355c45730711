"""PO files: download, translate offline, upload, publish; and what is refused."""

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import polib
import pytest

from tests import admin_flows as flows
from tests.admin_flows import TRANSLATORS
from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db

OFFLINE = {
    "Frequently Asked Questions": "常见问题",
    "Popular questions.": "热门问题。",
    "Question 1?": "问题 1？",
    "Answer 1, <b>in bold</b>.": "回答 1，<b>粗体</b>。",
    "Question 2?": "问题 2？",
    "Answer 2, <b>in bold</b>.": "回答 2，<b>粗体</b>。",
}


@pytest.fixture
def english():
    return make_faq_page(questions=2)


@pytest.fixture
def chinese(english):
    return translate(english)


@pytest.fixture
def translator(django_user_model):
    client = Client()
    client.force_login(flows.make_user(django_user_model, TRANSLATORS))
    return client


def download(client, english):
    translation = flows.translation_into(english)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-zh-hans.po")
    return polib.pofile(response.content.decode())


def upload(client, english, content, name="faq-zh-hans.po"):
    translation = flows.translation_into(english)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile(
                name, content if isinstance(content, bytes) else content.encode()
            )
        },
    )
    assert response.status_code == 302
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def translated_offline(po, translations=OFFLINE):
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, "")
    return str(po)


def chinese_strings():
    return StringTranslation.objects.filter(locale__language_code="zh-hans").count()


def test_round_trip_shows_the_new_text(client, soup, english, chinese, translator):
    assert soup(client.get("/zh-hans/faq/")).select("#ContentWrapper .content-faq") == []
    po = download(translator, english)
    assert {entry.msgid for entry in po} == set(OFFLINE)
    messages = upload(translator, english, translated_offline(po))
    assert messages == [
        ("success", "Imported 7 translations from faq-zh-hans.po. Publish to show them.")
    ]
    flows.publish_translation(translator, chinese)
    page = soup(client.get("/zh-hans/faq/"))
    assert page.select_one("#HeroWrapper h3.box-title").get_text(strip=True) == "常见问题"
    assert [h2.get_text(strip=True) for h2 in page.select(".content-faq h2")] == [
        "问题 1？",
        "问题 2？",
    ]
    assert page.select_one(".intro").get_text(strip=True) == "热门问题。"


def test_a_po_file_for_another_page_is_refused(english, chinese, translator):
    other = make_faq_page(title="Compliance", slug="compliance", questions=1)
    translate(other)
    po = translated_offline(download(translator, other), {"Question 1?": "问题 1？"})
    before = chinese_strings()
    messages = upload(translator, english, po, name="compliance-zh-hans.po")
    assert messages == [
        (
            "error",
            "compliance-zh-hans.po is for “Compliance” in 简体中文, not this translation.",
        )
    ]
    assert chinese_strings() == before


def test_a_po_file_with_broken_entries_applies_nothing(english, chinese, translator):
    po = download(translator, english)
    translated_offline(po)
    po.append(polib.POEntry(msgid="Question 9?", msgctxt="title", msgstr="问题 9？"))
    po.append(polib.POEntry(msgid="Question 1?", msgctxt="faqs.nowhere.question", msgstr="问题"))
    answer = next(entry for entry in po if entry.msgid.startswith("Answer 1"))
    answer.msgstr = '回答 1，<a id="a7">链接</a>。'
    question = next(entry for entry in po if entry.msgid == "Question 2?")
    question.msgstr = "<script>alert(1)</script>"
    before = chinese_strings()
    messages = upload(translator, english, str(po))
    assert len(messages) == 1
    level, message = messages[0]
    assert level == "error"
    assert message.startswith("faq-zh-hans.po was not imported (nothing was changed): ")
    assert 'it has the link <a id="a7">, which the source does not have' in message
    assert "<script> tag is not allowed" in message
    assert "entry 8: unknown source text “Question 9?”" in message
    assert "entry 9: unknown place “faqs.nowhere.question”" in message
    assert "\n" not in message
    assert chinese_strings() == before


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"\xff\xfe not a po file \x00", "upload.po is not a valid PO file."),
        (
            'msgid "Question 1?"\nmsgstr "问题 1？"\n',
            "upload.po was not downloaded from this translation (it has no known translation ID).",
        ),
    ],
)
def test_files_that_are_not_this_translations_po_are_refused(
    english, chinese, translator, content, expected
):
    before = chinese_strings()
    assert upload(translator, english, content, name="upload.po") == [("error", expected)]
    assert chinese_strings() == before


def test_items_a_po_file_leaves_untranslated_are_held_back(
    client, soup, english, chinese, translator
):
    partial = {key: value for key, value in OFFLINE.items() if "2" not in key}
    upload(translator, english, translated_offline(download(translator, english), partial))
    flows.publish_translation(translator, chinese)
    page = soup(client.get("/zh-hans/faq/"))
    assert [h2.get_text(strip=True) for h2 in page.select(".content-faq h2")] == ["问题 1？"]
    assert "Question 2?" not in str(page) and "Answer 2" not in str(page)
