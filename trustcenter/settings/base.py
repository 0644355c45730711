"""Settings shared by every environment.

Everything secret or site-specific comes from the environment (12-factor); the
defaults here are safe for a developer's machine and overridden in production.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers
from csp.constants import NONE, SELF, UNSAFE_INLINE

from faq.early_script import CSP_SOURCE as EARLY_SCRIPT_CSP_SOURCE
from trustcenter.pagecache.environment import backends_from_environment
from trustcenter.translation.machine import machine_translator_from_env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "trustcenter",
    # Above the wagtail apps: its v3 API schemas must be registered before v3's routers exist.
    "faq",
    "trustcenter.upstream",  # after faq: its patches of the v3 API import v3's routers
    "trustcenter.legacy",
    "trustcenter.richtext_batch",
    "trustcenter.pagecache",
    "trustcenter.static_export",
    "trustcenter.signin",
    "trustcenter.navigation",
    "trustcenter.webhooks",
    "trustcenter.glossary",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # serves the v3 API docs' scripts from our static files, not a CDN
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_tasks",
    "django_tasks_db",  # the database task backend's queue (production's webhooks)
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache (a stored answer serves every origin; Vary: Origin is added to each
    # reply) and the rate limits (a front end on another origin can read a 429's Retry-After).
    "corsheaders.middleware.CorsMiddleware",
    # Outside the page cache, so a replayed page gets today's policy.
    "trustcenter.content_security.PathCSPMiddleware",
    "trustcenter.api.rate_limits.APIRateLimitMiddleware",  # cache hits count too
    "trustcenter.api.conditional.ConditionalPublicReadMiddleware",  # 304s for cache hits too
    "trustcenter.pagecache.middleware.FullPageCacheMiddleware",
    # Inside the page cache: the validators are stored with the answer.
    "trustcenter.api.conditional.PublicReadValidatorsMiddleware",
    "trustcenter.richtext_batch.middleware.PageLinkScopeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "trustcenter.middleware.SiteLocaleMiddleware",
    "trustcenter.api.middleware.APIErrorMiddleware",
    "trustcenter.signin.tokens.APITokenValidityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "trustcenter.pagecache.routing.RouteCacheMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "trustcenter.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "trustcenter.wsgi.application"

# A new user needs no database server: SQLite in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Failed sign-ins (admin passwords and page passwords; README "Sign-in") are counted in the
# database by django-axes, per account and per address, so a cache outage cannot lift or
# impose a lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGNIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "trustcenter.signin.throttle.locked_out"
AXES_CLIENT_IP_CALLABLE = "trustcenter.signin.throttle.client_address"
# How many reverse proxies (each adding to X-Forwarded-For) stand before the site.
SIGNIN_PROXY_COUNT = int(os.environ.get("SIGNIN_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages (see trustcenter/languages.py): English is the source, Simplified Chinese its
# translation. The group translating into each language; the default is "<language> translators".
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
]
TRANSLATOR_GROUPS = {"zh-hans": "Chinese translators"}
# Publishing a changed source page syncs its translations at once (otherwise the editor is
# offered the sync); either way the translators are emailed (translation/notifications.py).
TRANSLATION_SYNC_ON_PUBLISH = env_bool("TRANSLATION_SYNC_ON_PUBLISH", False)
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The page editor of a long FAQ page posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Trust Center")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "trustcenter.rich_text_editor.SafeDraftailRichTextArea"}
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# Translation (README "Translating"): machine translation only pre-fills, off unless configured;
# a new translation starts as a draft, published by a translator.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The status report counts translated strings lacking a glossary term (trustcenter.glossary).
FAQ_TERMINOLOGY_CHECK = "trustcenter.glossary.terminology.checker"

# The APIs answer with HTML rich text, links expanded (the page's own language: faq.api).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
# A v3 API token works this many days from its creation (README "Sign-in").
API_TOKEN_LIFETIME_DAYS = int(os.environ.get("API_TOKEN_LIFETIME_DAYS", "90"))

# Preview tokens (README "Headless use"): how long one lets a front end read a page's draft.
PREVIEW_TOKEN_MINUTES = int(os.environ.get("PREVIEW_TOKEN_MINUTES", "15"))

# Background tasks (Wagtail 8's task framework, django-tasks). Wagtail's own tasks run at once;
# webhook deliveries have their own backend: the database queue in production (run
# `manage.py db_worker`), at once in development and tests (trustcenter/settings/{dev,test}.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["webhooks"]},
}
# Publish webhooks (README "Headless use"): each attempt's timeout, how many attempts a
# delivery gets, and the wait before its first retry (doubled before each next one, up to an hour).
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "5"))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "8"))
WEBHOOK_RETRY_SECONDS = int(os.environ.get("WEBHOOK_RETRY_SECONDS", "30"))

# Browser front ends on other origins may call the APIs (README "Headless use", CORS): the
# origins the environment names, none by default; never with the browser's cookies.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = (*default_headers, "if-match", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")

# Per-client API request limits (README "Headless use"; trustcenter/api/rate_limits.py); an
# empty variable turns one off. Counted in the default cache; a cache that fails lifts them.
API_RATE_LIMIT_ANON = os.environ.get("API_RATE_LIMIT_ANON", "300/m") or None
API_RATE_LIMIT_TOKEN = os.environ.get("API_RATE_LIMIT_TOKEN", "1200/m") or None
API_RATE_LIMIT_BAD_TOKEN = os.environ.get("API_RATE_LIMIT_BAD_TOKEN", "10/m") or None
# Only django-ratelimit's counter is used (its app is not installed: its check would refuse the
# database cache, whose non-atomic count is close enough here).
RATELIMIT_FAIL_OPEN = True

# The FAQ app lets the site say where FAQ pages may live.
FAQ_PAGE_PARENT_TYPES = ["trustcenter.TrustCenterHomePage"]

# Full-page cache for anonymous visitors (README: "Caching and CDN").
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_DATA_CACHE_ENABLED = env_bool("PAGE_DATA_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", 60 * 60 * 24))
PAGE_CACHE_NEVER_CACHED_PATHS = ["/admin/", "/documents/"]
# CDN purge on publish (Cloudflare, Azure CDN / Front Door): off unless the environment sets it.
WAGTAILFRONTENDCACHE = backends_from_environment(os.environ)
# How long a CDN may keep a page: only as long as publishing purges it.
PAGE_CACHE_CDN_MAX_AGE = int(
    os.environ.get("PAGE_CACHE_CDN_MAX_AGE", 3600 if WAGTAILFRONTENDCACHE else 0)
)
# Purged with every page change: site-wide paths, and per-page ones ({id} is the page id).
FRONTEND_CACHE_SITE_PATHS = ["/sitemap.xml"]
FRONTEND_CACHE_PAGE_PATHS = []


def content_security_policies(image_origins, admin_fetch_origins):
    """The site's and the admin's Content-Security-Policy (README, "Security")."""
    shared = {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
    site = {
        **shared,
        # The one inline script, by its hash (faq.early_script).
        "script-src": [SELF, EARLY_SCRIPT_CSP_SOURCE],
        "style-src": [SELF],
        "img-src": [SELF, *image_origins],
        "frame-ancestors": [NONE],
    }
    # Wagtail's and wagtail-localize's admin templates carry inline scripts and styles, and
    # image uploads preview from data: and blob: URLs; previews are frames of the admin itself.
    admin = {
        **shared,
        "script-src": [SELF, UNSAFE_INLINE],
        "script-src-attr": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *image_origins],
        "connect-src": [SELF, *admin_fetch_origins],
        "frame-ancestors": [SELF],
    }
    # The page a password is typed into has no inline script or style: none may run there.
    admin_sign_in = {**admin, "script-src": [SELF], "style-src": [SELF]}
    # Swagger UI's stylesheet draws its icons from data: URLs.
    api_docs = {**site, "img-src": [*site["img-src"], "data:"]}
    return (
        {"DIRECTIVES": site},
        {"DIRECTIVES": admin},
        {"DIRECTIVES": admin_sign_in},
        {"DIRECTIVES": api_docs},
    )


# Origins images are served from besides this site's own (a media storage or CDN elsewhere).
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS")
# Wagtail's dashboard asks releases.wagtail.org whether a newer Wagtail is out (superusers only).
WAGTAIL_ENABLE_UPDATE_CHECK = env_bool("WAGTAIL_ENABLE_UPDATE_CHECK", True)
(
    CONTENT_SECURITY_POLICY,
    ADMIN_CONTENT_SECURITY_POLICY,
    ADMIN_SIGN_IN_CONTENT_SECURITY_POLICY,
    API_DOCS_CONTENT_SECURITY_POLICY,
) = content_security_policies(
    image_origins=MEDIA_ORIGINS,
    admin_fetch_origins=["https://releases.wagtail.org"] if WAGTAIL_ENABLE_UPDATE_CHECK else [],
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
