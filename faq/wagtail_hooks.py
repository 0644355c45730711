from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .models import FAQPage
from .page_links import BatchedPageLinkHandler
from .recovery import RESTORE_ACTION, restore_question
from .status_report import TranslationStatusReportView
from .translation.publishing import pending_translation
from .validation import repeated_questions


# Runs after Wagtail's own registration (order 0), replacing its "page" link handler.
@hooks.register("register_rich_text_features", order=1)
def register_batched_page_links(features):
    features.register_link_type(BatchedPageLinkHandler)


@hooks.register("register_admin_urls")
def register_faq_admin_urls():
    urls = [
        path(
            "translation-status/",
            TranslationStatusReportView.as_view(),
            name="translation_status",
        ),
        path(
            "translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_results",
        ),
        path(
            "pages/<int:page_id>/restore-question/",
            restore_question,
            name="restore_question",
        ),
    ]
    return [path("faq/", include((urls, "faq_admin"), namespace="faq_admin"))]


@hooks.register("register_log_actions")
def register_restore_question_action(actions):
    @actions.register_action(RESTORE_ACTION)
    class RestoreQuestionFormatter(LogFormatter):
        label = gettext_lazy("Restore a removed question")

        def format_message(self, log_entry):
            return _("Restored a removed question: %(question)s") % {
                "question": log_entry.data["question"]
            }


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("faq_admin:translation_status"),
        icon_name="site",
        order=8900,
    )


@hooks.register("before_edit_page")
def say_what_awaits_translation(request, page):
    """Tell the translator (in the translation editor) what visitors don't see yet."""
    if request.method != "GET" or not issubclass(page.specific_class, FAQPage):
        return
    pending = pending_translation(page.specific)
    if pending is None:
        return
    items, outdated, fields = pending
    if items:
        messages.warning(
            request,
            _("Held back from the published page until translated (and reviewed): %(items)s")
            % {"items": _numbered(items)},
        )
    if outdated:
        messages.warning(
            request,
            _(
                "Their source changed: the published page shows their previous translation "
                "until you publish the update: %(items)s"
            )
            % {"items": _numbered(outdated)},
        )
    if fields:
        messages.warning(
            request,
            _("Still in the source language until translated (and reviewed): %(fields)s")
            % {"fields": ", ".join(fields)},
        )


def _numbered(items):
    return "; ".join(f"{number}. {question}" for number, question in items)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_repeated_questions(request, page):
    """A page saved with a question asked twice (publishing a new repeat is refused)."""
    if not isinstance(page, FAQPage):
        return
    problems = repeated_questions(page.faqs)
    if problems:
        messages.warning(
            request,
            _(
                "A question is asked twice: %(problems)s. Change one of them: a new repeat "
                "can't be published."
            )
            % {"problems": "; ".join(problems)},
        )
