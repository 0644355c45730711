"""Sign-in views that stand in for Wagtail's where Wagtail's let too much through."""

from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404

from wagtail import views as wagtail_views
from wagtail.admin.views import account
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .throttle import (
    page_password_credentials,
    page_password_is_locked,
    record_page_password_failure,
    with_lockout_message,
)


class LogoutView(account.LogoutView):
    """Wagtail's admin logout, answering only a POST.

    Wagtail's view deletes the session cookie after Django's view has answered, whatever
    that answer was: a ``GET`` (a link or an ``<img>`` on any site) got a 405 and still
    signed the editor out. Anything but a POST now gets Django's own answer, cookie intact.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return auth_views.LogoutView.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, with wrong passwords counted and locked out like
    wrong admin passwords (per restriction and per address)."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)

    credentials = page_password_credentials(page_view_restriction_id)
    if page_password_is_locked(request, credentials):
        # The password is not tried: even the right one waits for the cool-off.
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(request.POST, instance=restriction)
        form.is_valid()
        response = with_lockout_message(
            request, page.serve_password_required_response(request, form, request.path)
        )
    else:
        response = wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        )
        if response.status_code != 200:  # let in (a redirect), or no such page
            return response
    # Refused, counted as a wrong admin password is (a try while locked restarts the
    # cool-off); over the limit, AxesMiddleware answers with throttle.locked_out.
    record_page_password_failure(request, credentials)
    return response
