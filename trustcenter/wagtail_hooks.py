from django.urls import path

from wagtail import hooks

from .admin_edit import NoOverwritePageViewSet
from .api.preview_views import PreviewTokenMenuItem, preview_token
from .translation.rules import hide_convert_to_alias

hooks.register("construct_page_action_menu", hide_convert_to_alias)


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
