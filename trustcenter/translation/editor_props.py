"""The translation editor's props as this site sends them (issue 16.3): each link's URL box says
which link it is, and opens alone.

wagtail-localize (1.14) makes each URL of a rich-text link an overridable segment, a box
labelled with the field ("答案") and the bare URL. Here its label names the link's text and its
source URL, read from the source strings of the same rich text (a string keeps a link as
``<a id="a1">text</a>`` and its URL aside, in the segment's ``attrs`` under ``a1``).

The React editor keys its editing state (which boxes are open) by segment id, but string and
overridable segments are different tables with their own ids: Edit on the URL box with id 7
also opened string segment 7. Overridable segments go to the editor with negative ids (and
their overrides with the same ``segment_id``), so no id is both. The editor saves through each
box's ``editUrl``, which keeps the real id: the save views need no mapping back.
"""

import json
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from wagtail_localize.segments.extract import quote_path_component


class _LinkTexts(HTMLParser):
    """The text of each ``<a id="…">`` of a source string, by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = {}
        self._open = []  # ids of the links being read (a link never nests, but be safe)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            link_id = dict(attrs).get("id")
            self._open.append(link_id)
            if link_id:
                self.texts.setdefault(link_id, "")

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for link_id in self._open:
            if link_id:
                self.texts[link_id] += data


def link_texts(html):
    parser = _LinkTexts()
    parser.feed(html or "")
    parser.close()
    return {link_id: " ".join(text.split()) for link_id, text in parser.texts.items()}


def link_url_labels(source):
    """{context path of a link URL's overridable segment: its label} for ``source``'s links."""
    language = source.locale.get_display_name()
    labels = {}
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        texts = link_texts(segment.string.data)
        for link_id, attrs in (json.loads(segment.attrs or "null") or {}).items():
            href = attrs.get("href")
            if not href:
                continue
            path = f"{segment.context.path}.{quote_path_component(href)}"
            # Two links to the same URL in one rich text share one box: the first names it.
            labels.setdefault(
                path,
                _("Link “%(text)s” (%(language)s URL: %(url)s)")
                % {"text": texts.get(link_id, ""), "language": language, "url": href},
            )
    return labels


def separated_and_labelled(props_json, translation):
    """The editor's props (JSON) with overridable segment ids apart from string segment ids and
    each link URL box labelled."""
    props = json.loads(props_json)
    labels = link_url_labels(translation.source)
    for segment in props["segments"]:
        if segment["type"] != "synchronised_value":
            continue
        segment["id"] = -segment["id"]
        label = labels.get(segment["contentPath"])
        if label:
            # The editor shows ``subField`` above the box (the field's own name is its group's).
            segment["location"]["subField"] = label
    for override in props["initialOverrides"]:
        if override["segment_id"] is not None:
            override["segment_id"] = -override["segment_id"]
    return json.dumps(props)
