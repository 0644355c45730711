"""Every change this site makes to upstream code (Wagtail, wagtail-localize, django-ninja), and
nowhere else: one module per upstream package, each with an ``install()`` and its patches as
``faq.patching.Patch`` objects (checked at start-up; listed in the README's table). The FAQ
app's own patch is in ``faq.upstream``."""
