"""The Trust Center's rules on top of wagtail-localize.

- Machine translation only pre-fills. A machine string (``StringTranslation`` of type
  "machine") is a suggestion until a translator reviews it: saves it in the translation
  editor (stored as "manual") or uploads it in a PO file. Until then it counts as
  untranslated wherever wagtail-localize picks what to publish
  (``StringSegmentQuerySet.annotate_translation``: ``save_target``, the editor's "missing
  translations" warning, and the FAQ hold-back built on it).
- A PO upload applies all of its entries or none (wagtail-localize applies the good ones
  and reports success).
- "Sync translated pages" with "Publish immediately" publishes only what the user may
  publish (wagtail-localize publishes every translation for anyone who may sync).
- A translated page is never turned into an alias of its source: an alias shows the source
  language on the translation's URL.
- A per-language link URL is one ``faq.links`` accepts (wagtail-localize takes any text).
- A page is in its parent's language: a copy, alias or move of an English page into the
  Chinese tree would show English there (Wagtail keeps the original's locale).
"""

import contextlib
import os
import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    StringSegmentQuerySet,
    StringTranslation,
    Translation,
    UnknownContext,
    UnknownString,
    pk,
)
from wagtail_localize.strings import StringValue, validate_translation_links
from wagtail_localize.views.edit_translation import edit_override, user_can_edit_instance
from wagtail_localize.views.update_translations import UpdateTranslationsView

import polib
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from faq.links import link_url_problem

PO_TOOL_NAME = "PO File"


def annotate_reviewed_translation(self, locale, include_errors=False):
    """``annotate_translation`` that ignores unreviewed machine translations."""
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        locale_id=pk(locale),
        context_id=OuterRef("context_id"),
    ).exclude(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    if not include_errors:
        translations = translations.exclude(has_error=True)
    return self.annotate(translation=Subquery(translations.values("data")))


def apply_review_rule():
    StringSegmentQuerySet.annotate_translation = annotate_reviewed_translation


class POFileRefused(Exception):
    """The PO file can't be applied; the message says why, in one line."""


def _read_po(upload):
    # polib reads a file when given a string that names one, so never pass it the upload's
    # contents (as wagtail-localize does: a temporary file).
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as file:
        file.write(upload.read())
    try:
        return polib.pofile(file.name)
    except (OSError, UnicodeDecodeError) as error:  # polib reports syntax errors as OSError
        raise POFileRefused(
            _("%(file)s is not a valid PO file.") % {"file": upload.name}
        ) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(file.name)


def _check_po_belongs_to(po, upload, translation):
    translation_uuid = po.metadata.get("X-WagtailLocalize-TranslationID")
    if translation_uuid == str(translation.uuid):
        return
    other = Translation.objects.filter(uuid=translation_uuid or None).first()
    if other is None:
        raise POFileRefused(
            _("%(file)s was not downloaded from this translation (it has no known translation ID).")
            % {"file": upload.name}
        )
    raise POFileRefused(
        _("%(file)s is for “%(page)s” in %(language)s, not this translation.")
        % {
            "file": upload.name,
            "page": other.source.object_repr,
            "language": other.target_locale.get_display_name(),
        }
    )


def _entry_problem(warning):
    if isinstance(warning, UnknownContext):
        return _("entry %(number)d: unknown place “%(context)s”") % {
            "number": warning.index + 1,
            "context": warning.context,
        }
    if isinstance(warning, UnknownString):
        return _("entry %(number)d: unknown source text “%(text)s”") % {
            "number": warning.index + 1,
            "text": warning.string,
        }
    # The only other kind import_po reports: StringNotUsedInContext.
    return _("entry %(number)d: “%(text)s” is not used at “%(context)s”") % {
        "number": warning.index + 1,
        "text": warning.string,
        "context": warning.context,
    }


def _markup_problems(po):
    problems = []
    for index, entry in enumerate(po):
        if not entry.msgstr:
            continue
        try:
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            problems.append(
                _("entry %(number)d (%(context)s): %(error)s")
                % {"number": index + 1, "context": entry.msgctxt, "error": error}
            )
    return problems


def import_po_file(translation, upload, user):
    """Apply every translated entry of an uploaded PO file, or none. Returns how many entries
    carried a translation; raises ``POFileRefused`` naming what is wrong."""
    po = _read_po(upload)
    _check_po_belongs_to(po, upload, translation)
    problems = _markup_problems(po)
    with transaction.atomic():
        warnings = translation.import_po(po, user=user, tool_name=PO_TOOL_NAME)
        problems += [_entry_problem(warning) for warning in warnings]
        if problems:
            transaction.set_rollback(True)
            raise POFileRefused(
                _("%(file)s was not imported (nothing was changed): %(problems)s.")
                % {"file": upload.name, "problems": "; ".join(problems)}
            )
        translated = [entry for entry in po if entry.msgstr]
        _mark_reviewed(translation, translated, user)
    return len(translated)


def _mark_reviewed(translation, entries, user):
    """A PO entry that confirms a machine suggestion unchanged reviews it (``import_po`` only
    touches strings whose text changed)."""
    wanted = {(entry.msgid, entry.msgctxt) for entry in entries}
    suggestions = StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).select_related("translation_of", "context")
    reviewed = [
        suggestion.pk
        for suggestion in suggestions
        if (suggestion.translation_of.data, suggestion.context.path) in wanted
    ]
    StringTranslation.objects.filter(pk__in=reviewed).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        tool_name=PO_TOOL_NAME,
        last_translated_by=user,
    )


