from wagtail.models import Locale, Site

import pytest

from tests.factories import home
from trustcenter.site_setup import ensure_bilingual_site

pytestmark = pytest.mark.django_db


def test_migrated_database_is_a_bilingual_site():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "zh-hans"]
    english, chinese = home("en"), home("zh-hans")
    assert (english.title, chinese.title) == ("Trust Center", "信任中心")
    assert english.translation_key == chinese.translation_key
    assert Site.objects.get(is_default_site=True).root_page_id == english.pk


def test_chinese_home_is_a_wagtail_localize_translation():
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(target_locale__language_code="zh-hans")
    assert translation.source.get_source_instance().specific == home("en")
    assert translation.get_target_instance().specific == home("zh-hans")


def test_setup_is_idempotent_and_keeps_editors_changes():
    english = home("en")
    english.title = "Our Trust Center"
    english.save_revision().publish()
    ensure_bilingual_site()
    ensure_bilingual_site()
    assert home("en").title == "Our Trust Center"
    assert home("en").get_translations().count() == 1


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/en/", "en", "Trust Center"), ("/zh-hans/", "zh-hans", "信任中心")],
)
def test_home_renders_in_its_language(client, soup, path, lang, title):
    page = soup(client.get(path))
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == title


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/en/"


def test_admin_dashboard_works(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    response = admin_client.get(f"/admin/pages/{home('zh-hans').pk}/")
    assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_is_a_bilingual_site_again(client):
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert client.get("/en/").status_code == 200
    assert client.get("/zh-hans/").status_code == 200
    assert home("zh-hans").title == "信任中心"


def test_the_environment_names_the_sites_address(monkeypatch):
    monkeypatch.setenv("SITE_HOSTNAME", "trust.example.cn")
    monkeypatch.setenv("SITE_PORT", "443")
    ensure_bilingual_site()
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://trust.example.cn"
    assert home("en").full_url == "https://trust.example.cn/en/"
