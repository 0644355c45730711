from django.core.management.base import BaseCommand

from faq.models import FAQPage
from faq.search import index_page


class Command(BaseCommand):
    help = "Rewrite the FAQ search index from the live FAQ pages (it is kept up to date on save)."

    def handle(self, *args, **options):
        live_pages = questions = 0
        for page_id, live in FAQPage.objects.values_list("pk", "live"):
            questions += index_page(page_id)
            live_pages += live
        self.stdout.write(f"Indexed {questions} questions of {live_pages} live FAQ pages.")
