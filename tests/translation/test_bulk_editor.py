"""The translation editor (a translated page's edit view) shows exactly what wagtail-localize's
own view shows. (What it costs: tests/trustcenter/test_long_pages.py.)"""

import io
import json
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views import edit_translation as views

import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from trustcenter.translation import bulk_editor
from trustcenter.upstream import wagtail_localize as upstream_wagtail_localize

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "trustcenter" / "demo"
SEED = {"en": DEMO / "legacy-faq-en.txt", "zh-hans": DEMO / "legacy-faq-zh-cn.txt"}
CHINESE_OFFICE_365_LINK = "http://www.21vbluecloud.com/office365/O365-AgreeWebDir/"


def import_seed():
    """The seed pages (15 English questions, 14 Chinese)."""
    files = [f"{language}={path}" for language, path in SEED.items()]
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("import_legacy_faq", *files, stdout=io.StringIO())
    return [FAQPage.objects.get(slug="faq", locale__language_code=code) for code in SEED]


def open_editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "props" in response.context  # wagtail-localize's editor, not Wagtail's page editor
    return response


def editor_data(response):
    """What the editor shows: its props (translations and overrides keyed by segment, as the
    editor reads them: their order is whatever the database returns) and the messages."""
    props = json.loads(response.context["props"])
    for key in ("initialStringTranslations", "initialOverrides"):
        props[key] = sorted(props[key], key=lambda item: json.dumps(item, sort_keys=True))
    return props, [str(message) for message in response.context["messages"]]


def without_review_notes(data):
    """``editor_data`` as wagtail-localize sends it: no "needs review" on unreviewed strings."""
    props, messages = data
    translations = [
        {**row, "error": None} if (row["error"] or "").startswith("Needs review") else row
        for row in props["initialStringTranslations"]
    ]
    assert len([row for row in translations if row not in props["initialStringTranslations"]])
    return {**props, "initialStringTranslations": translations}, messages


def without_comments(data):
    props, messages = data
    translations = [
        {key: value for key, value in translation.items() if key != "comment"}
        for translation in props["initialStringTranslations"]
    ]
    translations.sort(key=lambda item: json.dumps(item, sort_keys=True))
    return {**props, "initialStringTranslations": translations}, messages


def test_the_editor_shows_what_wagtail_localizes_own_view_shows(
    admin_client, admin_user, monkeypatch
):
    english, chinese = import_seed()  # the 15th English question is held back
    items = flows.items_of(english)
    english = flows.publish_in_editor(
        admin_client, english, [*items, flows.faq_item("Machine question?", "<p>Machine.</p>")]
    )
    flows.sync(admin_client, english, machine_translate=True)  # unreviewed suggestions
    english = flows.publish_in_editor(
        admin_client,
        english,
        [*flows.items_of(english), flows.faq_item("New question?", "<p>Untranslated.</p>")],
    )
    flows.sync(admin_client, english)
    # A translator's own translations: one reviews a suggestion; one the page can't hold is
    # refused as it is saved, and one stored before that rule is refused on publishing.
    admin_user.first_name, admin_user.last_name = "Wei", "Li"
    admin_user.save()
    mine = {"Machine question?": "机器问题？", ("hero_title", english.hero_title): "长" * 300}
    assert flows.translate_in_editor(admin_client, english, mine) == [400, 200]
    hero_title = StringSegment.objects.get(
        source=flows.translation_into(english).source, context__path="hero_title"
    )
    StringTranslation.objects.update_or_create(
        translation_of=hero_title.string,
        context=hero_title.context,
        locale=chinese.locale,
        defaults={
            "data": "长" * 300,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": admin_user,
        },
    )
    flows.publish_translation(admin_client, chinese)
    open_editor(admin_client, chinese)  # shows (and so clears) the messages of the above

    bulk = editor_data(open_editor(admin_client, chinese))
    for patch in upstream_wagtail_localize.PATCHES:
        if patch.where == bulk_editor.__name__:
            monkeypatch.setattr(views, patch.name, patch.original)
    # The differences, on purpose: an unreviewed (machine) translation is flagged, and the
    # comments are dated in the user's language, not by strftime (test_chinese_admin.py).
    assert without_comments(editor_data(open_editor(admin_client, chinese))) == without_comments(
        without_review_notes(bulk)
    )

    props, messages = bulk
    translations = {
        translation["data"]: translation for translation in props["initialStringTranslations"]
    }
    assert all(translation["segment_id"] for translation in translations.values())
    assert translations["机器问题？"]["last_translated_by"]["full_name"] == "Wei Li"
    assert translations["长" * 300]["error"].startswith("Ensure this value has at most 255")
    machine = [t for t in translations.values() if t["comment"].startswith("Translated with Dummy")]
    assert machine
    translated = {translation["segment_id"] for translation in translations.values()}
    untranslated = [
        s["source"]
        for s in props["segments"]
        if s["type"] == "string" and s["id"] not in translated
    ]
    assert "New question?" in untranslated
    assert [override["data"] for override in props["initialOverrides"]] == [CHINESE_OFFICE_365_LINK]
    assert props["initialOverrides"][0]["segment_id"] in {s["id"] for s in props["segments"]}
    held_back = next(message for message in messages if message.startswith("Held back"))
    assert "15. " in held_back and "Machine question?" in held_back and "New question?" in held_back
