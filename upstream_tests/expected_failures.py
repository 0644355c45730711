"""A pytest plugin: the upstream tests this site's patches fail on purpose, and why.

Each is marked ``xfail(strict=True)``: one that passes fails the run (a patch no longer does what
it did, or upstream changed its test), as does any other failure, and so does a name below
that no longer names a test of its module. The run also stops before its tests if a patch is
not in place, since it would then test wagtail-localize unpatched.
"""

import pytest

from faq.patching import PATCHES

CONVERT_TO_ALIAS = (
    "Refused on purpose (trustcenter.translation.views.refuse_convert_to_alias replaces "
    "wagtail_localize.views.convert.convert_to_alias): an alias would show the source language "
    "on the translation's URL."
)
PO_UPLOAD = "The site's PO upload (trustcenter.translation.views.upload_pofile) "
INVALID_PO_FILE = PO_UPLOAD + "says the file is not a valid PO file, naming it."

LOCAL_DATES = (
    "The site's translation editor (trustcenter.translation.admin_language.LocalDateComments) "
    "dates each translation's comment in the user's language (Django's DATE_FORMAT), not by "
    "strftime in English."
)
NEEDS_REVIEW = (
    "The site's translation editor (trustcenter.translation.bulk_editor) sends an unreviewed "
    "(machine or pre-filled) translation with an error saying it needs review, so the editor "
    "shows it in red."
)
LINKS_KEPT = (
    "The FAQ app's link rule (faq.upstream LINKS_KEPT, faq.translation.markup) words a link "
    "the source lacks (or lost) in the translator's language, naming it."
)
SYNC_HELP = (
    "The site's sync form (trustcenter.translation.views) says untranslated items are held "
    "back, not shown in the source language, and offers publishing only to those who may."
)

CONVERT_TEST = "tests/test_convert_to_alias.py::ConvertToAliasViewTest::"
EDIT_STRING_TEST = "tests/test_edit_translation.py::TestEditStringTranslationAPIView::"
SYNC_TEST = "tests/test_update_translations.py::TestUpdateTranslations::"
PO_UPLOAD_TEST = "tests/test_edit_translation.py::TestUploadPOFileView::"
SYNC_PUBLISHING_MACHINE_TRANSLATION_TEST = (
    "tests/test_update_translations.py::TestUpdateTranslations::"
    "test_post_update_page_translation_with_publish_translations_and_use_machine_translation"
)

EXPECTED_FAILURES = {
    **{
        CONVERT_TEST + name: CONVERT_TO_ALIAS
        for name in [
            "test_convert",
            "test_convert_adds_entry_to_audit_log",
            "test_convert_redirect_with_valid_next_url",
            "test_convert_removes_translation_objects",
            "test_convert_syncs_alias_with_source",
            "test_convert_to_alias_action_redirect_to_own_view",
            "test_convert_translation_from_translated_page",
            "test_convert_view_404s_for_alias_pages",
            "test_convert_view_404s_for_non_translation_pages",
            "test_convert_view_shows_confirmation_page_on_get",
        ]
    },
    PO_UPLOAD_TEST + "test_upload_pofile_page_without_next_url": (
        PO_UPLOAD + "goes back to the translated page's editor without a next URL, not to the "
        "dashboard."
    ),
    PO_UPLOAD_TEST + "test_upload_pofile_snippet_against_wrong_translationid": (
        PO_UPLOAD + "names the page and language a PO file of another translation is for."
    ),
    PO_UPLOAD_TEST + "test_upload_pofile_snippet_filename_instead_of_file": INVALID_PO_FILE,
    PO_UPLOAD_TEST + "test_upload_pofile_snippet_invalid_file": INVALID_PO_FILE,
    EDIT_STRING_TEST + "test_create_string_translation": LOCAL_DATES,
    EDIT_STRING_TEST + "test_update_string_translation": LOCAL_DATES,
    EDIT_STRING_TEST + "test_update_string_translation_with_bad_html": LOCAL_DATES,
    EDIT_STRING_TEST + "test_delete_string_translation": NEEDS_REVIEW,
    EDIT_STRING_TEST + "test_update_string_translation_with_unkown_links": LINKS_KEPT,
    SYNC_TEST + "test_update_translations_form_with_machine_translator": SYNC_HELP,
    SYNC_TEST + "test_update_translations_form_without_machine_translator": SYNC_HELP,
    SYNC_PUBLISHING_MACHINE_TRANSLATION_TEST: (
        "The FAQ app's review rule (faq.upstream replaces StringSegmentQuerySet."
        "annotate_translation): a machine translation is not published until a translator "
        "reviews it, so the synced page is published with its source text."
    ),
}


def pytest_sessionstart(session):
    not_in_place = [patch.label for patch in PATCHES if not patch.has_taken()]
    if not PATCHES or not_in_place:
        pytest.exit(f"This site's patches are not in place: {not_in_place or 'none installed'}", 1)


def pytest_collection_modifyitems(config, items):
    for item in items:
        reason = EXPECTED_FAILURES.get(item.nodeid)
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=True))
    collected = {item.nodeid for item in items}
    collected_modules = {nodeid.split("::")[0] for nodeid in collected}
    gone = sorted(
        name
        for name in EXPECTED_FAILURES
        if name not in collected and name.split("::")[0] in collected_modules
    )
    if gone:
        raise pytest.UsageError(f"Expected failures that name no test: {', '.join(gone)}")
