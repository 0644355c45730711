"""wagtail-localize's translation editor with its segments read in bulk: the same data, a fixed
number of queries.

wagtail-localize (1.14) builds the editor (``views.edit_translation.edit_translation``, the edit
view of a translated page or snippet) with queries per segment: each string segment's context
and string, each overridable segment's context, and for each translation and override the id of
its segment (and the translator who made it). A 500-question Chinese FAQ page took 4,673 queries.

- ``edit_translation_in_bulk`` prefetches the source's string and overridable segments with
  their contexts and strings. The view starts from ``source.stringsegment_set.all()``, which is
  then the prefetch queryset, so its own ``.order_by("order")`` reads the segments joined.
- The translation and override serializers, as lists, take each segment id from those
  prefetched segments and read the translators (and what an error message needs) with the
  translations. One at a time (the editor's save API) they work as wagtail-localize's.
- An unreviewed translation (a translation-memory pre-fill or a machine translation) is sent
  as an error saying it needs review, so the editor shows it in red, counted per tab.
- (Not about queries: each translation's comment is dated in the user's language,
  ``admin_language.LocalDateComments``.)
"""

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from wagtail_localize.models import OverridableSegment, StringSegment
from wagtail_localize.views import edit_translation as views

from rest_framework import serializers

from .admin_language import LocalDateComments
from .memory import review_note

# Bound before ``trustcenter.upstream`` puts the view below in its place.
wagtail_localize_edit_translation = views.edit_translation


def edit_translation_in_bulk(request, translation, instance):
    if request.method == "GET":
        prefetch_related_objects(
            [translation.source],
            Prefetch(
                "stringsegment_set", StringSegment.objects.select_related("context", "string")
            ),
            Prefetch(
                "overridablesegment_set", OverridableSegment.objects.select_related("context")
            ),
        )
    return wagtail_localize_edit_translation(request, translation, instance)


class BulkListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        if isinstance(data, QuerySet):
            data = data.select_related(*self.child.read_with_each)
        source = self.context.get("translation_source")
        if source is not None:
            self.child.segment_ids = self.child.segment_ids_of(source)
        return super().to_representation(data)


class BulkSegmentIdMixin:
    segment_ids = None  # set for a list: {segment key: segment id}

    def get_segment_id(self, item):
        if self.segment_ids is None:
            return super().get_segment_id(item)
        return self.segment_ids.get(self.key_of(item))

    @classmethod
    def segment_ids_of(cls, source):
        """The lowest segment id of each key, as wagtail-localize's ``first()`` finds it."""
        ids = {}
        for key, segment_id in cls.segment_keys(source):
            ids[key] = min(ids.get(key, segment_id), segment_id)
        return ids


class StringTranslationSerializer(
    BulkSegmentIdMixin, LocalDateComments, views.StringTranslationSerializer
):
    # get_error() reads the source string and context of a translation with an error.
    read_with_each = ("last_translated_by__wagtail_userprofile", "translation_of", "context")
    # The editor marks a translation with an error in red and counts them per tab: an
    # unreviewed one (pre-filled or machine) is shown so, saying it needs review (``memory``),
    # unless it has a real error (a lost link), which says more.
    error = serializers.SerializerMethodField()

    def get_error(self, translation):
        return translation.get_error() or review_note(translation)

    @staticmethod
    def segment_keys(source):
        for segment in source.stringsegment_set.all():
            yield (segment.string_id, segment.context_id), segment.pk

    @staticmethod
    def key_of(translation):
        return translation.translation_of_id, translation.context_id

    class Meta(views.StringTranslationSerializer.Meta):
        list_serializer_class = BulkListSerializer


class SegmentOverrideSerializer(BulkSegmentIdMixin, views.SegmentOverrideSerializer):
    read_with_each = ("context",)  # get_error(), for an override with an error

    @staticmethod
    def segment_keys(source):
        for segment in source.overridablesegment_set.all():
            yield segment.context_id, segment.pk

    @staticmethod
    def key_of(override):
        return override.context_id

    class Meta(views.SegmentOverrideSerializer.Meta):
        list_serializer_class = BulkListSerializer
