from tests.api.conftest import api, editor_auth, faq_pair, zh_translator_auth  # noqa: F401
from tests.pagecache.conftest import own_redis, redis_cache  # noqa: F401
