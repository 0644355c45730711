"""Every response carries an enforcing Content-Security-Policy (issue 11.6).

Public pages and the APIs get the strict policy: no inline script but one, allowed by its hash
(faq.early_script), and no nonce, so a page replayed by the page cache stays valid. The admin
gets the looser policy its templates need.
The browser test (tests/browser/test_content_security_policy.py) shows both hold in Chromium.
"""

from django.core.checks import run_checks

import pytest
from bs4 import BeautifulSoup

from faq import early_script
from tests.admin_flows import editor

pytestmark = pytest.mark.django_db

SITE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", early_script.CSP_SOURCE],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def enforced_policy(response):
    """The response's Content-Security-Policy as {directive: [sources]}; never report-only."""
    assert "Content-Security-Policy-Report-Only" not in response
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def assert_nothing_inline_the_policy_blocks(response):
    html = BeautifulSoup(response.content, "html.parser")
    inline_scripts = [s for s in html.find_all("script") if not s.get("src")]
    # JSON-LD is a data block: browsers never run it, and script-src does not govern it.
    # The one script that runs is the one the policy's hash allows, byte for byte.
    assert [s.string for s in inline_scripts if s.get("type") != "application/ld+json"] == [
        early_script.SCRIPT
    ]
    assert not html.find_all("style")
    inline_attributes = [
        (tag.name, name)
        for tag in html.find_all(True)
        for name in tag.attrs
        if name == "style" or name.startswith("on")
    ]
    assert inline_attributes == []


@pytest.mark.parametrize("path", ["/en/faq/", "/zh-hans/faq/", "/zh-hans/", "/en/search/?q=data"])
def test_public_pages_allow_only_their_own_files_also_when_replayed(client, faq_pair, path):
    miss = client.get(path)
    hit = client.get(path)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert enforced_policy(miss) == SITE_POLICY
    assert hit["Content-Security-Policy"] == miss["Content-Security-Policy"]
    assert_nothing_inline_the_policy_blocks(miss)


def test_an_unknown_address_gets_the_site_policy(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert enforced_policy(response) == SITE_POLICY


@pytest.mark.parametrize(
    "path",
    ["/api/v3/pages/?type=faq.FAQPage", "/api/v2/pages/?type=faq.FAQPage", "/api/v3/openapi.json"],
)
def test_the_apis_get_the_site_policy(client, faq_pair, path):
    response = client.get(path)
    assert response.status_code == 200
    assert enforced_policy(response) == SITE_POLICY


def test_the_v3_api_docs_may_also_show_data_images(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    assert enforced_policy(response) == {**SITE_POLICY, "img-src": ["'self'", "data:"]}


def test_the_admin_allows_inline_scripts_and_styles_but_nothing_from_elsewhere(
    client, django_user_model, faq_pair
):
    english, _ = faq_pair
    client.force_login(editor(django_user_model))
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    assert enforced_policy(response) == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }


def test_the_admin_sign_in_page_runs_no_inline_script_or_style(client):
    policy = enforced_policy(client.get("/admin/login/"))
    assert (policy["script-src"], policy["style-src"]) == (["'self'"], ["'self'"])
    assert policy["frame-ancestors"] == ["'self'"]


def test_images_served_from_another_origin_that_the_policy_blocks_are_a_warning(settings):
    settings.MEDIA_URL = "https://media.example.com/trustcenter/"
    warnings = [message for message in run_checks() if message.id == "trustcenter.W001"]
    assert [warning.hint for warning in warnings] == [
        "Set MEDIA_ORIGINS=https://media.example.com in the environment."
    ]

    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**SITE_POLICY, "img-src": ["'self'", "https://media.example.com"]}
    }
    assert "trustcenter.W001" not in {message.id for message in run_checks()}
