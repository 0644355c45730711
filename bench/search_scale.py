"""How fast the FAQ search answers over a large generated site, without the whole bench.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tc_search \\
        .venv/bin/python bench/search_scale.py [--pages 1000] [--like-only]

Migrates the database DATABASE_URL names, adds the demo site and --pages generated FAQ
pages per language (15 to 500 questions each; only the first run does), indexes them for
search, then times the search view for a few queries. --like-only times the search
without PostgreSQL's full-text index (plain ``LIKE`` over every entry), as it was before.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    ("en", "data"),
    ("en", "encrypted transit"),
    ("en", "encrypted quantum"),  # no entry has both: every partial match is ranked
    ("zh-hans", "数据"),
    ("zh-hans", "客户数据"),
    ("zh-hans", "审计"),
    ("zh-hans", "第 7 种情况"),
]
RUNS = 3


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="generated FAQ pages per language")
    parser.add_argument("--like-only", action="store_true", help="time LIKE without the index")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustcenter.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.sitegen import generate_site
    from faq import search
    from faq.models import FAQPage, FAQSearchEntry
    from trustcenter.models import TrustCenterHomePage

    call_command("migrate", "--no-input", verbosity=0)
    if not TrustCenterHomePage.objects.exists():
        call_command("setup_demo")
    if not FAQPage.objects.filter(slug__startswith="generated").exists():
        generate_site(args.pages)
    unindexed = FAQPage.objects.live().exclude(search_entries__isnull=False)
    for page_id in unindexed.values_list("pk", flat=True):
        search.index_page(page_id)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if args.like_only:
        search._narrowed = lambda candidates, tsquery: candidates
    settings.PAGE_CACHE_ENABLED = False  # time the search, not the page cache
    client = Client(HTTP_HOST="localhost")
    print(f"{FAQSearchEntry.objects.count():,} entries; {connection.vendor}")
    for language, query in QUERIES:
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            response = client.get(f"/{language}/search/", {"q": query})
            timings.append(time.perf_counter() - start)
        found = response.content.count(b'class="search-result"')
        print(f"{language:8} {query:20} median {statistics.median(timings) * 1000:8.0f} ms"
              f"  ({found} shown)")  # fmt: skip


if __name__ == "__main__":
    main()
