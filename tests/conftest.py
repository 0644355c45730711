from django.core.cache import caches
from django.utils import translation

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from tests import admin_flows as flows
from tests.translations import logged_in


def pytest_collection_modifyitems(items):
    """Mark ``serial`` the tests that commit to the database (transactional and browser tests):
    their flush empties the database, which pytest-django keeps harmless by running them last,
    and which pytest-xdist, handing out modules as workers free up, would not. ``make test``
    runs the others in parallel, then these in one process."""
    for item in items:
        database = item.get_closest_marker("django_db")
        commits = database is not None and (
            database.kwargs.get("transaction") or database.kwargs.get("serialized_rollback")
        )
        if commits or {"transactional_db", "live_server"} & set(item.fixturenames):
            item.add_marker(pytest.mark.serial)


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
def editor_client(django_user_model):
    """An editor, logged in; their admin is in the site's language."""
    return logged_in(flows.editor(django_user_model))


@pytest.fixture
def translator_client(django_user_model):
    """A translator into Chinese, logged in; their admin is in the site's language."""
    return logged_in(flows.translator(django_user_model))


@pytest.fixture
def root_page():
    return Page.get_first_root_node()
