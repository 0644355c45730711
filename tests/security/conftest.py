from tests.api.conftest import api, editor_auth, faq_pair  # noqa: F401
from tests.pagecache.conftest import (  # noqa: F401  (page_cache is autouse: the caches on, empty)
    own_redis,
    page_cache,
    redis_cache,
)
