"""The FAQ app's one change to wagtail-localize (see ``faq.patching`` and the README's table).

Reviewed translations only (``FAQ_REVIEWED_TRANSLATIONS_ONLY``, on by default): a machine
translation (``StringTranslation`` of type "machine") pre-fills the translation editor, and is a
suggestion until a translator saves it there (stored as "manual") or uploads it in a PO file.
Until then it counts as untranslated wherever wagtail-localize picks what to publish: all of it
goes through ``StringSegmentQuerySet.annotate_translation`` (``save_target``, the editor's
"missing translations" warning, and this app's hold-back of untranslated items). wagtail-localize
has no setting or hook for it.

It also looks up stored strings by ``String._get_data_hash`` (private: the key wagtail-localize
stores a string under), in ``faq.translation.publishing``.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery

from wagtail_localize.models import String, StringSegmentQuerySet, StringTranslation, pk

from .patching import Patch, PrivateUse


def annotate_reviewed_translation(self, locale, include_errors=False):
    """``annotate_translation`` (the same body) that ignores unreviewed machine translations."""
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        locale_id=pk(locale),
        context_id=OuterRef("context_id"),
    ).exclude(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    if not include_errors:
        translations = translations.exclude(has_error=True)
    return self.annotate(translation=Subquery(translations.values("data")))


REVIEWED_TRANSLATIONS_ONLY = Patch(
    StringSegmentQuerySet,
    "annotate_translation",
    annotate_reviewed_translation,
    sha256="f4a7af7fd3448f310346a8790449e823549c39847a5c9158ac4300343dde3332",
)


STRING_DATA_HASH = PrivateUse(
    String,
    "_get_data_hash",
    used_by="faq.translation.publishing",
    sha256="44cb090c0ce2ce286c74ba1a5c580574f01a29bd75173c45c21fc8164e2dd275",
)


def install():
    STRING_DATA_HASH.install()
    if getattr(settings, "FAQ_REVIEWED_TRANSLATIONS_ONLY", True):
        REVIEWED_TRANSLATIONS_ONLY.install()
