"""The roles, checked through the admin's own views (Wagtail's and wagtail-localize's)."""

import json
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import StringSegment

import pytest

from faq.models import FAQPage
from tests import admin_flows as flows
from tests.admin_flows import TRANSLATORS
from tests.factories import home, make_faq_page, translate
from trustcenter.roles import EDITORS
from trustcenter.site_setup import ensure_bilingual_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    english = make_faq_page(questions=1)
    chinese = translate(english, strings={"Question 1?": "问题 1？"})
    return english, chinese


@pytest.fixture
def as_role(django_user_model):
    def login(role):
        client = Client()
        client.force_login(flows.make_user(django_user_model, role))
        return client

    return login


def allowed(response):
    return response.status_code in (200, 201, 302) and not denied(response)


def denied(response):
    # Wagtail answers a page it won't show with a redirect to the dashboard and a message;
    # wagtail-localize's API and views answer 403.
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def publish_edit(client, page):
    data = flows.edit_form_data(page, title="Changed title")
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def put_string(client, english, language_code="zh-hans"):
    """Type a title into the translation editor of ``english``'s translation."""
    translation = flows.translation_into(english, language_code)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    return client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
        ),
        urlencode({"value": "常见问题"}),
        content_type="application/x-www-form-urlencoded",
    )


def upload_po(client, english):
    translation = flows.translation_into(english)
    po = translation.export_po()
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("faq.po", str(po).encode())},
    )


def test_roles_exist_with_page_permissions_on_their_language_home():
    granted = {
        (
            permission.group.name,
            permission.page.locale.language_code,
            permission.permission.codename,
        )
        for permission in GroupPagePermission.objects.filter(
            group__name__in=[EDITORS, TRANSLATORS]
        ).select_related("group", "page__locale", "permission")
    }
    assert granted == {
        (EDITORS, "en", "add_page"),
        (EDITORS, "en", "change_page"),
        (EDITORS, "en", "publish_page"),
        (TRANSLATORS, "zh-hans", "change_page"),
        (TRANSLATORS, "zh-hans", "publish_page"),
    }
    ensure_bilingual_site()
    assert GroupPagePermission.objects.filter(group__name__in=[EDITORS, TRANSLATORS]).count() == 5


def test_setup_recreates_a_missing_role():
    Group.objects.filter(name=TRANSLATORS).delete()
    ensure_bilingual_site()
    group = Group.objects.get(name=TRANSLATORS)
    assert (
        group.page_permissions.get(permission__codename="publish_page").page_id
        == home("zh-hans").pk
    )
    assert group.permissions.filter(codename="access_admin").exists()


def test_editor_edits_and_publishes_english_only(as_role, pages, client):
    english, chinese = pages
    editor = as_role(EDITORS)
    assert edit(editor, english).status_code == 200
    assert allowed(publish_edit(editor, english))
    assert client.get("/en/faq/").content.decode().count("Changed title") >= 1
    # Starting and syncing translations are the editor's.
    submit = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    assert editor.get(submit).status_code == 200
    sync = reverse("wagtail_localize:update_translations", args=[flows.source_of(english).pk])
    assert editor.get(sync).status_code == 200
    # The Chinese page (translation editor, publishing, strings, PO files) is not.
    assert denied(edit(editor, chinese))
    assert denied(flows.publish_translation(editor, chinese))
    assert denied(put_string(editor, english))
    assert denied(upload_po(editor, english))
    assert denied(edit(editor, home("zh-hans")))
    # The explorer keeps the editor in the English tree.
    explorer = editor.get(reverse("wagtailadmin_explore", args=[home("zh-hans").pk]))
    assert explorer["Location"] == reverse("wagtailadmin_explore", args=[home("en").pk])
    assert chinese.title == FAQPage.objects.get(pk=chinese.pk).title


