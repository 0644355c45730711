import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from faq.models import FAQPage
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
LEGACY_HERO_IMAGE = DEMO_DIR / "MS-TrustCenter-Resources-Header.jpg"


class Command(BaseCommand):
    help = (
        "Load the demo content (the legacy FAQ pages and header and footer, both languages) and "
        "print an admin login."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        redirects = [f"--redirect-from={address}" for address in LEGACY_ADDRESSES]
        call_command("import_legacy_faq", *LEGACY_PAGES, *redirects, stdout=self.stdout)
        filled = ensure_legacy_header_footer()
        self.stdout.write(
            f"Header and footer: the legacy one in {', '.join(filled)}."
            if filled
            else "Header and footer: kept as they are."
        )
        given = give_legacy_hero_image()
        self.stdout.write(f"Hero image: the legacy one on {given} FAQ page(s) that had none.")
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


@transaction.atomic
def give_legacy_hero_image():
    """Publish the legacy hero image on every FAQ page without one; how many pages got it.

    The image is uploaded once: one with the same content (Wagtail's file hash) is reused. Its
    alt text is each page's own ``hero_image_alt`` (the importer brings the legacy one).
    """
    with LEGACY_HERO_IMAGE.open("rb") as file:
        file_hash = hash_filelike(file)
        image = get_image_model().objects.filter(file_hash=file_hash).first()
        if image is None:
            file.seek(0)
            # As the admin's upload does: a hash and size recorded, which a plain save() skips.
            image = get_image_model()(
                title="Trust Center FAQ hero",
                file=ImageFile(file, name=LEGACY_HERO_IMAGE.name),
                file_hash=file_hash,
                file_size=LEGACY_HERO_IMAGE.stat().st_size,
            )
            image.save()
    pages = FAQPage.objects.live().filter(hero_image__isnull=True)
    for page in pages:
        page.hero_image = image
        page.save_revision().publish()
    return len(pages)
