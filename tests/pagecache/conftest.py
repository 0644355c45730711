from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The full-page cache, on and empty."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()
