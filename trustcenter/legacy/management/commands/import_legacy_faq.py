from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trustcenter.legacy.images import LegacyImages
from trustcenter.legacy.importer import ImportRefused, import_legacy_pages
from trustcenter.legacy.parser import LegacyFileError, read_legacy_page, split_language_argument
from trustcenter.legacy.redirects import LegacyRedirectError, parse_redirect_spec
from trustcenter.legacy.site import import_legacy_site

# Distinct from a crash (1): the input was refused and nothing was written.
REFUSED = 2


class Command(BaseCommand):
    help = (
        "Import legacy Trust Center FAQ pages (Jekyll page bodies): the English page and its "
        "Simplified Chinese translation, in one transaction; or, with --site, every FAQ page "
        "of a checkout of the legacy site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            metavar="[LANG=]FILE",
            help="A legacy page; LANG= (en, en-us, zh-hans, zh-cn) overrides its front matter.",
        )
        parser.add_argument(
            "--site",
            metavar="DIR",
            help="A checkout of the legacy site: import every FAQ page in it, paired by path, "
            "with its hero image and its legacy addresses as redirects (instead of FILEs).",
        )
        parser.add_argument(
            "--images",
            metavar="DIR",
            help="Find the pages' hero images by file name under DIR and import them into the "
            "image library (--site looks under the site itself).",
        )
        parser.add_argument("--slug", default="faq", help="The FAQ page's slug (default: faq).")
        parser.add_argument(
            "--draft", action="store_true", help="Save new revisions as drafts; publish nothing."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be done; write nothing."
        )
        parser.add_argument(
            "--redirect-from",
            action="append",
            default=[],
            metavar="LANG=/old/path.html",
            help="Permanently redirect a legacy address to the page in LANG (repeatable).",
        )

    def handle(self, *args, files, site, images, slug, draft, dry_run, redirect_from, **options):
        if site and (files or images or redirect_from):
            raise CommandError(
                "--site finds the pages, images and addresses itself: give no FILE, "
                "--images or --redirect-from with it",
                returncode=REFUSED,
            )
        if not site and not files:
            raise CommandError("give the legacy pages (FILE ...) or --site DIR", returncode=REFUSED)
        if images and not Path(images).is_dir():
            raise CommandError(f"--images {images}: not a folder", returncode=REFUSED)
        try:
            redirects = [parse_redirect_spec(spec) for spec in redirect_from]
        except LegacyRedirectError as error:
            raise CommandError(f"--redirect-from {error}", returncode=REFUSED) from error
        try:
            if site:
                report = import_legacy_site(site, slug=slug, publish=not draft, dry_run=dry_run)
            else:
                pages = [
                    read_legacy_page(path, language)
                    for language, path in map(split_language_argument, files)
                ]
                report = import_legacy_pages(
                    pages,
                    slug=slug,
                    publish=not draft,
                    dry_run=dry_run,
                    redirects=redirects,
                    images=LegacyImages(images) if images else None,
                )
        except (LegacyFileError, ImportRefused) as error:
            raise CommandError(str(error), returncode=REFUSED) from error
        self.stdout.write(str(report))
