from django import template

from trustcenter.translation.editor_props import separated_and_labelled

register = template.Library()


@register.simple_tag
def translation_editor_props(props, translation):
    """wagtail-localize's editor props with link URL boxes labelled and opening alone
    (``editor_props``): the template sets them before wagtail-localize's own block uses them."""
    return separated_and_labelled(props, translation)
