"""Publishing purges the CDN; the purge requests are captured here, never sent."""

import json
import time

from wagtail.models import Page

import pytest
import responses
from azure.core.credentials import AccessToken

from tests.factories import make_faq_page
from tests.translations import translate_fully
from trustcenter.pagecache.environment import backends_from_environment

pytestmark = pytest.mark.django_db

SITE = "http://localhost"
CLOUDFLARE = "https://api.cloudflare.com/client/v4/zones/zone-1/purge_cache"
AZURE = (
    "https://management.azure.com/subscriptions/sub-1/resourceGroups/web/providers/Microsoft.Cdn"
)
AFD_PURGE = f"{AZURE}/profiles/tc-profile/afdEndpoints/tc-endpoint/purge"
CDN_PURGE = f"{AZURE}/profiles/cdn-profile/endpoints/cdn-endpoint/purge"


class FakeAzureCredential:
    """What DefaultAzureCredential hands the SDK: a bearer token."""

    def get_token(self, *scopes, **kwargs):
        return AccessToken("token", int(time.time()) + 3600)


ENVIRONMENT = {
    "CLOUDFLARE_ZONE_ID": "zone-1",
    "CLOUDFLARE_API_TOKEN": "cf-token",
    "AZURE_SUBSCRIPTION_ID": "sub-1",
    "AZURE_RESOURCE_GROUP": "web",
    "AZURE_AFD_PROFILE": "tc-profile",
    "AZURE_AFD_ENDPOINT": "tc-endpoint",
    "AZURE_AFD_DOMAINS": "trust.example.com",
    "AZURE_CDN_PROFILE": "cdn-profile",
    "AZURE_CDN_ENDPOINT": "cdn-endpoint",
}


@pytest.fixture
def cdn(settings):
    backends = backends_from_environment(ENVIRONMENT)
    for name in ("azure_front_door_standard", "azure_cdn"):
        backends[name]["CREDENTIALS"] = FakeAzureCredential()
    settings.WAGTAILFRONTENDCACHE = backends
    settings.FRONTEND_CACHE_PAGE_PATHS = ["/api/v2/pages/{id}/"]
    with responses.RequestsMock() as captured:
        captured.post(CLOUDFLARE, json={"success": True})
        captured.post(AFD_PURGE, status=200)
        captured.post(CDN_PURGE, status=200)
        yield captured


def purged(captured):
    """The URLs (Cloudflare) and paths (Azure) each CDN was asked to purge."""
    result = {"cloudflare": set(), "afd": set(), "cdn": set()}
    for call in captured.calls:
        body = json.loads(call.request.body)
        url = call.request.url.split("?")[0]
        if url == CLOUDFLARE:
            result["cloudflare"].update(body["files"])
        elif url == AFD_PURGE:
            assert body["domains"] == ["trust.example.com"]
            assert "api-version=" in call.request.url
            result["afd"].update(body["contentPaths"])
        elif url == CDN_PURGE:
            result["cdn"].update(body["contentPaths"])
    return result


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_nothing_is_purged_unless_the_environment_configures_a_cdn(settings):
    assert backends_from_environment({}) == {}
    assert settings.WAGTAILFRONTENDCACHE == {}


def test_publishing_purges_the_page_in_both_languages_its_parent_sitemap_and_api(
    cdn, django_capture_on_commit_callbacks
):
    page = make_faq_page(questions=1)
    cdn.calls.reset()
    publish(page, django_capture_on_commit_callbacks)
    paths = {
        "/en/faq/", "/zh-hans/faq/", "/en/", "/zh-hans/",
        "/sitemap.xml", f"/api/v2/pages/{page.pk}/",
    }  # fmt: skip
    result = purged(cdn)
    assert result["cloudflare"] == {SITE + path for path in paths}
    assert result["afd"] == paths
    assert result["cdn"] == paths


def test_publishing_a_translation_purges_it(cdn, django_capture_on_commit_callbacks):
    page = make_faq_page(questions=1)
    cdn.calls.reset()
    chinese = translate_fully(page)
    assert {"/zh-hans/faq/", "/en/faq/", f"/api/v2/pages/{chinese.pk}/"} <= purged(cdn)["afd"]


def test_nothing_is_purged_before_the_change_is_committed(cdn):
    page = make_faq_page(questions=1)  # publishes, but the test's transaction never commits
    page.save_revision().publish()
    assert len(cdn.calls) == 0
    cdn.assert_all_requests_are_fired = False


@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_unpublish_move_and_delete_purge_the_old_address(
    cdn, django_capture_on_commit_callbacks, root_page, change
):
    page = make_faq_page(questions=1, slug="old-place")
    archive = root_page.add_child(instance=Page(title="Archive", slug="archive"))
    cdn.calls.reset()
    with django_capture_on_commit_callbacks(execute=True):
        page = Page.objects.get(pk=page.pk)
        if change == "unpublish":
            page.unpublish()
        elif change == "move":
            page.move(archive, pos="last-child")
        else:
            page.delete()
    # The old address, and the old parent's listing.
    assert {"/en/old-place/", "/zh-hans/old-place/", "/en/", "/sitemap.xml"} <= purged(cdn)["afd"]
