"""Publish webhooks: a signed POST to the endpoints editors configure whenever a page is
published, unpublished, moved or deleted (README "Headless use", docs/headless.md)."""
