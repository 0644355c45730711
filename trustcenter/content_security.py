"""Content-Security-Policy: the site's strict policy, and a looser one for Wagtail's admin.

The public policy has no nonce: the full-page cache replays a response to every visitor, so
a nonce in it would be shared and go stale. Public pages have one inline script, allowed by its
hash (``faq.early_script``), and no inline style (JSON-LD is a data block, which script-src
does not govern). The admin's own templates
(Wagtail's and wagtail-localize's) carry inline scripts without a nonce, so its policy allows
inline scripts and styles, except on the sign-in page, which has none. The v3 API's docs
(Swagger UI) also load images from data: URLs (README, "Security").
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.files.storage import storages
from django.urls import reverse

from csp.middleware import CSPMiddleware
from csp.utils import default_config


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy for the admin and the API docs by path."""

    def process_response(self, request, response):
        # Wagtail renders a preview through the middleware again, with a dummy request for the
        # page's public URL; the admin request around it sets the admin's policy.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp_override (parts.config) still wins.
        if not report_only and parts.config is None:
            policy = policy_for_path(request.path)
            if policy is not None:
                parts.config = default_config(policy["DIRECTIVES"])
        return parts


def policy_for_path(path):
    """The policy for ``path`` when it is not the site's (None)."""
    if path == reverse("wagtailadmin_login"):
        return settings.ADMIN_SIGN_IN_CONTENT_SECURITY_POLICY
    if path.startswith(reverse("wagtailadmin_home")):
        return settings.ADMIN_CONTENT_SECURITY_POLICY
    if path == reverse("wagtailapi_v3:openapi-view"):
        return settings.API_DOCS_CONTENT_SECURITY_POLICY
    return None


def check_media_origin_allowed(app_configs, **kwargs):
    """Warn when uploaded images are served from an origin the site's policy blocks."""
    url = urlsplit(storages["default"].url("image.png"))
    if not url.netloc:
        return []
    origin = f"{url.scheme}://{url.netloc}"
    if origin in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]:
        return []
    return [
        checks.Warning(
            f"Uploaded images are served from {origin}, which the Content-Security-Policy blocks.",
            hint=f"Set MEDIA_ORIGINS={origin} in the environment.",
            id="trustcenter.W001",
        )
    ]
