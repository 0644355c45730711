from django.contrib import messages
from django.urls import include, path
from django.utils.translation import ngettext

from wagtail import hooks

from .admin_edit import NoOverwritePageViewSet
from .api.preview_views import PreviewTokenMenuItem, preview_token
from .translation import memory, memory_views
from .translation.admin_language import relabel_translations_report
from .translation.notifications import offer_sync
from .translation.rules import hide_convert_to_alias
from .translation.views import refuse_publishing_what_the_translation_cannot_hold

hooks.register("construct_page_action_menu", hide_convert_to_alias)
hooks.register("construct_reports_menu", relabel_translations_report)
hooks.register("after_publish_page", offer_sync)
# Before wagtail-localize's own hooks, which answer the translation editor's requests.
hooks.register("before_edit_page", refuse_publishing_what_the_translation_cannot_hold, order=-1)
hooks.register("before_edit_snippet", refuse_publishing_what_the_translation_cannot_hold, order=-1)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Registered after Wagtail's own (order -1) for Page, so every page type uses it.
    return NoOverwritePageViewSet()


@hooks.register("register_admin_urls")
def register_preview_token_url():
    return [
        path("pages/<int:page_id>/preview-token/", preview_token, name="trustcenter_preview_token")
    ]


@hooks.register("register_page_header_buttons")
def preview_token_button(page, user, view_name, next_url=None):
    yield PreviewTokenMenuItem(page=page, priority=66)


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def prefill_from_translation_memory(request, instance):
    """As the translation editor opens, pre-fill (unreviewed) what the memory knows."""
    if request.method != "GET":
        return
    translation = memory.translation_of(instance)
    if translation is None:
        return
    count = memory.prefill(translation)
    if count:
        messages.info(
            request,
            ngettext(
                "%(count)d translation was pre-filled from earlier translations: check and save "
                "it (marked “Needs review”). What changed is shown beside it.",
                "%(count)d translations were pre-filled from earlier translations: check and "
                "save each (marked “Needs review”). What changed is shown beside each.",
                count,
            )
            % {"count": count},
        )


@hooks.register("register_admin_urls")
def register_translation_memory_urls():
    urls = [
        path(
            "<int:translation_id>/segments/<int:string_segment_id>/start-from-suggestion/",
            memory_views.start_from_suggestion,
            name="start_from_suggestion",
        )
    ]
    return [path("translation-memory/", include((urls, "translation_memory")))]
