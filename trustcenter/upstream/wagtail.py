"""Where this site relies on Wagtail 8.0's private code (no patch replaces anything here).

The route cache (``trustcenter.pagecache.routing``) restores a known URL's outcome on the
request where Wagtail keeps it, so Wagtail does not look it up again: ``request._wagtail_site``
(``Site.find_for_request``) and ``request._wagtail_route_for_request``
(``Page.route_for_request``); and, for a page it knows has no view restriction, answers
Wagtail's ``check_view_restrictions`` hook's ``page.get_view_restrictions()`` without a query.
Wagtail has no public way to seed either cache (a custom ``Site`` lookup or router would be
the public alternative, at the queries the cache saves).
"""

from wagtail.models import Page, Site

from faq.patching import PrivateUse

ROUTE_CACHE = "trustcenter.pagecache.routing"

PATCHES = [
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
