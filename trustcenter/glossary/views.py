"""The glossary in the admin (Settings → Glossary): editors keep every language's terms, a
language's translators that language's (model permissions say who may edit at all, a role's
language which terms: ``may_keep``)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from trustcenter import languages
from trustcenter.roles import EDITORS, may_edit_in

from .models import GlossaryTerm


def may_keep(user, language_code):
    """Whether ``user`` may add, change or delete the terms of ``language_code``."""
    return user.groups.filter(name=EDITORS).exists() or may_edit_in(user, language_code)


class GlossaryTermForm(WagtailAdminModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["source_term", "locale", "target_term", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = [code for code in languages.translated_languages() if may_keep(self.for_user, code)]
        locales = self.fields["locale"]
        locales.queryset = Locale.objects.filter(language_code__in=codes)
        locales.label_from_instance = Locale.get_display_name
        if len(codes) == 1:
            locales.initial = locales.queryset.first()


class OwnLanguageOnly:
    """An edit or delete view refusing a term of a language the user doesn't keep."""

    def get_object(self, queryset=None):
        term = super().get_object(queryset)
        if not may_keep(self.request.user, term.locale.language_code):
            raise PermissionDenied
        return term


class GlossaryEditView(OwnLanguageOnly, generic.EditView):
    pass


class GlossaryDeleteView(OwnLanguageOnly, generic.DeleteView):
    pass


class GlossaryTermViewSet(ModelViewSet):
    model = GlossaryTerm
    edit_view_class = GlossaryEditView
    delete_view_class = GlossaryDeleteView
    icon = "doc-full"
    menu_label = _("Glossary")
    add_to_settings_menu = True
    list_display = [
        "source_term",
        "target_term",
        Column("locale", label=_("language"), accessor="locale.get_display_name"),
        "note",
    ]
    list_filter = ["locale"]
    search_fields = ["source_term", "target_term", "note"]

    def get_form_class(self, for_update=False):
        return GlossaryTermForm
