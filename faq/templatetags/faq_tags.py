from django import template

from faq.blocks import faq_anchor as build_anchor
from faq.structured_data import faq_page_data, json_ld_script

register = template.Library()


@register.simple_tag
def faq_anchor(block_id):
    return build_anchor(block_id)


@register.filter
def json_ld(data):
    """Render a dict as a JSON-LD script element, safely escaped."""
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def faq_page_json_ld(context, page):
    return json_ld_script(faq_page_data(page, context.get("request")))
