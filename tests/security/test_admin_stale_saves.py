"""An admin save made on an older revision than the latest (an API change, another editor's
save) warns and keeps the newer version instead of overwriting it (issue 11.4)."""

import re

from django.test import Client

from wagtail.models import APIToken
from wagtail.users.models import UserProfile

import pytest

from faq.models import FAQPage
from tests.admin_flows import edit_form_data, editor, make_user
from trustcenter.roles import EDITORS

pytestmark = pytest.mark.django_db


def latest_draft(page):
    return FAQPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def loaded_revision(edit_page):
    """The revision an admin edit form was loaded from, as the browser posts it back."""
    html = edit_page.content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html)[1]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def test_an_admin_save_on_an_older_revision_than_an_api_change_warns_and_keeps_it(
    api, client, faq_pair, django_user_model
):
    english, _ = faq_pair
    user = editor(django_user_model)
    client.force_login(user)
    edit_url = f"/admin/pages/{english.pk}/edit/"
    opened = loaded_revision(client.get(edit_url))

    # Meanwhile, an API client changes the SEO title.
    _, token = APIToken.create_token(user=user, name="front end")
    api_auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    patched = api(
        "patch", f"/api/v3/pages/{english.pk}/", {"seo_title": "SEO by the API"}, **api_auth
    )
    assert patched.status_code == 200, patched.content

    form = {**edit_form_data(english, hero_title="Hero by the editor"), **opened}
    for action in ({}, {"action-publish": "action-publish"}):
        refused = client.post(edit_url, {**form, **action})
        assert refused.status_code == 200  # the form again, with the editor's changes
        assert "saved a newer version of this page" in refused.content.decode()
        assert "Hero by the editor" in refused.content.decode()
        assert latest_draft(english).seo_title == "SEO by the API"
        assert latest_draft(english).hero_title == english.hero_title

    # The form given back was loaded from the latest revision: saving again is deliberate.
    saved = client.post(edit_url, {**form, **loaded_revision(refused)})
    assert saved.status_code == 302
    assert latest_draft(english).hero_title == "Hero by the editor"


def test_an_admin_save_on_the_latest_revision_is_saved(client, faq_pair, django_user_model):
    english, _ = faq_pair
    client.force_login(editor(django_user_model))
    edit_url = f"/admin/pages/{english.pk}/edit/"
    opened = loaded_revision(client.get(edit_url))
    form = {**edit_form_data(english, hero_title="Hero by the editor"), **opened}
    assert client.post(edit_url, form).status_code == 302
    assert latest_draft(english).hero_title == "Hero by the editor"


def test_an_editor_reading_the_admin_in_chinese_is_warned_of_a_colleagues_save_in_chinese(
    client, faq_pair, django_user_model
):
    english, _ = faq_pair
    user = editor(django_user_model)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(user)
    edit_url = f"/admin/pages/{english.pk}/edit/"
    opened = loaded_revision(client.get(edit_url))

    colleague = Client()
    colleague.force_login(make_user(django_user_model, EDITORS, "colleague"))
    colleague_form = edit_form_data(english, seo_title="SEO by a colleague")
    colleague_form.update(loaded_revision(colleague.get(edit_url)))
    assert colleague.post(edit_url, colleague_form).status_code == 302

    form = {**edit_form_data(english, hero_title="Hero by the editor"), **opened}
    refused = client.post(edit_url, form)
    assert "colleague 在您打开此页面之后" in refused.content.decode()
    assert latest_draft(english).seo_title == "SEO by a colleague"
