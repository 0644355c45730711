from django.core.cache import cache
from django.test import Client

import pytest


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The full-page and route caches, on and empty."""
    settings.PAGE_CACHE_ENABLED = settings.PAGE_DATA_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(admin_user):
    """A logged-in editor's browser, next to the anonymous visitor's ``client``."""
    browser = Client()
    browser.force_login(admin_user)
    return browser
