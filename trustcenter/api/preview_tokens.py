"""Preview tokens: a short-lived, page-scoped credential an editor hands to a front end on
another origin, so it can read that page's latest draft through the v3 API without a personal
API token (README "Headless use").

A token is the page's id and its editor's, signed with ``SECRET_KEY`` and timestamped
(``TimestampSigner``): it is stored nowhere, reads one page's draft and nothing else, writes
nothing, and stops working after ``PREVIEW_TOKEN_MINUTES`` or as soon as its editor may no
longer edit the page.
"""

import functools
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing

from wagtail.api.v3.errors import problem_response
from wagtail.models import Page

PARAMETER = "preview_token"
SALT = "trustcenter.api.preview_tokens"


def lifetime():
    return timedelta(minutes=settings.PREVIEW_TOKEN_MINUTES)


def make_preview_token(page, user):
    """A token for ``page``'s draft, made by ``user`` (who must be able to edit it)."""
    return signing.TimestampSigner(salt=SALT).sign_object({"page": page.pk, "user": user.pk})


class PreviewRefused(Exception):
    def __init__(self, status, detail):
        super().__init__(detail)
        self.status = status
        self.detail = detail


def draft_for(token, page_id):
    """The latest draft of page ``page_id`` if ``token`` opens it, else ``PreviewRefused``."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        grant = signer.unsign_object(token, max_age=lifetime())
    except signing.SignatureExpired:
        raise PreviewRefused(
            401, "This preview token has expired; copy a new one from the page in the admin."
        ) from None
    except signing.BadSignature:
        raise PreviewRefused(401, "This is not a valid preview token.") from None
    if grant.get("page") != page_id:
        raise PreviewRefused(
            403, f"This preview token opens page {grant.get('page')}'s draft, not page {page_id}'s."
        )
    page = Page.objects.filter(pk=page_id).first()
    editor = get_user_model().objects.filter(pk=grant.get("user"), is_active=True).first()
    if page is None:
        raise PreviewRefused(404, f"No page {page_id}.")
    if editor is None or not page.permissions_for_user(editor).can_edit():
        raise PreviewRefused(
            403, "The editor who made this preview token may no longer edit this page."
        )
    return page.specific.get_latest_revision_as_object()


def is_preview(request):
    return PARAMETER in request.GET


def read_drafts_with_preview_tokens(view):
    """v3's page detail ``view``: with ``?preview_token=``, the token's page's latest draft,
    whoever asks (the token is the credential), or a problem answer saying why not."""

    @functools.wraps(view)
    def previewed(request, page_id, **params):
        if not is_preview(request):
            return view(request, page_id=page_id, **params)
        try:
            return draft_for(request.GET[PARAMETER], page_id)
        except PreviewRefused as refusal:
            return problem_response(status=refusal.status, detail=refusal.detail)

    return previewed
