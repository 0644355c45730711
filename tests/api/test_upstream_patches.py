"""The start-up check of the site's patches of upstream code (``faq.patching``), on the v3 API's."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError

import pytest

from faq import patching
from trustcenter.upstream import v3_api


@pytest.fixture
def extra_patch():
    """Register a patch for one test, then restore the registry as it was."""
    registered = list(patching.PATCHES)

    def register(patch):
        patching.PATCHES.append(patch)
        return patch

    yield register
    patching.PATCHES[:] = registered


def check_output():
    try:
        call_command("check")
    except SystemCheckError as error:
        return str(error)
    return "no issues"


def test_the_sites_patches_pass_the_check():
    assert v3_api.OPENAPI_DOCUMENT in patching.PATCHES
    assert set(v3_api.OPERATION_PATCHES) <= set(patching.PATCHES)
    assert patching.check_patches() == []
    assert check_output() == "no issues"


def test_a_patch_written_for_other_upstream_code_fails_the_check(extra_patch):
    patch = v3_api.APIAttributePatch(
        v3_api.v3_api,
        "get_openapi_schema",
        v3_api.completed_openapi_schema,
        upstream=v3_api.NinjaAPI.get_openapi_schema,
        sha256="0" * 64,
    )
    extra_patch(patch)
    output = check_output()
    assert "upstream.E001" in output
    assert "wagtail.api.v3.api.api.get_openapi_schema: the upstream code" in output
    # The hint names the hash to record once the patch is adapted.
    assert v3_api.OPENAPI_DOCUMENT.sha256 in output


def test_an_operation_patch_naming_an_operation_v3_does_not_have_fails_the_check(extra_patch):
    real = v3_api.OPERATION_PATCHES[-1]
    extra_patch(
        v3_api.OperationPatch(
            "a renamed operation",
            real.replacement,
            operation_ids={"pages_actions_publish", "pages_actions_publish_now"},
            upstream=real.upstream,
            sha256=real.sha256,
        )
    )
    output = check_output()
    assert "upstream.E002" in output
    assert "v3 has no operation pages_actions_publish_now any more" in output
