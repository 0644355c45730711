"""PO files: the translation editor's workbench for a translator who works offline.

Download: wagtail-localize's export, with every unreviewed translation (the translation
memory's pre-fill, made first as when the editor opens, or a machine translation) flagged
``fuzzy`` and its origin in a comment, so PO editors show it as needing review.

Upload: every translated entry applied, or none. wagtail-localize applies the good entries of a
file and reports success. Here a file is refused, naming each problem in one line, when an
entry is for another translation, has broken markup, drops or invents a link of its source,
translates a URL into one ``faq.links`` refuses (a header or footer link's: ``javascript:``...),
or would make the translated page fail its own validation (a title over 255 characters, a NUL,
markup nested too deeply, a repeated question...); nothing is stored then. A fuzzy entry is
skipped (what it translates stays unreviewed); an entry that is not fuzzy is a person's
translation, and one that confirms a machine suggestion or pre-fill unchanged reviews it.
Formatting that differs from the source (bold, italic, line breaks) and glossary terms left out
are only reported.
"""

import contextlib
import os
import tempfile
import uuid
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationContext,
    UnknownContext,
    UnknownString,
)
from wagtail_localize.strings import StringValue

import polib

from faq.links import translated_url_problem
from faq.translation.markup import check_links, formatting_differences
from faq.validation import check_rich_text, describe_validation_error
from trustcenter.glossary.terminology import checker, missing_term_warning

from .memory import origin_of

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
            check_links(entry.msgid, entry.msgstr)
            if problem := translated_url_problem(entry.msgid, entry.msgstr):
                raise ValueError(problem)
        except ValueError as error:
            problems.append(
                _("entry %(number)d (%(context)s): %(error)s")
                % {"number": index + 1, "context": entry.msgctxt, "error": error}
            )
            # The file is refused; import_po (which skips empty entries) still reports the
            # other entries' problems, and never parses this one (deep nesting crashes it).
            entry.msgstr = ""
    return problems


def export_po_file(translation):
    """The translation's PO file with its unreviewed translations (which ``export_po`` leaves
    out, as it reads translations as publishing does: ``faq.upstream``), each flagged fuzzy
    with a comment naming where it came from."""
    po = translation.export_po()
    unreviewed = _unreviewed_translations(translation)
    for entry in po:
        string_translation = unreviewed.get((entry.msgid, entry.msgctxt))
        if string_translation is not None:
            entry.msgstr = string_translation.data
            entry.flags.append("fuzzy")
            entry.comment = _(
                "Needs review: pre-filled from %(origin)s. Counted as reviewed once you remove "
                "its fuzzy flag and upload the file."
            ) % {"origin": origin_of(string_translation)}
    return po


def _unreviewed_translations(translation):
    """``{(source text, context path): StringTranslation}``, each unreviewed translation of
    ``translation``, keyed as its PO entry is."""
    return {
        (string_translation.translation_of.data, string_translation.context.path): (
            string_translation
        )
        for string_translation in StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).select_related("translation_of", "context")
    }


@dataclass
class POImport:
    """What an applied PO file did. The warnings name their entry, one message each."""

    applied: int  # entries that carried a translation
    fuzzy_skipped: int  # entries with a translation flagged fuzzy, not applied
    formatting_warnings: list[str]  # bold, italic, line breaks that differ from the source
    glossary_warnings: list[str]  # glossary terms left out


def import_po_file(translation, upload, user):
    """Apply every translated entry of an uploaded PO file that is not fuzzy, or none. Returns
    a ``POImport``; raises ``POFileRefused`` naming what is wrong."""
    po = _read_po(upload)
    _check_po_belongs_to(po, upload, translation)
    fuzzy_skipped = _set_fuzzy_aside(po)
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
    return POImport(
        applied=len(translated),
        fuzzy_skipped=fuzzy_skipped,
        formatting_warnings=_entry_warnings(po, formatting_differences),
        glossary_warnings=_glossary_warnings(translation, po),
    )


def _set_fuzzy_aside(po):
    """Blank the fuzzy entries (``import_po`` skips blank ones): a translation still needing
    review is never applied as a person's. Returns how many of the file's entries (obsolete
    ones aside, which PO editors hide) were skipped so."""
    skipped = 0
    for entry in po:
        if entry.fuzzy and entry.msgstr:
            skipped += not entry.obsolete
            entry.msgstr = ""
    return skipped


def _glossary_warnings(translation, po):
    missing_terms = checker(translation.target_locale)
    if missing_terms is None:
        return []
    return _entry_warnings(
        po, lambda source, text: list(map(missing_term_warning, missing_terms(source, text)))
    )


def _entry_warnings(po, problems_of):
    """A message naming its entry for each problem ``problems_of(source, translation)`` finds
    in a translated entry."""
    return [
        _("entry %(number)d (%(context)s): %(difference)s")
        % {"number": index + 1, "context": entry.msgctxt, "difference": difference}
        for index, entry in enumerate(po)
        if entry.msgstr
        for difference in problems_of(entry.msgid, entry.msgstr)
    ]


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


def translated_page_problems(translation, unshown_only=False):
    """What the translated page, with the translations stored now, would fail in its own
    validation (``full_clean``) or on publishing (``publishing_problems``, where the model has
    them): one message per problem, naming its field. wagtail-localize publishes a
    translation after the request's transaction commits, where a refusal could not say why, so
    a translation is checked as it is stored.

    With ``unshown_only``, only if wagtail-localize's failed publish would not show them on
    the translator's segments: it marks the translation of a plain field (a title too long),
    not of a StreamField's block, nor a page-wide problem."""
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    problems = []
    try:
        page.full_clean()
    except ValidationError as error:
        if not unshown_only or set(error.message_dict) - _plain_field_paths(translation):
            problems = describe_validation_error(error).split("; ")
    if hasattr(page, "publishing_problems"):
        problems += page.publishing_problems()
    return problems


def _plain_field_paths(translation):
    """The fields of the source whose translation is one segment, keyed by the field's name."""
    return set(
        TranslationContext.objects.filter(
            object_id=translation.source.object_id, path__regex=r"^[^.]+$"
        ).values_list("path", flat=True)
    )


def new_problems(translation, earlier_problems):
    """The problems of the translated page that weren't there before this change: a
    translator is never blocked by what someone else left broken."""
    return [
        problem
        for problem in translated_page_problems(translation)
        if problem not in earlier_problems
    ]


def _mark_reviewed(translation, entries, user):
    """A PO entry that confirms a machine suggestion or pre-fill unchanged reviews it
    (``import_po`` only touches strings whose text changed)."""
    unreviewed = _unreviewed_translations(translation)
    reviewed = [
        unreviewed[key].pk
        for key in {(entry.msgid, entry.msgctxt) for entry in entries}
        if key in unreviewed
    ]
    StringTranslation.objects.filter(pk__in=reviewed).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        tool_name=PO_TOOL_NAME,
        last_translated_by=user,
    )
