"""This site's change to Wagtail 8.0, and where it relies on Wagtail's private code.

Page permissions by role: ``Page.permissions_for_user`` builds a ``PagePermissionTester``
(looked up in ``wagtail.models.pages``) for every page type; a page model may override it, but
the rule is the site's (its roles), not each page type's, so the module's name is given
``trustcenter.roles.RolePagePermissionTester``: deleting, moving and copying a page need the
"add" permission on it, which translators don't have.

"Sorry, you do not have permission to access this area." in the user's admin language:
``require_admin_access`` calls ``permission_denied`` (looked up in ``wagtail.admin.auth``)
after the view's ``PermissionDenied`` left the user's language
(``trustcenter.translation.admin_language``).

The route cache (``trustcenter.pagecache.routing``) restores a known URL's outcome on the
request where Wagtail keeps it, so Wagtail does not look it up again: ``request._wagtail_site``
(``Site.find_for_request``) and ``request._wagtail_route_for_request``
(``Page.route_for_request``); and, for a page it knows has no view restriction, answers
Wagtail's ``check_view_restrictions`` hook's ``page.get_view_restrictions()`` without a query.
Wagtail has no public way to seed either cache (a custom ``Site`` lookup or router would be
the public alternative, at the queries the cache saves).
"""

from wagtail.admin import auth
from wagtail.models import Page, Site, pages

from faq.patching import Patch, PrivateUse
from trustcenter.roles import RolePagePermissionTester
from trustcenter.translation.admin_language import permission_denied_in_users_language

ROUTE_CACHE = "trustcenter.pagecache.routing"

PATCHES = [
    Patch(
        auth,
        "permission_denied",
        permission_denied_in_users_language,
        sha256="4badd4b9f43d4cf69668b427fd9198f7866da0ceb6c596cb85ab77b4eb3e314a",
        upstream=((auth, "permission_denied"), (auth, "require_admin_access")),
    ),
    Patch(
        pages,
        "PagePermissionTester",
        RolePagePermissionTester,
        sha256="b1c706da34a48eb110d583a2014ee3b16343fd7ccc64042bed5895df2ed9f701",
        upstream=(
            (Page, "permissions_for_user"),
            (pages.PagePermissionTester, "can_delete"),
            (pages.PagePermissionTester, "can_move"),
            (pages.PagePermissionTester, "can_copy"),
        ),
    ),
    PrivateUse(
        Site,
        "find_for_request",
        used_by=ROUTE_CACHE,
        sha256="4edb710b9fd353a02aade1455f832a6e19afa78e4de80d0feb0d5a161e10aba5",
    ),
    PrivateUse(
        Page,
        "route_for_request",
        used_by=ROUTE_CACHE,
        sha256="5530d229b2de42ba70c8da4915f9e12711cde44c4b89e673d5c1cb2a71406396",
    ),
    PrivateUse(
        Page,
        "get_view_restrictions",
        used_by=ROUTE_CACHE,
        sha256="929f9883cfee51070fd1a58e75ec83390d6ffea8b1f5f8a74f117138422d1c33",
        upstream=(
            (Page, "get_view_restrictions"),
            ("wagtail.wagtail_hooks", "check_view_restrictions"),
        ),
    ),
]


def install():
    for patch in PATCHES:
        patch.install()
