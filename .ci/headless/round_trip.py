"""A round trip through the Python client openapi-python-client generated from the live document.

Run by .ci/headless-clients as ``round_trip.py BASE_URL TOKEN`` with the generated package
``trustcenter_v3_client`` importable, against the demo content: read the Chinese FAQ, change
one English question and publish it, then check that nothing else changed, in either language.
Prints each check; exits non-zero if any fails.
"""

import json
import sys
from html.parser import HTMLParser

from trustcenter_v3_client import AuthenticatedClient, Client
from trustcenter_v3_client.api.pages import pages_detail, pages_list, pages_update
from trustcenter_v3_client.models import (
    FAQItemInput,
    FAQItemValueInput,
    FAQPagePatchMetaSchema,
    FAQPagePatchSchema,
    FAQPageSchema,
    PagesDetailRichTextFormatType0,
    PagesListLocale,
    PagesListTypeItem,
)


def differences(before, after, path=""):
    """Where two JSON values differ, as ``path: before -> after`` lines ('' if nowhere)."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(before.keys() | after.keys())
        found = [differences(before.get(key), after.get(key), f"{path}.{key}") for key in keys]
        return "; ".join(filter(None, found))
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        found = [
            differences(b, a, f"{path}[{i}]")
            for i, (b, a) in enumerate(zip(before, after, strict=True))
        ]
        return "; ".join(filter(None, found))
    return "" if before == after else f"{path}: {before!r:.80} -> {after!r:.80}"


base_url, token = sys.argv[1:]
failures = 0
sent_bodies = []


def remember_body(request):
    if request.method == "PATCH":
        sent_bodies.append(json.loads(request.content))


reader = Client(base_url=base_url, raise_on_unexpected_status=True)
editor = AuthenticatedClient(
    base_url=base_url,
    token=token,
    raise_on_unexpected_status=True,
    httpx_args={"event_hooks": {"request": [remember_body]}},
)


def check(what, ok):
    global failures
    print(("ok:   " if ok else "FAIL: ") + what)
    failures += not ok


def faq_page(client, locale, rich_text_format=PagesDetailRichTextFormatType0.DB_HTML):
    """The demo's FAQ page in ``locale``, as the generated client parses it."""
    listing = pages_list.sync(
        client=client, type_=[PagesListTypeItem.FAQ_FAQPAGE], locale=PagesListLocale(locale)
    )
    [summary] = listing.items
    page = pages_detail.sync(summary.id, client=client, rich_text_format=rich_text_format)
    assert isinstance(page, FAQPageSchema), page
    return page


class MarkupReader(HTMLParser):
    """HTML as what it says: its tags, their attributes and its text, however they are spelt.

    Wagtail's rich text conversion (the same for an editor's save) writes an answer anew the
    first time it passes through: a data-block-key on each paragraph, ' for &#x27;. The
    answer says the same; written back, it stays as it is.
    """

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.parts.append((tag, sorted((k, v) for k, v in attrs if k != "data-block-key")))

    def handle_endtag(self, tag):
        self.parts.append(("/" + tag,))

    def handle_data(self, data):
        self.parts.append(data)


def without_publication(page):
    """A page as a dict, less what publishing it changes by itself."""
    data = page.to_dict()
    for field in ("last_published_at", "latest_revision_created_at", "has_unpublished_changes"):
        data["meta"].pop(field, None)
    for item in data["faqs"]:
        item["value"]["answer"] = repr(MarkupReader(item["value"]["answer"]).parts)
    return data


chinese = faq_page(reader, "zh-hans")
english = faq_page(reader, "en")
chinese_ids = [item.id for item in chinese.faqs]
held_back = [item for item in english.faqs if item.id not in chinese_ids]
check(
    f"the Chinese FAQ ({len(chinese.faqs)} questions) holds back {len(held_back)} untranslated",
    len(held_back) == 1 and len(chinese.faqs) == len(english.faqs) - 1,
)

changed, *_ = english.faqs
new_question = changed.value.question.rstrip("?") + " (checked by a generated client)?"
faqs = [
    FAQItemInput(
        id=item.id,
        type_=item.type_,
        value=FAQItemValueInput(
            question=new_question if item.id == changed.id else item.value.question,
            answer=item.value.answer,
        ),
    )
    for item in english.faqs
]
body = FAQPagePatchSchema(faqs=faqs, meta=FAQPagePatchMetaSchema(action="publish"))
response = pages_update.sync_detailed(english.id, client=editor, body=body)
check(f"PATCH of English page {english.id} answers 200", response.status_code == 200)
[sent] = sent_bodies
check(f"the client sent only what changes: {sorted(sent)}", sorted(sent) == ["faqs", "meta"])
check(f"its meta is only the action: {sent['meta']}", sent["meta"] == {"action": "publish"})

after = faq_page(reader, "en")
check(
    "the public English page has the new question",
    [item.value.question for item in after.faqs][0] == new_question,
)
expected = without_publication(english)
expected["faqs"][0]["value"]["question"] = new_question
check(
    "every other field of the English page is unchanged: "
    + (differences(expected, without_publication(after)) or "none changed"),
    without_publication(after) == expected,
)

chinese_after = faq_page(reader, "zh-hans")
check(
    "the Chinese page still holds back the untranslated question",
    held_back[0].id not in [item.id for item in chinese_after.faqs],
)
check(
    "the Chinese page is unchanged",
    without_publication(chinese_after) == without_publication(chinese),
)
sys.exit(1 if failures else 0)
