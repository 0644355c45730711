"""What a FAQ page may hold is checked on every way in: bad content is a clear 4xx naming
the item, and nothing is written (issue 11.5). The rules are ``faq.validation``'s."""

from wagtail_localize.models import TranslationSource

import pytest

from faq.models import FAQPage
from tests.admin_flows import edit_form_data, faq_item, items_of, start_translation, sync
from tests.factories import home, make_faq_page, translate

pytestmark = pytest.mark.django_db

PAGES = "/api/v3/pages/"
DEEP = "<b>" * 5000


def api_item(question="Where is my data?", answer="<p>In China.</p>", item_id=None):
    item = {"type": "faq", "value": {"question": question, "answer": answer}}
    if item_id is not None:
        item["id"] = item_id
    return item


def patch(api, auth, page, action=None, **fields):
    meta = {"type": "faq.FAQPage", **({"action": action} if action else {})}
    return api("patch", f"{PAGES}{page.pk}/", {"meta": meta, **fields}, **auth)


def messages_of(response):
    return " ".join(error["msg"] for error in response.json()["errors"])


def stored(page):
    """The page's latest content (a draft included), as the editor would open it."""
    return FAQPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def same_content(page):
    latest = stored(page)
    return [item.value["question"] for item in latest.faqs] == [
        item.value["question"] for item in page.faqs
    ] and latest.intro == page.intro


@pytest.mark.parametrize("action", [None, "publish"])
@pytest.mark.parametrize(
    "fields",
    [
        {"faqs": [api_item(answer=DEEP)]},
        {"faqs": [api_item(answer={"format": "db_markdown", "content": DEEP})]},
        {"intro": DEEP},
    ],
    ids=["answer", "markdown answer", "intro"],
)
def test_deeply_nested_rich_text_is_a_422_naming_the_field(api, editor_auth, action, fields):
    page = make_faq_page()
    response = patch(api, editor_auth, page, action, **fields)
    assert response.status_code == 422, response.content
    assert "nested more than 32 elements deep" in messages_of(response)
    assert next(iter(fields)) in str(response.json()["errors"][0]["loc"])
    assert same_content(page)


def test_creating_a_page_with_deeply_nested_answer_is_a_422(api, editor_auth):
    body = {
        "meta": {"type": "faq.FAQPage", "parent_id": home("en").pk},
        "title": "Deep",
        "faqs": [api_item(answer=DEEP)],
    }
    response = api("post", PAGES, body, **editor_auth)
    assert response.status_code == 422
    assert not FAQPage.objects.filter(title="Deep").exists()


def test_ordinary_nesting_is_accepted(api, editor_auth):
    answer = "<ul><li><b><i>Encrypted</i></b> at rest.</li></ul>"
    response = patch(api, editor_auth, make_faq_page(), "publish", faqs=[api_item(answer=answer)])
    assert response.status_code == 200, response.content
    assert "<i>Encrypted</i>" in response.json()["faqs"][0]["value"]["answer"]


@pytest.mark.parametrize("action", [None, "publish"])
@pytest.mark.parametrize("item_id", ["x" * 65, "x" * 10_000, "a.b", "a b", "", "é"])
def test_an_item_id_that_is_not_allowed_is_a_422(api, editor_auth, action, item_id):
    page = make_faq_page()
    response = patch(api, editor_auth, page, action, faqs=[api_item(item_id=item_id)])
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["loc"][-1] == "id"
    assert same_content(page)


def test_the_longest_allowed_item_id_publishes_and_is_its_anchor(api, editor_auth, client):
    item_id = "Item_1-" + "x" * 57
    response = patch(api, editor_auth, make_faq_page(), "publish", faqs=[api_item(item_id=item_id)])
    assert response.status_code == 200, response.content
    assert f'id="faq-{item_id}"' in client.get("/en/faq/").content.decode()


@pytest.mark.parametrize("action", [None, "publish"])
def test_a_repeated_item_id_is_a_422_naming_both_items(api, editor_auth, action):
    page = make_faq_page()
    items = [api_item(item_id="same"), api_item("Second?", item_id="same")]
    response = patch(api, editor_auth, page, action, faqs=items)
    assert response.status_code == 422, response.content
    assert "Item 2: id “same” is already item 1's" in messages_of(response)
    assert same_content(page)


@pytest.mark.parametrize("answer", ["<p></p>", " ", "<p> &nbsp; </p>", {"content": "<p></p>"}])
def test_publishing_an_empty_answer_is_a_422_naming_the_item(api, editor_auth, answer):
    page = make_faq_page()
    response = patch(
        api, editor_auth, page, "publish", faqs=[api_item(), api_item("Second?", answer=answer)]
    )
    assert response.status_code == 422, response.content
    assert "Item 2: the answer is empty" in messages_of(response)
    assert same_content(page)


def test_a_draft_with_an_empty_answer_cannot_be_published_later(api, editor_auth, client):
    page = make_faq_page(publish=False)
    draft = patch(api, editor_auth, page, faqs=[api_item(answer="<p></p>")])
    assert draft.status_code == 200, draft.content  # a draft may be unfinished, as in the admin
    response = api("post", f"{PAGES}{page.pk}/actions/publish/", **editor_auth)
    assert response.status_code == 422, response.content
    assert "Item 1: the answer is empty" in response.content.decode()
    assert not FAQPage.objects.get(pk=page.pk).live
    assert client.get("/en/faq/").status_code == 404


