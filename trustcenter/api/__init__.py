"""The site's headless APIs: Wagtail's v2 (read-only) at /api/v2/, v3 (read and write) at /api/v3/.

Both live outside the language prefixes: a page's language is part of the page (its
``meta.locale``), not of the URL. Where each concern lives:

- ``paths``: the APIs' prefixes, and errors in the shape of the API asked;
- ``v2``: the public, read-only v2 endpoints;
- ``input`` and ``middleware``: what is refused before any API view runs (input hardening),
  and a JSON 500 for what fails;
- ``openapi``: what v3's OpenAPI document is missing;
- ``root_page`` and ``writes``: the checks and locks around v3's page operations;
- ``conditional``: the public reads' ETag and Last-Modified, and their 304s;
- ``rate_limits``: per-client request limits (429 with Retry-After);
- ``urls``: the URL patterns (v3's ids routed as integers).

CORS is django-cors-headers, configured in the settings (``CORS_*``).

How these reach into django-ninja and Wagtail's v3 is all in ``trustcenter.upstream.v3_api``.
"""
