"""A page's description for search engines: its search description, else its intro's start."""

import re
from html import unescape

from django.utils.html import strip_tags

MAX_LENGTH = 160
# Where a paragraph or line ends, the words on either side are apart.
_BLOCK_END = re.compile(r"</p>|<br\s*/?>", re.IGNORECASE)


def describe(search_description, intro_html):
    """Plain text of at most ``MAX_LENGTH`` characters, cut after a word where there are words
    (English), anywhere otherwise (Chinese has no spaces), and marked "…" when cut."""
    text = " ".join((search_description or "").split())
    if not text:
        text = " ".join(unescape(strip_tags(_BLOCK_END.sub(" ", intro_html or ""))).split())
    if len(text) <= MAX_LENGTH:
        return text
    cut = text[: MAX_LENGTH - 1]
    space = cut.rfind(" ")
    if space > MAX_LENGTH * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.，。；：") + "…"


class DescribedByIntroMixin:
    """For a page with an ``intro`` rich text: its ``meta_description`` for the templates."""

    @property
    def meta_description(self):
        return describe(self.search_description, self.intro)
