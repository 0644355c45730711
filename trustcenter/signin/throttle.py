"""Failed sign-ins lock out their account and their address for a while (README "Sign-in").

django-axes counts failures in the database: admin logins through its authentication
backend, page passwords through its handler API (``page_password_credentials``), so both
share one limit, one cool-off and one record of attempts.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import ngettext

from axes.handlers.proxy import AxesProxyHandler


def client_address(request):
    """The client's address; behind ``SIGNIN_PROXY_COUNT`` proxies, the one the outermost
    proxy saw (each proxy appends the address it was reached from to X-Forwarded-For)."""
    proxies = settings.SIGNIN_PROXY_COUNT
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed sign-in attempts for this account or from your address. "
        "Try again in %(minutes)d minute.",
        "Too many failed sign-in attempts for this account or from your address. "
        "Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def with_lockout_message(request, response):
    """``response``, a form page, re-rendered as a 429 whose only error is the lockout.

    Whether the password was right is not said: a locked-out guess learns nothing.
    """
    form = response.context_data["form"]
    form.errors.clear()
    form.add_error(None, lockout_message())
    locked = TemplateResponse(request, response.template_name, response.context_data, status=429)
    return locked.render()


def locked_out(request, original_response, credentials):
    """``AXES_LOCKOUT_CALLABLE``: the sign-in form again, saying why it refuses."""
    context = getattr(original_response, "context_data", None) or {}
    if "form" in context:
        return with_lockout_message(request, original_response)
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")


def page_password_credentials(page_view_restriction_id):
    # A colon is never in a username, so a restriction's attempts never count for a user's.
    return {"username": f"page-password:{page_view_restriction_id}"}


def page_password_is_locked(request, credentials):
    return AxesProxyHandler.is_locked(request, credentials)


def record_page_password_failure(request, credentials):
    """Count a wrong page password; the request is marked locked out once over the limit."""
    AxesProxyHandler.user_login_failed(
        sender=record_page_password_failure, credentials=credentials, request=request
    )
