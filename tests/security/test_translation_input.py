"""What a translator sends (a PO upload, a string saved in the translation editor) is
refused with a message naming the problem when the translated page could not hold it,
and nothing is stored (issue 11.5)."""

from urllib.parse import urlencode

from django.test import Client
from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation

import pytest

from tests import admin_flows as flows
from tests.admin_flows import TRANSLATORS
from tests.factories import make_faq_page, translate
from tests.trustcenter.test_po_files import OFFLINE, download, translated_offline, upload

pytestmark = pytest.mark.django_db

TITLE = "Frequently Asked Questions"


@pytest.fixture
def english():
    page = make_faq_page(questions=2)
    translate(page)
    return page


@pytest.fixture
def translator(django_user_model):
    client = Client()
    client.force_login(flows.make_user(django_user_model, TRANSLATORS))
    return client


def stored_strings():
    return sorted(
        StringTranslation.objects.filter(locale__language_code="zh-hans").values_list(
            "context__path", "data"
        )
    )


def po_with(translator, english, **changes):
    """The page's PO file translated offline, with ``changes`` (msgid: msgstr) on top."""
    po = download(translator, english)
    translated_offline(po, {**OFFLINE, **changes})
    return po


@pytest.mark.parametrize("translation_id", ["not-a-uuid", "", "12345"])
def test_a_po_file_whose_translation_id_is_no_uuid_is_refused(english, translator, translation_id):
    po = po_with(translator, english)
    po.metadata["X-WagtailLocalize-TranslationID"] = translation_id
    before = stored_strings()
    messages = upload(translator, english, str(po))
    assert messages == [
        (
            "error",
            "faq-zh-hans.po was not downloaded from this translation "
            "(it has no known translation ID).",
        )
    ]
    assert stored_strings() == before


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"Question 1?": "问题\x00一？"}, ".question): contains a NUL character"),
        ({"Question 1?": "问题\x00一？"}, "contains a NUL character"),
        ({TITLE: "长" * 256}, "title: Ensure this value has at most 255 characters (it has 256)"),
        ({"Answer 1, <b>in bold</b>.": "<b>" * 5000}, "nested more than 32 elements deep"),
        ({"Question 2?": "问" * 501}, "Item 2 question: Ensure this value has at most 500"),
    ],
    ids=["NUL names the entry", "NUL", "long title", "deep <b>", "long question"],
)
def test_a_po_file_the_page_cannot_hold_applies_nothing(english, translator, changes, reason):
    before = stored_strings()
    messages = upload(translator, english, str(po_with(translator, english, **changes)))
    assert len(messages) == 1
    level, message = messages[0]
    assert level == "error"
    assert message.startswith("faq-zh-hans.po was not imported (nothing was changed): ")
    assert reason in message
    assert "\n" not in message
    assert stored_strings() == before


def test_a_po_file_leaving_an_earlier_problem_alone_is_imported(english, translator):
    """A hero title stored too long before these checks doesn't block an upload that leaves it
    alone: only the problems a change brings are refused."""
    segment = StringSegment.objects.get(
        source=flows.translation_into(english).source, context__path="hero_title"
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=flows.translation_into(english).target_locale,
        context=segment.context,
        defaults={"data": "长" * 256, "translation_type": "manual"},
    )
    po = po_with(translator, english, **{english.hero_title: ""})
    messages = upload(translator, english, str(po))
    assert messages[0][0] == "success", messages
    assert ("faqs", "问题 1？") in [(path.split(".")[0], data) for path, data in stored_strings()]


def title_segment(english):
    source = flows.translation_into(english).source
    return StringSegment.objects.get(source=source, context__path="title")


def save_string(translator, english, source_text, value):
    """The translation editor saving one string: the response."""
    translation = flows.translation_into(english)
    segments = StringSegment.objects.filter(source=translation.source, string__data=source_text)
    segment = segments.order_by("order").first()  # the title, before the hero title
    return translator.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


@pytest.mark.parametrize(
    ("source_text", "value", "reason"),
    [
        (TITLE, "常见\x00问题", "contains a NUL character"),
        ("Question 1?", "问题\x00一？", "contains a NUL character"),
        (TITLE, "长" * 256, "title: Ensure this value has at most 255 characters (it has 256)"),
        ("Answer 1, <b>in bold</b>.", "<b>" * 5000, "nested more than 32 elements deep"),
    ],
)
def test_a_string_the_page_cannot_hold_is_a_400_and_not_stored(
    english, translator, source_text, value, reason
):
    before = stored_strings()
    response = save_string(translator, english, source_text, value)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert stored_strings() == before


def test_a_good_string_is_saved(english, translator):
    response = save_string(translator, english, TITLE, "常见问题")
    assert response.status_code in (200, 201)
    assert ("title", "常见问题") in stored_strings()
