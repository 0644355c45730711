"""Questions removed from an FAQ page, and their one-click restore (issue 16, for editors).

A removed question is an item of one of the page's recent revisions that its latest revision
lacks. Restoring one saves a new draft revision (never publishes: the editor publishes as
usual) holding the item back with its block id, so its anchor ``faq-<id>`` and its
wagtail-localize translations (keyed by that id) come back with it.

Only the last ``RECENT_REVISIONS`` revisions are read, in one query: the editor shows the
list on every visit, and a page edited for years has thousands.
"""

import itertools
import json
from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import log
from wagtail.models import Page, Revision

from .forms import SYNCED_TRANSLATION_REFUSAL, is_synced_translation
from .models import FAQPage

RECENT_REVISIONS = 50
RESTORE_ACTION = "faq.restore_question"


@dataclass(frozen=True)
class RemovedItem:
    item: dict  # the StreamField item as its revision stored it: type, id, value
    preceded_by: str | None  # the id of the item before it there (None: it came first)
    removed_at: datetime  # when the first revision without it was saved, and by whom
    removed_by: AbstractBaseUser | None

    @property
    def block_id(self):
        return self.item["id"]

    @property
    def question(self):
        return self.item["value"]["question"]


def recent_revisions(page_id):
    """The page's last ``RECENT_REVISIONS`` revisions, newest first, with their authors."""
    return list(
        Revision.page_revisions.filter(object_id=str(page_id))
        .select_related("user")
        .order_by("-created_at", "-pk")[:RECENT_REVISIONS]
    )


def revision_items(revision):
    # A revision stores a StreamField as its JSON text.
    items = revision.content.get("faqs") or []
    return json.loads(items) if isinstance(items, str) else items


def removed_items(revisions, current_ids):
    """The items of ``revisions`` (newest first) whose id is not in ``current_ids``, each
    from the newest revision holding it: newest removal first."""
    seen = set(current_ids)
    for newer, revision in itertools.pairwise(revisions):
        items = revision_items(revision)
        for index, item in enumerate(items):
            if item.get("id") and item["id"] not in seen:
                seen.add(item["id"])
                preceded_by = items[index - 1].get("id") if index else None
                yield RemovedItem(item, preceded_by, newer.created_at, newer.user)


def removed_from(page_id):
    """The items the page's recent revisions held and its latest revision lacks."""
    revisions = recent_revisions(page_id)
    if not revisions:
        return []
    current_ids = [item.get("id") for item in revision_items(revisions[0])]
    return list(removed_items(revisions, current_ids))


def with_item_restored(items, removed):
    """``items`` with ``removed`` put back where it was: after the item it followed, first if
    it came first, else (that item is gone too) at the end."""
    items = list(items)
    ids = [item.get("id") for item in items]
    if removed.preceded_by is None:
        position = 0
    elif removed.preceded_by in ids:
        position = ids.index(removed.preceded_by) + 1
    else:
        position = len(items)
    items.insert(position, removed.item)
    return items


class RestoreRefused(Exception):
    """Why a question was not restored, in words for the editor."""


def restore(page, block_id, user):
    """Save a draft revision of ``page`` by ``user`` holding its removed item ``block_id``
    again, and log it; return the item. The caller holds the lock on the page's row."""
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise RestoreRefused(_("The page is locked: the question was not restored."))
    if is_synced_translation(page):
        raise RestoreRefused(SYNCED_TRANSLATION_REFUSAL)
    latest = page.get_latest_revision_as_object()
    current = list(latest.faqs.raw_data)
    current_ids = [item.get("id") for item in current]
    if block_id in current_ids:
        question = current[current_ids.index(block_id)]["value"]["question"]
        raise RestoreRefused(
            _("This question is already on the page: %(question)s") % {"question": question}
        )
    removed = next(
        (
            item
            for item in removed_items(recent_revisions(page.pk), current_ids)
            if item.block_id == block_id
        ),
        None,
    )
    if removed is None:
        raise RestoreRefused(
            _("This question is not in the page's last %(count)d saved versions.")
            % {"count": RECENT_REVISIONS}
        )
    latest.faqs = with_item_restored(current, removed)
    try:
        revision = latest.save_revision(user=user)
    except ValidationError as error:
        raise RestoreRefused(
            _("The question could not be restored: %(problems)s")
            % {"problems": " ".join(error.messages)}
        ) from error
    log(
        instance=latest,
        action=RESTORE_ACTION,
        user=user,
        revision=revision,
        content_changed=True,
        data={"question": removed.question, "block_id": removed.block_id},
    )
    return removed


@require_POST
def restore_question(request, page_id):
    """The Restore button of the editor's "Removed questions"."""
    with transaction.atomic():
        # The page's row is locked first, so that a concurrent save (or restore) commits
        # before this one reads the latest revision, and none is built on a stale one.
        page = Page.objects.select_for_update().filter(pk=page_id).first()
        if page is None or not issubclass(page.specific_class, FAQPage) or page.alias_of_id:
            raise Http404
        page = page.specific
        if not page.permissions_for_user(request.user).can_edit():
            # Not PermissionDenied: Wagtail's admin would answer it with a redirect.
            return HttpResponseForbidden()
        try:
            removed = restore(page, request.POST.get("block_id", ""), request.user)
        except RestoreRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Restored as a draft: %(question)s. Publish the page to show it to visitors.")
                % {"question": removed.question},
            )
    return redirect("wagtailadmin_pages:edit", page_id)
