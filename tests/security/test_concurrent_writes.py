"""Concurrent API writers lose nothing (issue 11.4): v3 writes to one page are serialised,
and a write based on an older revision than the latest is refused (If-Match)."""

import threading

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client

from wagtail.models import Revision

import pytest

from faq.models import FAQPage
from tests.api.conftest import role, user_with_token
from tests.factories import home

pytestmark = pytest.mark.django_db

PAGES = "/api/v3/pages/"


def etag(revision_id):
    return f'"revision-{revision_id}"'


def latest_draft(page):
    return FAQPage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.fixture
def fresh_site(transactional_db):
    """A flushed database is the migrated bilingual site again (post_migrate rebuilds it): an
    earlier transactional test's flush may have left it without its homes."""
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite has no row locks and lets one writer in at a time; CI runs this on PostgreSQL",
)
def test_two_editors_patching_one_page_at_the_same_moment_both_keep_their_change(
    fresh_site, api, faq_pair, editor_auth, django_user_model
):
    english, _ = faq_pair
    second_editor_auth = user_with_token(
        django_user_model, "second editor", Group.objects.get(name="API test editors")
    )
    first_is_writing, second_has_read = threading.Event(), threading.Event()

    def hold_the_first_writer(sender, **kwargs):
        # The first writer waits, its revision unsaved, until the second has read the page
        # (without a lock) or for a second (with one, the second is waiting on the lock).
        if threading.current_thread().name == "hero_title":
            first_is_writing.set()
            second_has_read.wait(timeout=1)
        else:
            second_has_read.set()

    answers = {}

    def patch(field, value, auth):
        try:
            answers[field] = Client().patch(
                f"{PAGES}{english.pk}/",
                data={field: value},
                content_type="application/json",
                **auth,
            )
        finally:
            connection.close()

    first = threading.Thread(
        target=patch, name="hero_title", args=("hero_title", "Hero by one", editor_auth)
    )
    second = threading.Thread(
        target=patch, name="seo_title", args=("seo_title", "SEO by another", second_editor_auth)
    )
    pre_save.connect(hold_the_first_writer, sender=Revision)
    try:
        first.start()
        assert first_is_writing.wait(timeout=10)
        second.start()
        first.join(timeout=30)
        second.join(timeout=30)
    finally:
        pre_save.disconnect(hold_the_first_writer, sender=Revision)

    assert [answers[field].status_code for field in ("hero_title", "seo_title")] == [200, 200]
    draft = latest_draft(english)
    assert (draft.hero_title, draft.seo_title) == ("Hero by one", "SEO by another")


def test_a_page_read_with_a_token_carries_its_latest_revision_as_etag(api, faq_pair, editor_auth):
    english, _ = faq_pair
    live_revision_id = english.live_revision_id
    draft = api("patch", f"{PAGES}{english.pk}/", {"hero_title": "A draft"}, **editor_auth)
    latest_revision_id = FAQPage.objects.get(pk=english.pk).latest_revision_id
    assert latest_revision_id != live_revision_id

    assert draft["ETag"] == etag(latest_revision_id)
    for version in ("live", "draft"):
        read = api("get", f"{PAGES}{english.pk}/?version={version}", **editor_auth)
        assert read["ETag"] == etag(latest_revision_id)
    # The public reads the live page and cannot write: its tag (the live revision and a digest
    # of the live page: trustcenter/api/conditional.py) does not reveal the draft.
    assert api("get", f"{PAGES}{english.pk}/")["ETag"].startswith(f'"revision-{live_revision_id}-')


def test_a_patch_based_on_an_older_revision_is_refused_with_412_naming_the_newer(
    api, faq_pair, editor_auth
):
    english, _ = faq_pair
    read = api("get", f"{PAGES}{english.pk}/", **editor_auth)
    first = api(
        "patch",
        f"{PAGES}{english.pk}/",
        {"seo_title": "SEO by another"},
        HTTP_IF_MATCH=read["ETag"],
        **editor_auth,
    )
    assert first.status_code == 200, first.content
    newer_revision_id = FAQPage.objects.get(pk=english.pk).latest_revision_id

    stale = api(
        "patch",
        f"{PAGES}{english.pk}/",
        {"hero_title": "Hero by one"},
        HTTP_IF_MATCH=read["ETag"],
        **editor_auth,
    )
    assert stale.status_code == 412
    assert stale["Content-Type"] == "application/problem+json"
    assert f"its latest revision is now {newer_revision_id}" in stale.json()["detail"]
    assert stale["ETag"] == etag(newer_revision_id)
    draft = latest_draft(english)
    assert (draft.hero_title, draft.seo_title) == (english.hero_title, "SEO by another")

    retried = api(
        "patch",
        f"{PAGES}{english.pk}/",
        {"hero_title": "Hero by one"},
        HTTP_IF_MATCH=stale["ETag"],
        **editor_auth,
    )
    assert retried.status_code == 200, retried.content
    draft = latest_draft(english)
    assert (draft.hero_title, draft.seo_title) == ("Hero by one", "SEO by another")


