"""A third language is a settings change: migrate's set-up, the roles, the language switch and
the URL prefix follow ``WAGTAIL_CONTENT_LANGUAGES``."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import override_settings

from wagtail.models import GroupPagePermission

import polib
import pytest

from tests.factories import home
from trustcenter import languages
from trustcenter.site_setup import ensure_bilingual_site

pytestmark = pytest.mark.django_db

THREE_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("ja", "日本語")]


@pytest.fixture
def japanese_too(tmp_path, django_capture_on_commit_callbacks):
    """Japanese added in the settings, with the translation of the site's name."""
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    catalog.append(polib.POEntry(msgid="Trust Center", msgstr="トラストセンター"))
    (tmp_path / "ja" / "LC_MESSAGES").mkdir(parents=True)
    catalog.save_as_mofile(str(tmp_path / "ja" / "LC_MESSAGES" / "django.mo"))
    with override_settings(
        LANGUAGES=THREE_LANGUAGES,
        WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES,
        LOCALE_PATHS=[*settings.LOCALE_PATHS, tmp_path],
    ):
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
            ensure_bilingual_site()
        yield


def test_the_site_has_the_languages_its_settings_name():
    assert languages.codes() == ["en", "zh-hans"]
    assert languages.source_language() == "en"
    assert languages.translated_languages() == ["zh-hans"]
    assert languages.language_of_path("/zh-hans/faq/") == "zh-hans"
    assert languages.language_of_path("/api/v3/pages/") is None


def test_a_third_language_gets_its_home_and_translators(japanese_too):
    japanese = home("ja")
    assert japanese.translation_key == home("en").translation_key
    assert (japanese.title, japanese.live) == ("トラストセンター", True)
    group = Group.objects.get(name="Japanese translators")
    granted = GroupPagePermission.objects.filter(group=group, page=japanese)
    assert sorted(granted.values_list("permission__codename", flat=True)) == [
        "change_page",
        "publish_page",
    ]


def test_a_third_language_is_served_under_its_prefix_and_in_the_switch(japanese_too, client):
    response = client.get("/ja/")
    assert response.status_code == 200
    assert '<html lang="ja"' in response.content.decode()
    assert "トラストセンター" in response.content.decode()
    english = client.get("/en/").content.decode()
    assert 'hreflang="ja"' in english and "日本語" in english
