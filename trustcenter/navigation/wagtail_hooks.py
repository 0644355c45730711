from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HeaderFooter


class HeaderFooterViewSet(SnippetViewSet):
    model = HeaderFooter
    icon = "list-ul"
    menu_label = _("Header and footer")


register_snippet(HeaderFooterViewSet)
