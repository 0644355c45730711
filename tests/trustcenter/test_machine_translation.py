"""Machine translation: configured from the environment, pre-fills, never publishes unreviewed."""

import json
from urllib.parse import parse_qs

from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest
import requests

from tests import admin_flows as flows
from tests.admin_flows import TRANSLATORS
from tests.factories import make_faq_page, translate
from tests.trustcenter.test_po_files import download, upload
from trustcenter.translation.machine import machine_translator_from_env

pytestmark = pytest.mark.django_db

DEEPL_ENV = {"MACHINE_TRANSLATOR": "deepl", "DEEPL_AUTH_KEY": "secret-key:fx"}


def test_off_unless_configured():
    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"MACHINE_TRANSLATOR": ""}) is None
    assert machine_translator_from_env({}, default="dummy")["CLASS"].endswith("DummyTranslator")


def test_deepl_and_google_by_key():
    assert machine_translator_from_env(DEEPL_ENV) == {
        "CLASS": "trustcenter.glossary.deepl.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret-key:fx"},
    }
    google = machine_translator_from_env(
        {
            "MACHINE_TRANSLATOR": "Google",
            "GOOGLE_CLOUD_PROJECT_ID": "trust-center",
            "GOOGLE_APPLICATION_CREDENTIALS": "/run/secrets/translate.json",
        }
    )
    assert google["CLASS"] == "wagtail_localize.machine_translators.google.GoogleCloudTranslator"
    assert google["OPTIONS"] == {
        "PROJECT_ID": "trust-center",
        "CREDENTIALS_PATH": "/run/secrets/translate.json",
    }


@pytest.mark.parametrize(
    "environ, message",
    [
        (
            {"MACHINE_TRANSLATOR": "deepl"},
            "MACHINE_TRANSLATOR=deepl needs DEEPL_AUTH_KEY to be set.",
        ),
        (
            {"MACHINE_TRANSLATOR": "google", "GOOGLE_CLOUD_PROJECT_ID": "p"},
            "MACHINE_TRANSLATOR=google needs GOOGLE_APPLICATION_CREDENTIALS to be set.",
        ),
        (
            {"MACHINE_TRANSLATOR": "babelfish"},
            "MACHINE_TRANSLATOR='babelfish' is not known: "
            "use deepl, google, dummy or leave it empty.",
        ),
    ],
)
def test_bad_configuration_is_named(environ, message):
    with pytest.raises(ImproperlyConfigured) as error:
        machine_translator_from_env(environ)
    assert str(error.value) == message


@pytest.fixture
def english():
    return make_faq_page(questions=1, intro="", hero_title="Questions and answers")


@pytest.fixture
def chinese(english):
    return translate(english, strings={"Frequently Asked Questions": "常见问题"})


@pytest.fixture
def translator(django_user_model):
    client = Client()
    client.force_login(flows.make_user(django_user_model, TRANSLATORS))
    return client


@pytest.fixture
def deepl_requests(monkeypatch):
    """Capture every translation request (none is sent); DeepL answers "机器：" + the text
    (and makes the glossary: tests/glossary)."""
    sent = []

    def send(adapter, request, **kwargs):
        response = requests.Response()
        response.status_code = 200
        if request.url.endswith("/glossaries"):
            response._content = json.dumps({"glossary_id": "seeded-glossary"}).encode()
            return response
        sent.append(request)
        texts = parse_qs(request.body)["text"]
        response._content = json.dumps(
            {"translations": [{"text": f"机器：{text}"} for text in texts]}
        ).encode()
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    return sent


def machine_translate(client, english):
    translation = flows.translation_into(english)
    return client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))


def chinese_items(client, soup):
    return [
        h2.get_text(strip=True)
        for h2 in soup(client.get("/zh-hans/faq/")).select(".content-faq h2")
    ]


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator_from_env(DEEPL_ENV))
def test_deepl_prefills_and_the_translator_reviews_before_anything_is_published(
    client, soup, english, chinese, translator, deepl_requests
):
    assert machine_translate(translator, english).status_code == 302
    (request,) = deepl_requests
    assert request.url == "https://api-free.deepl.com/v2/translate"
    assert request.headers["Authorization"] == "DeepL-Auth-Key secret-key:fx"
    sent = parse_qs(request.body)
    assert sent["target_lang"] == ["ZH"] and sent["source_lang"] == ["EN"]
    assert sorted(sent["text"]) == [
        "Answer 1, <b>in bold</b>.",
        "Question 1?",
        "Questions and answers",
    ]
    machine = StringTranslation.objects.filter(translation_type="machine")
    assert sorted(machine.values_list("data", flat=True)) == [
        "机器：Answer 1, <b>in bold</b>.",
        "机器：Question 1?",
        "机器：Questions and answers",
    ]

    # Published without review: the suggestions are not on the page.
    flows.publish_translation(translator, chinese)
    page = client.get("/zh-hans/faq/").content.decode()
    assert "机器" not in page
    assert chinese_items(client, soup) == []
    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    pending = [str(message) for message in editor.context["messages"]]
    assert (
        "Held back from the published page until translated (and reviewed): 1. Question 1?"
        in pending
    )
    assert "Still in the source language until translated (and reviewed): hero title" in pending

    # The translator reviews the item (keeps the question, corrects the answer) and publishes.
    flows.translate_in_editor(
        translator,
        english,
        {"Question 1?": "机器：Question 1?", "Answer 1, <b>in bold</b>.": "回答 1。"},
    )
    flows.publish_translation(translator, chinese)
    assert chinese_items(client, soup) == ["机器：Question 1?"]
    assert "机器：Questions" not in client.get("/zh-hans/faq/").content.decode(), (
        "hero not reviewed"
    )


def test_syncing_with_machine_translation_and_publishing_publishes_no_suggestion(
    client, soup, english, chinese, django_user_model, translator
):
    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    response = flows.sync(admin, english, publish=True, machine_translate=True)
    assert response.status_code == 302
    assert StringTranslation.objects.filter(translation_type="machine").count() == 3
    assert chinese_items(client, soup) == []

    # Downloaded, the suggestions need review (fuzzy); confirming them unchanged (the fuzzy
    # flag removed) in a PO file is a review too.
    po = download(translator, english)
    assert [entry.comment for entry in po if entry.fuzzy] == 3 * [
        "Needs review: pre-filled from Dummy translator. Counted as reviewed once you remove "
        "its fuzzy flag and upload the file."
    ]
    for entry in po:
        entry.fuzzy = False
    upload(translator, english, str(po))
    assert not StringTranslation.objects.filter(translation_type="machine").exists()
    flows.publish_translation(translator, chinese)
    assert chinese_items(client, soup) == ["1? Question"], "the dummy translator reverses words"


def test_editor_review_is_saving_the_string(english, chinese, translator):
    machine_translate(translator, english)
    statuses = flows.translate_in_editor(translator, english, {"Question 1?": "问题 1？"})
    assert statuses == [200]
    reviewed = StringTranslation.objects.get(translation_of__data="Question 1?")
    assert (reviewed.translation_type, reviewed.data) == ("manual", "问题 1？")
