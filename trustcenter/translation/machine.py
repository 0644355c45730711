"""Which machine translator pre-fills translations, from the environment (off by default).

``MACHINE_TRANSLATOR`` is ``deepl`` (needs ``DEEPL_AUTH_KEY``), ``google`` (needs
``GOOGLE_CLOUD_PROJECT_ID`` and ``GOOGLE_APPLICATION_CREDENTIALS``, the service account key
file, and the ``google`` extra installed), ``dummy`` (wagtail-localize's word-reversing
translator, for development and tests) or empty (off). DeepL gets the glossary
(``trustcenter.glossary.deepl``). Its suggestions are never published
unreviewed (see ``faq.upstream``).
"""

from django.core.exceptions import ImproperlyConfigured

TRANSLATORS = "wagtail_localize.machine_translators"


def _required(environ, name, translator):
    value = environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={translator} needs {name} to be set.")
    return value


def machine_translator_from_env(environ, default=""):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting for ``environ``, or None (off)."""
    name = (environ.get("MACHINE_TRANSLATOR") or default).strip().lower()
    if not name:
        return None
    if name == "dummy":
        return {"CLASS": f"{TRANSLATORS}.dummy.DummyTranslator"}
    if name == "deepl":
        return {
            "CLASS": "trustcenter.glossary.deepl.GlossaryDeepLTranslator",
            "OPTIONS": {"AUTH_KEY": _required(environ, "DEEPL_AUTH_KEY", name)},
        }
    if name == "google":
        return {
            "CLASS": f"{TRANSLATORS}.google.GoogleCloudTranslator",
            "OPTIONS": {
                "PROJECT_ID": _required(environ, "GOOGLE_CLOUD_PROJECT_ID", name),
                "CREDENTIALS_PATH": _required(environ, "GOOGLE_APPLICATION_CREDENTIALS", name),
            },
        }
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR={name!r} is not known: use deepl, google, dummy or leave it empty."
    )
