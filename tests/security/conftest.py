from django.core.cache import cache

import pytest

from tests.api.conftest import api, editor_auth, faq_pair  # noqa: F401


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The shared caches as production runs them: on, and empty at the start."""
    settings.PAGE_CACHE_ENABLED = settings.PAGE_DATA_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()
