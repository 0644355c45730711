from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from trustcenter.roles import may_edit_in

from .models import HeaderFooter


class HeaderFooterViewSet(SnippetViewSet):
    model = HeaderFooter
    icon = "list-ul"
    menu_label = gettext_lazy("Header and footer")


register_snippet(HeaderFooterViewSet)


# Before wagtail-localize's own hook, which serves a translation's edit view (the translation
# editor): model permissions are for every language, a role is for one. (No role may delete.)
@hooks.register("before_edit_snippet", order=-1)
def refuse_another_languages_header_footer(request, instance):
    if isinstance(instance, HeaderFooter) and not may_edit_in(
        request.user, instance.locale.language_code
    ):
        messages.error(
            request, _("You may change the header and footer of your own language only.")
        )
        return redirect("wagtailsnippets_navigation_headerfooter:list")
