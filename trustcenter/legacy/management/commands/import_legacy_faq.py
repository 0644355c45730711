from django.core.management.base import BaseCommand, CommandError

from trustcenter.legacy.importer import ImportRefused, import_legacy_pages
from trustcenter.legacy.parser import LegacyFileError, read_legacy_page, split_language_argument
from trustcenter.legacy.redirects import LegacyRedirectError, parse_redirect_spec

# Distinct from a crash (1): the input was refused and nothing was written.
REFUSED = 2


class Command(BaseCommand):
    help = (
        "Import legacy Trust Center FAQ pages (Jekyll page bodies): the English page and its "
        "Simplified Chinese translation, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="+",
            metavar="[LANG=]FILE",
            help="A legacy page; LANG= (en, en-us, zh-hans, zh-cn) overrides its front matter.",
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

    def handle(self, *args, files, slug, draft, dry_run, redirect_from, **options):
        try:
            redirects = [parse_redirect_spec(spec) for spec in redirect_from]
        except LegacyRedirectError as error:
            raise CommandError(f"--redirect-from {error}", returncode=REFUSED) from error
        try:
            pages = [
                read_legacy_page(path, language)
                for language, path in map(split_language_argument, files)
            ]
            report = import_legacy_pages(
                pages, slug=slug, publish=not draft, dry_run=dry_run, redirects=redirects
            )
        except (LegacyFileError, ImportRefused) as error:
            raise CommandError(str(error), returncode=REFUSED) from error
        self.stdout.write(str(report))
