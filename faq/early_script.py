"""The one inline script of a page: it marks the page as scripted before its first paint.

It adds the class ``js`` to ``<html>``, so the stylesheets show the answers collapsed (and the
page's tools) from the first paint, with no layout shift when ``faq.js`` takes over; without
scripts, and in print, every answer shows. A visitor who arrives at a question's link
(``#faq-<id>``, or its ``-question``/``-answer`` part) sees that answer open from the first paint
too: a constructed stylesheet (which no style-src forbids, unlike a ``<style>``) shows it until
``faq.js`` opens it for good. CSS's ``:target`` would say the same, but Chromium may match it
only after the first paint. A site whose Content-Security-Policy forbids inline
scripts allows this one by ``CSP_SOURCE``, its hash: unlike a nonce, a hash stays valid in a
page that a cache replays to every visitor.
"""

import base64
import hashlib

SCRIPT = (
    'document.documentElement.classList.add("js");'
    "try{var t=decodeURIComponent(location.hash.slice(1));"
    "if(/^faq-[A-Za-z0-9_-]{1,80}$/.test(t)){var s=new CSSStyleSheet();"
    "s.replaceSync([t,t.replace(/-(question|answer)$/,'')].map(function(i){"
    "return '.js [data-faq-list]:not([data-faq-ready]) #'+i+' .content-faq-footer{display:block}'"
    "}).join(' '));document.adoptedStyleSheets=[s]}}catch(e){}"
)
_DIGEST = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
CSP_SOURCE = f"'sha256-{_DIGEST}'"
