"""The glossary (issue 16, "Terminology"): kept in the admin by editors and translators, seeded
from the legacy pages, checked on every Chinese string (editor warnings, status report) and
given to DeepL."""

import json
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

import pytest
import responses

from tests import admin_flows as flows
from tests.translations import chinese_translator_client, logged_in, with_chinese_translation
from trustcenter.glossary.models import DeepLGlossary, GlossaryTerm
from trustcenter.translation.machine import machine_translator_from_env

pytestmark = pytest.mark.django_db

QUESTION = "How will 21Vianet use my Customer Data?"
DEMO = Path(settings.BASE_DIR) / "trustcenter" / "demo"


def chinese():
    return Locale.objects.get(language_code="zh-hans")


@pytest.fixture
def editor(django_user_model):
    return logged_in(flows.editor(django_user_model), "en")


@pytest.fixture
def translator(django_user_model):
    return chinese_translator_client(django_user_model)


def item(question, answer_html):
    return {
        "type": "faq",
        "id": str(uuid.uuid4()),
        "value": {"question": question, "answer": answer_html},
    }


@pytest.fixture
def english():
    return with_chinese_translation(
        [
            item(QUESTION, "<p>Stored in mainland China.</p>"),
            item("Where are the Data Centers?", "<p>Not in metadata centers.</p>"),
        ]
    )


def seeded():
    return dict(
        GlossaryTerm.objects.filter(locale=chinese()).values_list("source_term", "target_term")
    )


# Seeding


def test_the_legacy_pages_terms_are_seeded_and_occur_in_both_pages():
    terms = seeded()
    assert terms["21Vianet"] == "世纪互联" and terms["Customer Data"] == "客户数据"
    assert len(terms) >= 8
    english_page = (DEMO / "legacy-faq-en.txt").read_text().casefold()
    chinese_page = (DEMO / "legacy-faq-zh-cn.txt").read_text()
    for source_term, target_term in terms.items():
        assert source_term.casefold() in english_page, source_term
        assert target_term in chinese_page, target_term


# Admin


