"""Reading the legacy static Trust Center's FAQ pages (Jekyll page bodies).

Pure parsing: nothing here touches the database. ``read_legacy_page`` turns one file into a
``LegacyPage``; every problem is a ``LegacyFileError`` whose message names the file.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from faq.links import is_allowed_link_url, names_another_host
from faq.validation import check_rich_text, nesting_depth

# A legacy page is ~20 KB; anything this large is not one.
MAX_FILE_BYTES = 2 * 1024 * 1024
# A page may nest deeper than one answer may (faq.validation.MAX_RICH_TEXT_DEPTH): in the
# legacy version whose items each sit inside the previous one (a </div> typed as <div>),
# every item is about two levels deeper. Still bounded, as html5lib builds deep trees
# slowly (5,000 nested <b>: a minute).
MAX_PAGE_DEPTH = 64
# Elements a browser closes at the next of their kind or the next block (<p>…<p>): never
# deeper for being left open, so not counted.
IMPLIED_END_TAGS = {"p", "li", "dt", "dd", "option", "tr", "td", "th"}

LANGUAGE_ALIASES = {
    "en": "en",
    "en-us": "en",
    "en-gb": "en",
    "zh-hans": "zh-hans",
    "zh-cn": "zh-hans",
    "zh-sg": "zh-hans",
    "zh": "zh-hans",
}
LAYOUT_LANGUAGES = {"TrustCenterPage": "en", "TrustCenterPageCN": "zh-hans"}

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.S)
LAYOUT_LINE = re.compile(r"^layout:\s*['\"]?(?P<layout>[\w-]+)['\"]?\s*$", re.M)
# "1. ", "2、", "2．\t", "3) " typed before a question; not "99.9% uptime" (a digit follows).
QUESTION_NUMBER = re.compile(r"^\s*(?P<number>\d{1,3})\s*[.．、)）](?!\d)\s*")


class LegacyFileError(Exception):
    def __init__(self, path, reason):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class LegacyItem:
    question: str
    answer_html: str
    number: str = ""


@dataclass
class LegacyPage:
    path: Path
    language: str
    title: str
    hero_title: str
    hero_image_path: str
    hero_image_alt: str
    intro_html: str
    items: list[LegacyItem] = field(default_factory=list)

    @property
    def numbered(self):
        return any(item.number for item in self.items)


def normalize_language(code):
    """The content language for a legacy language code, or None if it isn't one we publish."""
    return LANGUAGE_ALIASES.get(code.strip().lower().replace("_", "-"))


def split_language_argument(argument):
    """Split ``[LANG=]FILE`` into (language or None, path)."""
    prefix, separator, rest = argument.partition("=")
    if separator and re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*", prefix):
        language = normalize_language(prefix)
        if language is None:
            raise LegacyFileError(rest, f"unknown language {prefix!r} (use en or zh-hans)")
        return language, Path(rest)
    return None, Path(argument)


