"""The markup a translation must keep from its source string.

wagtail-localize stores a rich-text string with its inline markup (``<b>``, ``<i>``, ``<br>``)
and its links as ``<a id="a1">``, the URL kept aside under that id. A translation that drops a
link's id publishes the text without its link; one that invents an id has no URL for it
(wagtail-localize refuses only that). So:

- every link id of the source must be in the translation, and no other: ``check_links`` raises
  ``ValueError`` naming the difference (installed in wagtail-localize's place by
  ``faq.upstream``, so every stored translation is checked, whoever writes it);
- bold, italic and line breaks may differ (Chinese sets emphasis differently), so a difference
  is a warning to look at, never a refusal: ``formatting_differences``.
"""

from collections import Counter
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The same inline markup under either of its names counts once.
_FORMATTING = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "br": "line break",
}
_FORMATTING_NAMES = {
    "bold": gettext_lazy("bold"),
    "italic": gettext_lazy("italic"),
    "line break": gettext_lazy("line break"),
}


class _MarkupCounter(HTMLParser):
    """Link ids and formatting elements of a string, without recursing (event-driven)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.link_ids = set()
        self.formatting = Counter()

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            link_id = dict(attrs).get("id")
            if link_id:
                self.link_ids.add(link_id)
        elif tag in _FORMATTING:
            self.formatting[_FORMATTING[tag]] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def _markup(html):
    counter = _MarkupCounter()
    counter.feed(html or "")
    counter.close()
    return counter


def link_problem(source, translation):
    """What the translation (HTML) does to the links of its source string: a message, or None."""
    wanted, found = _markup(source).link_ids, _markup(translation).link_ids
    missing, invented = sorted(wanted - found), sorted(found - wanted)
    problems = []
    if missing:
        problems.append(
            _("it drops the link %(ids)s of the source: keep each <a id=…> of the source")
            % {"ids": ", ".join(f'<a id="{link_id}">' for link_id in missing)}
        )
    if invented:
        problems.append(
            _("it has the link %(ids)s, which the source does not have")
            % {"ids": ", ".join(f'<a id="{link_id}">' for link_id in invented)}
        )
    return "; ".join(problems) or None


def check_links(translation_of, data):
    """``wagtail_localize.strings.validate_translation_links``, also refusing a dropped link."""
    problem = link_problem(translation_of, data)
    if problem:
        raise ValueError(problem)


def formatting_differences(source, translation):
    """How the bold, italic and line breaks of a translation differ from its source's, one
    message each ("bold: 2 in the source, 1 in the translation"); empty when they match."""
    wanted, found = _markup(source).formatting, _markup(translation).formatting
    return [
        _("%(markup)s: %(source)d in the source, %(translation)d in the translation")
        % {"markup": label, "source": wanted[name], "translation": found[name]}
        for name, label in _FORMATTING_NAMES.items()
        if wanted[name] != found[name]
    ]
