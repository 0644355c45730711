import re

from wagtail.contrib.redirects.models import Redirect

import pytest

from tests.factories import make_faq_page, translate
from trustcenter.legacy.redirects import (
    LegacyRedirectError,
    parse_redirect_spec,
    set_legacy_redirects,
)

pytestmark = pytest.mark.django_db

LEGACY = [
    ("en", "/resources/FAQ.html"),
    ("zh-hans", "/resources/FAQ-cn.html"),
    ("en", "/en-us/resources/FAQ.html"),
    ("zh-hans", "/zh-cn/resources/FAQ.html"),
]


@pytest.fixture
def english_page():
    return make_faq_page()


@pytest.fixture
def chinese_page(english_page):
    return translate(english_page, strings={"Frequently Asked Questions": "常见问题（FAQ）"})


@pytest.mark.parametrize(
    ("old_path", "target"),
    [
        ("/resources/FAQ.html", "/en/faq/"),
        ("/resources/FAQ-cn.html", "/zh-hans/faq/"),
        ("/en-us/resources/FAQ.html", "/en/faq/"),
        ("/zh-cn/resources/FAQ.html", "/zh-hans/faq/"),
    ],
)
def test_every_legacy_address_redirects_permanently_to_its_language(
    client, english_page, chinese_page, old_path, target
):
    set_legacy_redirects(english_page, LEGACY)
    response = client.get(old_path)
    assert (response.status_code, response["Location"]) == (301, target)
    # Old bookmarks and links carry queries and fragments-as-queries; they still land.
    assert client.get(f"{old_path}?from=bookmark")["Location"] == target


def test_redirects_are_idempotent_and_follow_the_page(client, english_page, chinese_page):
    set_legacy_redirects(english_page, LEGACY)
    set_legacy_redirects(chinese_page, LEGACY)
    assert Redirect.objects.count() == 4
    english_page.slug = "questions"
    english_page.save_revision().publish()
    assert client.get("/resources/FAQ.html")["Location"] == "/en/questions/"


def test_an_existing_redirect_is_pointed_at_the_new_target(english_page, chinese_page):
    set_legacy_redirects(english_page, [("en", "/resources/FAQ.html")])
    set_legacy_redirects(english_page, [("zh-hans", "/resources/FAQ.html")])
    redirect = Redirect.objects.get()
    assert (redirect.old_path, redirect.redirect_page_id) == (
        "/resources/FAQ.html",
        chinese_page.pk,
    )
    assert redirect.is_permanent


def test_editors_see_the_redirects(admin_client, english_page, chinese_page):
    set_legacy_redirects(english_page, LEGACY)
    response = admin_client.get("/admin/redirects/")
    assert response.status_code == 200
    for _, old_path in LEGACY:
        assert old_path.encode() in response.content


def test_specs_are_parsed_and_checked():
    assert parse_redirect_spec("zh-hans=/resources/FAQ-cn.html") == (
        "zh-hans",
        "/resources/FAQ-cn.html",
    )
    assert parse_redirect_spec("en= /resources/FAQ.html/ ") == ("en", "/resources/FAQ.html")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("/resources/FAQ.html", "expected LANG=/old/path.html"),
        ("fr=/resources/FAQ.html", "unknown language 'fr' (one of: en, zh-hans)"),
        ("en=resources/FAQ.html", "starts with a single /"),
        ("en=https://example.com/FAQ.html", "starts with a single /"),
        ("en=//example.com/FAQ.html", "starts with a single /"),
        ("en=/resources/F A Q.html", "has no spaces"),
        ("en=/" + "x" * 300, "longer than 255 characters"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec, message):
    with pytest.raises(LegacyRedirectError, match=re.escape(message)):
        parse_redirect_spec(spec)


def test_nothing_is_saved_when_one_redirect_is_bad(english_page):
    with pytest.raises(LegacyRedirectError, match="has no 'zh-hans' translation yet"):
        set_legacy_redirects(english_page, LEGACY)
    assert not Redirect.objects.exists()


def test_one_path_cannot_go_to_two_languages(english_page, chinese_page):
    with pytest.raises(LegacyRedirectError, match="given for two different languages"):
        set_legacy_redirects(
            english_page, [("en", "/resources/FAQ.html"), ("zh-hans", "/resources/FAQ.html")]
        )
    assert not Redirect.objects.exists()
