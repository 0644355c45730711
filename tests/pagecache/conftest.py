from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The full-page and route caches, on and empty."""
    settings.PAGE_CACHE_ENABLED = settings.PAGE_DATA_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()
