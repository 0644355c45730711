"""``TranslationSource.refresh_segments`` in bulk: the same rows, a fixed number of queries.

wagtail-localize (1.14) stores each extracted segment with ``get_or_create`` calls for its
string, its context and the segment itself (with savepoints): about ten queries a segment.
This looks up everything that already exists in one query per table, creates what is missing
with one ``bulk_create`` per table, and keeps existing rows (and their ids) exactly as
wagtail-localize's own ``get_or_create`` would.
"""

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslationContext,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments


@transaction.atomic
def refresh_segments_in_bulk(source):
    instance = source.as_instance()
    values = list(extract_segments(instance))
    contexts = _contexts(source, instance, {value.path for value in values})
    string_values = [
        value
        for value in values
        if not isinstance(
            value, TemplateSegmentValue | RelatedObjectSegmentValue | OverridableSegmentValue
        )
    ]
    strings = _strings(source.locale_id, [value.string.data for value in string_values])
    templates = _templates([v for v in values if isinstance(v, TemplateSegmentValue)])

    string_segments = _segments(
        source,
        StringSegment,
        [
            {
                "context": contexts[value.path],
                "order": value.order,
                "string": strings[String._get_data_hash(value.string.data)],
                "attrs": json.dumps(value.attrs, cls=DjangoJSONEncoder),
            }
            for value in string_values
        ],
        ("context_id", "order", "string_id", "attrs"),
    )
    template_segments = _segments(
        source,
        TemplateSegment,
        [
            {
                "context": contexts[value.path],
                "order": value.order,
                "template": templates[_template_uuid(value)],
            }
            for value in values
            if isinstance(value, TemplateSegmentValue)
        ],
        ("context_id", "order", "template_id"),
    )
    overridable_segments = _segments(
        source,
        OverridableSegment,
        [
            {
                "context": contexts[value.path],
                "order": value.order,
                "data_json": json.dumps(value.data, cls=DjangoJSONEncoder),
            }
            for value in values
            if isinstance(value, OverridableSegmentValue)
        ],
        ("context_id", "order", "data_json"),
    )
    # Rare (snippet choosers): wagtail-localize's own path.
    related_segments = [
        RelatedObjectSegment.from_value(source, value).id
        for value in values
        if isinstance(value, RelatedObjectSegmentValue)
    ]

    source.stringsegment_set.exclude(id__in=string_segments).delete()
    source.templatesegment_set.exclude(id__in=template_segments).delete()
    source.relatedobjectsegment_set.exclude(id__in=related_segments).delete()
    source.overridablesegment_set.exclude(id__in=overridable_segments).delete()


def _get_or_create_many(rows, key, queryset):
    """The rows of ``queryset`` for every ``key`` value of ``rows`` (unsaved), by that value.

    One query finds the existing rows, one insert adds the others, and one query reads
    them back (``bulk_create`` leaves the ids of ignored conflicts unset).
    """
    wanted = {getattr(row, key): row for row in rows}
    found = {getattr(row, key): row for row in queryset.filter(**{f"{key}__in": list(wanted)})}
    missing = [row for value, row in wanted.items() if value not in found]
    if missing:
        queryset.model.objects.bulk_create(missing, ignore_conflicts=True)
        created = queryset.filter(**{f"{key}__in": [getattr(row, key) for row in missing]})
        found.update((getattr(row, key), row) for row in created)
    return found


def _contexts(source, instance, paths):
    """A TranslationContext for each content path, by path; new ones get their field path."""
    contexts = _get_or_create_many(
        [
            TranslationContext(
                object_id=source.object_id,
                path=path,
                path_id=TranslationContext._get_path_id(path),
                field_path="",
            )
            for path in paths
        ],
        "path_id",
        TranslationContext.objects.filter(object_id=source.object_id),
    )
    found = {context.path: context for context in contexts.values() if context.path in paths}
    # New contexts need their field path, which get_field_path() saves one by one: computed
    # here with that save shadowed, then written in one query.
    without = [context for context in found.values() if not context.field_path]
    for context in without:
        context.save = _not_saved
        context.get_field_path(instance)
        del context.save
    TranslationContext.objects.bulk_update(without, ["field_path"])
    return found


def _not_saved(*args, **kwargs):
    pass


def _strings(locale_id, texts):
    """A String for each text, by data hash."""
    return _get_or_create_many(
        [
            String(locale_id=locale_id, data_hash=String._get_data_hash(text), data=text)
            for text in texts
        ],
        "data_hash",
        String.objects.filter(locale_id=locale_id),
    )


def _template_uuid(value):
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)


def _templates(values):
    return _get_or_create_many(
        [
            Template(
                uuid=_template_uuid(value),
                template=value.template,
                template_format=value.format,
                string_count=value.string_count,
            )
            for value in values
        ],
        "uuid",
        Template.objects.all(),
    )


def _segments(source, model, wanted, identity):
    """Ids of ``model`` rows of ``source`` matching ``wanted``: existing ones kept, others made."""
    existing = {}
    for segment in model.objects.filter(source=source).order_by("pk"):
        existing.setdefault(tuple(getattr(segment, name) for name in identity), segment.pk)
    kept, missing = [], []
    for fields in wanted:
        key = tuple(
            fields[name.removesuffix("_id")].pk if name.endswith("_id") else fields[name]
            for name in identity
        )
        if key in existing:
            kept.append(existing[key])
        else:
            missing.append(model(source=source, **fields))
    created = model.objects.bulk_create(missing)
    return kept + [segment.pk for segment in created]
