from django.template.response import TemplateResponse

from wagtail.models import Locale

from .models import FAQPage
from .search import MAX_QUERY_LENGTH
from .search import search as search_entries

RESULTS_SHOWN = 50


def search(request):
    """The FAQ search of the active language: every question whose text or answer matches."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results, total = [], 0
    if query:
        pages = FAQPage.objects.live().public()
        entries = search_entries(query, Locale.get_active(), pages).defer("page__faqs")
        results = list(entries[: RESULTS_SHOWN + 1])
        total = len(results) if len(results) <= RESULTS_SHOWN else entries.count()
        results = results[:RESULTS_SHOWN]
    return TemplateResponse(
        request,
        "faq/search.html",
        # The page has its own, labelled search form: the header's would repeat it.
        {"search_query": query, "results": results, "total": total, "hide_site_search": True},
    )
