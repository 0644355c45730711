from django.test import Client, TestCase

import pytest

from tests.factories import make_faq_page, translate
from trustcenter.navigation.models import HeaderFooter
from trustcenter.navigation.setup import ensure_legacy_header_footer


@pytest.fixture
def legacy_header_footer():
    """The legacy header and footer in both languages, as ``setup_demo`` fills them in."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert ensure_legacy_header_footer() == ["en", "zh-hans"]
    return HeaderFooter.objects.get(locale__language_code="en")


@pytest.fixture
def faq_pages(legacy_header_footer):
    """The English FAQ page at /en/faq/ and its Chinese translation at /zh-hans/faq/."""
    english = make_faq_page()
    return english, translate(english)


@pytest.fixture
def editor(admin_user):
    """A logged-in editor's browser, next to the anonymous visitor's ``client``."""
    browser = Client()
    browser.force_login(admin_user)
    return browser
