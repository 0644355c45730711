"""schema.org structured data (JSON-LD) for FAQ pages, and its safe embedding in HTML."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import to_locale

from .blocks import faq_anchor
from .links import expand_rich_text

# As Django's json_script: nothing in the data can close the <script> element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def language_tag(language_code):
    """Django's language code as a BCP 47 tag, as HTML and schema.org want it: zh-hans → zh-Hans."""
    return to_locale(language_code).replace("_", "-")


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` element, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def faq_page_data(page, request=None):
    """The page's questions and answers as a schema.org FAQPage, in the page's language.

    Built from the same blocks the page renders, so it says what a visitor reads.
    """
    url = page.get_full_url(request)
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "@id": url,
        "url": url,
        "name": page.display_hero_title,
        "inLanguage": language_tag(page.locale.language_code),
        "mainEntity": [
            {
                "@type": "Question",
                "@id": f"{url}#{faq_anchor(item.id)}",
                "url": f"{url}#{faq_anchor(item.id)}",
                "name": item.value["question"],
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": expand_rich_text(item.value["answer"].source),
                },
            }
            for item in page.visible_faqs
        ],
    }
