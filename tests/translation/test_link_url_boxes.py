"""Per-language link URLs in the translation editor (issue 16.3): each URL box names its link
and its English URL, opens alone (no id shared with a string box), and saves only itself; a
URL saved as the translation of prose is refused in the translator's language."""

import json
import re
from html import unescape
from urllib.parse import urlencode

from django.urls import reverse

from wagtail_localize.models import OverridableSegment, SegmentOverride, StringTranslation

import pytest

from tests import admin_flows as flows
from tests.factories import faq_items
from tests.translations import chinese_translator_client, with_chinese_translation

pytestmark = pytest.mark.django_db

TERMS = "https://example.com/terms"
CONTACT = "https://example.com/contact"
ENGLISH = "English"  # the source locale's display name (WAGTAIL_CONTENT_LANGUAGES)


@pytest.fixture
def english():
    items = faq_items(
        2,
        answer_html=(
            f'<p>See <a href="{TERMS}">the <b>terms</b></a> and the rules.</p>'
            f'<p>Or <a href="{CONTACT}">ask us</a>, or read <a href="{TERMS}">them</a>.</p>'
        ),
    )
    return with_chinese_translation(items, strings={"Question 1?": "问题 1？"})


@pytest.fixture
def chinese_translator(django_user_model):
    return chinese_translator_client(django_user_model)


def share_ids(page):
    """Gives each link URL segment the id of a string segment of the same page, as happens on a
    site with enough of both (the two kinds have their own ids); returns the string segments."""
    source = flows.translation_into(page).source
    strings = list(source.stringsegment_set.order_by("pk"))
    links = list(source.overridablesegment_set.order_by("pk"))
    taken = set(OverridableSegment.objects.values_list("pk", flat=True))
    free = [segment for segment in strings if segment.pk not in taken]
    for link, string_segment in zip(links, free, strict=False):
        OverridableSegment.objects.filter(pk=link.pk).update(id=string_segment.pk)
    return free[: len(links)]


def editor_props(client, page):
    """The props the React editor reads, from the rendered page (as the browser gets them)."""
    chinese = page.get_translation(flows.translation_into(page).target_locale)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return json.loads(unescape(re.search(r'js-translation-editor" data-props="([^"]*)"', html)[1]))


def url_boxes(props):
    return [segment for segment in props["segments"] if segment["type"] == "synchronised_value"]


def test_each_link_url_box_names_its_link_and_english_url(english, chinese_translator):
    boxes = url_boxes(editor_props(chinese_translator, english))
    labels = sorted(box["location"]["subField"] for box in boxes)
    assert labels == sorted(
        [
            f"链接“the terms”（{ENGLISH} 网址：{TERMS}）",
            f"链接“ask us”（{ENGLISH} 网址：{CONTACT}）",
        ]
        * 2  # two questions
    )
    assert all(box["location"]["field"] for box in boxes)  # still grouped under its item


def test_no_url_box_shares_its_id_with_a_string_box(english, chinese_translator):
    assert share_ids(english)
    props = editor_props(chinese_translator, english)
    ids = [segment["id"] for segment in props["segments"]]
    assert len(ids) == len(set(ids))
    string_ids = {s["id"] for s in props["segments"] if s["type"] == "string"}
    box_ids = {box["id"] for box in url_boxes(props)}
    assert string_ids.isdisjoint(box_ids) and box_ids


def save_box(client, box, value):
    return client.put(
        box["editUrl"],
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def test_saving_a_url_box_changes_that_link_only(english, chinese_translator):
    share_ids(english)
    props = editor_props(chinese_translator, english)
    translations_before = set(StringTranslation.objects.values_list("pk", "data"))
    box = url_boxes(props)[0]
    chinese_terms = "https://example.com/zh/terms"
    assert save_box(chinese_translator, box, chinese_terms).status_code == 201
    assert list(SegmentOverride.objects.values_list("data_json", flat=True)) == [
        json.dumps(chinese_terms)
    ]
    assert set(StringTranslation.objects.values_list("pk", "data")) == translations_before
    # The editor shows the override on that box (and only there) when it opens again.
    props = editor_props(chinese_translator, english)
    assert [override["segment_id"] for override in props["initialOverrides"]] == [box["id"]]


def test_a_url_saved_as_the_translation_of_prose_is_refused(english, chinese_translator):
    props = editor_props(chinese_translator, english)
    prose = next(
        s for s in props["segments"] if s["type"] == "string" and s["source"].startswith("See")
    )
    response = save_box(chinese_translator, prose, f"  {TERMS} ")
    assert response.status_code == 400
    assert "网址" in response.json()["error"]
    assert not StringTranslation.objects.filter(data__contains="example.com").exists()
    # A real translation of the same string is taken.
    answer = '请参阅<a id="a1"><b>条款</b></a>和规则。'
    assert save_box(chinese_translator, prose, answer).status_code == 201
