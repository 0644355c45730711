"""``setup_demo`` gives the demo FAQ pages the legacy hero image, uploaded once, and the homes
an intro that describes them to search engines (issue 13)."""

import io

from django.core.management import call_command
from django.test import TestCase

from wagtail.images.models import Image

import pytest

from faq.models import FAQPage
from tests.factories import home

pytestmark = pytest.mark.django_db


def run_setup_demo():
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("setup_demo", stdout=out)
    return out.getvalue()


def test_both_faq_pages_show_the_legacy_hero_and_a_rerun_uploads_nothing(client, soup):
    first, second = run_setup_demo(), run_setup_demo()

    hero = "hero image MS-TrustCenter-Resources-Header.jpg"
    assert f"{hero}: imported into the image library" in first
    assert "imported" not in second and f"{hero}: already in the image library" in second
    assert "en: unchanged" in second and "zh-hans: unchanged" in second
    (image,) = Image.objects.all()
    assert (image.width, image.height) == (1300, 352)
    for language in ("en", "zh-hans"):
        img = soup(client.get(f"/{language}/faq/")).select_one("#HeroWrapper picture img")
        assert img["src"].endswith(".jpg")


def test_an_image_an_editor_chose_is_kept(client, soup):
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    run_setup_demo()
    chosen = Image.objects.create(title="Chosen", file=get_test_image_file_jpeg(size=(1300, 352)))
    page = FAQPage.objects.get(locale__language_code="en")
    page.hero_image = chosen
    page.save_revision().publish()

    assert f"kept the hero image an editor chose (image {chosen.pk})" in run_setup_demo()
    assert FAQPage.objects.get(pk=page.pk).hero_image == chosen
    assert Image.objects.count() == 2


def test_both_homes_describe_themselves_and_a_rerun_keeps_an_editors_intro(client, soup):
    assert "Homes: given the demo intro." in run_setup_demo()
    descriptions = {
        language: soup(client.get(f"/{language}/")).select_one("head meta[name=description]")
        for language in ("en", "zh-hans")
    }
    assert descriptions["en"]["content"].startswith("How your data is stored and protected")
    assert descriptions["zh-hans"]["content"].startswith("您的数据如何存储和保护")

    english = home("en")
    english.intro = "<p>Our own words.</p>"
    english.save_revision().publish()
    assert "Homes:" not in run_setup_demo()
    assert home("en").intro == "<p>Our own words.</p>"
