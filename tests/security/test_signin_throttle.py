"""Wrong passwords, admin or page, lock out their account and their address (issue 11.6)."""

from datetime import timedelta

from django.conf import settings
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest
from axes.models import AccessAttempt

from tests.factories import make_faq_page

pytestmark = pytest.mark.django_db

LOCKED_OUT = "Too many failed sign-in attempts for this account or from your address."
ATTACKER, COLLEAGUE = "203.0.113.7", "198.51.100.20"


def visitor(address=ATTACKER):
    return Client(REMOTE_ADDR=address)


def after_the_cool_off():
    """Move every recorded failure back past the cool-off, as if that time had passed."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
        attempt.save()


@pytest.fixture
def editors(django_user_model):
    for username in ("editor", "colleague"):
        django_user_model.objects.create_superuser(username, password=f"{username}-password")


def admin_sign_in(client, username, password=None):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password or f"{username}-password"},
    )


def fail_admin_sign_ins(client, username, count):
    for _ in range(count):
        response = admin_sign_in(client, username, "wrong")
    return response


def assert_locked_out(response):
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert "not correct" not in response.content.decode()  # nothing about the password tried


def assert_signed_in(response, client):
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_right_admin_password_still_works_below_the_limit(editors):
    client = visitor()
    assert fail_admin_sign_ins(client, "editor", settings.AXES_FAILURE_LIMIT - 1).status_code == 200
    assert_signed_in(admin_sign_in(client, "editor"), client)


def test_too_many_wrong_admin_passwords_lock_the_account_even_against_the_right_one(editors):
    client = visitor()
    assert_locked_out(fail_admin_sign_ins(client, "editor", settings.AXES_FAILURE_LIMIT))

    assert_locked_out(admin_sign_in(client, "editor"))
    assert_locked_out(admin_sign_in(visitor(COLLEAGUE), "editor"))  # per account
    assert client.get("/admin/").status_code == 302  # still signed out


def test_too_many_wrong_admin_passwords_lock_out_their_address(editors):
    fail_admin_sign_ins(visitor(), "editor", settings.AXES_FAILURE_LIMIT)

    assert_locked_out(admin_sign_in(visitor(), "colleague"))  # per address
    colleague_elsewhere = visitor(COLLEAGUE)
    assert_signed_in(admin_sign_in(colleague_elsewhere, "colleague"), colleague_elsewhere)


def test_an_admin_lockout_ends_after_the_cool_off(editors):
    client = visitor()
    fail_admin_sign_ins(client, "editor", settings.AXES_FAILURE_LIMIT)
    after_the_cool_off()

    assert_signed_in(admin_sign_in(client, "editor"), client)


@pytest.fixture
def protected_pages():
    """Two pages, each behind its own page password."""
    pages = []
    for slug in ("private-faq", "other-private-faq"):
        page = make_faq_page(slug=slug)
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type="password", password=f"{slug}-password"
        )
        pages.append((page, restriction))
    return pages


def enter_page_password(client, protected, password=None):
    page, restriction = protected
    return client.post(
        f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password or restriction.password, "return_url": page.url},
    )


def fail_page_passwords(client, protected, count):
    for _ in range(count):
        response = enter_page_password(client, protected, "wrong")
    return response


def assert_page_opened(response, client, protected):
    page, _ = protected
    assert response.status_code == 302
    assert "Password required" not in client.get(page.url).content.decode()


def test_the_right_page_password_still_works_below_the_limit(protected_pages):
    client, private = visitor(), protected_pages[0]
    assert fail_page_passwords(client, private, settings.AXES_FAILURE_LIMIT - 1).status_code == 200
    assert_page_opened(enter_page_password(client, private), client, private)


def test_too_many_wrong_page_passwords_lock_the_page_even_against_the_right_one(protected_pages):
    client, private = visitor(), protected_pages[0]
    assert_locked_out(fail_page_passwords(client, private, settings.AXES_FAILURE_LIMIT))

    assert_locked_out(enter_page_password(client, private))
    assert_locked_out(enter_page_password(visitor(COLLEAGUE), private))  # per password
    assert "Password required" in client.get(private[0].url).content.decode()


def test_too_many_wrong_page_passwords_lock_out_their_address(protected_pages):
    private, other = protected_pages
    fail_page_passwords(visitor(), private, settings.AXES_FAILURE_LIMIT)

    assert_locked_out(enter_page_password(visitor(), other))  # per address
    elsewhere = visitor(COLLEAGUE)
    assert_page_opened(enter_page_password(elsewhere, other), elsewhere, other)


def test_a_page_password_lockout_ends_after_the_cool_off(protected_pages):
    client, private = visitor(), protected_pages[0]
    fail_page_passwords(client, private, settings.AXES_FAILURE_LIMIT)
    after_the_cool_off()

    assert_page_opened(enter_page_password(client, private), client, private)


def test_behind_a_proxy_the_address_the_proxy_saw_is_locked_out_not_the_proxy(editors, settings):
    settings.SIGNIN_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # What the attacker puts in X-Forwarded-For itself comes first, and is not believed.
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"{COLLEAGUE}, {ATTACKER}")
    fail_admin_sign_ins(attacker, "editor", settings.AXES_FAILURE_LIMIT)

    colleague = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=COLLEAGUE)
    assert_signed_in(admin_sign_in(colleague, "colleague"), colleague)
    assert_locked_out(admin_sign_in(attacker, "colleague"))


def test_a_chinese_visitor_is_told_of_the_lockout_in_chinese(protected_pages):
    client, (page, restriction) = visitor(), protected_pages[0]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            f"/zh-hans/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            {"password": "wrong", "return_url": page.url},
        )
    assert response.status_code == 429
    assert "此帐户或您的地址登录失败次数过多。" in response.content.decode()
