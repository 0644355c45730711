"""Preview tokens: an editor copies one from the admin; a front end on another origin reads
that page's latest draft with it, and nothing else."""

import re
import time
from html import unescape

from django.core import signing
from django.urls import reverse

import pytest

from tests.admin_flows import editor, translator
from tests.factories import home, make_faq_page, translate

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'id="preview-token" type="text" readonly value="([^"]+)"')


def token_from_admin(client, page):
    response = client.get(reverse("trustcenter_preview_token", args=[page.pk]))
    assert response.status_code == 200
    return unescape(TOKEN.search(response.content.decode()).group(1))


@pytest.fixture
def drafted():
    """A live FAQ page with a newer saved draft, and a page that was never published."""
    page = make_faq_page()
    page.title = "Draft title"
    page.save_revision()
    never_live = make_faq_page(slug="coming", title="Coming soon", publish=False)
    return page, never_live


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(editor(django_user_model))
    return client


def test_an_editor_copies_a_token_that_reads_the_draft_uncached(editor_client, drafted, api):
    page, never_live = drafted
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert reverse("trustcenter_preview_token", args=[page.pk]) in edit.content.decode()
    token = token_from_admin(editor_client, page)

    for _ in range(2):  # the second is no cache hit either
        response = api("get", f"/api/v3/pages/{page.pk}/?preview_token={token}")
        assert response.status_code == 200
        assert response.json()["title"] == "Draft title"
        assert response["Cache-Control"] == "private, no-store"
        assert response.get("X-Page-Cache") != "hit"
        assert response["ETag"] == f'"revision-{page.get_latest_revision().pk}"'
    # Anyone without it still reads the live page.
    assert api("get", f"/api/v3/pages/{page.pk}/").json()["title"] == "Frequently Asked Questions"

    # A page that was never published, too.
    token = token_from_admin(editor_client, never_live)
    response = api("get", f"/api/v3/pages/{never_live.pk}/?preview_token={token}")
    assert (response.status_code, response.json()["title"]) == (200, "Coming soon")


def test_a_token_opens_no_other_page(editor_client, drafted, api):
    page, never_live = drafted
    token = token_from_admin(editor_client, page)

    response = api("get", f"/api/v3/pages/{never_live.pk}/?preview_token={token}")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert f"opens page {page.pk}'s draft, not page {never_live.pk}'s" in response.json()["detail"]


def test_an_expired_or_tampered_token_is_refused(editor_client, drafted, api, monkeypatch):
    page, _ = drafted
    token = token_from_admin(editor_client, page)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = api("get", f"/api/v3/pages/{page.pk}/?preview_token={tampered}")
    assert (response.status_code, response.json()["detail"]) == (
        401,
        "This is not a valid preview token.",
    )

    # 16 minutes later (PREVIEW_TOKEN_MINUTES is 15).
    later = time.time() + 16 * 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = api("get", f"/api/v3/pages/{page.pk}/?preview_token={token}")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_token_writes_nothing(editor_client, drafted, api):
    page, _ = drafted
    token = token_from_admin(editor_client, page)

    response = api("patch", f"/api/v3/pages/{page.pk}/?preview_token={token}", {"title": "Changed"})

    # Writes don't take the parameter (and without a bearer token would be a 401).
    assert response.status_code == 400
    assert "preview_token" in response.json()["detail"]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Draft title"


def test_only_those_who_may_edit_a_page_get_its_token(client, django_user_model, drafted, api):
    page, _ = drafted
    client.force_login(translator(django_user_model))  # Chinese translator, English page
    assert client.get(reverse("trustcenter_preview_token", args=[page.pk])).status_code in (
        302,
        403,
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[home("zh-hans").pk]))
    assert reverse("trustcenter_preview_token", args=[page.pk]) not in edit.content.decode()


def test_a_translator_previews_the_chinese_draft_until_deactivated(client, django_user_model, api):
    chinese = translate(make_faq_page(), strings={"Frequently Asked Questions": "常见问题"})
    chinese.title = "常见问题（草稿）"
    chinese.save_revision()
    user = translator(django_user_model)
    client.force_login(user)
    token = token_from_admin(client, chinese)

    response = api("get", f"/api/v3/pages/{chinese.pk}/?preview_token={token}")
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["meta"]["locale"]) == (
        "常见问题（草稿）",
        "zh-hans",
    )

    user.is_active = False
    user.save()
    response = api("get", f"/api/v3/pages/{chinese.pk}/?preview_token={token}")
    assert response.status_code == 403
    assert "may no longer edit this page" in response.json()["detail"]
