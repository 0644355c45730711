"""Writing FAQ pages through v3 with bearer tokens, and the permission matrix."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail_localize.models import Translation

import pytest
from bs4 import BeautifulSoup

from faq.models import FAQPage
from tests.admin_flows import TRANSLATORS
from tests.factories import home, make_faq_page, translate
from trustcenter.roles import EDITORS

from .conftest import ChineseForEverything, user_with_token

pytestmark = pytest.mark.django_db

PAGES = "/api/v3/pages/"


def faq_item(question, answer="<p>An answer.</p>", item_id=None):
    item = {"type": "faq", "value": {"question": question, "answer": answer}}
    if item_id:
        item["id"] = item_id
    return item


def create_draft(api, auth, parent, **fields):
    body = {"meta": {"type": "faq.FAQPage", "parent_id": parent.pk}, "title": "Cloud FAQ"}
    return api("post", PAGES, {**body, **fields}, **auth)


def test_an_editor_creates_a_draft_updates_publishes_and_reads_revisions(api, editor_auth):
    created = create_draft(
        api,
        editor_auth,
        home("en"),
        hero_title="Cloud questions",
        faqs=[faq_item("Where is my data?")],
    )
    assert created.status_code == 201, created.content
    page_id = created.json()["id"]
    page = FAQPage.objects.get(pk=page_id)
    assert not page.live
    assert page.hero_title == "Cloud questions"
    assert [item.value["question"] for item in page.faqs] == ["Where is my data?"]
    assert api("get", f"{PAGES}{page_id}/").status_code == 404  # a draft is nobody's business

    # Update: change the first question (keeping its id, so its anchor), add a second.
    first_id = page.faqs[0].id
    updated = api(
        "patch",
        f"{PAGES}{page_id}/",
        {
            "faqs": [
                faq_item("Where is my Customer Data stored?", item_id=first_id),
                faq_item("Who can see it?", {"format": "db_markdown", "content": "Only **you**."}),
            ]
        },
        **editor_auth,
    )
    assert updated.status_code == 200, updated.content
    draft = FAQPage.objects.get(pk=page_id).get_latest_revision_as_object()
    assert [item.value["question"] for item in draft.faqs] == [
        "Where is my Customer Data stored?",
        "Who can see it?",
    ]
    assert draft.faqs[0].id == first_id
    assert "<b>you</b>" in draft.faqs[1].value["answer"].source
    assert draft.hero_title == "Cloud questions"  # a partial update leaves the rest alone

    published = api("post", f"{PAGES}{page_id}/actions/publish/", **editor_auth)
    assert published.status_code == 200, published.content
    public = api("get", f"{PAGES}{page_id}/").json()
    assert [item["value"]["question"] for item in public["faqs"]] == [
        "Where is my Customer Data stored?",
        "Who can see it?",
    ]
    assert public["faqs"][0]["anchor"] == f"faq-{first_id}"

    revisions = api("get", f"{PAGES}{page_id}/revisions/", **editor_auth).json()
    assert revisions["count"] == 2
    first_revision = api(
        "get", f"{PAGES}{page_id}/revisions/{revisions['items'][-1]['id']}/", **editor_auth
    ).json()
    assert [item["value"]["question"] for item in first_revision["content_object"]["faqs"]] == [
        "Where is my data?"
    ]


def test_an_empty_intro_stays_empty(api, editor_auth):
    page_id = create_draft(api, editor_auth, home("en")).json()["id"]
    assert FAQPage.objects.get(pk=page_id).intro == ""


def stop_syncing(translated_page):
    """What wagtail-localize's "convert to manual translation" does."""
    Translation.objects.filter(
        source__object_id=translated_page.translation_key,
        target_locale_id=translated_page.locale_id,
    ).update(enabled=False)


def test_a_synced_translation_is_not_written_behind_wagtail_localizes_back(
    api, faq_pair, zh_translator_auth
):
    _, chinese = faq_pair
    revisions_before = chinese.revisions.count()
    response = api("patch", f"{PAGES}{chinese.pk}/", {"hero_title": "改"}, **zh_translator_auth)
    assert response.status_code == 422
    assert "synced wagtail-localize translation" in response.json()["errors"][0]["msg"]
    assert chinese.revisions.count() == revisions_before


