"""This site's versions of some wagtail-localize admin views (each answers its upstream URL:
see ``trustcenter.upstream.wagtail_localize``).

- A PO download has the translation memory's pre-fills (made first, as when the editor opens)
  and every unreviewed translation flagged fuzzy; a PO upload applies all of its entries that
  are not fuzzy or none, and lists the glossary terms they leave out (``po_files``).
- A string saved in the translation editor is refused when the translated page can't hold it,
  it drops or invents a link of its source, or it is a bare URL translating prose (a link's URL
  typed into the wrong box: it has its own, "Link “…”"); its bold, italic and line-break
  differences come back as ``formatting_warnings`` (``faq.translation.markup``), the glossary
  terms it leaves out as ``glossary_warnings`` (``trustcenter.glossary.terminology``).
- A per-language URL is one ``faq.links`` accepts (wagtail-localize takes any text): a
  rich-text link's, and any string or override whose English value is a URL (a header or
  footer link's, the ICP licence link).
- Publishing a translation in the translation editor is refused, saying why, when the translated
  page would fail its own validation (wagtail-localize's refusal, after the request, names
  nothing).
- A translated page is never turned into an alias of its source: an alias shows the source
  language on the translation's URL.
- "Translate this page" and "Sync translated pages" refuse a source that fails its own
  validation (e.g. a FAQ page stored before item ids were checked, which wagtail-localize
  can't take apart), naming the problems: the editor fixes it in the page editor.
- "Sync translated pages" with "Publish immediately" publishes only what the user may
  publish (wagtail-localize publishes every translation for anyone who may sync).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import OverridableSegment, StringSegment, Translation
from wagtail_localize.views.edit_translation import (
    edit_override,
    user_can_edit_instance,
)
from wagtail_localize.views.edit_translation import (
    edit_string_translation as wagtail_localize_edit_string_translation,
)
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from faq.links import is_url, link_url_problem, translated_url_problem
from faq.translation.markup import formatting_differences, link_problem
from faq.validation import check_rich_text, describe_validation_error
from trustcenter.glossary.terminology import missing_term_warning, missing_terms

from . import memory
from .notifications import notify_translators
from .po_files import (
    POFileRefused,
    export_po_file,
    field_problems,
    import_po_file,
    new_problems,
    translated_page_problems,
)

# The glossary warnings listed after a PO upload; the rest are counted.
GLOSSARY_WARNINGS_SHOWN = 5


def download_pofile(request, translation_id):
    """Replaces wagtail-localize's view of the same URL (same permission and file name)."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    if translation.enabled:  # as the editor: only a synced translation is pre-filled
        memory.prefill(translation)
    response = HttpResponse(
        str(export_po_file(translation)), content_type="text/x-gettext-translation"
    )
    response["Content-Disposition"] = (
        f"attachment; filename={slugify(translation.source.object_repr)}"
        f"-{translation.target_locale.language_code}.po"
    )
    return response


@require_POST
def upload_pofile(request, translation_id):
    """Replaces wagtail-localize's view of the same URL."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
    else:
        try:
            imported = import_po_file(translation, upload, request.user)
        except POFileRefused as refusal:
            messages.error(request, str(refusal))
        else:
            _report_po_import(request, upload.name, imported)
    return redirect(
        get_valid_next_url_from_request(request) or translation.get_target_instance_edit_url()
    )


def _report_po_import(request, file_name, imported):
    success = _("Imported %(count)d translations from %(file)s. Publish to show them.") % {
        "count": imported.applied,
        "file": file_name,
    }
    if imported.fuzzy_skipped:
        success += " " + ngettext(
            "%(count)d fuzzy entry was skipped: it stays marked “Needs review” until you remove "
            "its fuzzy flag.",
            "%(count)d fuzzy entries were skipped: they stay marked “Needs review” until you "
            "remove their fuzzy flag.",
            imported.fuzzy_skipped,
        ) % {"count": imported.fuzzy_skipped}
    messages.success(request, success)
    if imported.formatting_warnings:
        messages.warning(
            request,
            _("Check the formatting of %(file)s (bold, italic, line breaks): %(warnings)s.")
            % {"file": file_name, "warnings": "; ".join(imported.formatting_warnings)},
        )
    if imported.glossary_warnings:
        shown = imported.glossary_warnings[:GLOSSARY_WARNINGS_SHOWN]
        hidden = len(imported.glossary_warnings) - len(shown)
        if hidden:
            shown.append(_("and %(count)d more.") % {"count": hidden})
        messages.warning(
            request,
            format_html(
                "{}<ul>{}</ul>",
                _("Check the glossary terms in %(file)s:") % {"file": file_name},
                format_html_join("", "<li>{}</li>", ((line,) for line in shown)),
            ),
        )


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_string_translation(request, translation_id, string_segment_id):
    """Replaces wagtail-localize's view of the same URL (the translation editor saving one
    string; same authentication, and a 403 for a user who may not edit the translation): a
    string the translated page can't hold is a 400 naming why, and not stored."""
    if request.method != "PUT":
        return wagtail_localize_edit_string_translation(
            request._request, translation_id, string_segment_id
        )
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    # The editor sends a multipart form, a client may send it urlencoded: DRF parses either
    # and hands the fields to the Django request, where wagtail-localize's view reads them.
    value = request.data.get("value", "")
    try:
        check_rich_text(value)
    except ValueError as error:
        return JsonResponse(
            {"error": _("This translation %(error)s.") % {"error": error}}, status=400
        )
    segment = get_object_or_404(
        StringSegment.objects.select_related("string"), pk=string_segment_id
    )
    if is_url_for_prose(segment.string.data, value):
        return JsonResponse(
            {
                "error": _(
                    "Not saved: this is a web address, and its source is text. A link's URL "
                    "in this language goes in the link's own box (“Link …”)."
                )
            },
            status=400,
        )
    problem = translated_url_problem(segment.string.data, value) or link_problem(
        segment.string.data, value
    )
    if problem:
        return JsonResponse(
            {"error": _("Not saved: %(problem)s.") % {"problem": problem}}, status=400
        )
    problems = field_problems(translation, [(segment.context.path, value)])
    if problems:
        return _string_refusal(problems)
    earlier_problems = translated_page_problems(translation)
    with transaction.atomic():
        response = wagtail_localize_edit_string_translation(
            request._request, translation_id, string_segment_id
        )
        problems = new_problems(translation, earlier_problems) if response.status_code < 300 else []
        if problems:
            transaction.set_rollback(True)
            return _string_refusal(problems)
    if response.status_code < 300:
        # Not yet rendered: the editor's JSON gets the warnings beside wagtail-localize's data.
        response.data["formatting_warnings"] = formatting_differences(segment.string.data, value)
        response.data["glossary_warnings"] = [
            missing_term_warning(term)
            for term in missing_terms(translation.target_locale, segment.string.data, value)
        ]
    return response


