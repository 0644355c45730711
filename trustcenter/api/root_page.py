"""v3's page actions assume that a page has a parent, and fail (a 500) on the root page: these
checks refuse such a request first, with a 422 naming the body field at fault."""

import functools

from wagtail.api.v3.errors import as_validation_error
from wagtail.api.v3.permissions import require_any_permission
from wagtail.models import Page


class RootPageError(ValueError):
    """What Wagtail would do with the root page here needs a parent, and the root has none."""


def _is_root(page_id):
    return Page.objects.filter(pk=page_id, depth=1).exists()


def refuse_moving_next_to_root(request, page_id, data):
    # Sibling positions (the default) would give the page the root's parent: none.
    if data.position not in ("first-child", "last-child") and _is_root(data.destination_id):
        raise RootPageError(
            "A page cannot be moved next to the root page: "
            "use position first-child or last-child to move it under the root."
        )


def refuse_copying_root_in_place(action):
    def refuse(request, page_id, data):
        # Without a destination the copy goes next to the original: the root has no parent.
        if data.destination_id is None and _is_root(page_id):
            raise RootPageError(f"The root page cannot {action} in place: give a destination_id.")

    return refuse


# operation id: (check, the body field it is about, the permission v3 asks for it)
ROOT_PAGE_CHECKS = {
    "pages_actions_move": (refuse_moving_next_to_root, "position", "change"),
    "pages_actions_copy": (refuse_copying_root_in_place("be copied"), "destination_id", "add"),
    "pages_actions_create_alias": (
        refuse_copying_root_in_place("get an alias"),
        "destination_id",
        "add",
    ),
}


def check_root_page_first(view, check, field, permission):
    """``view`` (a v3 operation's view), after ``check``.

    The check comes after v3's own permission check (repeated here: it is inside the
    view), so a token without the permission still gets a 403.
    """

    @require_any_permission(Page, (permission,))
    @functools.wraps(view)
    def checked(request, **params):
        try:
            check(request, **params)
        except RootPageError as error:
            raise as_validation_error(error, loc=("body", "data", field)) from error
        return view(request, **params)

    return checked