@require_POST
def upload_pofile(request, translation_id):
    """Replaces wagtail-localize's view of the same URL (see ``wagtail_hooks``)."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
    else:
        try:
            count = import_po_file(translation, upload, request.user)
        except POFileRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Imported %(count)d translations from %(file)s. Publish to show them.")
                % {"count": count, "file": upload.name},
            )
    return redirect(
        get_valid_next_url_from_request(request) or translation.get_target_instance_edit_url()
    )


def is_link_url_segment(overridable_segment):
    """Whether an overridable segment is a rich-text link's URL: wagtail-localize names those
    by the quoted source URL (``<field path>.'<href>'``)."""
    return overridable_segment.context.path.endswith("'")


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_link_checked_override(request, translation_id, overridable_segment_id):
    """Replaces wagtail-localize's ``edit_override`` (same authentication): a link's URL in
    another language is refused (400, saying why) unless ``faq.links`` accepts it."""
    if request.method == "PUT":
        segment = get_object_or_404(OverridableSegment, pk=overridable_segment_id)
        problem = is_link_url_segment(segment) and link_url_problem(request.data.get("value", ""))
        if problem:
            return Response(
                {"error": _("Not saved: %(problem)s.") % {"problem": problem}}, status=400
            )
    # DRF parsed the body into the Django request, where wagtail-localize's view reads it again.
    return edit_override(request._request, translation_id, overridable_segment_id)


def refuse_convert_to_alias(request, page_id):
    """Replaces wagtail-localize's "Convert to alias page"."""
    messages.error(
        request,
        _(
            "A translated page can't become an alias of its source: it would show the "
            "source language. Restart the synced translation instead."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page_id)


def hide_convert_to_alias(menu_items, request, context):
    """construct_page_action_menu: drop wagtail-localize's "Convert to alias page" item."""
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


class SyncPublishingOnlyWhatUserMayView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only what the user may publish."""

    def form_valid(self, form):
        if form.cleaned_data["publish_translations"]:
            refused = self._languages_user_cannot_publish()
            if refused:
                messages.error(
                    self.request,
                    _(
                        "You can't publish in %(languages)s: sync without publishing, and a "
                        "translator will publish."
                    )
                    % {"languages": ", ".join(refused)},
                )
                return self.render_to_response(self.get_context_data())
        return super().form_valid(form)

    def _languages_user_cannot_publish(self):
        refused = []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "target_locale"
        ):
            target = translation.get_target_instance()
            permissions = getattr(target, "permissions_for_user", None)
            if permissions is not None and not permissions(self.request.user).can_publish():
                refused.append(translation.target_locale.get_display_name())
        return refused


def refuse_page_in_another_languages_tree(sender, instance, **kwargs):
    """pre_save of any page: below the language homes, a page has its parent's locale."""
    if not isinstance(instance, Page) or not instance.depth or instance.depth <= 2:
        return
    parent = instance.get_parent()
    if parent.locale_id != instance.locale_id:
        raise ValidationError(
            _(
                "A page in %(language)s can't be placed under “%(parent)s”, a page in "
                "%(parent_language)s: translate it (“Translate this page”) instead."
            )
            % {
                "language": instance.locale.get_display_name(),
                "parent": parent.title,
                "parent_language": parent.locale.get_display_name(),
            },
            code="page_in_another_languages_tree",
        )
