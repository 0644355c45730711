"""Tokens made before expiry existed get the full lifetime from now, for their user's
current password, so upgrading cuts no working client off."""

from datetime import timedelta

from django.conf import settings
from django.db import migrations
from django.utils import timezone

from trustcenter.signin.tokens import password_fingerprint


def issue_validity_of_existing_tokens(apps, schema_editor):
    APIToken = apps.get_model("wagtailcore", "APIToken")
    APITokenValidity = apps.get_model("signin", "APITokenValidity")
    expires_at = timezone.now() + timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)
    APITokenValidity.objects.bulk_create(
        APITokenValidity(
            token=token,
            expires_at=expires_at,
            password_fingerprint=password_fingerprint(token.user),
        )
        for token in APIToken.objects.filter(validity__isnull=True).select_related("user")
    )


class Migration(migrations.Migration):
    dependencies = [("signin", "0001_initial")]

    operations = [
        migrations.RunPython(issue_validity_of_existing_tokens, migrations.RunPython.noop),
    ]
