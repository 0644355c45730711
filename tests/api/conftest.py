"""Content, users and tokens for the API tests.

The roles are defined by Wagtail page permissions only (never by group name), as the
API's permission checks are: an editor may add, change and publish in both languages'
trees, a Chinese translator only in the Chinese tree, a reader nowhere.
"""

import json

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import APIToken, GroupPagePermission, PageViewRestriction

import pytest

from tests.factories import faq_items, home, make_faq_page, translate

ZH_STRINGS = {"Frequently Asked Questions": "常见问题", "Question 1?": "问题一？"}


class ChineseForEverything(dict):
    """Translations for ``translate()``: ZH_STRINGS, and a marked Chinese version of any
    other string (an untranslated FAQ item would be held back from the Chinese page)."""

    def get(self, source, default=None):
        return super().get(source, f"（中文）{source}")


FULLY_TRANSLATED = ChineseForEverything(ZH_STRINGS)


def linked_faq_items(count, link_target):
    """FAQ items whose answers link to ``link_target`` (a page) by id, as editors' links do."""
    return faq_items(
        count,
        answer_html=f'<p>See <a linktype="page" id="{link_target.pk}">the home page</a>.</p>',
    )


@pytest.fixture
def faq_pair():
    """A published English FAQ page (answers link to the home page) and its Chinese translation."""
    english = make_faq_page(questions=linked_faq_items(3, home("en")))
    chinese = translate(english, strings=FULLY_TRANSLATED)
    return english, chinese


@pytest.fixture
def hidden_pages():
    """Pages an anonymous reader must never see, in each language: a draft, a page that
    was published and then unpublished, and a private page."""
    pages = []
    for language_code in ("en", "zh-hans"):
        parent = home(language_code)
        draft = make_faq_page(parent, slug=f"draft-{language_code}", title="Draft", publish=False)
        unpublished = make_faq_page(parent, slug=f"withdrawn-{language_code}", title="Withdrawn")
        unpublished.unpublish()
        private = make_faq_page(parent, slug=f"private-{language_code}", title="Private")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        pages += [draft, unpublished, private]
    return pages


def role(name, *pages, permissions=("add", "change", "publish")):
    group = Group.objects.create(name=name)
    for page in pages:
        for permission_type in permissions:
            GroupPagePermission.objects.create(
                group=group, page=page, permission_type=permission_type
            )
    return group


def user_with_token(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, password="password")
    if group is not None:
        user.groups.add(group)
    _, token = APIToken.create_token(user=user, name=f"{username}'s token")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def editor_auth(django_user_model):
    return user_with_token(
        django_user_model, "editor", role("API test editors", home("en"), home("zh-hans"))
    )


@pytest.fixture
def zh_translator_auth(django_user_model):
    return user_with_token(
        django_user_model, "translator", role("API test Chinese translators", home("zh-hans"))
    )


@pytest.fixture
def reader_auth(django_user_model):
    return user_with_token(django_user_model, "reader")


@pytest.fixture
def api():
    """JSON requests to the API: ``api("post", url, data, **headers)``.

    CSRF is checked, as for a real client: a bearer token needs no CSRF token.
    """
    client = Client(enforce_csrf_checks=True)

    def request(method, url, data=None, **headers):
        if data is not None:
            headers.update(data=json.dumps(data), content_type="application/json")
        return getattr(client, method)(url, **headers)

    return request
