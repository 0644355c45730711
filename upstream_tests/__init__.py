"""wagtail-localize's own test suite, run with this site's patches of wagtail-localize installed
(``make upstream-tests``; see the README's "Upstream tests")."""
