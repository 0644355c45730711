from django.core.management.base import BaseCommand
from django.db import connection

from faq.models import FAQPage, FAQSearchEntry
from faq.search import index_page


class Command(BaseCommand):
    help = "Rewrite the FAQ search index from the live FAQ pages (it is kept up to date on save)."

    def handle(self, *args, **options):
        live_pages = questions = 0
        for page_id, live in FAQPage.objects.values_list("pk", "live"):
            questions += index_page(page_id)
            live_pages += live
        if connection.vendor == "postgresql":
            # Every row is new: the statistics PostgreSQL plans searches with are refreshed
            # now, not whenever autovacuum gets to it (a search planned without them can
            # take seconds on a large site).
            with connection.cursor() as cursor:
                cursor.execute(
                    f"ANALYZE {connection.ops.quote_name(FAQSearchEntry._meta.db_table)}"
                )
        self.stdout.write(f"Indexed {questions} questions of {live_pages} live FAQ pages.")