def test_an_editor_adds_changes_and_deletes_a_term(editor):
    listing = editor.get(reverse("glossary:index"))
    assert listing.status_code == 200
    assert "21Vianet" in listing.content.decode() and "世纪互联" in listing.content.decode()

    response = editor.post(
        reverse("glossary:add"),
        {"source_term": "Trust Center", "locale": chinese().pk, "target_term": "信任中心"},
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(source_term="Trust Center")
    response = editor.post(
        reverse("glossary:edit", args=[term.pk]),
        {
            "source_term": "Trust Center",
            "locale": chinese().pk,
            "target_term": "信任中心",
            "note": "The site's name.",
        },
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.note == "The site's name."
    assert editor.post(reverse("glossary:delete", args=[term.pk])).status_code == 302
    assert not GlossaryTerm.objects.filter(pk=term.pk).exists()


def test_a_term_has_one_translation_per_language_whatever_its_case(editor):
    response = editor.post(
        reverse("glossary:add"),
        {"source_term": "customer data", "locale": chinese().pk, "target_term": "用户数据"},
    )
    assert response.status_code == 200
    assert "This term already has a translation in this language." in response.content.decode()
    assert seeded()["Customer Data"] == "客户数据"


def test_a_translator_keeps_their_languages_terms_in_chinese(translator, soup):
    listing = translator.get(reverse("glossary:index")).content.decode()
    assert "术语表" in listing and "世纪互联" in listing
    form = translator.get(reverse("glossary:add")).content.decode()
    assert "原文术语" in form
    Locale.objects.create(language_code="fr")  # a language they don't translate
    options = soup(translator.get(reverse("glossary:add"))).select("select[name=locale] option")
    assert [(option["value"], option.get_text()) for option in options if option["value"]] == [
        (str(chinese().pk), "简体中文")
    ]
    response = translator.post(
        reverse("glossary:add"),
        {"source_term": "Trust Center", "locale": chinese().pk, "target_term": "信任中心"},
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(source_term="21Vianet", locale=chinese())
    response = translator.post(
        reverse("glossary:edit", args=[term.pk]),
        {"source_term": "21Vianet", "locale": chinese().pk, "target_term": "世纪互联", "note": "x"},
    )
    assert response.status_code == 302


def refused(response):
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_translator_may_not_change_another_languages_terms(translator):
    french = GlossaryTerm.objects.create(
        source_term="21Vianet",
        locale=Locale.objects.create(language_code="fr"),
        target_term="21Vianet",
    )
    edit = reverse("glossary:edit", args=[french.pk])
    assert refused(translator.get(edit))
    data = {"source_term": "21Vianet", "locale": french.locale.pk, "target_term": "changed"}
    assert refused(translator.post(edit, data))
    assert refused(translator.post(reverse("glossary:delete", args=[french.pk])))
    french.refresh_from_db()
    assert french.target_term == "21Vianet"
    response = translator.post(
        reverse("glossary:add"),
        {"source_term": "Trust Center", "locale": french.locale.pk, "target_term": "x"},
    )
    assert response.status_code == 200  # the language is not among the choices
    assert not GlossaryTerm.objects.filter(source_term="Trust Center").exists()


def test_an_admin_user_without_a_role_does_not_reach_the_glossary(django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert refused(client.get(reverse("glossary:index")))


# The check


def save(client, english, source, value):
    translation = flows.translation_into(english)
    segment = StringSegment.objects.get(source=translation.source, string__data=source)
    return client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def test_a_translation_missing_a_term_is_saved_with_a_warning_in_chinese(english, translator):
    response = save(translator, english, QUESTION, "21Vianet 将如何使用我的客户数据？")
    assert response.status_code in (200, 201)
    assert response.json()["glossary_warnings"] == ["术语表中“21Vianet”译为“世纪互联”。"]
    assert StringTranslation.objects.filter(data="21Vianet 将如何使用我的客户数据？").exists()


def test_a_translation_with_the_terms_has_no_warning(english, translator):
    response = save(translator, english, QUESTION, "世纪互联将如何使用我的客户数据？")
    assert response.json()["glossary_warnings"] == []


def test_latin_terms_match_whole_words_ignoring_case_and_plural(english, translator):
    response = save(translator, english, "Where are the Data Centers?", "在哪里？")
    assert response.json()["glossary_warnings"] == ["术语表中“data center”译为“数据中心”。"]
    response = save(translator, english, "Not in metadata centers.", "不在那里。")
    assert response.json()["glossary_warnings"] == []


# The status report


def test_the_status_report_counts_strings_missing_a_term(admin_client, soup, english):
    translation = flows.translation_into(english)
    segment = StringSegment.objects.get(source=translation.source, string__data=QUESTION)
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=chinese(),
        data="21Vianet 将如何使用我的客户数据？",
    )
    page = soup(admin_client.get(reverse("faq_admin:translation_status")))
    cell = page.select_one(f'[data-page="{english.pk}"] [data-language="zh-hans"]')
    assert cell.select_one("[data-terminology]").get_text(strip=True) == (
        "1 string lacks a glossary term's translation."
    )


# DeepL


DEEPL = machine_translator_from_env({"MACHINE_TRANSLATOR": "deepl", "DEEPL_AUTH_KEY": "k:fx"})
GLOSSARIES = "https://api-free.deepl.com/v2/glossaries"
TRANSLATE = "https://api-free.deepl.com/v2/translate"


def deepl_translates():
    """DeepL's translation endpoint, answering "机器" for each text."""

    def answer(request):
        texts = parse_qs(request.body)["text"]
        return 200, {}, json.dumps({"translations": [{"text": "机器"} for _ in texts]})

    responses.add_callback(responses.POST, TRANSLATE, callback=answer)


def machine_translate(client, english):
    translation = flows.translation_into(english)
    return client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
@responses.activate
def test_deepl_gets_the_glossary_made_once_and_remade_when_it_changes(english, translator):
    responses.add(responses.POST, GLOSSARIES, json={"glossary_id": "g-1"})
    responses.add(responses.POST, GLOSSARIES, json={"glossary_id": "g-2"})
    responses.add(responses.DELETE, f"{GLOSSARIES}/g-1", status=204)
    deepl_translates()
    assert machine_translate(translator, english).status_code == 302
    made, translated = (call.request for call in responses.calls)
    glossary = parse_qs(made.body)
    assert glossary["source_lang"] == ["EN"] and glossary["target_lang"] == ["ZH"]
    assert "21Vianet\t世纪互联" in glossary["entries"][0].split("\n")
    assert glossary["entries_format"] == ["tsv"]
    assert parse_qs(translated.body)["glossary_id"] == ["g-1"]

    # Unchanged: the same glossary, not made again (the suggestions discarded, so that
    # wagtail-localize asks DeepL again).
    StringTranslation.objects.filter(translation_type="machine").delete()
    assert machine_translate(translator, english).status_code == 302
    assert [call.request.url for call in responses.calls[2:]] == [TRANSLATE]
    assert parse_qs(responses.calls[2].request.body)["glossary_id"] == ["g-1"]

    # Changed: a new one, the old one deleted at DeepL.
    GlossaryTerm.objects.create(
        source_term="Trust Center", locale=chinese(), target_term="信任中心"
    )
    StringTranslation.objects.filter(translation_type="machine").delete()
    assert machine_translate(translator, english).status_code == 302
    assert [(call.request.method, call.request.url) for call in responses.calls[3:]] == [
        ("POST", GLOSSARIES),
        ("DELETE", f"{GLOSSARIES}/g-1"),
        ("POST", TRANSLATE),
    ]
    assert parse_qs(responses.calls[5].request.body)["glossary_id"] == ["g-2"]
    assert DeepLGlossary.objects.get().glossary_id == "g-2"


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
@responses.activate
def test_a_refused_glossary_still_translates_without_one(english, translator):
    responses.add(responses.POST, GLOSSARIES, status=400, json={"message": "Unsupported"})
    deepl_translates()
    assert machine_translate(translator, english).status_code == 302
    assert "glossary_id" not in parse_qs(responses.calls[1].request.body)
    assert StringTranslation.objects.filter(data="机器", translation_type="machine").exists()
    assert not DeepLGlossary.objects.exists()
