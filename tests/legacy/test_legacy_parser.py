"""Reading legacy pages: the variety of the legacy site's past versions."""

import pytest

from trustcenter.legacy.parser import LegacyFileError, parse_legacy_page, split_language_argument

PAGE = """{front_matter}<div id="HeroWrapper"><h3 class="box-title">FAQ</h3></div>
<div id="BreadcrumbWrapper"><div><a href="../default.html">Trust Center</a> // Questions
<!-- <a href="../x.html">hidden</a> --></div></div>
<div id="ContentWrapper"><p>Intro.</p>{items}</div>"""


def page(questions, front_matter="---\nlayout: TrustCenterPage\n---\n"):
    items = "".join(
        f'<div class="content-faq"><label>{question}</label>'
        f'<div class="content-faq-footer"><p>Answer.</p></div></div>'
        for question in questions
    )
    return PAGE.format(front_matter=front_matter, items=items)


@pytest.mark.parametrize(
    ("typed", "question", "number"),
    [
        ("1. Where is my data?", "Where is my data?", "1"),
        ("2、数据存储在哪里？", "数据存储在哪里？", "2"),
        ("2．\t数据存储在哪里？", "数据存储在哪里？", "2"),
        ("12) Who audits?", "Who audits?", "12"),
        ("99.9% uptime, really?", "99.9% uptime, really?", ""),
        ("Is 21Vianet compliant?", "Is 21Vianet compliant?", ""),
    ],
)
def test_typed_numbering_is_stripped(typed, question, number):
    legacy = parse_legacy_page(page([typed]), "page.txt")
    assert (legacy.items[0].question, legacy.items[0].number) == (question, number)
    assert legacy.numbered == bool(number)


def test_page_parts_are_read():
    legacy = parse_legacy_page(page(["Q?"]), "page.txt")
    assert (legacy.language, legacy.title, legacy.hero_title) == ("en", "Questions", "FAQ")
    assert legacy.intro_html == "<p>Intro.</p>"


@pytest.mark.parametrize(
    ("front_matter", "language"),
    [
        ("---\nlayout: TrustCenterPageCN\n---\n", "zh-hans"),
        ("\ufeff---\r\nlayout: 'TrustCenterPage'\r\ntitle: x\r\n---\r\n", "en"),
    ],
)
def test_language_comes_from_the_layout(front_matter, language):
    assert parse_legacy_page(page(["Q?"], front_matter), "p.txt").language == language


def test_a_page_without_front_matter_needs_a_language():
    with pytest.raises(LegacyFileError, match=r"^p.txt: cannot tell its language"):
        parse_legacy_page(page(["Q?"], front_matter=""), "p.txt")
    assert parse_legacy_page(page(["Q?"], ""), "p.txt", "zh-hans").language == "zh-hans"


def test_a_page_without_a_title_is_refused():
    with pytest.raises(LegacyFileError, match=r"^p.txt: no page title"):
        parse_legacy_page(
            "<div id='ContentWrapper'>" + page(["Q?"]).split("ContentWrapper")[1], "p.txt", "en"
        )


def test_an_item_without_a_question_is_refused():
    with pytest.raises(LegacyFileError, match=r"^p.txt: FAQ item 2 has no question"):
        parse_legacy_page(page(["Q?", "  "]), "p.txt")


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("en=a.txt", "en"),
        ("en-us=a.txt", "en"),
        ("EN_US=a.txt", "en"),
        ("zh-hans=a.txt", "zh-hans"),
        ("zh-cn=a.txt", "zh-hans"),
        ("a.txt", None),
        ("dir/with=sign.txt", None),
    ],
)
def test_language_prefixes(argument, expected):
    assert split_language_argument(argument)[0] == expected
