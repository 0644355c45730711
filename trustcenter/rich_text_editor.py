"""The admin's rich text editor (Draftail), safe against a crafted submission.

Draft.js gives each character a *set* of styles, but Wagtail's converter (draftjs_exporter)
opens one element per style range: thousands of overlapping "bold" ranges (which no browser
sends, but a crafted POST can) become thousands of nested ``<b>`` and a RecursionError (a
500). Overlapping ranges of one style mean the same as their union, so they are merged
before conversion: what the editor showed is stored, nested at most once per style.
"""

import json

from wagtail.admin.rich_text import DraftailRichTextArea


def merge_style_ranges(content_state):
    """``content_state`` (Draft.js JSON) with each style's overlapping ranges merged."""
    try:
        data = json.loads(content_state)
        for block in data["blocks"]:
            block["inlineStyleRanges"] = _merged(block.get("inlineStyleRanges") or [])
    except (TypeError, ValueError, KeyError, AttributeError):
        return content_state  # not contentstate: left to the converter, as before
    return json.dumps(data)


def _merged(style_ranges):
    by_style = {}
    for style_range in style_ranges:
        start = style_range["offset"]
        by_style.setdefault(style_range["style"], []).append((start, start + style_range["length"]))
    merged = []
    for style, spans in by_style.items():
        spans.sort()
        union = [list(spans[0])]
        for start, end in spans[1:]:
            if start <= union[-1][1]:
                union[-1][1] = max(union[-1][1], end)
            else:
                union.append([start, end])
        merged += [{"style": style, "offset": start, "length": end - start} for start, end in union]
    return merged


class SafeDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        content_state = data.get(name)
        if content_state is None:
            return None
        return self.converter.to_database_format(merge_style_ranges(content_state))