def test_the_synced_chinese_home_is_not_written_either(api, zh_translator_auth):
    chinese_home = home("zh-hans")
    response = api("patch", f"{PAGES}{chinese_home.pk}/", {"title": "改"}, **zh_translator_auth)
    assert response.status_code == 422
    assert home("zh-hans").get_latest_revision_as_object().title == chinese_home.title


def test_a_translator_updates_the_chinese_page(api, faq_pair, zh_translator_auth):
    _, chinese = faq_pair
    stop_syncing(chinese)
    items = api("get", f"{PAGES}{chinese.pk}/?rich_text_format=db_html").json()["faqs"]
    items[0]["value"]["question"] = "我的数据存储在哪里？"
    response = api(
        "patch",
        f"{PAGES}{chinese.pk}/",
        {"faqs": items, "meta": {"action": "publish"}},
        **zh_translator_auth,
    )
    assert response.status_code == 200, response.content
    page = api("get", f"{PAGES}{chinese.pk}/").json()
    assert page["faqs"][0]["value"]["question"] == "我的数据存储在哪里？"
    assert '<a href="/zh-hans/">the home page</a>' in page["faqs"][0]["value"]["answer"]


WRITES = {
    "update": lambda api, page, auth: api(
        "patch", f"{PAGES}{page.pk}/", {"hero_title": "Changed"}, **auth
    ),
    "publish": lambda api, page, auth: api("post", f"{PAGES}{page.pk}/actions/publish/", **auth),
    "create": lambda api, page, auth: create_draft(api, auth, page.get_parent()),
}


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize(
    "who, language, allowed",
    [
        ("editor", "en", True),
        ("editor", "zh-hans", True),
        ("zh_translator", "zh-hans", True),
        ("zh_translator", "en", False),
        ("reader", "en", False),
        ("reader", "zh-hans", False),
        ("anonymous", "en", False),
        ("anonymous", "zh-hans", False),
    ],
)
def test_permission_matrix(api, faq_pair, request, who, language, allowed, write):
    page = faq_pair[0] if language == "en" else faq_pair[1]
    stop_syncing(faq_pair[1])
    auth = {} if who == "anonymous" else request.getfixturevalue(f"{who}_auth")
    pages_before = Page.objects.count()
    revisions_before = page.revisions.count()

    response = WRITES[write](api, page, auth)

    if allowed:
        assert response.status_code in (200, 201), response.content
        return
    assert response.status_code == (401 if who == "anonymous" else 403), response.content
    assert response["Content-Type"] == "application/problem+json"
    assert Page.objects.count() == pages_before
    assert page.revisions.count() == revisions_before
    assert FAQPage.objects.get(pk=page.pk).hero_title == page.hero_title


@pytest.mark.parametrize("who", ["zh_translator", "reader"])
def test_tokens_read_no_draft_or_private_page_they_may_not_edit(
    api, request, hidden_pages, faq_pair, who
):
    auth = request.getfixturevalue(f"{who}_auth")
    editable = {page.pk for page in hidden_pages if page.locale.language_code == "zh-hans"}
    editable = editable if who == "zh_translator" else set()
    listing = api("get", f"{PAGES}?limit=100", **auth).json()["items"]
    assert {item["id"] for item in listing} & {page.pk for page in hidden_pages} == editable
    for page in hidden_pages:
        response = api("get", f"{PAGES}{page.pk}/?version=draft", **auth)
        assert response.status_code == (200 if page.pk in editable else 404)


def test_headless_preview_shows_the_draft_to_its_editor_only(api, faq_pair, editor_auth):
    english, _ = faq_pair
    api("patch", f"{PAGES}{english.pk}/", {"hero_title": "Unpublished change"}, **editor_auth)

    preview = api("get", f"{PAGES}{english.pk}/?version=draft", **editor_auth).json()
    assert preview["hero_title"] == "Unpublished change"
    assert preview["faqs"][0]["anchor"] == f"faq-{english.faqs[0].id}"
    for auth in ({}, editor_auth):
        live = api("get", f"{PAGES}{english.pk}/", **auth).json()
        assert live["hero_title"] == english.hero_title
    anonymous_draft = api("get", f"{PAGES}{english.pk}/?version=draft").json()
    assert anonymous_draft["hero_title"] == english.hero_title


