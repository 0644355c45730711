"""The admin's page editor refuses a save that would overwrite a newer revision.

Wagtail 8's edit view knows when a form was loaded from an older revision than the latest
(``is_out_of_date``: the posted ``loaded_revision_id`` and ``loaded_revision_created_at``),
but refuses only autosaves with it. A Save or Publish from an editor who opened the page
before an API client (or anyone) saved a new version wrote the editor's whole form over it,
silently reverting that change. Here such a save is not made: the editor gets the form back
with their changes and a warning naming who saved the newer version. The form then carries
the latest revision, so saving again overwrites it knowingly, as Wagtail's own "saved a new
version" dialog lets them.
"""

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from .translation.status_panel import EveryTranslationListed


class NoOverwriteEditView(EveryTranslationListed, EditView):
    def form_valid(self, form):
        # Wagtail answers an out-of-date autosave (a JSON request) itself, before this.
        if self.is_out_of_date:
            messages.error(self.request, self.newer_revision_warning())
            self.has_unsaved_changes = True
            return self.render_to_response(self.get_context_data())
        return super().form_valid(form)

    def newer_revision_warning(self):
        revision = self.latest_revision
        if revision.user_id == self.request.user.pk:
            author = _("You")
        else:
            author = get_user_display_name(revision.user) if revision.user else _("System")
        saved_at = date_format(localtime(revision.created_at), "DATETIME_FORMAT")
        return _(
            "%(author)s saved a newer version of this page at %(saved_at)s, after you opened "
            "it. Your changes are not saved yet: saving them now would overwrite that version. "
            "Save again to overwrite it, or compare it in the page's history first."
        ) % {"author": author, "saved_at": saved_at}


class NoOverwritePageViewSet(PageViewSet):
    """Every page type's admin views (Wagtail's), with the editor that does not overwrite
    and whose status panel lists every translation."""

    edit_view_class = NoOverwriteEditView
