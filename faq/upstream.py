"""The FAQ app's changes to wagtail-localize (see ``faq.patching`` and the README's table).

Reviewed translations only (``FAQ_REVIEWED_TRANSLATIONS_ONLY``, on by default): a machine
translation (``StringTranslation`` of type "machine") pre-fills the translation editor, and is a
suggestion until a translator saves it there (stored as "manual") or uploads it in a PO file.
Until then it counts as untranslated wherever wagtail-localize picks what to publish: all of it
goes through ``StringSegmentQuerySet.annotate_translation`` (``save_target``, the editor's
"missing translations" warning, and this app's hold-back of untranslated items). wagtail-localize
has no setting or hook for it.

Links kept (always on): wagtail-localize checks each stored translation's link ids when it is
saved (``StringTranslation.save`` sets ``has_error``, which keeps it off the page) and again to
show the editor its error (``get_error``), but only refuses ids the source doesn't have. Both
look ``validate_translation_links`` up in ``wagtail_localize.models``, so putting
``faq.translation.markup.check_links`` there also flags a translation that drops a link,
whatever wrote it (the editor, a PO file, a machine translator, a sync), with the reason in the
translator's language.

It also looks up stored strings by ``String._get_data_hash`` (private: the key wagtail-localize
stores a string under), in ``faq.translation.publishing``.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery

from wagtail_localize import models as localize_models
from wagtail_localize import strings as localize_strings
from wagtail_localize.models import String, StringSegmentQuerySet, StringTranslation, pk

from .patching import Patch, PrivateUse
from .translation.markup import check_links


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


LINKS_KEPT = Patch(
    localize_models,
    "validate_translation_links",
    check_links,
    sha256="33798063b1aac56e4b5a4d30600fa66ee917ed747327262b3920d8a6dac1cd34",
    upstream=(
        (localize_strings, "validate_translation_links"),
        (StringTranslation, "save"),
        (StringTranslation, "get_error"),
    ),
)


STRING_DATA_HASH = PrivateUse(
    String,
    "_get_data_hash",
    used_by="faq.translation.publishing",
    sha256="44cb090c0ce2ce286c74ba1a5c580574f01a29bd75173c45c21fc8164e2dd275",
)


def install():
    STRING_DATA_HASH.install()
    LINKS_KEPT.install()
    if getattr(settings, "FAQ_REVIEWED_TRANSLATIONS_ONLY", True):
        REVIEWED_TRANSLATIONS_ONLY.install()
