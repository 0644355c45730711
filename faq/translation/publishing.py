"""How FAQ pages meet wagtail-localize.

wagtail-localize fills every untranslated string of a translation with the source text. A
Chinese trust center must never show English, so a translated FAQ page remembers which
items are not fully translated and, until a translator finishes them:

- keeps an item visitors already read in its last published translation, when only its
  source changed (``FAQPage.outdated_faq_ids``): nothing translated is thrown away;
- holds back an item never published in the translation (``FAQPage.untranslated_faq_ids``).
"""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from ..links import link_url_problem
from ..validation import is_being_published
from .markup import check_links

FAQ_FIELD = "faqs"


def block_id_of(context_path):
    """The FAQ block id in a wagtail-localize context path (``faqs.<id>.answer``), else None."""
    field_name, _, rest = context_path.partition(".")
    if field_name != FAQ_FIELD or not rest:
        return None
    return rest.split(".", 1)[0]


def translation_source_of(page):
    """The wagtail-localize source this page is a synced translation of, or None (a source
    page, or a translation a translator stopped syncing and now edits as a page of its own)."""
    return (
        TranslationSource.objects.filter(
            object_id=page.translation_key,
            translations__target_locale_id=page.locale_id,
            translations__enabled=True,
        )
        .exclude(locale_id=page.locale_id)
        .first()
    )


def untranslated_segments(sources, locale):
    """The string segments of ``sources`` that wagtail-localize has no translation for into
    ``locale`` (and so would fill with the source text)."""
    return (
        StringSegment.objects.filter(source__in=sources)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
    )


def untranslated_item_ids(source, locale):
    """Ids of the FAQ items with at least one string not yet translated into ``locale``."""
    paths = untranslated_segments([source], locale).filter(
        context__path__startswith=f"{FAQ_FIELD}."
    )
    return sorted({block_id_of(path) for path in paths.values_list("context__path", flat=True)})


def published_items(page):
    """The items visitors read on the live version of ``page``, by block id: empty for a page
    never published (or unpublished). The row of a live page holds its live content (a
    draft is only a revision), with the items it holds back recorded."""
    if page.pk is None:
        return {}
    live = type(page).objects.filter(pk=page.pk, live=True).first()
    return {item.id: item for item in live.visible_faqs} if live is not None else {}


def pending_translation(page):
    """What of a translated FAQ page awaits translation, measured against its source as last
    synced: ``(items, outdated, fields)`` where ``items`` lists ``(number, source question)`` of
    the items held back from the page, ``outdated`` those shown in their last published
    translation, and ``fields`` the names of the other fields still in the source language.
    None for a page that is not a translation."""
    source = translation_source_of(page)
    if source is None:
        return None
    paths = set(
        untranslated_segments([source], page.locale).values_list("context__path", flat=True)
    )
    pending = {block_id_of(path) for path in paths}
    published = published_items(page)
    items, outdated = [], []
    for number, item in enumerate(source.as_instance().faqs, start=1):
        if item.id in pending:
            (outdated if item.id in published else items).append((number, item.value["question"]))
    field_names = {path.split(".", 1)[0] for path in paths} - {FAQ_FIELD}
    fields = [
        str(field.verbose_name) for field in page._meta.concrete_fields if field.name in field_names
    ]
    return items, outdated, fields


def hold_back_untranslated_items(sender, instance, **kwargs):
    """pre_save: of the items of a translated FAQ page that await translation, keep those
    visitors read in their last published translation, and hold back the others."""
    if instance.locale_id is None or instance.translation_key is None:
        return
    source = translation_source_of(instance)
    pending = untranslated_item_ids(source, instance.locale) if source is not None else []
    published = published_items(instance) if pending else {}
    for index, item in enumerate(instance.faqs):
        if item.id in pending and item.id in published:
            instance.faqs[index] = published[item.id]
    instance.outdated_faq_ids = [block_id for block_id in pending if block_id in published]
    instance.untranslated_faq_ids = [block_id for block_id in pending if block_id not in published]


