import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env_bool

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

# TLS is terminated at the load balancer or CDN, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail allows its own preview iframes (xframe_options_sameorigin_override).
X_FRAME_OPTIONS = "DENY"

# One cache for every worker and app server: Redis
# when REDIS_URL is set, else Django's database cache (`migrate` creates its table).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "trustcenter.pagecache.redis_cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "trustcenter"),
            # A cache that stalls must not stall pages: wait briefly, then serve uncached and
            # leave Redis alone for RETRY_AFTER seconds (trustcenter/pagecache/redis_cache.py).
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.25)),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.25)),
                "retry_after": float(os.environ.get("REDIS_RETRY_AFTER", 5)),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }

# Static files straight from the app servers, compressed and with far-future cache headers.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    # On one machine, media are served by the app (trustcenter/media.py), cached for a year:
    # every upload gets a name never used before.
    "default": {"BACKEND": "trustcenter.media.UniquelyNamedStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on Azure Blob Storage when an account is configured, so every app server sees them.
if os.environ.get("AZURE_STORAGE_CONNECTION_STRING") or os.environ.get("AZURE_ACCOUNT_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.azure_storage.AzureStorage",
        "OPTIONS": {
            "connection_string": os.environ.get("AZURE_STORAGE_CONNECTION_STRING"),
            "account_name": os.environ.get("AZURE_ACCOUNT_NAME"),
            "account_key": os.environ.get("AZURE_ACCOUNT_KEY"),
            "azure_container": os.environ.get("AZURE_CONTAINER", "media"),
            "custom_domain": os.environ.get("AZURE_CUSTOM_DOMAIN"),
            "overwrite_files": False,
        },
    }
