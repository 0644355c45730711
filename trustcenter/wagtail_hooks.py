from wagtail import hooks

from .admin_edit import NoOverwritePageViewSet
from .translation.admin_language import relabel_translations_report
from .translation.notifications import offer_sync
from .translation.rules import hide_convert_to_alias

hooks.register("construct_page_action_menu", hide_convert_to_alias)
hooks.register("construct_reports_menu", relabel_translations_report)
hooks.register("after_publish_page", offer_sync)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Registered after Wagtail's own (order -1) for Page, so every page type uses it.
    return NoOverwritePageViewSet()
