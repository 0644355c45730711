"""import_legacy_faq --site: every FAQ page of a legacy site checkout, paired, with its hero
image and its legacy addresses."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

import pytest

from faq.models import FAQPage
from tests.legacy.test_import_images import HERO, hero, jpeg, stored_files
from tests.legacy.test_import_legacy import CHINESE, ENGLISH, counts, refused, rendered_view, run
from tests.legacy.test_import_redirects import LEGACY, assert_legacy_addresses_redirect
from tests.legacy.test_legacy_shapes import EXPECTED, SHAPES, english

pytestmark = pytest.mark.django_db


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    """A legacy site checkout: the FAQ's older generation (resources/FAQ.md, FAQ-cn.md) and
    its newer one (the en-us and zh-cn trees), another Trust Center page, Jekyll's output."""
    root = tmp_path / "legacy-site"
    write(root / "resources" / "FAQ.md", english(SHAPES["flat"]))
    write(root / "resources" / "FAQ-cn.md", CHINESE.read_text(encoding="utf-8"))
    write(root / "en-us" / "resources" / "FAQ.md", ENGLISH.read_text(encoding="utf-8"))
    write(root / "zh-cn" / "resources" / "FAQ.md", CHINESE.read_text(encoding="utf-8"))
    # The same layout, no FAQ: its sidebar of <label> links is no question.
    write(
        root / "privacy" / "default.md",
        english('<p>Privacy.</p><label><a href="x.html">Data</a></label><br/>'),
    )
    write(root / "_site" / "resources" / "FAQ.html", ENGLISH.read_text(encoding="utf-8"))
    (root / "Images").mkdir()
    (root / "Images" / HERO).write_bytes(jpeg())
    return root


def test_the_whole_site_is_imported_with_images_and_redirects(client, site):
    report = run("--site", site)
    # The newer generation is the page; the older one's addresses redirect to it.
    english_page, chinese_page = (
        rendered_view(client, "/en/faq/"),
        rendered_view(client, "/zh-hans/faq/"),
    )
    assert len(english_page["items"]) == 15 and len(chinese_page["items"]) == 14
    assert FAQPage.objects.count() == 2
    assert_legacy_addresses_redirect(client)
    assert set(Redirect.objects.values_list("old_path", flat=True)) == set(LEGACY)
    image = get_image_model().objects.get()
    assert hero(client, "/en/faq/")["alt"] == "You are in control of your data"
    assert FAQPage.objects.filter(hero_image=image).count() == 2
    lines = report.splitlines()
    assert lines[:3] == [
        f"Plan: 1 FAQ page in {site}",
        "  resources/FAQ -> slug 'faq': en from en-us/resources/FAQ.md, "
        "zh-hans from zh-cn/resources/FAQ.md",
        "    resources/FAQ-cn.md: an older version, its address redirected only",
    ]
    assert "    redirect /resources/FAQ.html -> the en page" in lines
    assert (
        f"  hero image {HERO}: imported into the image library (image {image.pk}), "
        "alt text 'You are in control of your data'"
    ) in lines
    assert "privacy/default.md" not in report and "_site/resources" not in report


def test_an_older_generation_alone_is_imported(client, tmp_path):
    root = tmp_path / "old-site"
    write(root / "resources" / "FAQ.md", english(SHAPES["flat, unclosed paragraphs"]))
    report = run("--site", root)
    assert rendered_view(client, "/en/faq/")["items"] == EXPECTED
    assert client.get("/resources/FAQ.html")["Location"] == "/en/faq/"
    assert "hero image" not in report  # the fixture has no hero image


def test_running_again_changes_nothing(site):
    run("--site", site)
    before = counts(), Redirect.objects.count(), get_image_model().objects.count(), stored_files()
    report = run("--site", site)
    assert (
        counts(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
        stored_files(),
    ) == before
    assert "en: unchanged" in report and "zh-hans: unchanged" in report


def test_dry_run_prints_the_plan_and_writes_nothing(site):
    files = stored_files()
    report = run("--site", site, "--dry-run")
    assert report.startswith(f"Plan: 1 FAQ page in {site}\n")
    assert "en: created 'Frequently Asked Questions' at /en/faq/" in report
    assert report.endswith("Dry run: nothing was written.\n")
    assert not FAQPage.objects.exists()
    assert not Redirect.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files() == files


def test_a_bad_page_refuses_the_whole_site(site):
    bad = site / "zh-cn" / "resources" / "FAQ.md"
    write(bad, "---\nlayout: TrustCenterPageCN\n---\n<div id='ContentWrapper'><p>空</p></div>")
    status, message = refused("--site", site)
    assert status == 2 and "\n" not in message
    assert message.startswith(f"{bad}: no FAQ items")
    assert not FAQPage.objects.exists() and not Redirect.objects.exists()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (lambda tmp: ["--site", tmp / "nowhere"], "{tmp}/nowhere: not a folder"),
        (lambda tmp: ["--site", tmp], "{tmp}: no FAQ pages"),
        (lambda tmp: ["--site", tmp, ENGLISH], "--site finds the pages, images and addresses"),
        (lambda tmp: [], "give the legacy pages (FILE ...) or --site DIR"),
    ],
)
def test_bad_site_arguments_are_refused_with_one_line(tmp_path, arguments, message):
    status, refusal = refused(*arguments(tmp_path))
    assert status == 2 and "\n" not in refusal
    assert refusal.startswith(message.format(tmp=tmp_path))
    assert not FAQPage.objects.exists()


def test_two_english_versions_in_one_place_are_refused(site):
    write(site / "resources" / "FAQ.html", ENGLISH.read_text(encoding="utf-8"))
    status, message = refused("--site", site)
    assert status == 2
    assert "a second en version of resources/FAQ" in message
    assert not FAQPage.objects.exists()


def test_faq_pages_in_two_folders_are_two_pages(client, tmp_path):
    root = tmp_path / "legacy-site"
    write(root / "resources" / "FAQ.md", english(SHAPES["wrapped"]))
    write(root / "privacy" / "FAQ.md", english(SHAPES["flat"]))
    report = run("--site", root)
    assert "  privacy/FAQ -> slug 'privacy-faq': en from privacy/FAQ.md" in report.splitlines()
    assert rendered_view(client, "/en/privacy-faq/")["items"] == EXPECTED
    assert rendered_view(client, "/en/resources-faq/")["items"] == EXPECTED
    assert client.get("/privacy/FAQ.html")["Location"] == "/en/privacy-faq/"


def test_an_image_where_the_legacy_page_pointed_wins_over_one_of_the_same_name(site):
    """``../Images/x.jpg`` from en-us/resources/ is en-us/Images/x.jpg, if the site has it."""
    (site / "en-us" / "Images").mkdir()
    (site / "en-us" / "Images" / HERO).write_bytes(jpeg("maroon"))
    run("--site", site)
    english = FAQPage.objects.get(locale__language_code="en")
    with english.hero_image.open_file() as file:
        assert file.read() == (site / "en-us" / "Images" / HERO).read_bytes()
