from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from faq.forms import TranslatedPageAPIForm
from faq.summary import DescribedByIntroMixin

from . import languages


class TrustCenterHomePage(DescribedByIntroMixin, Page):
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

    def route(self, request, path_components):
        """For the APIs, also route a path with a language prefix (``/zh-hans/faq/``).

        The site strips the prefix from its own URLs before routing; the APIs'
        ``find?html_path=`` do not, so without this they could find no page by the path in
        its ``html_url``. Only for requests whose own URL has no language prefix: the site
        must not also serve the Chinese FAQ at ``/en/zh-hans/faq/``.
        """
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or languages.language_of_path(request.path_info):
                raise
            language_home = languages.home_for(self, path_components[0])
            if language_home is None:
                raise
            return language_home.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
