"""import_legacy_faq --redirect-from, and the demo content's legacy addresses."""

import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from wagtail.contrib.redirects.models import Redirect

import pytest

from faq.models import FAQPage

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "trustcenter" / "demo"
FILES = [f"en={DEMO / 'legacy-faq-en.txt'}", f"zh-hans={DEMO / 'legacy-faq-zh-cn.txt'}"]
LEGACY = {
    "/resources/FAQ.html": "/en/faq/",
    "/resources/FAQ-cn.html": "/zh-hans/faq/",
    "/en-us/resources/FAQ.html": "/en/faq/",
    "/zh-cn/resources/FAQ.html": "/zh-hans/faq/",
}
OPTIONS = [
    "--redirect-from=en=/resources/FAQ.html",
    "--redirect-from=zh-hans=/resources/FAQ-cn.html",
    "--redirect-from=en-us=/en-us/resources/FAQ.html",  # the legacy site's language names work
    "--redirect-from=zh-cn=/zh-cn/resources/FAQ.html",
]


def run(command, *args):
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(command, *args, stdout=out)
    return out.getvalue()


def assert_legacy_addresses_redirect(client):
    for old_path, target in LEGACY.items():
        response = client.get(old_path)
        assert (response.status_code, response["Location"]) == (301, target), old_path
        assert client.get(target).status_code == 200


def test_import_records_every_legacy_address(client):
    report = run("import_legacy_faq", *FILES, *OPTIONS)
    assert_legacy_addresses_redirect(client)
    for old_path, target in LEGACY.items():
        assert f"redirect {old_path} -> {target} (permanent)" in report.splitlines()
    run("import_legacy_faq", *FILES, *OPTIONS)
    assert Redirect.objects.count() == 4


def test_demo_content_answers_at_the_legacy_addresses(client):
    run("setup_demo")
    assert_legacy_addresses_redirect(client)
    assert set(Redirect.objects.values_list("old_path", flat=True)) == set(LEGACY)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--redirect-from=/resources/FAQ.html", "expected LANG=/old/path.html"),
        ("--redirect-from=fr=/resources/FAQ.html", "unknown language 'fr'"),
        ("--redirect-from=en=resources/FAQ.html", "starts with a single /"),
    ],
)
def test_bad_redirects_are_refused_before_anything_is_written(option, message):
    with pytest.raises(CommandError, match=message) as refused:
        run("import_legacy_faq", *FILES, option)
    assert str(refused.value).startswith("--redirect-from ")
    assert "\n" not in str(refused.value)
    assert not FAQPage.objects.exists()
    assert not Redirect.objects.exists()


def test_a_redirect_to_a_language_not_imported_undoes_the_whole_import():
    with pytest.raises(CommandError, match="has no 'zh-hans' translation yet"):
        run("import_legacy_faq", FILES[0], "--redirect-from=zh-hans=/resources/FAQ-cn.html")
    assert not FAQPage.objects.exists()
    assert not Redirect.objects.exists()


def test_dry_run_records_no_redirect():
    report = run("import_legacy_faq", *FILES, *OPTIONS, "--dry-run")
    assert "redirect /resources/FAQ.html -> " in report
    assert not Redirect.objects.exists()
