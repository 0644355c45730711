"""The admin's "Translation status" report: one row per FAQ page and target language.

A Wagtail ``ReportView``, so it has the admin's filters and its CSV and XLSX downloads.
Every link in it is one the viewer may follow: the page's own permissions decide.
"""

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

import django_filters

from .models import FAQPage
from .translation.status import translation_status

# The states a row can be filtered by; a row can be in several (behind and outdated).
STATES = {
    "up_to_date": gettext_lazy("Up to date"),
    "behind": gettext_lazy("Strings behind"),
    "outdated": gettext_lazy("Shows outdated translations"),
    "source_changed": gettext_lazy("Source changed since the last sync"),
    "not_translated": gettext_lazy("Not translated"),
    "not_synced": gettext_lazy("Kept separately (not synced with the source)"),
}


def _states(language):
    if language.page is None:
        return {"not_translated"}
    if not language.synced:
        return {"not_synced"}
    return {
        state
        for state, present in (
            ("up_to_date", language.up_to_date),
            ("behind", language.behind),
            ("outdated", language.outdated),
            ("source_changed", language.source_changed),
        )
        if present
    }


class Row:
    """A source page and one language's translation of it, as the report shows it."""

    def __init__(self, page, language):
        self.page = page
        self.language = language
        self.states = _states(language)
        # Links are set for the shown rows only (see ``with_links``): they cost a
        # permission check each.
        self.page_link = self.translate_link = self.sync_link = ""

    @property
    def language_name(self):
        return self.language.locale.get_display_name()

    @property
    def state(self):
        language = self.language
        if language.page is None:
            return STATES["not_translated"]
        if not language.synced:
            return STATES["not_synced"]
        if language.up_to_date:
            return STATES["up_to_date"]
        if language.behind:
            return gettext("%(behind)s of %(total)s strings behind") % {
                "behind": language.behind,
                "total": language.strings,
            }
        return gettext("Translated")

    @property
    def published(self):
        return bool(self.language.page and self.language.page.live)


def _yes_no(value):
    return gettext("Yes") if value else gettext("No")


class TranslationStatusFilterSet(WagtailFilterSet):
    # The rows are computed from the translation data, not queried: the view reads these
    # fields' cleaned values instead of filtering a queryset with them.
    language = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Language"),
        empty_label=gettext_lazy("All languages"),
        queryset=lambda request: Locale.objects.exclude(pk=Locale.get_default().pk).order_by(
            "language_code"
        ),
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        empty_label=gettext_lazy("Any state"),
        choices=list(STATES.items()),
    )

    class Meta:
        model = FAQPage
        fields = []


class TranslationStatusReportView(ReportView):
    """For each FAQ page and language, how far the translation is behind the source."""

    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    results_template_name = "faq/admin/translation_status_results.html"
    index_url_name = "faq_admin:translation_status"
    index_results_url_name = "faq_admin:translation_status_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 100
    list_export = [
        "page.title",
        "page.url",
        "language_name",
        "state",
        "language.strings",
        "language.behind",
        "language.outdated",
        "language.formatting",
        "language.terminology",
        "language.source_changed",
        "published",
    ]
    export_headings = {
        "page.title": gettext_lazy("FAQ page"),
        "page.url": gettext_lazy("URL"),
        "language_name": gettext_lazy("Language"),
        "state": gettext_lazy("State"),
        "language.strings": gettext_lazy("Strings"),
        "language.behind": gettext_lazy("Strings behind"),
        "language.outdated": gettext_lazy("Outdated questions"),
        "language.formatting": gettext_lazy("Formatting differences"),
        "language.terminology": gettext_lazy("Glossary terms missing"),
        "language.source_changed": gettext_lazy("Source changed since the last sync"),
        "published": gettext_lazy("Published"),
    }
    custom_field_preprocess = {
        field: {"csv": _yes_no, "xlsx": _yes_no}
        for field in ("language.source_changed", "published")
    }

    def get_filename(self):
        return f"translation-status-{datetime.date.today().isoformat()}"

    def stream_csv(self, queryset):
        # The CSV is written while it streams, after the request's language is no longer
        # active: write it in the viewer's language all the same (Wagtail's reports don't).
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    @cached_property
    def filter_values(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    def get_filtered_queryset(self):
        language = self.filter_values.get("language")
        state = self.filter_values.get("state")
        statuses = translation_status(locales=[language] if language else None)
        return [
            row
            for status in statuses
            for row in (Row(status.page, language) for language in status.languages)
            if not state or state in row.states
        ]

    def decorate_paginated_queryset(self, object_list):
        return [self.with_links(row) for row in object_list]

    def with_links(self, row):
        user = self.request.user
        if row.page.permissions_for_user(user).can_edit():
            row.page_link = reverse("wagtailadmin_pages:edit", args=[row.page.pk])
        elif row.page.live:
            row.page_link = row.page.url
        translated = row.language.page
        if translated is None:
            # Starting a translation is wagtail-localize's "submit" permission.
            if self.can_submit:
                row.translate_link = row.language.translate_url
        elif translated.permissions_for_user(user).can_edit():
            row.translate_link = row.language.translate_url
        if row.language.source_changed and self.can_submit:
            row.sync_link = row.language.sync_url
        return row

    @cached_property
    def can_submit(self):
        return self.request.user.has_perm("wagtail_localize.submit_translation")
