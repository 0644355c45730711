import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from trustcenter.navigation.setup import ensure_legacy_header_footer

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
LEGACY_PAGES = [
    f"en={DEMO_DIR / 'legacy-faq-en.txt'}",
    f"zh-hans={DEMO_DIR / 'legacy-faq-zh-cn.txt'}",
]
# The legacy site's addresses of these pages, old and newer.
LEGACY_ADDRESSES = [
    "en=/resources/FAQ.html",
    "zh-hans=/resources/FAQ-cn.html",
    "en=/en-us/resources/FAQ.html",
    "zh-hans=/zh-cn/resources/FAQ.html",
]


class Command(BaseCommand):
    help = (
        "Load the demo content (the legacy FAQ pages and header and footer, both languages) and "
        "print an admin login."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        redirects = [f"--redirect-from={address}" for address in LEGACY_ADDRESSES]
        # The demo folder holds the legacy hero image (MS-TrustCenter-Resources-Header.jpg).
        images = f"--images={DEMO_DIR}"
        call_command("import_legacy_faq", *LEGACY_PAGES, *redirects, images, stdout=self.stdout)
        filled = ensure_legacy_header_footer()
        self.stdout.write(
            f"Header and footer: the legacy one in {', '.join(filled)}."
            if filled
            else "Header and footer: kept as they are."
        )
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        with transaction.atomic():
            user, _ = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAdmin login: http://127.0.0.1:8000/admin/  user {username!r}  "
                f"password {password!r}"
            )
        )
