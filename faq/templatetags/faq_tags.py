from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.rich_text import RichText

from faq import early_script
from faq.blocks import faq_anchor as build_anchor
from faq.links import expand_rich_text
from faq.structured_data import faq_page_data, json_ld_script

register = template.Library()


@register.simple_tag
def faq_anchor(block_id):
    return build_anchor(block_id)


@register.simple_tag
def faq_early_script():
    """The inline script for ``<head>`` that lets the first paint show answers collapsed."""
    return format_html("<script>{}</script>", mark_safe(early_script.SCRIPT))


@register.filter
def json_ld(data):
    """Render a dict as a JSON-LD script element, safely escaped."""
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def faq_page_json_ld(context, page):
    return json_ld_script(faq_page_data(page, context.get("request")))


@register.filter
def safe_richtext(value):
    """Wagtail's ``richtext`` filter (for a rich text field or block value), except that a link
    to a refused URL is never rendered (``faq.links``), whatever wrote it."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    return render_to_string("wagtailcore/shared/richtext.html", {"html": expand_rich_text(source)})
