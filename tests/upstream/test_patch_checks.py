"""The start-up checks that guard every patch of upstream code (``faq.patching``)."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from wagtail_localize.views import edit_translation

import pytest

from faq import patching
from trustcenter.upstream import wagtail_localize as upstream_wagtail_localize


@pytest.fixture
def registry(monkeypatch):
    """The patch registry, restored after the test."""
    monkeypatch.setattr(patching, "PATCHES", list(patching.PATCHES))
    return patching.PATCHES


def test_every_patch_is_installed_and_matches_its_upstream_code():
    assert len(patching.PATCHES) >= len(upstream_wagtail_localize.PATCHES) + 2
    assert patching.check_patches() == []
    call_command("check")  # raises SystemCheckError on any error


def test_a_patch_written_against_other_upstream_code_fails_start_up(registry, capsys):
    patch = patching.Patch(
        edit_translation,
        "preview_translation",
        lambda request, translation_id: None,
        sha256="0" * 64,
    )
    original = edit_translation.preview_translation
    try:
        patch.install()
        with pytest.raises(SystemCheckError) as error:
            call_command("check")
    finally:
        edit_translation.preview_translation = original
    assert "(upstream.E001) wagtail_localize.views.edit_translation.preview_translation" in str(
        error.value
    )
    current = patching.source_sha256((edit_translation, "preview_translation"))
    assert f"record its hash: {current}" in str(error.value)


def test_a_replaced_patch_is_reported(registry, monkeypatch):
    (upload,) = [
        patch for patch in upstream_wagtail_localize.PATCHES if patch.name == "upload_pofile"
    ]
    monkeypatch.setattr(edit_translation, "upload_pofile", upload.original)
    problems = patching.check_patches()
    assert [problem.id for problem in problems] == ["upstream.E002"]
    assert "edit_translation.upload_pofile: the patch is not installed" in problems[0].msg


def test_a_view_patch_is_checked_at_its_url(registry, monkeypatch):
    """Replacing the attribute is not enough: wagtail-localize's URL must reach the view."""
    (convert,) = [p for p in upstream_wagtail_localize.PATCHES if p.name == "convert_to_alias"]
    monkeypatch.setattr(convert, "url_name", "wagtail_localize:stop_translation")
    monkeypatch.setattr(convert, "url_kwargs", {"translation_id": 1})
    assert [problem.id for problem in patching.check_patches()] == ["upstream.E002"]
