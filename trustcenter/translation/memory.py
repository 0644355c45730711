"""A translation memory inside wagtail-localize: what people translated before, across the
site and its history, pre-fills or is suggested for what is not translated yet.

wagtail-localize keys a translation by its source ``String`` and its ``TranslationContext``
(the object and the path of the field or block), and keeps every ``StringTranslation`` when
the source changes. So, for a string segment nobody translated:

- an **exact match**: a person translated the same source string elsewhere (another item,
  page or version) into the language. It pre-fills the segment.
- the **previous translation**: the segment's context holds a person's translation of a source
  string the source no longer has there (the paragraph before an English edit). The most
  similar one (``PREVIOUS_MIN_SCORE``) pre-fills the segment, with the English change shown.
- **suggestions**: translations of similar source strings (``SUGGESTION_MIN_SCORE``, difflib's
  ratio on the text), shown with their score in the editor; nothing is stored.

Pre-fills are stored as wagtail-localize's machine translations are (``translation_type``
"machine", ``tool_name`` saying where they came from): unreviewed, so never published (see
``faq.upstream``) until a person saves them in the editor, which stores them as "manual".
Only translations people made (manual, without error) feed the memory; the imported legacy
pages are such translations (``trustcenter.legacy`` stores them as a translator would).

difflib (the standard library) rather than a fuzzy-matching package: one page's pending
segments against a site's memory is a few thousand comparisons, cut short by difflib's
cheap upper bounds, well under a second.
"""

import difflib
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.blocks import StreamValue
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import validate_translation_links

from faq.translation.publishing import describe_paths, untranslated_segments

PREVIOUS_TRANSLATION = "previous translation"
TRANSLATION_MEMORY = "translation memory"
SUGGESTION = "translation memory suggestion"
# Where a pre-fill came from, as the editor names it (``tool_name`` stores the key).
PREFILL_SOURCES = {
    PREVIOUS_TRANSLATION: _("the previous translation"),
    TRANSLATION_MEMORY: _("the translation memory (exact match)"),
    SUGGESTION: _("a translation memory suggestion"),
}
SUGGESTION_MIN_SCORE = 0.75
# Lower: an added sentence is a big change to a short paragraph, whose translation still
# saves the translator most of the typing.
PREVIOUS_MIN_SCORE = 0.5
SUGGESTIONS_SHOWN = 3
# The review panel lists this many segments (with their suggestions), so that a page sent for
# translation for the first time (every segment pending) opens as fast as any other.
PANEL_SEGMENTS = 50
WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def text_of(data):
    """The text of a wagtail-localize string (HTML with ``<a id>``, ``<b>``...), as read."""
    return html.unescape(strip_tags(data))


def similarity(a, b):
    return difflib.SequenceMatcher(None, text_of(a), text_of(b), autojunk=False).ratio()


@dataclass
class Match:
    score: float
    source: str  # the source string translated
    translation: str

    @property
    def percent(self):
        return round(self.score * 100)

    @property
    def source_text(self):
        return text_of(self.source)


def reviewed_translations(locale):
    """The memory: every translation into ``locale`` a person made (or saved)."""
    return StringTranslation.objects.filter(locale=locale, has_error=False).exclude(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )


def is_unreviewed(translation):
    return translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE


def origin_of(translation):
    """Where an unreviewed translation came from, as the editor (and a PO file) names it."""
    return (
        PREFILL_SOURCES.get(translation.tool_name)
        or translation.tool_name
        or gettext("a machine translator")
    )


def review_note(translation):
    """What the editor says on an unreviewed (pre-filled or machine) translation, or None."""
    if not is_unreviewed(translation):
        return None
    return gettext(
        "Needs review: pre-filled from %(origin)s. Not published until you edit and save it."
    ) % {"origin": origin_of(translation)}


def exact_matches(locale, segments):
    """``{string id: translation text}``: the newest translation a person made of each
    segment's source string, in any context."""
    matches = {}
    translations = reviewed_translations(locale).filter(
        translation_of_id__in={segment.string_id for segment in segments}
    )
    for string_id, data in translations.order_by("updated_at", "pk").values_list(
        "translation_of_id", "data"
    ):
        matches[string_id] = data
    return matches


def previous_translations(source, locale, segments):
    """``{segment id: Match}``: for each segment, the most similar translation a person made in
    its context of a source string no longer there (what the segment replaced)."""
    contexts = {segment.context_id for segment in segments}
    current = set(
        StringSegment.objects.filter(source=source, context_id__in=contexts).values_list(
            "context_id", "string_id"
        )
    )
    replaced = defaultdict(list)
    for translation in (
        reviewed_translations(locale)
        .filter(context_id__in=contexts)
        .select_related("translation_of")
        .order_by("updated_at", "pk")
    ):
        if (translation.context_id, translation.translation_of_id) not in current:
            replaced[translation.context_id].append(translation)
    previous = {}
    for segment in segments:
        candidates = [
            Match(
                similarity(old.translation_of.data, segment.string.data),
                old.translation_of.data,
                old.data,
            )
            for old in replaced[segment.context_id]
        ]
        # max() keeps the first of equal scores: sort newest first.
        best = max(reversed(candidates), key=lambda match: match.score, default=None)
        if best is not None and best.score >= PREVIOUS_MIN_SCORE:
            previous[segment.pk] = best
    return previous


def translation_of(instance):
    """The synced wagtail-localize translation ``instance`` (a page or snippet) is the
    target of, or None."""
    if getattr(instance, "translation_key", None) is None:
        return None  # a snippet that is not translatable
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=instance.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def never_translated(translation):
    """The string segments of a translation with no translation at all, reviewed or not."""
    done = set(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
        ).values_list("translation_of_id", "context_id")
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    return [segment for segment in segments if (segment.string_id, segment.context_id) not in done]


