"""Compressed pages for clients that accept them: brotli, else gzip, else as they are.

The page cache stores every encoding of a page with it, made once when the page is stored, so
a hit sends the bytes the client accepts and compresses nothing. What is compressed is only
what the page cache may share (anonymous requests, responses that set no cookie and are not
private): a compressed response that holds a secret (a CSRF token, a session's data) and
reflects what a visitor sent would leak it through its length (BREACH), so requests with
credentials and responses that set cookies are never compressed.
"""

import gzip

from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

import brotli

# The documents the site renders; static files are compressed by WhiteNoise at collectstatic.
COMPRESSIBLE_TYPES = ("text/html", "application/xml", "text/xml")
# Below this, a compressed body plus its header saves nothing worth a round of work.
MINIMUM_SIZE = 200
# A stored page is compressed once and sent many times; at these levels a 35 KiB page takes a
# few milliseconds, on a miss only.
BROTLI_QUALITY = 9
GZIP_LEVEL = 9
# Best first: brotli is ~20% smaller than gzip on the site's pages.
PREFERENCE = ("br", "gzip")

_CODING = _lazy_re_compile(r"^\s*([A-Za-z0-9*!#$%&'+.^_`|~-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?")


def accepted_encoding(request):
    """The best encoding of PREFERENCE that ``request``'s ``Accept-Encoding`` accepts, or None.

    ``q=0`` refuses an encoding (RFC 9110, 12.5.3), as ``*;q=0`` refuses all not named.
    """
    qualities = {}
    for item in request.headers.get("Accept-Encoding", "").split(","):
        match = _CODING.match(item)
        if match:
            try:
                quality = float(match.group(2) or 1)
            except ValueError:
                continue
            qualities[match.group(1).lower()] = quality
    ranked = [
        (qualities.get(coding, qualities.get("*", 0)), -position, coding)
        for position, coding in enumerate(PREFERENCE)
    ]
    quality, _, coding = max(ranked)
    return coding if quality > 0 else None


def is_compressible(response):
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and content_type in COMPRESSIBLE_TYPES
        and len(response.content) >= MINIMUM_SIZE
    )


def encode(content, encodings=PREFERENCE):
    """``{encoding: bytes}`` of ``content`` in each of ``encodings``."""
    encoders = {
        "br": lambda: brotli.compress(content, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY),
        # No timestamp: the same page compresses to the same bytes.
        "gzip": lambda: gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0),
    }
    return {encoding: encoders[encoding]() for encoding in encodings}


def mark_varying(response):
    """What a compressible response says whichever encoding it is sent in: a cache in between
    must keep one copy per ``Accept-Encoding``, and a strong ETag must name one encoding's
    bytes (RFC 9110, 8.8.3), so it is made weak, as Django's GZipMiddleware does."""
    patch_vary_headers(response, ("Accept-Encoding",))
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag


def send_encoded(response, encoding, body):
    """``response`` with ``body``, its content in ``encoding`` (``body`` None: as it is)."""
    if body is not None:
        response.content = body
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(response.content))
    return response
