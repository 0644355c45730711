from django.urls import path

from wagtail import hooks

from .admin_edit import NoOverwritePageViewSet
from .translation_policy import (
    SubmitValidPageTranslationView,
    SyncPublishingOnlyWhatUserMayView,
    edit_link_checked_override,
    edit_string_translation,
    hide_convert_to_alias,
    refuse_convert_to_alias,
    upload_pofile,
)

hooks.register("construct_page_action_menu", hide_convert_to_alias)


@hooks.register("register_admin_urls")
def replace_wagtail_localize_views():
    """Same URLs (and so the same URL names' targets) as wagtail-localize's views: this app's
    hooks load first, so these patterns match first. See ``translation_policy``."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile,
            name="trustcenter_upload_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            edit_string_translation,
            name="trustcenter_edit_string_translation",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitValidPageTranslationView.as_view(),
            name="trustcenter_submit_page_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            edit_link_checked_override,
            name="trustcenter_edit_override",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            refuse_convert_to_alias,
            name="trustcenter_convert_to_alias",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncPublishingOnlyWhatUserMayView.as_view(),
            name="trustcenter_update_translations",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Registered after Wagtail's own (order -1) for Page, so every page type uses it.
    return NoOverwritePageViewSet()
