"""What editors and translators do in the admin, as the admin's own views receive it."""

from urllib.parse import urlencode

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from faq.models import FAQPage
from trustcenter.roles import EDITORS, translator_group

TRANSLATORS = translator_group("zh-hans")


def make_user(django_user_model, role, username=None):
    user = django_user_model.objects.create_user(username or role.split()[-1], password="pw")
    user.groups.add(Group.objects.get(name=role))
    return user


def editor(django_user_model):
    return make_user(django_user_model, EDITORS, "editor")


def translator(django_user_model):
    return make_user(django_user_model, TRANSLATORS, "translator")


def faq_item(question, answer_html, block_id=""):
    return {"id": block_id, "question": question, "answer": answer_html}


def items_of(page):
    """A page's items as ``faq_item`` dicts, to edit and post back."""
    return [
        faq_item(item.value["question"], item.value["answer"].source, item.id) for item in page.faqs
    ]


def edit_form_data(page, items=None, **fields):
    """The edit form of an FAQ page as the browser posts it; ``items`` replaces its items."""
    items = items_of(page) if items is None else items
    data = {
        "title": page.title,
        "slug": page.slug,
        "hero_title": page.hero_title,
        "hero_image_alt": page.hero_image_alt,
        "intro": page.intro,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
    }
    data.update(fields)
    data["intro"] = rich_text(data["intro"])
    streamfield = {
        str(index): {
            "type": "faq",
            "id": item["id"],
            "deleted": "",
            "order": str(index),
            "value": {"question": item["question"], "answer": rich_text(item["answer"])},
        }
        for index, item in enumerate(items)
    }
    streamfield["count"] = str(len(items))
    form = nested_form_data({"faqs": streamfield})
    form.update(data)
    form.update(
        {
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        }
    )
    if page.numbered:
        form["numbered"] = "on"
    return form


def publish_in_editor(client, page, items=None, **fields):
    """Edit and publish an (English) page through Wagtail's page editor."""
    data = edit_form_data(page, items, **fields)
    data["action-publish"] = "action-publish"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return FAQPage.objects.get(pk=page.pk)


def source_of(page):
    return TranslationSource.objects.get_for_instance(page)


def translation_into(page, language_code="zh-hans"):
    return Translation.objects.get(
        source=source_of(page), target_locale__language_code=language_code
    )


def start_translation(client, page, language_code="zh-hans"):
    """ "Translate this page" in the admin (wagtail-localize's submit view)."""
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language_code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
    return response


def sync(client, page, publish=False, machine_translate=False):
    """ "Sync translated pages" (wagtail-localize's update view)."""
    data = {}
    if publish:
        data["publish_translations"] = "on"
    if machine_translate:
        data["use_machine_translation"] = "on"
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("wagtail_localize:update_translations", args=[source_of(page).pk]), data
        )


def translate_in_editor(client, page, strings, language_code="zh-hans"):
    """Type translations into the translation editor: ``strings`` maps source text (or
    ``(context path, source text)``) to its translation. Returns the response statuses."""
    translation = translation_into(page, language_code)
    statuses = []
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        value = strings.get((segment.context.path, segment.string.data))
        if value is None:
            value = strings.get(segment.string.data)
        if value is None:
            continue
        response = client.put(
            reverse(
                "wagtail_localize:edit_string_translation",
                kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
            ),
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        statuses.append(response.status_code)
    return statuses


def publish_translation(client, translated_page):
    """The translation editor's "Publish" button."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[translated_page.pk]), {"action": "publish"}
        )
