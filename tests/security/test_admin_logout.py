"""Signing out of the admin takes a POST; a link or an image cannot do it (issue 11.6)."""

from django.conf import settings
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    client.get("/admin/")  # the dashboard sets the CSRF cookie a real browser would hold
    return client


@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_a_logout_by_any_method_but_post_leaves_the_editor_signed_in(signed_in, method):
    response = getattr(signed_in, method)("/admin/logout/")

    assert response.status_code in (200, 405)
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert signed_in.get("/admin/").status_code == 200


def test_a_posted_logout_signs_the_editor_out(signed_in):
    response = signed_in.post(
        "/admin/logout/", HTTP_X_CSRFTOKEN=signed_in.cookies[settings.CSRF_COOKIE_NAME].value
    )

    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert signed_in.get("/admin/")["Location"].startswith("/admin/login/")