def prefill(translation):
    """Pre-fill the segments of ``translation`` nobody translated from an exact match, else
    from the previous translation, as unreviewed translations. Returns how many."""
    segments = never_translated(translation)
    if not segments:
        return 0
    locale = translation.target_locale
    exact = exact_matches(locale, segments)
    previous = previous_translations(translation.source, locale, segments)
    prefills = []
    for segment in segments:
        if segment.string_id in exact:
            data, origin = exact[segment.string_id], TRANSLATION_MEMORY
        elif segment.pk in previous:
            data, origin = previous[segment.pk].translation, PREVIOUS_TRANSLATION
        else:
            continue
        try:
            validate_translation_links(segment.string.data, data)
        except ValueError:
            continue  # links the source no longer has: shown as a suggestion only
        prefills.append(
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=origin,
            )
        )
    # Another request may have pre-filled the same segment meanwhile: keep the first.
    StringTranslation.objects.bulk_create(prefills, ignore_conflicts=True)
    return len(prefills)


def start_from_suggestion(translation, segment, source):
    """Make the memory's suggestion for ``segment`` whose source string is ``source`` the
    segment's unreviewed pre-fill. False (nothing changed) if there is no such suggestion,
    its links don't fit, or a person translated the segment meanwhile."""
    locale = translation.target_locale
    suggested = {
        match.source: match for match in TranslationMemory(locale).suggestions(segment.string.data)
    }
    match = suggested.get(source)
    if match is None:
        return False
    try:
        validate_translation_links(segment.string.data, match.translation)
    except ValueError:
        return False
    current = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=locale, context_id=segment.context_id
    ).first()
    if current is not None and not is_unreviewed(current):
        return False
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=locale,
        context_id=segment.context_id,
        defaults={
            "data": match.translation,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
            "tool_name": SUGGESTION,
            "last_translated_by": None,
            "has_error": False,
            "field_error": "",
        },
    )
    return True


class TranslationMemory:
    """The memory into one language, loaded once, for fuzzy look-ups."""

    def __init__(self, locale):
        entries = {}
        for source, data in (
            reviewed_translations(locale)
            .order_by("updated_at", "pk")
            .values_list("translation_of__data", "data")
        ):
            entries[source] = data  # the newest translation of each source string
        self.entries = [(text_of(source), source, data) for source, data in entries.items()]

    def suggestions(self, string, limit=SUGGESTIONS_SHOWN):
        """Translations of source strings similar to ``string`` (not itself), best first."""
        target = text_of(string)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(target)
        matches = []
        for text, source, data in self.entries:
            if source == string:
                continue
            matcher.set_seq1(text)
            if (
                matcher.real_quick_ratio() >= SUGGESTION_MIN_SCORE
                and matcher.quick_ratio() >= SUGGESTION_MIN_SCORE
                and (score := matcher.ratio()) >= SUGGESTION_MIN_SCORE
            ):
                matches.append(Match(score, source, data))
        matches.sort(key=lambda match: -match.score)
        return matches[:limit]


def word_diff(old, new):
    """``new`` as text with what changed from ``old`` marked ``<del>``/``<ins>``, word by word."""
    before, after = WORDS.findall(text_of(old)), WORDS.findall(text_of(new))
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(after[j1:j2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


def location_of(instance, path):
    """Where a segment is, as the editor names it: "Question 3 · Answer", "Title"."""
    location = capfirst(describe_paths(instance, [path]))
    field_name, block_id, child = [*path.split(".", 3), "", ""][:3]
    items = getattr(instance, field_name, None)
    if child and isinstance(items, StreamValue):
        for item in items:
            children = getattr(item.block, "child_blocks", {})
            if item.id == block_id and child in children:
                return f"{location} · {capfirst(children[child].label)}"
    return location


@dataclass
class PendingSegment:
    """A segment awaiting a person's translation, with what the memory knows of it."""

    segment_id: int
    location: str
    source: str
    source_diff: str = ""  # the English change since the previous translation
    previous: Match | None = None
    prefilled: str = ""  # the unreviewed pre-fill the editor shows
    prefilled_from: str = ""
    suggestions: list[Match] = field(default_factory=list)


def pending_segments(translation, limit=PANEL_SEGMENTS):
    """What the translation editor's review panel lists: the first ``limit`` segments of
    ``translation`` without a reviewed translation, in page order, and how many there are."""
    locale = translation.target_locale
    pending = untranslated_segments([translation.source], locale).order_by("order")
    segments = list(pending.select_related("string", "context")[:limit])
    if not segments:
        return [], 0
    count = len(segments) if len(segments) < limit else pending.count()
    instance = translation.source.as_instance()
    unreviewed = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale,
            context_id__in={segment.context_id for segment in segments},
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
    }
    previous = previous_translations(translation.source, locale, segments)
    memory = TranslationMemory(locale)
    listed = []
    for segment in segments:
        item = PendingSegment(
            segment_id=segment.pk,
            location=location_of(instance, segment.context.path),
            source=text_of(segment.string.data),
            previous=previous.get(segment.pk),
            suggestions=memory.suggestions(segment.string.data),
        )
        if item.previous is not None:
            item.source_diff = word_diff(item.previous.source, segment.string.data)
            item.suggestions = [
                match for match in item.suggestions if match.source != item.previous.source
            ]
        prefill = unreviewed.get((segment.string_id, segment.context_id))
        if prefill is not None:
            item.prefilled = prefill.data
            item.prefilled_from = origin_of(prefill)
        listed.append(item)
    return listed, count
