"""The links of the header's menu and the footer's columns.

No block templates: the header and footer render from plain data remembered per generation
(``lookup.py``), never from the blocks themselves.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .validators import validate_link_url


class LinkURLBlock(blocks.CharBlock):
    """A link's address: an http, https, mailto or tel URL, or one of this site (``/en/faq/``).

    Not a URLBlock: Django's URLField refuses the site's own relative URLs, and wagtail-localize
    copies a URLBlock inside a translated StreamField as it is, while translators must point a
    link at the page in their language. So translators get it as text, and every language's
    is checked alike.
    """

    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[validate_link_url], **kwargs)


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=100)
    url = LinkURLBlock(
        label=_("URL"),
        help_text=_(
            "An https:// address, or a path of this site such as /en/faq/. Translators may "
            "point it at a page in their language."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Link")


class FooterColumnBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=100)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Link column")