def read_legacy_page(path, language=None):
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LegacyFileError(path, f"cannot read it ({error.strerror.lower()})") from error
    if not path.is_file():
        raise LegacyFileError(path, "not a file")
    if size > MAX_FILE_BYTES:
        raise LegacyFileError(
            path, f"too large ({size:,} bytes; a legacy page is under {MAX_FILE_BYTES:,})"
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise LegacyFileError(path, f"cannot read it ({error.strerror.lower()})") from error
    except UnicodeDecodeError as error:
        raise LegacyFileError(path, f"not UTF-8 text (byte {error.start})") from error
    return parse_legacy_page(text, path, language)


def parse_legacy_page(text, path, language=None):
    front_matter, html = _split_front_matter(text)
    language = language or _language_from_front_matter(front_matter)
    if language is None:
        raise LegacyFileError(
            path,
            "cannot tell its language: no 'layout: TrustCenterPage' or 'TrustCenterPageCN' "
            "front matter; prefix the file with en= or zh-hans=",
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LegacyFileError(path, f"a NUL character (line {line})")
    if nesting_depth(html, uncounted=IMPLIED_END_TAGS) > MAX_PAGE_DEPTH:
        # Before parsing: html5lib builds deep trees slowly.
        raise LegacyFileError(
            path, f"its markup is nested more than {MAX_PAGE_DEPTH} elements deep"
        )
    # html5lib builds the tree a browser builds (an unclosed <p> closed at the next block, a
    # <label> in an open paragraph kept there): what the legacy site's visitors saw.
    soup = BeautifulSoup(html, "html5lib")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()  # the legacy sidebar lives in a comment: visitors never saw it

    content = soup.find(id="ContentWrapper")
    if content is None:
        intro_html, items = "", []
    elif content.select_one(".content-faq"):
        intro_html, items = _read_wrapped(content)
    else:
        intro_html, items = _read_flat(content)
    if not items:
        raise LegacyFileError(
            path,
            "no FAQ items (no .content-faq and no <label> questions inside #ContentWrapper)",
        )
    if any(not item.question for item in items):
        position = next(i for i, item in enumerate(items, start=1) if not item.question)
        raise LegacyFileError(path, f"FAQ item {position} has no question")
    parts = [("intro", intro_html)]
    parts += [(f"item {n} answer", item.answer_html) for n, item in enumerate(items, start=1)]
    for where, part in parts:
        try:
            # Before cleaning: Wagtail's HTML cleaner recurses.
            check_rich_text(part)
        except ValueError as error:
            raise LegacyFileError(path, f"{where}: {error}") from error

    hero_title = _text(soup.select_one("#HeroWrapper .box-title"))
    title = _breadcrumb_title(soup) or hero_title
    if not title:
        raise LegacyFileError(path, "no page title (no breadcrumb and no h3.box-title)")
    picture = soup.select_one("#HeroWrapper [data-alt]")
    image = soup.select_one("#HeroWrapper [data-src]")
    return LegacyPage(
        path=path,
        language=language,
        title=title,
        hero_title=hero_title,
        hero_image_path=image["data-src"].strip() if image else "",
        hero_image_alt=picture["data-alt"].strip() if picture else "",
        intro_html=intro_html,
        items=items,
    )


def _split_front_matter(text):
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    return match.group("body"), text[match.end() :]


def _language_from_front_matter(front_matter):
    match = LAYOUT_LINE.search(front_matter)
    return LAYOUT_LANGUAGES.get(match.group("layout")) if match else None


def _text(element):
    """The text a visitor sees: not that of scripts and styles."""
    if element is None:
        return ""
    strings = [string for string in element.find_all(string=True) if not _in_code(string, element)]
    return " ".join(" ".join(strings).split())


def _in_code(string, element):
    for parent in string.parents:
        if parent is element:
            return False
        if parent.name in EXECUTABLE_ELEMENTS:
            return True
    return False


def _breadcrumb_title(soup):
    """The breadcrumb's last part: its text after the last ``//``, outside any link."""
    breadcrumb = soup.find(id="BreadcrumbWrapper")
    if breadcrumb is None:
        return ""
    loose_text = " ".join(
        str(node)
        for node in breadcrumb.find_all(string=True)
        if isinstance(node, NavigableString) and node.find_parent("a") is None
    )
    return " ".join(loose_text.rsplit("//", 1)[-1].split())


def _question(element):
    """(question, typed number) of a question element: the number is presentation."""
    question = _text(element)
    match = QUESTION_NUMBER.match(question)
    if match:
        return question[match.end() :].strip(), match.group("number")
    return question, ""


# -- the wrapped shape: one div.content-faq per question ------------------------------


def _read_wrapped(content):
    intro = "".join(
        str(paragraph)
        for paragraph in content.find_all("p")
        if paragraph.find_parent(class_="content-faq") is None
    )
    blocks = content.select(".content-faq")
    items = []
    # Last first: an item nested in the previous one (its </div> typed as <div>) is taken
    # out of it before that one is read, so it is read once, as an item of its own.
    for block in reversed(blocks):
        holder = block.parent
        block.extract()
        _drop_emptied(holder)
        items.append(_read_item(block))
    return intro, items[::-1]


def _drop_emptied(element):
    """Remove the stray <div>s (typed for </div>) that held a nested item, now empty."""
    while (
        element is not None
        and element.name == "div"
        and not element.get("class")
        and not element.get("id")
        and not any(_visible(node) for node in element.children)
    ):
        parent = element.parent
        element.decompose()
        element = parent


def _read_item(block):
    answer = block.select_one(".content-faq-footer")
    question_element = next(
        (label for label in block.find_all("label") if answer not in label.parents),
        None,
    ) or _first_child_outside(block, answer)
    question, number = _question(question_element)
    answer_html = _blocks_html(list(answer.children)) if answer else ""
    return LegacyItem(question=question, answer_html=answer_html, number=number)


def _first_child_outside(block, answer):
    for child in block.children:
        if isinstance(child, Tag) and child is not answer:
            return child
    return None


# -- the flat shape (oldest): <label> questions in the content column -----------------


def _read_flat(content):
    """Questions are bare <label>s in the content column, each answered by what follows it
    up to the next one. A <label> typed after an unclosed <p> (or list) is inside that
    paragraph (as a browser builds it): it is moved out, with what follows it, first."""
    questions = [label for label in content.find_all("label") if _is_flat_question(label)]
    if not questions:
        return "", []
    column = questions[0].find_parent("div")
    questions = [label for label in questions if label.find_parent("div") is column]
    for label in questions:
        _move_to_column(label, column)
    question_ids = {id(label) for label in questions}
    intro_nodes, items = [], []
    for node in list(column.children):
        if id(node) in question_ids:
            items.append((node, []))
        elif items:
            items[-1][1].append(node)
        else:
            intro_nodes.append(node)
    return _blocks_html(intro_nodes), [_flat_item(label, answer) for label, answer in items]


def _flat_item(label, answer):
    question, number = _question(label)
    return LegacyItem(question=question, answer_html=_blocks_html(answer), number=number)


def _is_flat_question(label):
    """A question, not a bold sub-heading opening an answer's paragraph or list item."""
    if label.parent.name == "div":
        return True
    before = [node for node in label.previous_siblings if _visible(node)]
    following = next((node for node in label.next_siblings if _visible(node)), None)
    followed_by_break = isinstance(following, Tag) and following.name == "br"
    return bool(before) or followed_by_break or bool(QUESTION_NUMBER.match(_text(label)))


def _move_to_column(label, column):
    """Move a question, and what follows it, out of the elements left open around it."""
    while label.parent is not column:
        parent = label.parent
        moving = [label, *label.next_siblings]
        for node in moving:
            node.extract()
        parent.insert_after(*moving)
        if not any(_visible(node) for node in parent.children):
            parent.decompose()


def _visible(node):
    return isinstance(node, Tag) or bool(str(node).strip())


# -- an answer's (or intro's) content -------------------------------------------------

# Elements whose content is code or embedded media, never text: removed with their content.
EXECUTABLE_ELEMENTS = [
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "link",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "select",
    "textarea",
]
# Elements that show something without any text.
SHOWN_WITHOUT_TEXT = ["img", "picture", "video", "audio", "canvas", "hr", *EXECUTABLE_ELEMENTS]
# Elements that are blocks of their own in an answer; any other node is inline text.
BLOCK_ELEMENTS = {"p", "ul", "ol", "div", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6"}


def _blocks_html(nodes):
    """Serialise nodes as blocks: inline text between blocks becomes a paragraph, and bold
    sub-headings are lines of their own."""
    html, run = [], []

    def end_run():
        while run and not _visible_text(run[0]):
            run.pop(0)
        while run and not _visible_text(run[-1]):
            run.pop()
        if any(_text(node) if isinstance(node, Tag) else str(node).strip() for node in run):
            paragraph = _new_tag("p")
            for node in run:
                paragraph.append(node.extract())
            html.append(paragraph)
        else:  # no text (an image, a script): as it is, for the cleaner to drop and report
            html.extend(run)
        run.clear()

    for node in nodes:
        if isinstance(node, Tag) and node.name in BLOCK_ELEMENTS:
            end_run()
            # An empty one (a stray <div> typed for </div>, the layout's empty row a nested
            # page ends with) shows nothing; one showing media is kept for the cleaner to report.
            if _text(node) or node.find(SHOWN_WITHOUT_TEXT):
                html.append(node)
        else:
            run.append(node)
    end_run()
    for block in html:
        if isinstance(block, Tag):
            _separate_sub_headings(block)
    return "".join(str(block) for block in html)


def _visible_text(node):
    """Not whitespace or a line break at the edge of a paragraph."""
    if isinstance(node, Tag):
        return node.name != "br"
    return bool(str(node).strip())


def _separate_sub_headings(element):
    """A <label> in an answer was a bold sub-heading: it becomes bold. A sub-heading that
    opens a paragraph with the next word glued to it ("Metadata" + "Metadata includes...")
    gets a line of its own; one followed by a space or a colon stays inline."""
    for label in element.find_all("label"):
        label.name = "b"
        label.attrs = {}
    for bold in element.find_all(["b", "strong"]):
        block = bold.parent
        if block is None or block.name not in {"p", "li"}:
            continue
        if any(_visible(node) for node in bold.previous_siblings):
            continue
        following = bold.next_sibling
        if isinstance(following, NavigableString) and str(following)[:1].isalnum():
            bold.insert_after(_new_tag("br"))


def _new_tag(name):
    return BeautifulSoup("", "html.parser").new_tag(name)


CANONICAL_TAGS = {"strong": "b", "em": "i"}


def clean_legacy_html(html, features):
    """Turn legacy HTML into rich text the editor can hold.

    Returns ``(html, dropped, unmapped)``: the cleaned database HTML, what was removed
    (scripts, event handlers, styles, unsafe URLs, markup outside ``features``) and links
    kept as they were but that point nowhere on the new site (relative legacy paths).
    """
    # What it cleans is the html5lib tree's own serialisation (see parse_legacy_page), already
    # well-formed, so Python's own parser reads it as written.
    soup = BeautifulSoup(html, "html.parser")
    dropped, unmapped = [], []
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for element in soup.find_all(EXECUTABLE_ELEMENTS):
        if element.decomposed:
            continue
        dropped.append(f"<{element.name}> element and its content")
        element.decompose()
    for tag in soup.find_all(True):
        for name in list(tag.attrs):
            if name.lower().startswith("on"):
                dropped.append(f"{name} event handler on <{tag.name}>")
                del tag[name]
            elif name.lower() == "style":
                dropped.append(f"style attribute on <{tag.name}>")
                del tag[name]
        if tag.name == "a":
            href = " ".join(tag.get("href", "").split())
            if not href:
                tag.unwrap()
            elif not is_allowed_link_url(href):
                dropped.append(f"unsafe link {href[:60]!r} (its text is kept)")
                tag.unwrap()
            elif names_another_host(href):
                dropped.append(
                    f"link to another host without a scheme {href[:60]!r} (its text is kept)"
                )
                tag.unwrap()
            elif not re.match(r"^(https?:|mailto:|tel:)", href, re.I):
                unmapped.append(f"relative link {href!r} (kept; it points at the legacy site)")
        elif tag.name in CANONICAL_TAGS:
            tag.name = CANONICAL_TAGS[tag.name]
    _collapse_whitespace(soup)

    from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

    cleaned, removals = DbHTMLConverter(features=features).clean(str(soup))
    dropped += [
        f"<{removal.tag}> markup ({removal.action}: {removal.reason.replace('_', ' ')})"
        for removal in removals
    ]
    return cleaned.strip(), dropped, unmapped


def _collapse_whitespace(soup):
    """Collapse whitespace as a browser shows it, and drop it between block elements."""
    for node in soup.find_all(string=True):
        collapsed = re.sub(r"\s+", " ", str(node))
        if not collapsed.strip() and _between_blocks(node):
            node.extract()
        elif collapsed != str(node):
            node.replace_with(collapsed)
    for block in soup.find_all(["p", "li"]):
        _strip_edges(block)


# Containers whose whitespace-only text is layout, not content.
BETWEEN_BLOCKS = {"[document]", "ul", "ol", "div", "blockquote"}


def _between_blocks(node):
    return node.parent is None or node.parent.name in BETWEEN_BLOCKS


def _strip_edges(block):
    first = block.find(string=True)
    if first is not None:
        first.replace_with(str(first).lstrip())
    last = block.find_all(string=True)
    if last:
        last[-1].replace_with(str(last[-1]).rstrip())
