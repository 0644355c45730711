"""The start-up checks of the site's changes to Wagtail's v3 API (``upstream.v3_api``)."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError

import pytest

from faq import patching
from trustcenter.upstream import v3_api


@pytest.fixture
def registry(monkeypatch):
    """The patch registry, restored after the test."""
    monkeypatch.setattr(patching, "PATCHES", list(patching.PATCHES))
    return patching.PATCHES


def check_failure():
    with pytest.raises(SystemCheckError) as error:
        call_command("check")
    return str(error.value)


def test_the_v3_patches_are_installed_and_pass_the_check():
    patches = [v3_api.OPENAPI_DOCUMENT, v3_api.JSON_BODY_DECODED_ONCE, *v3_api.OPERATION_PATCHES]
    assert set(patches) <= set(patching.PATCHES)
    assert [problem for patch in patches for problem in patch.problems()] == []
    call_command("check")  # raises SystemCheckError on any error


def test_a_v3_patch_written_against_other_upstream_code_fails_start_up(registry):
    registry.append(
        v3_api.APIAttributePatch(
            v3_api.v3_api,
            "get_openapi_schema",
            v3_api.completed_openapi_schema,
            upstream=(v3_api.NinjaAPI.get_openapi_schema,),
            sha256="0" * 64,
        )
    )
    output = check_failure()
    assert "(upstream.E001) wagtail.api.v3.api.api.get_openapi_schema: the upstream code" in output
    assert f"record its hash: {v3_api.OPENAPI_DOCUMENT.sha256}" in output


def test_an_operation_patch_naming_an_operation_v3_does_not_have_fails_start_up(registry):
    writes = v3_api.OPERATION_PATCHES[-1]
    registry.append(
        v3_api.OperationPatch(
            "a renamed operation",
            writes.replacement,
            operation_ids={"pages_actions_publish", "pages_actions_publish_now"},
            upstream=writes.upstream,
            sha256=writes.sha256,
        )
    )
    output = check_failure()
    assert "(upstream.E002) wagtail.api.v3.api.api operations: a renamed operation" in output
    assert "v3 has no operation pages_actions_publish_now any more" in output


def test_an_operation_patch_that_never_wrapped_its_operations_fails_start_up(registry):
    writes = v3_api.OPERATION_PATCHES[-1]
    registry.append(
        v3_api.OperationPatch(
            "never installed",
            writes.replacement,
            operation_ids={"pages_actions_publish"},
            upstream=writes.upstream,
            sha256=writes.sha256,
        )
    )
    output = check_failure()
    assert "operations: never installed: the patch is not installed" in output