@pytest.mark.parametrize("if_match", ["*", '"revision-1", {current}', None])
def test_a_matching_or_absent_if_match_lets_the_patch_through(api, faq_pair, editor_auth, if_match):
    english, _ = faq_pair
    headers = {}
    if if_match is not None:
        headers["HTTP_IF_MATCH"] = if_match.format(current=etag(english.latest_revision_id))
    patched = api("patch", f"{PAGES}{english.pk}/", {"hero_title": "New"}, **headers, **editor_auth)
    assert patched.status_code == 200, patched.content
    assert latest_draft(english).hero_title == "New"


@pytest.mark.parametrize("if_match", ["revision-1", "W/{current}", '""'])
def test_an_if_match_that_is_no_current_strong_etag_is_refused(
    api, faq_pair, editor_auth, if_match
):
    english, _ = faq_pair
    sent = if_match.format(current=etag(english.latest_revision_id))
    patched = api(
        "patch", f"{PAGES}{english.pk}/", {"hero_title": "New"}, HTTP_IF_MATCH=sent, **editor_auth
    )
    # Unquoted: a 400 saying how to send it; weak or another tag: it does not match.
    assert patched.status_code == (400 if if_match == "revision-1" else 412)
    assert etag(english.latest_revision_id) in patched.json()["detail"]
    assert latest_draft(english).hero_title == english.hero_title


def test_publishing_or_reverting_an_older_revision_than_the_latest_is_refused(
    api, faq_pair, editor_auth
):
    english, _ = faq_pair
    read_etag = api("get", f"{PAGES}{english.pk}/", **editor_auth)["ETag"]
    api("patch", f"{PAGES}{english.pk}/", {"hero_title": "Not reviewed"}, **editor_auth)

    published = api(
        "post",
        f"{PAGES}{english.pk}/actions/publish/",
        {},
        HTTP_IF_MATCH=read_etag,
        **editor_auth,
    )
    assert published.status_code == 412
    reverted = api(
        "post",
        f"{PAGES}{english.pk}/actions/revert/",
        {"revision_id": english.live_revision_id},
        HTTP_IF_MATCH=read_etag,
        **editor_auth,
    )
    assert reverted.status_code == 412
    page = FAQPage.objects.get(pk=english.pk)
    assert page.hero_title == english.hero_title  # the draft was not published
    assert page.get_latest_revision_as_object().hero_title == "Not reviewed"  # nor reverted

    published = api(
        "post",
        f"{PAGES}{english.pk}/actions/publish/",
        {},
        HTTP_IF_MATCH=published["ETag"],
        **editor_auth,
    )
    assert published.status_code == 200, published.content
    assert published.json()["hero_title"] == "Not reviewed"


def test_a_token_that_may_not_edit_the_page_learns_nothing_from_if_match(
    api, faq_pair, django_user_model
):
    english, _ = faq_pair
    zh_translator_auth = user_with_token(
        django_user_model, "translator", role("API test Chinese translators", home("zh-hans"))
    )
    patched = api(
        "patch",
        f"{PAGES}{english.pk}/",
        {"hero_title": "New"},
        HTTP_IF_MATCH='"revision-1"',
        **zh_translator_auth,
    )
    assert patched.status_code == 403
    assert str(english.latest_revision_id) not in patched.json()["detail"]


def test_the_openapi_document_says_which_answers_carry_the_etag_and_which_take_if_match(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    page = paths["/api/v3/pages/{page_id}/"]
    assert "ETag" in page["get"]["responses"]["200"]["headers"]
    for write in (page["patch"], paths["/api/v3/pages/{page_id}/actions/publish/"]["post"]):
        assert "If-Match" in [parameter["name"] for parameter in write["parameters"]]
        assert "412" in write["responses"]
        assert "ETag" in write["responses"]["200"]["headers"]
