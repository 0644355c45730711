from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .links import link_url_problem, refused_link_urls
from .validation import is_allowed_item_id

# What an answer may hold: what the legacy FAQ used, and nothing that could break the layout.
ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class FAQBlock(blocks.StructBlock):
    # A textarea, not a one-line input: a long question is seen whole while it is edited
    # (the admin grows the box with its text). Stored as a str either way.
    question = blocks.TextBlock(
        label=_("Question"),
        max_length=500,
        rows=2,
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
        # The page shows a question on one line: a line break typed in the box becomes a space.
        value["question"] = " ".join(value["question"].split())
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


class FAQStreamBlock(blocks.StreamBlock):
    faq = FAQBlock()

    def get_form_state(self, value):
        # A page stored before item ids were checked (``faq.validation``) may repeat an id
        # or hold one that isn't allowed: the editor gets such an item without its id, so
        # saving gives it a new one and the page can be saved and translated again.
        state = super().get_form_state(value)
        seen = set()
        for item in state:
            if item["id"] in seen or not is_allowed_item_id(item["id"]):
                item["id"] = None
            seen.add(item["id"])
        return state


def faq_anchor(block_id):
    """The fragment id of a FAQ item.

    Built from the StreamField block id, which wagtail-localize copies into every
    translation and which survives edits and reordering: the same question has the
    same link in every language, for as long as it exists.
    """
    return f"faq-{block_id}" if block_id else ""
