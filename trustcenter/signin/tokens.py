"""API tokens expire, and die with their user's password (README "Sign-in").

Wagtail's ``APIToken`` has neither an expiry nor a tie to the password, so each token gets an
``APITokenValidity`` when it is made (by the admin, ``manage.py api_tokens`` or code), and
``APITokenValidityMiddleware`` refuses a token that is past it before any v3 view runs.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from wagtail.api.v3.errors import problem_response
from wagtail.models import APIToken

from trustcenter.api.paths import V3_PATH_PREFIX

from .models import APITokenValidity

FINGERPRINT_SALT = "trustcenter.signin.tokens.password_fingerprint"


def password_fingerprint(user, secret=None):
    return salted_hmac(
        FINGERPRINT_SALT, user.password, secret=secret, algorithm="sha256"
    ).hexdigest()


def token_lifetime():
    return timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


def issue_validity(token):
    return APITokenValidity.objects.create(
        token=token,
        expires_at=token.created + token_lifetime(),
        password_fingerprint=password_fingerprint(token.user),
    )


def why_refused(token):
    """Why a live (unrevoked) token may not be used any more, or None if it may."""
    try:
        validity = token.validity
    except APITokenValidity.DoesNotExist:
        return "This API token has no expiry on record; create a new one."
    if validity.expires_at <= timezone.now():
        return (
            f"This API token expired on {validity.expires_at:%Y-%m-%d %H:%M} UTC; create a new one."
        )
    if not token.user.is_active:
        return "This API token's user is deactivated."
    # Current and fallback secret keys, as Wagtail matches the token itself.
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    if not any(
        constant_time_compare(validity.password_fingerprint, password_fingerprint(token.user, key))
        for key in secrets
    ):
        return "This API token was issued before its user's password changed; create a new one."
    return None


def bearer_token(request):
    """The token of an ``Authorization: Bearer`` header, read as django-ninja reads it."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" and token else None


class APITokenValidityMiddleware:
    """A v3 request with a token that is expired, or whose user is deactivated or has a new
    password, is a 401 saying which; Wagtail would answer a bare 401 for the first and
    serve the public, anonymous view for the others on public endpoints."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        plaintext = bearer_token(request) if request.path_info.startswith(V3_PATH_PREFIX) else None
        if plaintext:
            token = (
                APIToken.objects.select_related("user", "validity")
                .filter(
                    key_hash__in=APIToken.candidate_key_hashes(plaintext),
                    revoked_at__isnull=True,
                )
                .first()
            )
            problem = token and why_refused(token)
            if problem:
                response = problem_response(status=401, detail=problem)
                response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
                return response
        return self.get_response(request)
