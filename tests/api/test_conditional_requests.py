"""Conditional requests: public reads carry ETag (and a page's detail Last-Modified) and answer
304 while nothing changed; a token holder's draft never shows in what the public gets."""

from django.utils.http import http_date

import pytest

from faq.models import FAQPage
from tests.admin_flows import editor
from tests.factories import faq_items_linking_to, make_faq_page
from trustcenter.api.preview_tokens import make_preview_token

pytestmark = pytest.mark.django_db

DETAIL_URLS = {"v2": "/api/v2/pages/{}/", "v3": "/api/v3/pages/{}/"}
LISTING_URLS = {"v2": "/api/v2/pages/?type=faq.FAQPage", "v3": "/api/v3/pages/"}


def publish_title(page, title):
    page = FAQPage.objects.get(pk=page.pk)
    page.title = page.hero_title = title
    page.save_revision().publish()


@pytest.fixture(params=["v2", "v3"])
def version(request):
    return request.param


@pytest.mark.parametrize("kind", ["detail", "listing"])
def test_a_public_read_answers_304_to_its_own_etag_from_the_cache_too(
    client, faq_pair, version, kind
):
    english, _ = faq_pair
    url = DETAIL_URLS[version].format(english.pk) if kind == "detail" else LISTING_URLS[version]
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")  # strong

    replayed = client.get(url)
    assert (replayed["X-Page-Cache"], replayed["ETag"]) == ("hit", etag)

    not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


@pytest.mark.parametrize("kind", ["detail", "listing"])
def test_a_publish_changes_the_etag(client, faq_pair, version, kind):
    english, _ = faq_pair
    url = DETAIL_URLS[version].format(english.pk) if kind == "detail" else LISTING_URLS[version]
    old = client.get(url)["ETag"]

    publish_title(english, "Newly published")

    fresh = client.get(url, HTTP_IF_NONE_MATCH=old)
    assert fresh.status_code == 200
    assert "Newly published" in fresh.content.decode()
    assert fresh["ETag"] != old
    assert client.get(url, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 304


def test_a_detail_etag_names_the_live_revision(client, faq_pair, version):
    english, _ = faq_pair
    etag = client.get(DETAIL_URLS[version].format(english.pk))["ETag"]
    assert etag.startswith(f'"revision-{english.live_revision_id}-')


def test_if_modified_since_answers_304_until_the_next_publish(client, faq_pair, version):
    english, _ = faq_pair
    url = DETAIL_URLS[version].format(english.pk)
    last_modified = client.get(url)["Last-Modified"]
    assert last_modified == http_date(english.last_published_at.timestamp())

    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    before = http_date(english.last_published_at.timestamp() - 60)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=before).status_code == 200

    english.last_published_at = english.last_published_at.replace(year=2020)
    english.save(update_fields=["last_published_at"])  # so the next publish is seconds later
    old = http_date(english.last_published_at.timestamp())
    publish_title(english, "Newly published")
    fresh = client.get(url, HTTP_IF_MODIFIED_SINCE=old)
    assert fresh.status_code == 200
    assert "Newly published" in fresh.content.decode()


def test_a_linked_page_moving_changes_the_etag_though_no_revision_was_published(client, version):
    """The answer carries the linked page's URL: a validator naming only the revision would let
    a front end keep the old link."""
    target = make_faq_page(slug="target", title="Target")
    linking = make_faq_page(
        slug="linking", title="Linking", questions=faq_items_linking_to(1, [target])
    )
    url = DETAIL_URLS[version].format(linking.pk)
    old = client.get(url)
    assert "/en/target/" in old.content.decode()

    target.slug = "moved"
    target.save_revision().publish()

    moved = client.get(url, HTTP_IF_NONE_MATCH=old["ETag"])
    assert moved.status_code == 200
    assert "/en/moved/" in moved.content.decode()
    assert FAQPage.objects.get(pk=linking.pk).live_revision_id == linking.live_revision_id


def test_a_draft_changes_nothing_the_public_gets_and_the_token_holder_sees_its_own_etag(
    client, api, faq_pair, editor_auth
):
    english, _ = faq_pair
    url = DETAIL_URLS["v3"].format(english.pk)
    public = client.get(url)
    public_listing = client.get(LISTING_URLS["v3"])

    api("patch", url, {"hero_title": "A secret draft"}, **editor_auth)
    draft = api("get", f"{url}?version=draft", **editor_auth)
    latest_revision_id = FAQPage.objects.get(pk=english.pk).latest_revision_id
    assert "A secret draft" in draft.content.decode()
    assert draft["ETag"] == f'"revision-{latest_revision_id}"'
    assert draft["ETag"] != public["ETag"]
    # Private: no shared cache keeps it, and nothing of it is replayed to the public.
    assert "private" in draft["Cache-Control"] and "no-store" in draft["Cache-Control"]
    assert "Last-Modified" not in draft

    for path, before in ((url, public), (LISTING_URLS["v3"], public_listing)):
        after = client.get(path)
        assert "A secret draft" not in after.content.decode()
        assert after["ETag"] == before["ETag"]
        assert client.get(path, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
    # The draft's own tag is no public validator.
    assert client.get(url, HTTP_IF_NONE_MATCH=draft["ETag"]).status_code == 200


def test_a_token_holder_is_never_answered_304(api, faq_pair, editor_auth):
    english, _ = faq_pair
    url = DETAIL_URLS["v3"].format(english.pk)
    read = api("get", url, **editor_auth)
    again = api("get", url, HTTP_IF_NONE_MATCH=read["ETag"], **editor_auth)
    assert again.status_code == 200
    assert again.json()["id"] == english.pk


def test_a_chinese_page_has_its_own_validators(client, faq_pair, version):
    english, chinese = faq_pair
    english_etag = client.get(DETAIL_URLS[version].format(english.pk))["ETag"]
    chinese_read = client.get(DETAIL_URLS[version].format(chinese.pk))
    assert chinese_read.json()["title"] == "常见问题"
    assert chinese_read["ETag"] != english_etag
    assert chinese_read["Last-Modified"] == http_date(chinese.last_published_at.timestamp())
    not_modified = client.get(
        DETAIL_URLS[version].format(chinese.pk), HTTP_IF_NONE_MATCH=chinese_read["ETag"]
    )
    assert not_modified.status_code == 304


def test_errors_carry_no_validators(client, version):
    missing = client.get(DETAIL_URLS[version].format(999999))
    assert missing.status_code == 404
    assert "ETag" not in missing
    assert (
        client.get(DETAIL_URLS[version].format(999999), HTTP_IF_NONE_MATCH="*").status_code == 404
    )


def test_a_preview_token_reads_the_draft_privately_and_the_public_etag_keeps_it_secret(
    client, api, faq_pair, django_user_model
):
    english, _ = faq_pair
    url = DETAIL_URLS["v3"].format(english.pk)
    public = client.get(url)
    draft = FAQPage.objects.get(pk=english.pk)
    draft.hero_title = "A previewed draft"
    revision = draft.save_revision()
    token = make_preview_token(english, editor(django_user_model))

    preview = api("get", f"{url}?preview_token={token}")
    assert preview.json()["hero_title"] == "A previewed draft"
    assert preview["ETag"] == f'"revision-{revision.pk}"'
    assert "Last-Modified" not in preview
    again = api("get", f"{url}?preview_token={token}", HTTP_IF_NONE_MATCH=preview["ETag"])
    assert again.status_code == 200  # a preview is never answered 304

    after = client.get(url, HTTP_IF_NONE_MATCH=public["ETag"])
    assert after.status_code == 304
    assert after["ETag"] == public["ETag"]
