from django import template
from django.utils.translation import get_language

from ..lookup import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The header and footer in the language of the page shown (``lookup.navigation``)."""
    page = context.get("page")
    return navigation(page.locale.language_code if page else get_language())
