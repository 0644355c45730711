"""This site's changes to wagtail-localize 1.14 (the FAQ app's review rule is in ``faq.upstream``).

- Seven admin views are this site's (``trustcenter.translation.views``): wagtail-localize builds
  its admin URLs from its view modules' attributes when the URLconf loads, after every app's
  ``ready()``, so replacing the attributes puts this site's views on its URLs (and names), in any
  ``INSTALLED_APPS`` order. The check also resolves each URL to the replacement.
- The segment refresh and the translation editor's data, in bulk (``bulk_segments``,
  ``bulk_editor``): the same rows and data in a fixed number of queries.
- Private code used as is: ``String._get_data_hash`` (how a string row is keyed) and
  ``TranslationContext.get_field_path`` (which saves the context it computes).
"""

from django.urls import resolve, reverse

from wagtail_localize.models import String, TranslationContext, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from faq.patching import Patch, PrivateUse
from trustcenter.translation import bulk_editor, bulk_segments, views


class AdminViewPatch(Patch):
    """A wagtail-localize admin view replaced where its URL pattern looks it up."""

    def __init__(self, target, name, replacement, *, url_name, url_kwargs, sha256):
        super().__init__(
            target,
            name,
            replacement,
            sha256=sha256,
            upstream=((target, name), ("wagtail_localize.wagtail_hooks", "register_admin_urls")),
        )
        self.url_name = f"wagtail_localize:{url_name}"
        self.url_kwargs = url_kwargs

    def has_taken(self):
        return super().has_taken() and self.replacement in self._views_at_url()

    def _views_at_url(self):
        # Wagtail wraps every admin view (``require_admin_access``), keeping ``__wrapped__``.
        view = resolve(reverse(self.url_name, kwargs=self.url_kwargs)).func
        while view is not None:
            yield from (view, getattr(view, "view_class", None))
            view = getattr(view, "__wrapped__", None)


PATCHES = [
    AdminViewPatch(
        edit_translation,
        "download_pofile",
        views.download_pofile,
        url_name="download_pofile",
        url_kwargs={"translation_id": 1},
        sha256="defb3216aab1d95602059aeb1df58808b00e51d5ee61fc4a2347e6734ead62ea",
    ),
    AdminViewPatch(
        edit_translation,
        "upload_pofile",
        views.upload_pofile,
        url_name="upload_pofile",
        url_kwargs={"translation_id": 1},
        sha256="26708efb49caf55a294cb21e510983ba7b148fa3e375643e886e4a9d8d6127ce",
    ),
    AdminViewPatch(
        edit_translation,
        "edit_string_translation",
        views.edit_string_translation,
        url_name="edit_string_translation",
        url_kwargs={"translation_id": 1, "string_segment_id": 1},
        sha256="b4e6d290a804cf565637c5e3963c97132c8abd9d00ce3ff6b18d6a478919bc2d",
    ),
    AdminViewPatch(
        edit_translation,
        "edit_override",
        views.edit_link_checked_override,
        url_name="edit_override",
        url_kwargs={"translation_id": 1, "overridable_segment_id": 1},
        sha256="376aa1436675b7b0fe40f0c8a08ecd59a5a7f8c78c8e51f3acff04d1c22e215e",
    ),
    AdminViewPatch(
        convert,
        "convert_to_alias",
        views.refuse_convert_to_alias,
        url_name="convert_to_alias",
        url_kwargs={"page_id": 1},
        sha256="4abd13a5724db7283395ce6c926a464a4428c8204cce9dd8db6a5890b6e4ca49",
    ),
    AdminViewPatch(
        submit_translations,
        "SubmitPageTranslationView",
        views.SubmitValidPageTranslationView,
        url_name="submit_page_translation",
        url_kwargs={"page_id": 1},
        sha256="ac9ad7715208211e2cee3236a3424806433b420ce8e54a2091933883ee3dba36",
    ),
    AdminViewPatch(
        update_translations,
        "UpdateTranslationsView",
        views.SyncPublishingOnlyWhatUserMayView,
        url_name="update_translations",
        url_kwargs={"translation_source_id": 1},
        sha256="c2315530ccbee2608c93b557198502fecc59791401738a83d5484fb329c5c0b1",
    ),
    Patch(
        TranslationSource,
        "refresh_segments",
        bulk_segments.refresh_segments_in_bulk,
        sha256="7ff37186de01fbb0fa54a9411ca9592d1b8533e3bbf0dfe001f958d897dd1d4d",
    ),
    Patch(
        edit_translation,
        "edit_translation",
        bulk_editor.edit_translation_in_bulk,
        sha256="a6457c5b67a42e9490f671078a6d3137a0e6307a7a670eeaf18461e0079cad6d",
    ),
    Patch(
        edit_translation,
        "StringTranslationSerializer",
        bulk_editor.StringTranslationSerializer,
        sha256="e45f46de587f0c727e47d72accca7990462a6ae9b0d3c70ba0bb5a4807bbf1e1",
    ),
    Patch(
        edit_translation,
        "SegmentOverrideSerializer",
        bulk_editor.SegmentOverrideSerializer,
        sha256="f2deef52c24716924d70c8c147bc4b0d6fdf4bb1a05b4b23893fa6311120d589",
    ),
    PrivateUse(
        String,
        "_get_data_hash",
        used_by=bulk_segments.__name__,
        sha256="44cb090c0ce2ce286c74ba1a5c580574f01a29bd75173c45c21fc8164e2dd275",
    ),
    PrivateUse(
        TranslationContext,
        "get_field_path",
        used_by=bulk_segments.__name__,
        sha256="5c47d6c5ed176675a6365bb0d0dd4bbb32602783f1804669e4670dec0d48d674",
        upstream=(
            (TranslationContext, "get_field_path"),
            (TranslationContext, "_get_path_id"),
        ),
    ),
]


def install():
    for patch in PATCHES:
        patch.install()
