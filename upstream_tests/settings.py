"""wagtail-localize's test settings (``tests.testapp.settings`` from its sdist), plus this site's
patches of wagtail-localize: the FAQ app (its review rule; the site's translation views use its
link and rich-text checks), the glossary (the editor's string save checks it) and
``upstream_tests`` (the site's patches)."""

from tests.testapp.settings import *  # noqa: F403

# The glossary: the site's translation editor checks a saved string against it.
INSTALLED_APPS = [*INSTALLED_APPS, "faq", "trustcenter.glossary", "upstream_tests"]  # noqa: F405

# One database is enough, whatever DATABASE_URL says: on SQLite the unpatched suite passes
# (on PostgreSQL 7 of upstream's own tests error).
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "upstream-tests.sqlite3"}}

# What this site's patches read from its settings (trustcenter/settings/base.py): no group names
# of its own, so each language's translators' group has its default name.
TRANSLATOR_GROUPS = {}
