"""How this site's pages are translated with wagtail-localize, beyond what the FAQ app does.

One vocabulary: a *translation* is a page (or its strings) in a language other than the
source language; wagtail-localize's "localize" and "locale" names are its own.

- ``views``, ``po_files``: the admin views and PO-file import that refuse what a translated page
  can't hold, and publish only what the user may publish.
- ``rules``: a page is in its parent's language; no "Convert to alias page".
- ``bulk_segments``, ``bulk_editor``: wagtail-localize's segment refresh and translation editor,
  with the same results in a fixed number of queries.
- ``machine``: which machine translator pre-fills translations (off by default).
- ``memory``: the translation memory: pre-fills (unreviewed) from the previous translation and
  exact matches, suggests close matches, shown in the translation editor.
- ``notifications``: the editor offered the sync after a changed publish (or the sync made,
  ``TRANSLATION_SYNC_ON_PUBLISH``); translators emailed the pages with work waiting.
- ``status_panel``: the page editor's status panel lists every translation.
- ``admin_language``: what Wagtail and wagtail-localize leave in English in a Chinese admin.
"""
