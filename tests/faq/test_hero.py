"""The hero: the chosen image as responsive renditions, the title box with it (issue 13)."""

import pytest

from tests.factories import make_faq_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def hero_image():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    return Image.objects.create(title="Header", file=get_test_image_file_jpeg(size=(1300, 352)))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_hero_image_is_a_picture_of_webp_and_jpeg_renditions(
    client, soup, hero_image, language
):
    english = make_faq_page(hero_image=hero_image, hero_image_alt="A datacenter corridor")
    translate(english, strings={"A datacenter corridor": "数据中心走廊"})
    hero = soup(client.get(f"/{language}/faq/")).select_one("#HeroWrapper")
    picture = hero.select_one("picture")
    (webp,) = picture.select("source")
    assert webp["type"] == "image/webp"
    assert [candidate.split()[1] for candidate in webp["srcset"].split(", ")] == [
        "325w",
        "650w",
        "975w",
        "1300w",
    ]
    assert webp["sizes"] == "(min-width: 72rem) 72rem, 100vw"
    img = picture.img
    assert img["alt"] == {"en": "A datacenter corridor", "zh-hans": "数据中心走廊"}[language]
    assert ".jpg" in img["src"] and all(".jpg" in c for c in img["srcset"].split(", "))
    # Its shape is known before it loads, and it is fetched first, never lazily.
    assert (img["width"], img["height"]) == ("325", "88")
    assert img["fetchpriority"] == "high"
    assert img.get("loading", "eager") == "eager"
    # The title box follows the image: under it on small screens, over it on wide ones.
    assert hero.select_one("picture + .box h3.box-title")
    assert "hero--image" in hero["class"]


def test_without_an_image_the_hero_is_its_title_alone(client, soup):
    make_faq_page()
    hero = soup(client.get("/en/faq/")).select_one("#HeroWrapper")
    assert not hero.select("picture, img")
    assert hero.select_one("h3.box-title[aria-level='1']").get_text(strip=True) == (
        "Frequently Asked Questions"
    )


def test_without_alt_text_the_image_is_decoration_not_its_library_title(client, soup, hero_image):
    make_faq_page(hero_image=hero_image, hero_image_alt="")
    img = soup(client.get("/en/faq/")).select_one("#HeroWrapper img")
    assert img["alt"] == ""