def source_text_over_translations(page, source):
    """Where ``page`` (a translation of ``source``) shows source-language text although a
    reviewed translation is there for it: what an old revision (made before the translation,
    or from an older source) brings back. Returns the context paths, in page order.

    Source text is still allowed where wagtail-localize itself would show it: a string not yet
    translated (reviewed), and the items held back from visitors until they are.
    """
    strings = [
        (segment.path, segment.string.data)
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    ]
    source_texts = set(
        String.objects.filter(
            locale_id=source.locale_id,
            data_hash__in={String._get_data_hash(data) for _, data in strings},
        ).values_list("data", flat=True)
    )
    # A translation may be identical to its source ("ISO 27001"): that is no source text.
    same_in_both = set(
        StringTranslation.objects.filter(locale_id=page.locale_id, data__in=source_texts)
        .exclude(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
        .values_list("data", flat=True)
    )
    not_yet_translated = set(
        untranslated_segments([source], page.locale).values_list("context__path", flat=True)
    )
    held_back = set(page.untranslated_faq_ids)
    return [
        path
        for path, data in strings
        if data in source_texts
        and data not in same_in_both
        and path not in not_yet_translated
        and block_id_of(path) not in held_back
    ]


def describe_paths(page, paths):
    """The fields and questions at ``paths``, as the editor names them: "title, question 2"."""
    items = getattr(page, FAQ_FIELD, None) or []  # any translatable object, FAQ page or not
    item_numbers = {item.id: number for number, item in enumerate(items, start=1)}
    names = []
    for path in paths:
        block_id = block_id_of(path)
        if block_id in item_numbers:
            name = _("question %(number)d") % {"number": item_numbers[block_id]}
        else:
            field_name = path.split(".", 1)[0]
            field = page._meta.get_field(field_name)
            # A child relation (an inline panel) has no verbose name of its own.
            name = str(
                getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name
            )
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _refuse_if_source_text_over_translations(page):
    source = translation_source_of(page)
    if source is None:
        return
    paths = source_text_over_translations(page, source)
    if paths:
        raise ValidationError(
            _(
                "This version of the page shows %(language)s text where its translation is "
                "done (%(fields)s), so it can't be published: publish the translation from "
                "the translation editor instead."
            )
            % {"language": source.locale.get_display_name(), "fields": describe_paths(page, paths)},
            code="source_text_over_translation",
        )


def refuse_publishing_source_text(sender, instance, **kwargs):
    """pre_save of a page: a translation is never published showing source-language text
    where its translation is done (a Chinese visitor never reads English), whatever publishes
    it: the admin, the v3 API (revert, then publish), scheduled publishing, wagtail-localize."""
    if instance.locale_id is not None and is_being_published(instance):
        _refuse_if_source_text_over_translations(instance)


def refuse_scheduling_source_text(sender, instance, update_fields=None, **kwargs):
    """pre_save of a revision: the same rule when a revision is scheduled to go live, so that
    ``publish_scheduled`` never meets one it must refuse."""
    if instance.approved_go_live_at is None or (
        update_fields is not None and "approved_go_live_at" not in update_fields
    ):
        return
    from ..models import FAQPage  # models imports this module

    if not issubclass(instance.content_type.model_class(), FAQPage):
        return
    page = instance.as_object()
    if page.locale_id is not None:
        hold_back_untranslated_items(type(page), page)
        _refuse_if_source_text_over_translations(page)


def prefill_translation(source, locale, strings, overrides=None, user=None):
    """Store translations of a source's strings and per-language overrides, as a translator would.

    ``strings`` maps ``(context path, source string)`` to the translated string (HTML with
    every one of the source's ``<a id="aN">`` link ids); ``overrides`` maps an overridable
    segment's context path (for a rich-text link: ``<field path>.<quoted href>``) to its value
    in ``locale``. Translations are validated as the translation editor validates them (markup,
    links kept: ``faq.translation.markup``), link URLs as
    ``faq.links`` does, all before anything is written; invalid ones raise ``ValueError``.
    Returns how many translations and overrides were created or changed.
    """
    overrides = overrides or {}
    for url in overrides.values():
        if problem := link_url_problem(url):
            raise ValueError(problem)
    wanted = {}
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        translated = strings.get((segment.context.path, segment.string.data))
        if translated is not None:
            StringValue.from_translated_html(translated)
            check_links(segment.string.data, translated)
            wanted[(segment.string_id, segment.context_id)] = translated
    existing = {
        (translation.translation_of_id, translation.context_id): translation
        for translation in StringTranslation.objects.filter(
            locale=locale, context_id__in={context_id for _, context_id in wanted}
        )
    }
    created, updated = [], []
    for (string_id, context_id), data in wanted.items():
        translation = existing.get((string_id, context_id))
        if translation is None:
            translation = StringTranslation(
                translation_of_id=string_id, locale=locale, context_id=context_id
            )
            created.append(translation)
        elif translation.data != data or translation.has_error:
            updated.append(translation)
        else:
            continue
        translation.data = data
        translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        translation.last_translated_by = user
        translation.has_error = False
        translation.field_error = ""
    StringTranslation.objects.bulk_create(created)
    StringTranslation.objects.bulk_update(
        updated,
        ["data", "translation_type", "last_translated_by", "has_error", "field_error"],
    )
    return len(created) + len(updated) + _store_overrides(source, locale, overrides, user)


def _store_overrides(source, locale, overrides, user):
    changed = 0
    overridable = OverridableSegment.objects.filter(
        source=source, context__path__in=list(overrides)
    ).select_related("context")
    for segment in overridable:
        value = json.dumps(overrides[segment.context.path])
        override = SegmentOverride.objects.filter(locale=locale, context=segment.context).first()
        if override is not None and override.data_json == value and not override.has_error:
            continue
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=segment.context,
            defaults={"data_json": value, "last_translated_by": user, "has_error": False},
        )
        changed += 1
    return changed
