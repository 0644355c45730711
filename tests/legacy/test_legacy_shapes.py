"""Every shape the legacy FAQ was written in reads, on the new page, as a browser showed it.

Each fixture is the same three questions in one of the legacy site's markups (small,
synthetic: the legacy files themselves stay out of the repository); then the two seeds,
rewritten here in each older shape, must read exactly as the seeds do.
"""

import re

import pytest
from bs4 import BeautifulSoup

from faq.models import FAQPage
from tests.legacy.test_import_legacy import (
    CHINESE,
    ENGLISH,
    legacy_view,
    rendered_view,
    run,
    write,
)

pytestmark = pytest.mark.django_db

PAGE = """---
layout: {layout}
---
<div id="HeroWrapper"><h3 class="box-title">{title}</h3></div>
<div id="BreadcrumbWrapper"><div><a href="../default.html">{home}</a> // {title}</div></div>
<div id="ContentWrapper"><div class="span">{content}</div></div>
"""


def english(content):
    return PAGE.format(
        layout="TrustCenterPage", title="Questions", home="Trust Center", content=content
    )


MAP = '<a href="https://example.com/map">example.com/map</a>'

# What a visitor of any of the shapes below saw: (question, (paragraphs, links)).
EXPECTED = [
    (
        "Where is my data?",
        (
            ["Data stays in China.", "See the map: example.com/map"],
            [("example.com/map", "https://example.com/map")],
        ),
    ),
    ("Who can access it?", (["Only you.", "Operators", "Auditors"], [])),
    ("What data is there?", (["Metadata Metadata includes settings."], [])),
]

