import os

from trustcenter.translation.machine import machine_translator_from_env

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Development only: a fixed key so sessions survive restarts; production requires one.
SECRET_KEY = SECRET_KEY or "django-insecure-development-key-do-not-use-in-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# wagtail-localize's dummy translator unless MACHINE_TRANSLATOR says otherwise.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ, default="dummy")

# Webhooks are sent at once, in the request: `make run` needs no task worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["webhooks"],
    },
}
