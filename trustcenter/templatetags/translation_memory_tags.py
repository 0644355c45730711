from django import template

from trustcenter.translation.memory import pending_segments

register = template.Library()


@register.inclusion_tag("trustcenter/admin/translation_review.html", takes_context=True)
def translation_review_panel(context, translation):
    """Below the translation editor: each segment awaiting a person's translation, with the
    source change, the previous translation and the memory's suggestions."""
    pending, count = pending_segments(translation)
    return {
        "csrf_token": context.get("csrf_token"),
        "translation": translation,
        "pending": pending,
        "more": count - len(pending),
        "source_language": translation.source.locale.get_display_name(),
        "source_code": translation.source.locale.language_code,
        "target_code": translation.target_locale.language_code,
    }
