from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from faq.forms import TranslatedPageAPIForm


class TrustCenterHomePage(Page):
    """The root of one language's Trust Center tree (the breadcrumb's first link)."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown under the title on the Trust Center home page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_base_form_class = TranslatedPageAPIForm
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["faq.FAQPage"]

    class Meta:
        verbose_name = _("Trust Center home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
