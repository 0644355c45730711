"""Per-client request limits for the APIs (README "Headless use"), counted by django-ratelimit.

Three limits, each a rate such as ``"300/m"`` (or ``None``: no limit):

- ``API_RATE_LIMIT_ANON``: requests without a token, per client address;
- ``API_RATE_LIMIT_TOKEN``: v3 requests with a token, per token (every server of a front end
  that shares one token shares its limit). v2 reads no token: there, a request with one counts
  as anonymous (else a made-up token would be a fresh allowance each time);
- ``API_RATE_LIMIT_BAD_TOKEN``: v3 requests whose token did not authenticate (answered 401, or
  served as anonymous by a public endpoint), per client address. Once over it, that address's
  requests with any token are refused until the window ends: guessing tokens gets nowhere,
  even with a new token each time.

Over a limit, the answer is a 429 in the API's error shape, with ``Retry-After``: the seconds
until the window ends. The client address is ``signin.throttle.client_address`` (behind
``SIGNIN_PROXY_COUNT`` proxies, the address the outermost saw); IPv6 clients count per /64,
which one subscriber usually holds whole.

The counters are in the default cache (Redis in production), whose failures answer as misses
(``pagecache.redis_cache``): with ``RATELIMIT_FAIL_OPEN``, a cache that is down lifts the
limits rather than refusing everyone. The site slows; it does not break.
"""

import hashlib
import ipaddress
import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.utils.cache import patch_cache_control

from django_ratelimit.core import get_usage

from trustcenter.signin.throttle import client_address

from .paths import V3_PATH_PREFIX, api_error, is_api_request

# django-ratelimit's rates: a count, then per a number (optional) of seconds, minutes, hours or
# days (it reads the unit's first letter).
RATE = re.compile(r"\d+/\d*(s|sec|second|m|min|minute|h|hour|d|day)")
IPV6_NETWORK_BITS = 64
LIMIT_SETTINGS = ("API_RATE_LIMIT_ANON", "API_RATE_LIMIT_TOKEN", "API_RATE_LIMIT_BAD_TOKEN")


def client_network(request):
    address = client_address(request) or ""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_NETWORK_BITS}", strict=False))
    return address


def token_was_refused(request, response):
    # A public v3 endpoint serves a token that does not authenticate as anonymous: ninja then
    # hands the request to its next auth callback, AllowAnonymous, whose answer is the user.
    return response.status_code == 401 or isinstance(getattr(request, "auth", None), AnonymousUser)


def usage(request, limit_setting, client, *, increment):
    """django-ratelimit's count for ``client`` under the limit ``limit_setting`` names, or None
    when that limit is off or the cache could not count."""
    return get_usage(
        request,
        group=f"api:{limit_setting}",
        key=lambda group, request: client,
        rate=getattr(settings, limit_setting),
        increment=increment,
    )


def too_many(request, limit_setting, counted):
    """The 429 for a request over the limit ``limit_setting`` names (``counted``: its usage)."""
    retry_after = max(counted["time_left"], 1)
    response = api_error(
        request,
        429,
        f"Too many requests ({limit_setting} is {getattr(settings, limit_setting)}). "
        f"Try again in {retry_after} seconds.",
    )
    response["Retry-After"] = str(retry_after)
    patch_cache_control(response, private=True, no_store=True)
    return response


class APIRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        for name in LIMIT_SETTINGS:
            rate = getattr(settings, name)
            if rate is not None and not RATE.fullmatch(rate):
                raise ImproperlyConfigured(
                    f"{name} must be a rate such as 300/m, 1000/h or 20/10m; got {rate!r}."
                )

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        network = client_network(request)
        reads_tokens = request.path_info.startswith(V3_PATH_PREFIX)
        authorization = request.META.get("HTTP_AUTHORIZATION") if reads_tokens else None
        if authorization is None:
            counted = usage(request, "API_RATE_LIMIT_ANON", network, increment=True)
            if counted and counted["should_limit"]:
                return too_many(request, "API_RATE_LIMIT_ANON", counted)
            return self.get_response(request)

        # Before the token is even looked at: an address out of guesses is told so at once.
        failures = usage(request, "API_RATE_LIMIT_BAD_TOKEN", network, increment=False)
        if failures and failures["count"] >= failures["limit"]:
            return too_many(request, "API_RATE_LIMIT_BAD_TOKEN", failures)
        token = hashlib.sha256(authorization.encode()).hexdigest()
        counted = usage(request, "API_RATE_LIMIT_TOKEN", token, increment=True)
        if counted and counted["should_limit"]:
            return too_many(request, "API_RATE_LIMIT_TOKEN", counted)
        response = self.get_response(request)
        if token_was_refused(request, response):
            usage(request, "API_RATE_LIMIT_BAD_TOKEN", network, increment=True)
        return response
