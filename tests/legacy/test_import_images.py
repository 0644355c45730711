"""import_legacy_faq --images: the legacy hero image, found by name, in the image library once."""

import io
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from faq.models import FAQPage
from tests.legacy.test_import_legacy import CHINESE, ENGLISH, counts, refused, run

pytestmark = pytest.mark.django_db

# The seeds name it ../Images/MS-TrustCenter-Resources-Header.jpg.
HERO = "MS-TrustCenter-Resources-Header.jpg"
ALT = "You are in control of your data"  # the seeds' data-alt, in both languages


def jpeg(color="navy"):
    out = io.BytesIO()
    PILImage.new("RGB", (130, 35), color).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def theme(tmp_path):
    """A folder holding the hero image somewhere below it, as the legacy theme does."""
    folder = tmp_path / "legacy-theme"
    (folder / "Images").mkdir(parents=True)
    (folder / "Images" / HERO).write_bytes(jpeg())
    return folder


def stored_files():
    return sorted(path.name for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def hero(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#HeroWrapper img.hero-image")


def test_the_hero_image_is_imported_once_and_shown_in_both_languages(client, theme):
    report = run(ENGLISH, CHINESE, "--images", theme)
    image = get_image_model().objects.get()
    assert image.title == Path(HERO).stem
    for url in ("/en/faq/", "/zh-hans/faq/"):
        img = hero(client, url)
        assert img is not None, url
        assert img["alt"] == ALT
        assert img["src"].startswith(settings.MEDIA_URL)
    assert FAQPage.objects.filter(hero_image=image).count() == 2
    assert f"hero image {HERO}: imported into the image library (image {image.pk})" in report
    assert f"hero image {HERO}: already in the image library (image {image.pk})" in report


def test_running_again_changes_nothing(theme):
    run(ENGLISH, CHINESE, "--images", theme)
    before = counts(), get_image_model().objects.count(), stored_files()
    report = run(ENGLISH, CHINESE, "--images", theme)
    assert (counts(), get_image_model().objects.count(), stored_files()) == before
    assert "en: unchanged" in report and "zh-hans: unchanged" in report
    assert "imported into the image library" not in report


def test_an_image_already_in_the_library_is_used_whatever_its_name(client, theme):
    """Matched by content: an editor's earlier upload of the same file is the same image."""
    uploaded = get_image_model()(title="Header uploaded by hand")
    uploaded.file = ImageFile(io.BytesIO(jpeg()), name="header-upload.jpg")
    uploaded._set_image_file_metadata()
    uploaded.save()
    report = run(ENGLISH, "--images", theme)
    assert get_image_model().objects.get() == uploaded
    assert FAQPage.objects.get().hero_image == uploaded
    assert f"already in the image library (image {uploaded.pk})" in report


def test_a_missing_image_is_reported_and_the_import_goes_on(client, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    report = run(ENGLISH, CHINESE, "--images", empty)
    line = f"  hero image '../Images/{HERO}' not found under {empty}: no hero image set"
    assert line in report.splitlines()
    assert "en: created" in report and "zh-hans: created" in report
    assert hero(client, "/en/faq/") is None
    assert not get_image_model().objects.exists()


def test_a_file_that_is_no_image_is_reported_and_the_import_goes_on(client, tmp_path):
    (tmp_path / HERO).write_bytes(b"not a jpeg")
    report = run(ENGLISH, "--images", tmp_path)
    assert f"  hero image {tmp_path / HERO}: not an image: no hero image set" in report
    assert client.get("/en/faq/").status_code == 200
    assert not get_image_model().objects.exists()


def test_dry_run_stores_no_image(theme):
    files = stored_files()
    report = run("--dry-run", ENGLISH, CHINESE, "--images", theme)
    assert f"hero image {HERO}: imported into the image library" in report
    assert not get_image_model().objects.exists()
    assert stored_files() == files


def test_a_refused_import_leaves_no_image_behind(tmp_path, theme):
    extra = CHINESE.read_text(encoding="utf-8").replace(
        '<div class="content-faq">',
        '<div class="content-faq"><label>额外？</label>'
        '<div class="content-faq-footer"><p>额外。</p></div></div>'
        * 2
        + '<div class="content-faq">',
        1,
    )
    chinese = tmp_path / "zh.txt"
    chinese.write_text(extra, encoding="utf-8")
    files = stored_files()
    status, message = refused(ENGLISH, chinese, "--images", theme)
    assert status == 2 and "16 items, but the English page has only 15" in message
    assert not FAQPage.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files() == files


def test_images_must_be_a_folder(tmp_path):
    status, message = refused(ENGLISH, "--images", tmp_path / "nowhere")
    assert (status, message) == (2, f"--images {tmp_path / 'nowhere'}: not a folder")
    assert not FAQPage.objects.exists()


def test_an_image_an_editor_chose_is_kept(client, theme):
    run(ENGLISH, "--images", theme)
    chosen = get_image_model()(title="Chosen by an editor")
    chosen.file = ImageFile(io.BytesIO(jpeg("maroon")), name="chosen.jpg")
    chosen._set_image_file_metadata()
    chosen.save()
    page = FAQPage.objects.get()
    page.hero_image = chosen
    page.save_revision().publish()
    report = run(ENGLISH, "--images", theme)
    assert f"kept the hero image an editor chose (image {chosen.pk})" in report
    assert "en: unchanged" in report
    assert FAQPage.objects.get().hero_image == chosen
