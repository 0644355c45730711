"""The site's terminology check, for the status report: the plugin keeps no glossary itself.

``FAQ_TERMINOLOGY_CHECK`` (optional) is the dotted path of a function taking a ``Locale`` and
returning None (no glossary for it) or a function ``(source string, translation) -> list`` of
the terms the translation leaves out.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def terminology_checker(locale):
    """The site's check for ``locale``, or None."""
    path = getattr(settings, "FAQ_TERMINOLOGY_CHECK", None)
    return import_string(path)(locale) if path else None
