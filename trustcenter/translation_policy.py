"""The Trust Center's rules on top of wagtail-localize.

- Machine translation only pre-fills. A machine string (``StringTranslation`` of type
  "machine") is a suggestion until a translator reviews it: saves it in the translation
  editor (stored as "manual") or uploads it in a PO file. Until then it counts as
  untranslated wherever wagtail-localize picks what to publish
  (``StringSegmentQuerySet.annotate_translation``: ``save_target``, the editor's "missing
  translations" warning, and the FAQ hold-back built on it).
- A PO upload applies all of its entries or none (wagtail-localize applies the good ones
  and reports success). It, and a string saved in the translation editor, is refused when
  the translated page would fail its own validation with it (a title over 255 characters,
  a NUL, markup nested too deeply...), naming the problem, and nothing is stored.
- "Sync translated pages" with "Publish immediately" publishes only what the user may
  publish (wagtail-localize publishes every translation for anyone who may sync).
- A translated page is never turned into an alias of its source: an alias shows the source
  language on the translation's URL.
- "Translate this page" and "Sync translated pages" refuse a source that fails its own
  validation (e.g. a FAQ page stored before item ids were checked, which wagtail-localize
  can't take apart), naming the problems: the editor fixes it in the page editor.
- A per-language link URL is one ``faq.links`` accepts (wagtail-localize takes any text).
- A page is in its parent's language: a copy, alias or move of an English page into the
  Chinese tree would show English there (Wagtail keeps the original's locale).
"""

import contextlib
import os
import tempfile
import uuid

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    UnknownContext,
    UnknownString,
)
from wagtail_localize.strings import StringValue, validate_translation_links
from wagtail_localize.views.edit_translation import edit_override, user_can_edit_instance
from wagtail_localize.views.edit_translation import (
    edit_string_translation as wagtail_localize_edit_string_translation,
)
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

import polib
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from faq.links import link_url_problem
from faq.validation import check_rich_text, describe_validation_error

PO_TOOL_NAME = "PO File"


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
    try:
        other = Translation.objects.filter(uuid=uuid.UUID(translation_uuid)).first()
    except (TypeError, ValueError):  # missing, or not a UUID
        other = None
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
            # First: wagtail-localize's HTML parsing recurses, and fails on deep nesting.
            check_rich_text(entry.msgstr)
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            problems.append(
                _("entry %(number)d (%(context)s): %(error)s")
                % {"number": index + 1, "context": entry.msgctxt, "error": error}
            )
            # The file is refused; import_po (which skips empty entries) still reports the
            # other entries' problems, and never parses this one (deep nesting crashes it).
            entry.msgstr = ""
    return problems


def import_po_file(translation, upload, user):
    """Apply every translated entry of an uploaded PO file, or none. Returns how many entries
    carried a translation; raises ``POFileRefused`` naming what is wrong."""
    po = _read_po(upload)
    _check_po_belongs_to(po, upload, translation)
    problems = _markup_problems(po)
    too_long = field_problems(translation, [(entry.msgctxt, entry.msgstr) for entry in po])
    if too_long:  # import_po would write them, and PostgreSQL refuse them (see field_problems)
        raise _po_refusal(upload, problems + too_long)
    earlier_problems = translated_page_problems(translation)
    with transaction.atomic():
        warnings = translation.import_po(po, user=user, tool_name=PO_TOOL_NAME)
        problems += [_entry_problem(warning) for warning in warnings]
        problems += new_problems(translation, earlier_problems)
        if problems:
            transaction.set_rollback(True)
            raise _po_refusal(upload, problems)
        translated = [entry for entry in po if entry.msgstr]
        _mark_reviewed(translation, translated, user)
    return len(translated)


def _po_refusal(upload, problems):
    return POFileRefused(
        _("%(file)s was not imported (nothing was changed): %(problems)s.")
        % {"file": upload.name, "problems": "; ".join(problems)}
    )


def field_problems(translation, strings):
    """What the page's own fields refuse of ``strings`` (``(context path, text)`` pairs), as
    ``field: message``. Checked before anything is written: wagtail-localize copies a title into
    the page's ``draft_title`` as it stores it, and PostgreSQL refuses one that is too long
    before any validation could."""
    model = translation.source.specific_content_type.model_class()
    problems = []
    for path, text in strings:
        try:
            field = model._meta.get_field(path)
        except FieldDoesNotExist:  # a StreamField's inner path: the page's validation checks it
            continue
        try:
            field.run_validators(text)
        except ValidationError as error:
            problems += [f"{path}: {message.rstrip('.')}" for message in error.messages]
    return problems


def translated_page_problems(translation):
    """What the translated page, with the translations stored now, would fail in its own
    validation (``full_clean``): one message per problem, naming its field."""
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        page.full_clean()
    except ValidationError as error:
        return describe_validation_error(error).split("; ")
    return []


def new_problems(translation, earlier_problems):
    """The problems of the translated page that weren't there before this change: a
    translator is never blocked by what someone else left broken."""
    return [
        problem
        for problem in translated_page_problems(translation)
        if problem not in earlier_problems
    ]


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


def edit_string_translation(request, translation_id, string_segment_id):
    """Replaces wagtail-localize's view of the same URL (the translation editor saving one
    string): a string the translated page can't hold is a 400 naming why, and not stored."""
    if request.method != "PUT":
        return wagtail_localize_edit_string_translation(request, translation_id, string_segment_id)
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    value = QueryDict(request.body).get("value", "")
    try:
        check_rich_text(value)
    except ValueError as error:
        return JsonResponse(
            {"error": _("This translation %(error)s.") % {"error": error}}, status=400
        )
    segment = get_object_or_404(StringSegment, pk=string_segment_id)
    problems = field_problems(translation, [(segment.context.path, value)])
    if problems:
        return _string_refusal(problems)
    earlier_problems = translated_page_problems(translation)
    with transaction.atomic():
        response = wagtail_localize_edit_string_translation(
            request, translation_id, string_segment_id
        )
        problems = new_problems(translation, earlier_problems) if response.status_code < 300 else []
        if problems:
            transaction.set_rollback(True)
            return _string_refusal(problems)
    return response


def _string_refusal(problems):
    message = _("Not saved: the translated page can't hold it: %(problems)s.") % {
        "problems": "; ".join(problems)
    }
    return JsonResponse({"error": message}, status=400)


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


class RefusingInvalidSources:
    """A wagtail-localize view that refuses to translate a source failing its validation."""

    def source_instance(self):
        raise NotImplementedError

    def form_valid(self, form):
        source = self.source_instance()
        try:
            source.full_clean()
        except ValidationError as error:
            messages.error(
                self.request,
                _(
                    "“%(page)s” can't be translated until it is fixed in the page editor "
                    "(saving it there gives items without a valid id new ones): %(problems)s"
                )
                % {"page": source, "problems": describe_validation_error(error)},
            )
            return self.render_to_response(self.get_context_data())
        return super().form_valid(form)


class SubmitValidPageTranslationView(RefusingInvalidSources, SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", for a page that passes its validation."""

    def source_instance(self):
        return self.object


class SyncPublishingOnlyWhatUserMayView(RefusingInvalidSources, UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only what the user may publish."""

    def source_instance(self):
        return self.object.get_source_instance()

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