def test_translator_translates_and_publishes_chinese_only(as_role, pages, client):
    english, chinese = pages
    translator = as_role(TRANSLATORS)
    explorer = translator.get(reverse("wagtailadmin_explore", args=[home("zh-hans").pk]))
    assert explorer.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[chinese.pk]) in explorer.content.decode()
    response = edit(translator, chinese)
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert put_string(translator, english).status_code == 201
    download = reverse(
        "wagtail_localize:download_pofile", args=[flows.translation_into(english).pk]
    )
    assert translator.get(download).status_code == 200
    assert allowed(upload_po(translator, english))
    assert allowed(flows.publish_translation(translator, chinese))
    assert "常见问题" in client.get("/zh-hans/faq/").content.decode()
    # English pages, new pages, starting or syncing translations: not the translator's.
    assert denied(edit(translator, english))
    assert denied(publish_edit(translator, english))
    assert "Changed title" not in client.get("/en/faq/").content.decode()
    assert denied(edit(translator, home("en")))
    add = reverse("wagtailadmin_pages:add", args=["faq", "faqpage", home("zh-hans").pk])
    assert denied(translator.get(add))
    submit = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    assert denied(translator.get(submit))
    sync = reverse("wagtail_localize:update_translations", args=[flows.source_of(english).pk])
    assert denied(translator.post(sync, {"publish_translations": "on"}))


@pytest.mark.parametrize("role", [EDITORS, TRANSLATORS])
def test_both_roles_see_the_translation_status(as_role, pages, role):
    client = as_role(role)
    url = reverse("faq_admin:translation_status")
    assert url in client.get(reverse("wagtailadmin_home")).content.decode(), "in the Reports menu"
    response = client.get(url)
    assert response.status_code == 200
    assert f'data-page="{pages[0].pk}"' in response.content.decode()
    # Only editors are offered to start a translation (translators couldn't).
    make_faq_page(title="Privacy", slug="privacy", questions=1)
    offered = "/admin/localize/submit/page/" in client.get(url).content.decode()
    assert offered == (role == EDITORS)


THREE_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("fr", "Français")]


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
def test_translators_cannot_touch_another_language(as_role, pages):
    english, _ = pages
    Locale.objects.create(language_code="fr")
    french = translate(english, language_code="fr")
    translator = as_role(TRANSLATORS)
    assert denied(edit(translator, french))
    assert denied(flows.publish_translation(translator, french))
    assert denied(put_string(translator, english, language_code="fr"))


def page_actions(client, page):
    """The Delete, Move, Copy and alias links the admin offers for ``page``: its editor's
    props (the translation editor) and its row in the explorer of its parent."""
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    offered = {
        action
        for action in ("delete", "move", "copy")
        if reverse(f"wagtailadmin_pages:{action}", args=[page.pk]) in html
    }
    if reverse("wagtail_localize:convert_to_alias", args=[page.pk]) in html:
        offered.add("convert")
    return offered


def test_translator_cannot_delete_move_copy_or_convert_the_chinese_page(as_role, pages):
    english, chinese = pages
    translator = as_role(TRANSLATORS)
    assert page_actions(translator, chinese) == set()
    for action in ("delete", "move", "copy"):
        url = reverse(f"wagtailadmin_pages:{action}", args=[chinese.pk])
        assert denied(translator.get(url)), action
        assert denied(translator.post(url)), action
    props = json.loads(edit(translator, chinese).context["props"])
    assert props["perms"]["canDelete"] is False
    convert = reverse("wagtail_localize:convert_to_alias", args=[chinese.pk])
    assert translator.post(convert)["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[chinese.pk]
    )
    chinese = FAQPage.objects.get(pk=chinese.pk)
    assert chinese.live and chinese.alias_of_id is None
    assert chinese.get_parent().specific == home("zh-hans")


def test_editor_still_deletes_moves_and_copies_english_pages(as_role, pages):
    english, _ = pages
    editor = as_role(EDITORS)
    assert page_actions(editor, english) >= {"delete", "move", "copy"}
    for action in ("delete", "move", "copy"):
        response = editor.get(reverse(f"wagtailadmin_pages:{action}", args=[english.pk]))
        assert response.status_code == 200, action


def test_the_english_pages_status_panel_lists_its_chinese_translation(as_role, pages, soup):
    english, chinese = pages
    panel = soup(edit(as_role(EDITORS), english))
    text = panel.get_text(" ", strip=True)
    assert "No other translations" not in text
    assert "Available in 2 locales" in text
    link = panel.select_one('a[lang="zh-hans"]')
    assert link["href"].endswith("/zh-hans/faq/"), "the editor may not edit it: the live page"
    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("root", "r@example.com", "pw"))
    link = soup(edit(admin, english)).select_one('a[lang="zh-hans"]')
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[chinese.pk])