def test_a_token_made_with_the_readme_command_works(api, django_user_model):
    django_user_model.objects.create_user("support-bot")
    output = StringIO()
    call_command("api_tokens", "create", "--user", "support-bot", "--name", "bot", stdout=output)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {output.getvalue().strip()}"}
    assert api("get", "/api/v3/whoami/", **auth).json()["user"]["username"] == "support-bot"


def test_an_empty_answer_is_refused_even_in_a_draft(api, faq_pair, editor_auth):
    english, _ = faq_pair
    response = api(
        "patch", f"{PAGES}{english.pk}/", {"faqs": [faq_item("Why?", answer="")]}, **editor_auth
    )
    assert response.status_code == 422
    assert english.revisions.count() == 1


def test_every_writable_field_is_written_and_others_are_refused(api, faq_pair, editor_auth):
    english, _ = faq_pair
    image = Image.objects.create(title="Data centre", file=get_test_image_file())
    changes = {
        "title": "Cloud FAQ",
        "slug": "cloud-faq",
        "seo_title": "Cloud FAQ | Trust Center",
        "search_description": "Where your data lives.",
        "hero_title": "Your data",
        "hero_image_id": image.pk,  # Wagtail writes a foreign key by its column name
        "hero_image_alt": "A data centre",
        "intro": "<p>Read <b>this</b>.</p>",
        "numbered": True,
        "faqs": [faq_item("Only question?")],
    }
    response = api("patch", f"{PAGES}{english.pk}/", changes, **editor_auth)
    assert response.status_code == 200, response.content
    draft = FAQPage.objects.get(pk=english.pk).get_latest_revision_as_object()
    written = {name: getattr(draft, name) for name in changes}
    written["intro"] = BeautifulSoup(draft.intro, "html.parser").p.decode_contents()
    written["faqs"] = [faq_item(item.value["question"]) for item in draft.faqs]
    assert written == {**changes, "intro": "Read <b>this</b>."}

    for field in ("hero_image", "hero_image_legacy_path", "heroTitle"):
        refused = api("patch", f"{PAGES}{english.pk}/", {field: "x"}, **editor_auth)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["type"] == "extra_forbidden"
        assert refused.json()["errors"][0]["loc"][-1] == field


def test_items_held_back_for_translation_are_not_deleted_by_a_round_trip(api, zh_translator_auth):
    english = make_faq_page(slug="partly", questions=3)
    untranslated = ChineseForEverything({"Question 2?": None})
    chinese = translate(english, strings=untranslated)
    stop_syncing(chinese)
    items = api("get", f"{PAGES}{chinese.pk}/?rich_text_format=db_html").json()["faqs"]
    assert len(items) == 2

    response = api("patch", f"{PAGES}{chinese.pk}/", {"faqs": items}, **zh_translator_auth)
    assert response.status_code == 422
    assert "holds back 1 question(s)" in response.json()["errors"][0]["msg"]
    assert len(FAQPage.objects.get(pk=chinese.pk).get_latest_revision_as_object().faqs) == 3


@pytest.mark.parametrize(
    "role, language, allowed",
    [
        (EDITORS, "en", True),
        (EDITORS, "zh-hans", False),
        (TRANSLATORS, "zh-hans", True),
        (TRANSLATORS, "en", False),
    ],
)
def test_the_sites_roles_hold_through_the_api(
    api, faq_pair, django_user_model, role, language, allowed
):
    """The site's own roles (trustcenter.roles), not only the ones these tests define."""
    page = faq_pair[0] if language == "en" else faq_pair[1]
    stop_syncing(faq_pair[1])
    auth = user_with_token(django_user_model, "someone", Group.objects.get(name=role))
    response = api("patch", f"{PAGES}{page.pk}/", {"hero_title": "Changed"}, **auth)
    assert response.status_code == (200 if allowed else 403), response.content
