"""The one inline script of a page: it marks the page as scripted before its first paint.

It adds the class ``js`` to ``<html>``, so the stylesheets show the answers collapsed (and the
page's tools) from the first paint, with no layout shift when ``faq.js`` takes over; without
scripts, and in print, every answer shows. A site whose Content-Security-Policy forbids inline
scripts allows this one by ``CSP_SOURCE``, its hash: unlike a nonce, a hash stays valid in a
page that a cache replays to every visitor.
"""

import base64
import hashlib

SCRIPT = 'document.documentElement.classList.add("js")'
_DIGEST = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
CSP_SOURCE = f"'sha256-{_DIGEST}'"
