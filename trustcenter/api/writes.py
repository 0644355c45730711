"""v3 page writes: one writer at a time per page, and none on top of a revision it never saw.

Wagtail 8's v3 writes read the page's latest revision, apply the request and save a new
revision, with nothing between the read and the write: two PATCHes of one page at the same
moment both built on the same revision, and the later silently dropped the other's change.

- Each write to a page (a PATCH, and every action that changes the page itself) runs in one
  transaction that first locks the page's row (``select_for_update``), so Wagtail's own read
  of the latest revision comes after the previous writer committed. A write answered with an
  error is rolled back whole.
- ``GET /api/v3/pages/<id>/`` with a token (or a preview token) sends an ``ETag`` naming the
  latest revision. A write whose ``If-Match`` names another revision is refused with 412; the
  check runs under the lock, so it sees the revision the write builds on. (A reader without a
  token cannot write: the public answers' validators are ``conditional``'s.)

``trustcenter.upstream.v3_api`` puts these around v3's operations.
"""

import functools

from django.db import transaction
from django.utils.http import parse_etags, quote_etag

from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.models import Page

from .preview_tokens import is_preview

PAGE_DETAIL_OPERATION = "pages_detail"
# The operations that change the page in their URL (copies and aliases only read it).
PAGE_WRITE_OPERATIONS = {
    "pages_update",
    "pages_actions_publish",
    "pages_actions_unpublish",
    "pages_actions_revert",
    "pages_actions_move",
    "pages_actions_convert_alias",
    "pages_actions_delete",
    "pages_delete",
}


def revision_etag(revision_id):
    return quote_etag(f"revision-{revision_id or 'none'}")


def page_etag(page_id):
    """The ETag of ``page_id`` for a token holder or a preview token's reader: its latest
    revision, which a write builds on (and a preview reads)."""
    page = Page.objects.filter(pk=page_id).values("latest_revision_id").first()
    return page and revision_etag(page["latest_revision_id"])


def precondition_refusal(if_match, page):
    """The answer to a write whose ``If-Match`` does not name ``page``'s latest revision."""
    current = revision_etag(page.latest_revision_id)
    sent = parse_etags(if_match)
    if not sent:
        return problem_response(
            status=400,
            detail=(
                f"If-Match must be an ETag in quotes, as GET /api/v3/pages/{page.pk}/ sends "
                f"it (now {current}); got {if_match!r}."
            ),
        )
    if "*" in sent or current in (quote_etag(tag) for tag in sent):
        return None
    response = problem_response(
        status=412,
        detail=(
            f"Page {page.pk} has changed since you read it: its latest revision is now "
            f"{page.latest_revision_id} ({current}), not {if_match}. Read it again and "
            "reapply your change."
        ),
    )
    response["ETag"] = current
    return response


def lock_page_first(view):
    """``view``, after locking its page's row and checking the request's ``If-Match``."""

    @functools.wraps(view)
    def locked(request, page_id, **params):
        page = Page.objects.select_for_update().filter(pk=page_id).only("latest_revision_id")
        page = page.first()
        if_match = request.headers.get("If-Match")
        # Only for a page this token may edit: the answer names its latest revision.
        if (
            if_match is not None
            and page is not None
            and get_pages_queryset(request).filter(pk=page_id).exists()
        ):
            refusal = precondition_refusal(if_match, page)
            if refusal is not None:
                return refusal
        return view(request, page_id=page_id, **params)

    return locked


def in_one_transaction(run):
    """An operation's ``run`` (authentication to response) in one transaction, rolled back
    when the answer is an error."""

    @functools.wraps(run)
    def run_atomically(request, **params):
        with transaction.atomic():
            response = run(request, **params)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response

    return run_atomically


def with_etag(run):
    """An operation's ``run``, its page's ETag on a successful answer (after any write) to a
    token holder or a preview (which read the draft). A public read gets the public validators
    instead (``conditional``)."""

    @functools.wraps(run)
    def run_with_etag(request, **params):
        response = run(request, **params)
        etag = (
            response.status_code == 200
            and (request.user.is_authenticated or is_preview(request))
            and page_etag(params["page_id"])
        )
        if etag:
            response["ETag"] = etag
        return response

    return run_with_etag
