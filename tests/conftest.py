from django.core.cache import caches
from django.utils import translation

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test meets the caches production runs (the page cache is on), empty.

    A test that needs a layer off says so itself (``settings.PAGE_CACHE_ENABLED = False``).
    """
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def site_language(settings):
    """Each test starts in the site's language: outside a request, messages are in whatever
    language is active, and a request or rendering in Chinese may leave Chinese active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def soup():
    """Parse a response's HTML."""

    def parse(response):
        assert response.status_code == 200, response.status_code
        return BeautifulSoup(response.content, "html.parser")

    return parse


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def root_page():
    return Page.get_first_root_node()
