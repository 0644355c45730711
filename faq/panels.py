from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.admin.panels import Panel


class RemovedQuestionsPanel(Panel):
    """The questions the page's recent versions held and its latest one lacks, each with a
    Restore button (``faq.recovery.restore_question``).

    The panel sits inside the editor's form, and forms don't nest: each button posts that
    form (its CSRF token included) to the restore view (``formaction``), which reads only
    the button's value.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "faq/admin/removed_questions_panel.html"

        @cached_property
        def removed_questions(self):
            from .recovery import removed_from  # which imports the models, which import this

            return removed_from(self.instance.pk) if self.instance.pk else []

        def is_shown(self):
            return bool(self.removed_questions)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["removed_questions"] = self.removed_questions
            context["restore_url"] = reverse("faq_admin:restore_question", args=[self.instance.pk])
            return context
