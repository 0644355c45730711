from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .links import link_url_problem, refused_link_urls

# What an answer may hold: what the legacy FAQ used, and nothing that could break the layout.
ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=500,
        help_text=_(
            "Plain text, without a number: the page numbers its questions itself when set to."
        ),
    )
    answer = blocks.RichTextBlock(
        label=_("Answer"),
        features=ANSWER_FEATURES,
        help_text=_("Paragraphs, bold, italic, links and bulleted or numbered lists."),
    )

    def clean(self, value):
        value = super().clean(value)
        refused = refused_link_urls(value["answer"].source)
        if refused:
            # The admin's editor drops such links itself; the API and code take the HTML as sent.
            raise StructBlockValidationError(
                {"answer": ValidationError(link_url_problem(refused[0]))}
            )
        return value

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "faq/blocks/faq_block.html"
        preview_value = {
            "question": "Where is my Customer Data stored?",
            "answer": "<p>Customer Data is stored only in data centers in mainland China.</p>",
        }
        description = _("One question with its answer, shown as an expandable item.")


def faq_anchor(block_id):
    """The fragment id of a FAQ item.

    Built from the StreamField block id, which wagtail-localize copies into every
    translation and which survives edits and reordering: the same question has the
    same link in every language, for as long as it exists.
    """
    return f"faq-{block_id}" if block_id else ""
