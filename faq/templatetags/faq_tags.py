from django import template

from faq.blocks import faq_anchor as build_anchor

register = template.Library()


@register.simple_tag
def faq_anchor(block_id):
    return build_anchor(block_id)
