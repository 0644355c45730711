"""import_legacy_faq refuses what the FAQ page would refuse, before writing anything:
exit status 2, one line naming the file and the problem (issue 11.5)."""

import pytest

from faq.models import FAQPage
from tests.legacy.test_import_legacy import (  # noqa: F401  (unchanged_database: a fixture)
    CHINESE,
    ENGLISH,
    refused,
    run,
    unchanged_database,
    write,
)

pytestmark = pytest.mark.django_db

TITLE = "//\xa0Frequently Asked Questions"  # the breadcrumb's last part
QUESTION = (
    "<label>What role does Microsoft play in Microsoft Azure and Office 365 operated by 21Vianet?"
)
ANSWER = '<div class="content-faq-footer">'


def english_with(old, new):
    return ENGLISH.read_text(encoding="utf-8").replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (TITLE, "// Frequently \x00 Asked", "NUL character (line 48)"),
        (QUESTION, "<label>What \x00 role?", "NUL character (line 56)"),
        (TITLE, "// " + "T" * 400, "title: Ensure this value has at most 255 characters"),
        (
            QUESTION,
            "<label>" + "Why " * 166 + "?",
            "Item 1 question: Ensure this value has at most 500",
        ),
        (ANSWER, ANSWER + "<b>" * 5000, "nested more than 64 elements deep"),
        (
            ANSWER,
            ANSWER + "<p>&nbsp;</p>" + "<i>" * 40 + "x" + "</i>" * 40,
            "item 1 answer: its markup is nested more than 32",
        ),
    ],
    ids=["NUL in title", "NUL in question", "long title", "long question", "5000 <b>", "41 deep"],
)
@pytest.mark.usefixtures("unchanged_database")
def test_bad_content_is_refused_in_one_line(tmp_path, old, new, reason):
    path = write(tmp_path, "bad.txt", english_with(old, new))
    status, message = refused(path, CHINESE)
    assert status == 2
    assert "\n" not in message
    assert str(path) in message and reason in message


def test_a_question_of_exactly_500_characters_is_imported(tmp_path, client):
    question = "Why" + "?" * 497
    path = write(tmp_path, "long.txt", english_with(QUESTION, f"<label>{question}"))
    run(path)
    assert FAQPage.objects.get().faqs[0].value["question"].startswith("Why???")


@pytest.mark.parametrize("slug", ["not a slug", "a/b", "a" * 300])
@pytest.mark.usefixtures("unchanged_database")
def test_a_bad_slug_is_refused_in_one_line(slug):
    status, message = refused("--slug", slug, ENGLISH, CHINESE)
    assert status == 2
    assert "\n" not in message
    assert "slug" in message


@pytest.mark.parametrize("href", ["//evil.example/", "/\\evil.example/", " \\\\evil.example"])
def test_a_link_to_another_host_without_a_scheme_is_not_imported_as_relative(
    tmp_path, client, href
):
    link = f'<a href="{href}">the auditor\'s report</a>'
    path = write(tmp_path, "hosts.txt", english_with(ANSWER, f"{ANSWER}<p>See {link}.</p>"))
    report = run(path)
    assert f"dropped item 1 answer: link to another host without a scheme {href.strip()!r}" in (
        report
    )
    assert "relative link" not in report
    page = client.get(FAQPage.objects.get().url).content.decode()
    assert "the auditor's report" in page or "the auditor&#x27;s report" in page
    assert "evil.example" not in page
