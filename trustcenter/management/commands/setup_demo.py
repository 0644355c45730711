import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from trustcenter import languages
from trustcenter.models import TrustCenterHomePage
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
# The homes' intro (and so their description for search engines), one sentence per language.
HOME_INTRO = {
    "en": "How your data is stored and protected, who can access it, and what is audited "
    "and promised.",
    "zh-hans": "您的数据如何存储和保护、谁可以访问，以及我们审核和承诺的内容。",
}


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
        if ensure_demo_home_intro():
            self.stdout.write("Homes: given the demo intro.")
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


@transaction.atomic
def ensure_demo_home_intro():
    """Give the source home the demo intro if it has none, and its translations theirs through
    wagtail-localize (as the home's title is), so each home describes itself to search engines."""
    source_code = languages.source_language()
    home = TrustCenterHomePage.objects.filter(locale__language_code=source_code).first()
    if home is None or home.intro or source_code not in HOME_INTRO:
        return False
    home.intro = f"<p>{HOME_INTRO[source_code]}</p>"
    home.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(home)
    segment = source.stringsegment_set.select_related("string", "context").get(
        context__path="intro"
    )
    for translation in Translation.objects.filter(source=source):
        text = HOME_INTRO.get(translation.target_locale.language_code)
        if text is None:
            continue  # a language without demo text keeps the intro untranslated (held back)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        translation.save_target(publish=True)
    return True