def is_url_for_prose(source, value):
    """Whether ``value`` is only a web address while ``source`` is words (the translator typed a
    link's URL into a text box)."""
    return is_url(value) and len(strip_tags(source).split()) > 1


def _string_refusal(problems):
    message = _("Not saved: the translated page can't hold it: %(problems)s.") % {
        "problems": "; ".join(problems)
    }
    return JsonResponse({"error": message}, status=400)


def is_url_segment(overridable_segment):
    """Whether an overridable segment is a URL: a rich-text link's (wagtail-localize names those
    by the quoted source URL, ``<field path>.'<href>'``), or a field's or block's whose source
    value is one (the ICP licence link, a URLBlock's); others hold page ids, numbers, text."""
    source_value = overridable_segment.data
    return overridable_segment.context.path.endswith("'") or (
        isinstance(source_value, str) and is_url(source_value)
    )


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_link_checked_override(request, translation_id, overridable_segment_id):
    """Replaces wagtail-localize's ``edit_override`` (same authentication): a URL in another
    language is refused (400, saying why) unless ``faq.links`` accepts it."""
    if request.method == "PUT":
        segment = get_object_or_404(OverridableSegment, pk=overridable_segment_id)
        problem = is_url_segment(segment) and link_url_problem(request.data.get("value", ""))
        if problem:
            return Response(
                {"error": _("Not saved: %(problem)s.") % {"problem": problem}}, status=400
            )
    # DRF parsed the body into the Django request, where wagtail-localize's view reads it again.
    return edit_override(request._request, translation_id, overridable_segment_id)


def refuse_publishing_what_the_translation_cannot_hold(request, instance):
    """before_edit_page / before_edit_snippet: the translation editor's **Publish**, refused
    first, saying why, when the translated page would fail its own validation or publishing's
    rules (a repeated question, an empty answer...) where wagtail-localize can't show it on a
    segment. It publishes after the request's transaction commits, and a refusal then reaches
    the translator only as "New validation errors were found when publishing…"."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = memory.translation_of(instance)
    if translation is None or not _may_publish(request.user, instance):
        return None  # wagtail-localize's view answers (a 403 for who may not publish)
    problems = translated_page_problems(translation, unshown_only=True)
    if not problems:
        return None
    messages.error(request, _("Not published: %(problems)s.") % {"problems": "; ".join(problems)})
    return redirect(request.get_full_path())


def _may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))


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
    """wagtail-localize's "Sync translated pages", publishing only what the user may publish:
    "Publish immediately" is offered only to who may publish every translation, with help
    texts that say what this site does (untranslated items are held back, machine
    translations are suggestions); the translators are told there is work waiting."""

    def source_instance(self):
        return self.object.get_source_instance()

    def get_form(self):
        form = super().get_form()
        if self._languages_user_cannot_publish():
            del form.fields["publish_translations"]
        else:
            form.fields["publish_translations"].help_text = _(
                "Publish the translations with these updates now. Items not yet translated "
                "(and reviewed) stay off the translated pages until a translator translates them."
            )
        if "use_machine_translation" in form.fields:
            form.fields["use_machine_translation"].help_text = _(
                "Pre-fill the changes with machine translations: suggestions, published only "
                "once a translator reviews them."
            )
        return form

    def form_valid(self, form):
        if "publish_translations" not in form.fields:  # not offered: the user may not publish
            if self.request.POST.get("publish_translations"):
                messages.error(
                    self.request,
                    _(
                        "You can't publish in %(languages)s: sync without publishing, and a "
                        "translator will publish."
                    )
                    % {"languages": ", ".join(self._languages_user_cannot_publish())},
                )
                return self.render_to_response(self.get_context_data())
            form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if response.status_code == 302:  # synced (not refused)
            notify_translators(self.object)
        return response

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
