"""Editors change the English header and footer, translators the Chinese one: each role its own
language only, though snippet permissions are for every language."""

from django.test import Client
from django.urls import reverse

import pytest

from tests import admin_flows as flows
from tests.admin_flows import TRANSLATORS
from tests.navigation.admin_forms import edit_form_data, publish_in_admin
from trustcenter.navigation.models import HeaderFooter
from trustcenter.roles import EDITORS

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_navigation_headerfooter:list")


def header_footer(language_code):
    return HeaderFooter.objects.get(locale__language_code=language_code)


def edit_url(item):
    return reverse("wagtailsnippets_navigation_headerfooter:edit", args=[item.pk])


@pytest.fixture
def as_role(django_user_model):
    def login(role):
        browser = Client()
        browser.force_login(flows.make_user(django_user_model, role))
        return browser

    return login


def test_an_editor_publishes_the_english_one_and_may_not_touch_the_chinese_one(
    as_role, client, soup, faq_pages
):
    editor = as_role(EDITORS)
    english = header_footer("en")
    response = publish_in_admin(editor, english, edit_form_data(english, site_name="Edited"))
    assert response.status_code == 302
    assert soup(client.get("/en/faq/")).select_one(".site-name").get_text() == "Edited"

    refused = editor.get(edit_url(header_footer("zh-hans")), follow=True)
    assert refused.redirect_chain == [(LIST, 302)]
    assert "of your own language only" in refused.content.decode()


def test_a_translator_translates_the_chinese_one_and_may_not_touch_the_english_one(
    as_role, faq_pages
):
    translator = as_role(TRANSLATORS)
    response = translator.get(edit_url(header_footer("zh-hans")))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]

    english = header_footer("en")
    assert translator.get(edit_url(english))["Location"] == LIST
    response = publish_in_admin(translator, english, edit_form_data(english, site_name="No"))
    assert response["Location"] == LIST
    delete = reverse("wagtailsnippets_navigation_headerfooter:delete", args=[english.pk])
    assert translator.post(delete).status_code == 302  # no role may delete one
    assert header_footer("en").site_name == "Trust Center"
