from django.template.response import TemplateResponse

from wagtail.models import Locale

from .models import FAQPage
from .search import MAX_QUERY_LENGTH
from .search import search as search_entries

RESULTS_SHOWN = 50
# Counting a million matches costs more than finding the best fifty; past this many, the
# summary says "more than".
MATCHES_COUNTED = 1000


def search(request):
    """The FAQ search of the active language: every question whose text or answer matches."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {
        "search_query": query,
        "results": [],
        "total": 0,
        "matches_counted": MATCHES_COUNTED,
        "matched_all_terms": True,
        # The page has its own, labelled search form: the header's would repeat it.
        "hide_site_search": True,
    }
    if query:
        found = search_entries(query, Locale.get_active(), FAQPage.objects.live().public())
        results = found.first(RESULTS_SHOWN + 1)
        if len(results) <= RESULTS_SHOWN:
            context["total"] = len(results)
        else:
            context["total"] = found.count(up_to=MATCHES_COUNTED + 1)
        context["results"] = results[:RESULTS_SHOWN]
        context["matched_all_terms"] = found.matched_all_terms
    return TemplateResponse(request, "faq/search.html", context)
