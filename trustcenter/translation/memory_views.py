"""The translation memory's one admin view: "Start from this" on a suggestion in the review
panel below the translation editor (``trustcenter.translation.memory``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from . import memory


@require_POST
def start_from_suggestion(request, translation_id, string_segment_id):
    """The suggestion of the memory whose source string is posted becomes the segment's
    unreviewed pre-fill, which the translator then edits and saves in the editor."""
    translation = get_object_or_404(Translation, id=translation_id)
    segment = get_object_or_404(
        StringSegment.objects.select_related("string"),
        id=string_segment_id,
        source_id=translation.source_id,
    )
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    if memory.start_from_suggestion(translation, segment, request.POST.get("source", "")):
        messages.success(
            request,
            _("The suggestion is in the editor, marked “Needs review”: edit it and save."),
        )
    else:
        messages.error(
            request,
            _(
                "That suggestion can't be used here any more: the text is translated "
                "already, or the memory changed."
            ),
        )
    return redirect(translation.get_target_instance_edit_url())
