from django.core.management.base import BaseCommand, CommandError

from trustcenter.static_export.exporter import ExportError, export_site


class Command(BaseCommand):
    help = (
        "Write every published page in every language, static files, media, the sitemap and "
        "the redirects (as an nginx map) to OUTDIR, for a plain web server or a CDN."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", help="directory to write; replaced once the export is done")

    def handle(self, outdir, **options):
        try:
            export_site(outdir, log=self.stdout.write)
        except ExportError as error:
            raise CommandError(f"export_static: {error}") from error
