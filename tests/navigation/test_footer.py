"""Every page shows the header and footer from the CMS, in its language (issue 13)."""

import io
import json

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from wagtail_localize.models import Translation

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_faq_page
from trustcenter.navigation.models import HeaderFooter

pytestmark = pytest.mark.django_db

MIIT = "https://beian.miit.gov.cn/"


def run_setup_demo():
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("setup_demo", stdout=out)
    return out.getvalue()


PUBLIC_SECURITY = "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=31011502202224"


@pytest.mark.parametrize(
    ("language", "site_name", "headings", "faq_link"),
    [
        ("en", "Trust Center", ["Azure", "Office 365", "Power BI", "Support"], "FAQ"),
        ("zh-hans", "信任中心", ["Azure", "Office 365", "Power BI", "支持"], "常见问题"),
    ],
)
def test_the_faq_page_shows_the_header_and_footer_in_its_language(
    client, soup, faq_pages, language, site_name, headings, faq_link
):
    page = soup(client.get(f"/{language}/faq/"))

    identity = page.select_one("header.site-header a.site-name")
    assert (identity.get_text(strip=True), identity["href"]) == (site_name, f"/{language}/")
    menu = page.select("header nav.site-menu li a")
    assert [(a.get_text(strip=True), a["href"]) for a in menu][-1] == (
        faq_link,
        f"/{language}/faq/",
    )
    assert menu[-1]["aria-current"] == "page"
    footer = page.select_one("footer.site-footer")
    assert [h2.get_text(strip=True) for h2 in footer.select("nav h2")] == headings
    assert footer.select_one("nav ul li a[href='https://www.azure.cn/support/legal']")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_footer_shows_the_icp_and_public_security_records_in_every_language(
    client, soup, faq_pages, language
):
    footer = soup(client.get(f"/{language}/faq/")).select_one("footer")

    icp = footer.select_one(".site-footer-icp a")
    assert (icp.get_text(strip=True), icp["href"]) == ("沪ICP备13015306号-36", MIIT)
    record = footer.select_one(".site-footer-public-security a")
    assert (record.get_text(strip=True), record["href"]) == (
        "沪公网安备 31011502202224号",
        PUBLIC_SECURITY,
    )
    icon = record.img
    assert (icon["src"], icon["alt"]) == ("/static/navigation/record_icon.png", "")
    assert finders.find("navigation/record_icon.png")  # shipped with the app


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_landmarks_are_labelled_and_the_page_keeps_its_one_h1(
    client, soup, faq_pages, language
):
    page = soup(client.get(f"/{language}/faq/"))

    # The hero's h3.box-title is the page's main heading (aria-level 1), for the legacy hooks.
    main_headings = page.select("h1, [aria-level='1']")
    assert len(main_headings) == 1 and main_headings[0] in page.main.descendants
    assert page.select_one("a.skip-link")["href"] == "#main" and page.select_one("main#main")
    for landmark in page.select("body > header, body > footer, nav"):
        assert landmark.get("aria-label") or landmark.get("aria-labelledby"), landmark.name
    for column in page.select("footer nav ul"):
        assert page.find(id=column["aria-labelledby"]).name == "h2"


def test_the_chinese_header_and_footer_are_a_wagtail_localize_translation(faq_pages):
    english, chinese = (
        HeaderFooter.objects.get(locale__language_code=code) for code in ("en", "zh-hans")
    )

    assert chinese.translation_key == english.translation_key
    assert chinese.get_translation_or_none(english.locale) == english
    assert Translation.objects.get(
        source__object_id=english.translation_key, target_locale=chinese.locale
    )


def test_setup_demo_fills_them_once_and_every_menu_link_leads_to_a_page(client, soup):
    first, second = run_setup_demo(), run_setup_demo()

    assert "Header and footer: the legacy one in en, zh-hans." in first
    assert "Header and footer: kept as they are." in second
    assert HeaderFooter.objects.count() == 2
    for language in ("en", "zh-hans"):
        page = soup(client.get(f"/{language}/faq/"))
        assert page.select_one(".site-footer-icp a")["href"] == MIIT
        for link in page.select("header nav.site-menu a"):
            assert client.get(link["href"]).status_code == 200, link["href"]


def test_the_translator_translates_it_in_the_translation_editor(admin_client, faq_pages):
    chinese = HeaderFooter.objects.get(locale__language_code="zh-hans")
    url = reverse("wagtailsnippets_navigation_headerfooter:edit", args=[chinese.pk])

    editor = BeautifulSoup(admin_client.get(url).content, "html.parser")

    props = json.loads(editor.select_one(".js-translation-editor")["data-props"])
    sources = {segment["id"]: segment.get("source") for segment in props["segments"]}
    translated = {
        sources[translation["segment_id"]]: translation["data"]
        for translation in props["initialStringTranslations"]
    }
    assert translated["FAQ"] == "常见问题" and translated["Support"] == "支持"


def test_a_site_without_a_header_and_footer_still_shows_its_home_link(client, soup):
    make_faq_page()
    page = soup(client.get("/en/faq/"))

    assert page.select_one("header a.site-name")["href"] == "/en/"
    assert page.select_one("footer") is None