SHAPES = {
    "wrapped": f"""<p>Intro.</p>
<div class="content-faq"><label>Where is my data?</label>
<div class="content-faq-footer">
<p>Data stays in China.</p><p>See the map: {MAP}</p></div></div>
<div class="content-faq"><label>Who can access it?</label>
<div class="content-faq-footer">
<p>Only you.</p><ul><li>Operators</li><li>Auditors</li></ul></div></div>
<div class="content-faq"><label>What data is there?</label>
<div class="content-faq-footer">
<p><label>Metadata</label>Metadata includes settings.</p></div></div>""",
    # <p> typed where </p> was meant.
    "wrapped, unclosed paragraphs": f"""<p>Intro.
<div class="content-faq"><label>Where is my data?</label>
<div class="content-faq-footer">
<p>Data stays in China.<p>See the map: {MAP}</div></div>
<div class="content-faq"><label>Who can access it?</label>
<div class="content-faq-footer">
<p>Only you.<ul><li>Operators<li>Auditors</ul></div></div>
<div class="content-faq"><label>What data is there?</label>
<div class="content-faq-footer">
<p><label>Metadata</label>Metadata includes settings.</div></div>""",
    # The answer's </div> typed as <div>: each following item inside the previous answer.
    "nested in the answer": f"""<p>Intro.</p>
<div class="content-faq"><label>Where is my data?</label>
<div class="content-faq-footer">
<p>Data stays in China.</p><p>See the map: {MAP}</p><div>
</div>
<div class="content-faq"><label>Who can access it?</label>
<div class="content-faq-footer">
<p>Only you.</p><ul><li>Operators</li><li>Auditors</li></ul><div></div>
<div class="content-faq"><label>What data is there?</label>
<div class="content-faq-footer">
<p><label>Metadata</label>Metadata includes settings.</p></div></div>""",
    # The item's </div> typed as <div>: each following item inside the previous item.
    "nested in the item": f"""<p>Intro.</p>
<div class="content-faq"><label>Where is my data?</label>
<div class="content-faq-footer">
<p>Data stays in China.</p><p>See the map: {MAP}</p></div><div>
<div class="content-faq"><label>Who can access it?</label>
<div class="content-faq-footer">
<p>Only you.</p><ul><li>Operators</li><li>Auditors</li></ul></div><div>
<div class="content-faq"><label>What data is there?</label>
<div class="content-faq-footer">
<p><label>Metadata</label>Metadata includes settings.</p></div></div>""",
    # The oldest: bare <label> questions, each followed by <br> and its answer.
    "flat": f"""<p>Intro.</p>
<label>1．\tWhere is my data?</label><br>
<p>Data stays in China.</p><p>See the map: {MAP}</p>
<label>2．\tWho can access it?</label><br>
<p>Only you.</p><ul><li>Operators</li><li>Auditors</li></ul>
<label>3．\tWhat data is there?</label><br>
<p><label>Metadata</label>Metadata includes settings.</p>""",
    # A browser puts each <label> inside the paragraph left open before it.
    "flat, unclosed paragraphs": f"""<p>Intro.
<label>1．\tWhere is my data?</label><br>
<p>Data stays in China.<p>See the map: {MAP}
<label>2．\tWho can access it?</label><br>
Only you.<ul><li>Operators<li>Auditors</ul>
<label>3．\tWhat data is there?</label><br>
<p><label>Metadata</label>Metadata includes settings.""",
    # A list left open too: the next question is inside its last item.
    "flat, unclosed list": f"""<p>Intro.</p>
<label>1．\tWhere is my data?</label><br>
<p>Data stays in China.</p><p>See the map: {MAP}</p>
<label>2．\tWho can access it?</label><br>
<p>Only you.<ul><li>Operators<li>Auditors
<label>3．\tWhat data is there?</label><br>
<p><label>Metadata</label>Metadata includes settings.""",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_reads_as_a_browser_showed_it(tmp_path, client, shape):
    report = run(write(tmp_path, "FAQ.md", english(SHAPES[shape])))
    page = rendered_view(client, "/en/faq/")
    assert page["intro"] == "Intro."
    assert page["items"] == EXPECTED
    # Each item once, never inside another's answer.
    assert len(page["soup"].select(".content-faq-footer .content-faq-question")) == 0
    # The sub-heading is a bold line of its own, not glued to the next word.
    heading = page["soup"].select(".content-faq-footer")[2].b
    assert heading.get_text() == "Metadata" and heading.find_next_sibling().name == "br"
    assert "en: created 'Questions' at /en/faq/ (3 items, published)" in report
    numbered = shape.startswith("flat")
    assert ("stripped typed numbering from 3 questions" in report) == numbered
    assert FAQPage.objects.get().numbered == numbered


def test_a_flat_chinese_page_translates_a_flat_english_page(tmp_path, client):
    chinese = PAGE.format(
        layout="TrustCenterPageCN",
        title="常见问题",
        home="信任中心",
        content="""<p>简介。
<label>1、数据在哪里？</label><br><p>数据留在中国。
<label>2、谁能访问？</label><br>只有您。
<label>3、有哪些数据？</label><br><p><label>元数据</label>元数据包括设置。""",
    )
    flat = """<p>Intro.
<label>1. Where is my data?</label><br><p>Data stays in China.
<label>2. Who can access it?</label><br>Only you.
<label>3. What data is there?</label><br><p><label>Metadata</label>Metadata includes settings."""
    report = run(write(tmp_path, "FAQ.md", english(flat)), write(tmp_path, "FAQ-cn.md", chinese))
    assert "paired 3 of 3 English items with zh-hans items by position" in report
    page = rendered_view(client, "/zh-hans/faq/")
    assert page["intro"] == "简介。"
    assert page["items"] == [
        ("数据在哪里？", (["数据留在中国。"], [])),
        ("谁能访问？", (["只有您。"], [])),
        ("有哪些数据？", (["元数据 元数据包括设置。"], [])),
    ]
    assert "content-faq-list--numbered" in page["soup"].select_one("ol.content-faq-list")["class"]


def test_a_label_in_the_answer_is_not_taken_for_a_question(tmp_path, client):
    """In the flat shape too: a sub-heading opening a paragraph stays in its answer."""
    run(write(tmp_path, "FAQ.md", english(SHAPES["flat"])))
    questions = [question for question, _ in rendered_view(client, "/en/faq/")["items"]]
    assert "Metadata" not in questions


def test_a_bold_lead_in_followed_by_punctuation_stays_inline(tmp_path, client):
    content = """<p>Intro.</p><div class="content-faq"><label>Q?</label>
<div class="content-faq-footer">
<p><strong>Note:</strong> read this.</p><p><strong>注意</strong>：请阅读。</p></div></div>"""
    run(write(tmp_path, "FAQ.md", english(content)))
    answer = rendered_view(client, "/en/faq/")["soup"].select_one(".content-faq-footer")
    assert answer.find("br") is None
    assert [text.get_text() for text in answer.find_all("p")] == [
        "Note: read this.",
        "注意：请阅读。",
    ]


# -- the seeds, rewritten in each older shape ----------------------------------------------


def as_flat(text):
    """The seed with bare <label> questions: no .content-faq wrappers, a <br> after each."""
    front_matter, body = text.split("---\n", 2)[1:]
    soup = BeautifulSoup(body, "html.parser")
    for block in soup.select(".content-faq"):
        block.find("label").insert_after(soup.new_tag("br"))
        block.select_one(".content-faq-footer").unwrap()
        block.unwrap()
    return f"---\n{front_matter}---\n{soup}"


def unclosed(text):
    return text.replace("</p>", "").replace("</li>", "")


# The end of an answer and of its item, before the next item.
ITEM_END = re.compile(r"</div>(\s*)</div>(\s*<div class=\"content-faq\">)")

SEED_SHAPES = {
    "flat": as_flat,
    "unclosed paragraphs": unclosed,
    "flat, unclosed paragraphs": lambda text: unclosed(as_flat(text)),
    "every answer's </div> typed as <div>": lambda text: ITEM_END.sub(r"<div>\1</div>\2", text),
    "every item's </div> typed as <div>": lambda text: ITEM_END.sub(r"</div>\1<div>\2", text),
    "nested, unclosed paragraphs": lambda text: unclosed(ITEM_END.sub(r"<div>\1</div>\2", text)),
    "<label> sub-headings": lambda text: re.sub(r"<(/?)strong>", r"<\1label>", text),
}


@pytest.mark.parametrize("shape", SEED_SHAPES)
def test_the_seeds_in_every_older_shape_read_as_the_seeds(tmp_path, client, shape):
    rewrite = SEED_SHAPES[shape]
    files = [
        write(tmp_path, path.name, rewrite(path.read_text(encoding="utf-8")))
        for path in (ENGLISH, CHINESE)
    ]
    run(*files)
    for url, seed in (("/en/faq/", ENGLISH), ("/zh-hans/faq/", CHINESE)):
        page, legacy = rendered_view(client, url), legacy_view(seed)
        assert (page["intro"], page["hero"]) == (legacy["intro"], legacy["hero"])
        assert len(page["items"]) == len(legacy["items"])
        for position, (rendered, original) in enumerate(
            zip(page["items"], legacy["items"], strict=True), start=1
        ):
            assert rendered == original, f"{url} item {position}"
