"""An API token expires, and stops working when its user is deactivated or changes
password (issue 11.6)."""

from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import APIToken

import pytest

from trustcenter.signin.models import APITokenValidity

pytestmark = pytest.mark.django_db

WHOAMI = "/api/v3/whoami/"


def editor():
    return get_user_model().objects.get(username="editor")


def assert_refused(response, reason):
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert reason in response.json()["detail"]


def refused_everywhere(api, auth, faq_pair, reason):
    """Refused on a token-only endpoint, on a public one (never served as anonymous) and
    for a write, which writes nothing."""
    english, _ = faq_pair
    assert_refused(api("get", WHOAMI, **auth), reason)
    assert_refused(api("get", f"/api/v3/pages/{english.pk}/", **auth), reason)
    changed = api("patch", f"/api/v3/pages/{english.pk}/", {"seo_title": "Changed"}, **auth)
    assert_refused(changed, reason)
    assert english.revisions.count() == 1


def test_a_new_token_works_for_the_configured_lifetime(api, editor_auth, settings):
    assert api("get", WHOAMI, **editor_auth).status_code == 200
    token = APIToken.objects.get(user=editor())
    lifetime = timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)
    assert token.validity.expires_at == token.created + lifetime


def test_an_expired_token_is_refused_saying_so(api, editor_auth, faq_pair):
    APITokenValidity.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    refused_everywhere(api, editor_auth, faq_pair, "This API token expired on")


def test_a_token_made_with_the_command_expires_too(api, django_user_model, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 7
    django_user_model.objects.create_user("support-bot")
    output = StringIO()
    call_command("api_tokens", "create", "--user", "support-bot", "--name", "bot", stdout=output)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {output.getvalue().strip()}"}
    assert api("get", WHOAMI, **auth).status_code == 200

    validity = APITokenValidity.objects.get(token__user__username="support-bot")
    assert validity.expires_at - validity.token.created == timedelta(days=7)
    validity.expires_at = timezone.now()
    validity.save()
    assert_refused(api("get", WHOAMI, **auth), "expired")


def test_a_deactivated_users_token_is_refused_saying_so(api, editor_auth, faq_pair):
    user = editor()
    user.is_active = False
    user.save()
    refused_everywhere(api, editor_auth, faq_pair, "This API token's user is deactivated.")


def test_a_token_stops_working_when_its_user_changes_password(api, editor_auth, faq_pair):
    user = editor()
    user.set_password("a new password")
    user.save()
    refused_everywhere(api, editor_auth, faq_pair, "issued before its user's password changed")

    # A token made after the change works.
    _, fresh = APIToken.create_token(user=user, name="after the change")
    assert api("get", WHOAMI, HTTP_AUTHORIZATION=f"Bearer {fresh}").status_code == 200


def test_a_token_survives_a_secret_key_rotation(api, editor_auth, settings):
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-this-test-only-long-enough-to-be-fine"
    assert api("get", WHOAMI, **editor_auth).status_code == 200
