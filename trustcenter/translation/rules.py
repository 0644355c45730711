"""Rules on where translated pages may go and what the page editor offers for them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.models import Page


def hide_convert_to_alias(menu_items, request, context):
    """construct_page_action_menu: drop wagtail-localize's "Convert to alias page" item."""
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


def refuse_page_in_another_languages_tree(sender, instance, **kwargs):
    """pre_save of any page: below the language homes, a page has its parent's locale."""
    if not isinstance(instance, Page) or not instance.depth or instance.depth <= 2:
        return
    parent = instance.get_parent()
    if parent.locale_id != instance.locale_id:
        raise ValidationError(
            _(
                "A page in %(language)s can't be placed under “%(parent)s”, a page in "
                "%(parent_language)s: translate it (“Translate this page”) instead."
            )
            % {
                "language": instance.locale.get_display_name(),
                "parent": parent.title,
                "parent_language": parent.locale.get_display_name(),
            },
            code="page_in_another_languages_tree",
        )
