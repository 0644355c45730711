"""A minimal Wagtail project around the FAQ app alone, for its own tests (``faq/tests/``):
wagtail-localize, English and Simplified Chinese, the v2 and v3 APIs, and nothing of the
Trust Center site."""
