"""The admin page an editor copies a page's preview token from (README "Headless use")."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from .preview_tokens import PARAMETER, lifetime, make_preview_token


class PreviewTokenMenuItem(PageMenuItem):
    """In a page's header menu (beside History), for whoever may edit the page."""

    label = _("Headless preview token")
    icon_name = "view"
    url_name = "trustcenter_preview_token"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@never_cache
def preview_token(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = make_preview_token(page, request.user)
    api_url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return TemplateResponse(
        request,
        "trustcenter/admin/preview_token.html",
        {
            "page": page,
            "page_title": _("Headless preview token"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "view",
            "token": token,
            "expires_at": timezone.now() + lifetime(),
            "minutes": settings.PREVIEW_TOKEN_MINUTES,
            "preview_url": f"{settings.WAGTAILAPI_BASE_URL}{api_url}?{PARAMETER}={token}",
        },
    )