def test_publishing_a_repeated_question_is_a_422_a_draft_may_hold_it(api, editor_auth, client):
    page = make_faq_page()
    items = [api_item("Where is my data?"), api_item(" where is my  DATA? ")]
    response = patch(api, editor_auth, page, "publish", faqs=items)
    assert response.status_code == 422, response.content
    assert "Item 2: the question is item 1's again" in messages_of(response)
    assert same_content(page)
    assert patch(api, editor_auth, page, faqs=items).status_code == 200
    response = api("post", f"{PAGES}{page.pk}/actions/publish/", **editor_auth)
    assert response.status_code == 422, response.content
    assert client.get("/en/faq/").content.decode().count("where is my") == 0


# -- the admin --------------------------------------------------------------------------


def test_the_editor_refuses_a_repeated_item_id(admin_client):
    page = make_faq_page()
    items = [faq_item("First?", "<p>One.</p>", "same"), faq_item("Second?", "<p>Two.</p>", "same")]
    data = edit_form_data(page, items, **{"action-publish": "action-publish"})
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "Item 2: id \\u201csame\\u201d is already item 1" in response.content.decode()
    assert same_content(page)


def test_the_editor_refuses_an_item_id_that_is_not_allowed(admin_client):
    page = make_faq_page()
    data = edit_form_data(page, [faq_item("First?", "<p>One.</p>", "x" * 65)])
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "is not 1 to 64 letters, digits, hyphens or underscores" in response.content.decode()
    assert same_content(page)


def test_a_deeply_nested_answer_in_the_editor_is_stored_flat(admin_client, client):
    page = make_faq_page()
    answer = "<p>" + "<b>" * 5000 + "bold" + "</b>" * 5000 + "</p>"
    data = edit_form_data(page, [faq_item("Deep?", answer)])
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert "<b>bold</b>" in client.get("/en/faq/").content.decode()


# -- pages stored before the rules ------------------------------------------------------


def page_with_repeated_ids():
    """A page as it could be stored before item ids were checked: the same id twice."""
    page = make_faq_page()
    page.faqs = [
        {"type": "faq", "id": "same", "value": {"question": "First?", "answer": "<p>1</p>"}},
        {"type": "faq", "id": "same", "value": {"question": "Second?", "answer": "<p>2</p>"}},
        {"type": "faq", "id": "a.b", "value": {"question": "Third?", "answer": "<p>3</p>"}},
    ]
    page.save_revision(clean=False)
    FAQPage.objects.filter(pk=page.pk).update(faqs=page.faqs)  # published, unchecked
    return FAQPage.objects.get(pk=page.pk)


def test_the_editor_gives_repeated_and_bad_ids_new_ones_on_saving(admin_client):
    page = page_with_repeated_ids()
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert edit.count("&quot;same&quot;") == 1 and "a.b" not in edit
    # What the editor posts back: the ids the form had, none for the two without.
    items = items_of(page)
    items[1]["id"] = items[2]["id"] = ""
    data = edit_form_data(page, items, **{"action-publish": "action-publish"})
    assert admin_client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    ids = [item.id for item in FAQPage.objects.get(pk=page.pk).faqs]
    assert ids[0] == "same" and len(set(ids)) == 3


def test_translating_a_page_with_bad_ids_says_why_and_creates_nothing(admin_client):
    page = page_with_repeated_ids()
    response = start_translation(admin_client, page)
    assert response.status_code == 200
    content = response.content.decode()
    assert "can&#x27;t be translated until it is fixed in the page editor" in content
    assert "Item 2: id “same” is already item 1" in content
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()


def test_syncing_a_page_given_bad_ids_says_why_and_changes_nothing(admin_client):
    page = make_faq_page()
    chinese = translate(page)
    page.faqs = [
        {"type": "faq", "id": "same", "value": {"question": "First?", "answer": "<p>1</p>"}},
        {"type": "faq", "id": "same", "value": {"question": "Second?", "answer": "<p>2</p>"}},
    ]
    page.save_revision(clean=False)
    FAQPage.objects.filter(pk=page.pk).update(faqs=page.faqs)
    response = sync(admin_client, page, publish=True)
    assert response.status_code == 200
    assert "Item 2: id “same” is already item 1" in response.content.decode()
    assert [item.id for item in FAQPage.objects.get(pk=chinese.pk).faqs] == [
        item.id for item in chinese.faqs
    ]


def test_once_fixed_in_the_editor_the_page_translates(admin_client, client):
    page = page_with_repeated_ids()
    items = items_of(page)
    items[1]["id"] = items[2]["id"] = ""  # as the editor's form has them (see above)
    data = edit_form_data(page, items, **{"action-publish": "action-publish"})
    assert admin_client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    assert start_translation(admin_client, page).status_code == 302
    assert FAQPage.objects.filter(locale__language_code="zh-hans", slug="faq").exists()
