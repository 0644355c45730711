"""How far each language's translation of each FAQ page is behind its source page.

A handful of queries for any number of pages (one more per target language), so the
admin's "Translation status" report stays fast as pages are added.
"""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from ..models import FAQPage
from .markup import formatting_differences
from .publishing import untranslated_segments
from .terminology import terminology_checker


@dataclass
class LanguageStatus:
    locale: Locale
    page: FAQPage | None = None  # the translated page, if there is one
    synced: bool = False  # a wagtail-localize translation keeps it in step with the source
    strings: int = 0  # strings of the source as last synced
    behind: int = 0  # of those, not (or only machine) translated
    outdated: int = 0  # items shown in their previous translation (their source changed)
    formatting: int = 0  # translated strings whose bold, italic or line breaks differ
    terminology: int = 0  # translated strings lacking a glossary term's translation
    source_changed: bool = False  # the source's translatable content changed since the last sync
    translate_url: str = ""
    sync_url: str = ""

    @property
    def up_to_date(self):
        return self.synced and not self.behind and not self.source_changed and self.page.live


@dataclass
class PageStatus:
    page: FAQPage
    languages: list[LanguageStatus]


def translation_status(source_locale=None, locales=None):
    """A ``PageStatus`` per FAQ page of ``source_locale`` (default: the default locale), with
    a ``LanguageStatus`` per target locale (``locales``, default: every other locale)."""
    source_locale = source_locale or Locale.get_default()
    # Workflow states prefetched: a permission check on a page reads them.
    pages = list(
        FAQPage.objects.filter(locale=source_locale).order_by("path").prefetch_workflow_states()
    )
    if locales is None:
        locales = Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")
    locales = list(locales)
    keys = [page.translation_key for page in pages]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    synced = set(
        Translation.objects.filter(source__in=sources.values(), enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    translated_pages = {
        (page.translation_key, page.locale_id): page
        for page in FAQPage.objects.filter(translation_key__in=keys, locale__in=locales)
        .only(
            "id",
            "title",
            "translation_key",
            "locale_id",
            "live",
            "outdated_faq_ids",
            # What a permission check on the page reads.
            "content_type_id",
            "path",
            "depth",
            "owner_id",
        )
        .prefetch_workflow_states()
    }
    strings = _count_by_source(StringSegment.objects.filter(source__in=sources.values()))
    behind = {
        locale.pk: _count_by_source(untranslated_segments(sources.values(), locale))
        for locale in locales
    }
    formatting = {
        locale.pk: _flagged_by_source(sources.values(), locale, formatting_differences)
        for locale in locales
    }
    terminology = {
        locale.pk: _flagged_by_source(sources.values(), locale, terminology_checker(locale))
        for locale in locales
    }
    changed = _changed_since_sync(pages, sources)

    statuses = []
    for page in pages:
        source = sources.get(page.translation_key)
        languages = []
        for locale in locales:
            status = LanguageStatus(locale, translated_pages.get((page.translation_key, locale.pk)))
            if status.page is None:
                status.translate_url = reverse(
                    "wagtail_localize:submit_page_translation", args=[page.pk]
                )
            else:
                status.translate_url = reverse("wagtailadmin_pages:edit", args=[status.page.pk])
            if source is not None and (source.pk, locale.pk) in synced and status.page:
                status.synced = True
                status.strings = strings.get(source.pk, 0)
                status.behind = behind[locale.pk].get(source.pk, 0)
                status.outdated = len(status.page.outdated_faq_ids) if status.page.live else 0
                status.formatting = formatting[locale.pk].get(source.pk, 0)
                status.terminology = terminology[locale.pk].get(source.pk, 0)
                status.source_changed = page.pk in changed
                status.sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
            languages.append(status)
        statuses.append(PageStatus(page, languages))
    return statuses


def _flagged_by_source(sources, locale, check):
    """How many translated strings of each source ``check(source text, translation)`` flags
    (warnings: formatting, terminology); none when there is no check."""
    counts = {}
    if check is None:
        return counts
    translated = (
        StringSegment.objects.filter(source__in=sources)
        .annotate_translation(locale)
        .filter(translation__isnull=False)
        .values_list("source_id", "string__data", "translation")
    )
    for source_id, source_text, translation in translated:
        if check(source_text, translation):
            counts[source_id] = counts.get(source_id, 0) + 1
    return counts


def _changed_since_sync(pages, sources):
    """The ids of the pages whose translatable content differs from their source's.

    Only a page published after its last sync can differ, so only those are extracted
    again; a republish that changed no string (or link URL) is not a change translators
    could act on.
    """
    published_since = {
        page.pk: (page, sources[page.translation_key])
        for page in pages
        if page.translation_key in sources
        and page.last_published_at
        and page.last_published_at > sources[page.translation_key].last_updated_at
    }
    if not published_since:
        return set()
    synced = {source.pk: set() for _, source in published_since.values()}
    strings = StringSegment.objects.filter(source_id__in=synced).values_list(
        "source_id", "context__path", "string__data"
    )
    for source_id, path, text in strings:
        synced[source_id].add((path, text))
    overridables = OverridableSegment.objects.filter(source_id__in=synced).values_list(
        "source_id", "context__path", "data_json"
    )
    for source_id, path, data_json in overridables:
        synced[source_id].add((path, _canonical(json.loads(data_json))))
    return {
        page_id
        for page_id, (page, source) in published_since.items()
        if _translatable_content(page) != synced[source.pk]
    }


def _translatable_content(page):
    """What a sync would give translators: each string and overridable value by its path."""
    content = set()
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            content.add((segment.path, segment.string.data))
        elif isinstance(segment, OverridableSegmentValue):
            content.add((segment.path, _canonical(segment.data)))
    return content


def _canonical(data):
    return json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)


def _count_by_source(segments):
    return dict(segments.order_by().values_list("source_id").annotate(count=Count("pk")))
