"""What the bench measures inside Django: editorial operations, query counts, staleness."""

import contextlib
import copy
import io
import statistics
import time
from pathlib import Path
from urllib.request import urlopen

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

from wagtail_localize.models import TranslationSource

from bs4 import BeautifulSoup

from faq.models import FAQPage

HOST = "127.0.0.1"
LONG = 500
LONG_SLUG = f"faq-{LONG}"
SEED_QUESTIONS_IN_BOTH = 14


def measure_editorial_operations(workdir, seed_files):
    """Import, sync a translation and open the admin editor, for 15 and 500 questions."""
    timings = []
    long_files = []
    for argument in seed_files:
        language, path = argument.split("=", 1)
        long_files.append(f"{language}={legacy_file_with(Path(path), LONG, workdir)}")
    for label, files, slug in (("15", seed_files, "faq"), (str(LONG), long_files, LONG_SLUG)):
        seconds, queries = _timed(
            call_command, "import_legacy_faq", *files, "--slug", slug, stdout=io.StringIO()
        )
        timings.append((f"import, {label} questions (en + zh-hans)", seconds, queries))
    for label, slug in (("15", "faq"), (str(LONG), LONG_SLUG)):
        page = FAQPage.objects.get(slug=slug, locale__language_code="en")
        _edit_an_answer(page)
        seconds, queries = _timed(sync_translations, page)
        timings.append((f"sync translation, {label} questions", seconds, queries))
    editor = Client(HTTP_HOST=HOST)
    editor.force_login(
        get_user_model().objects.create_superuser("bench", "bench@example.com", "bench")
    )
    for label, slug in (("15", "faq"), (str(LONG), LONG_SLUG)):
        for language in ("en", "zh-hans"):
            page = FAQPage.objects.get(slug=slug, locale__language_code=language)
            url = f"/admin/pages/{page.pk}/edit/"
            runs = [_timed(_get_ok, editor, url) for _ in range(3)]
            seconds = statistics.median(seconds for seconds, _ in runs)
            timings.append(
                (f"admin edit view, {label} questions, {language}", seconds, runs[-1][1])
            )
    return timings


def sync_translations(page):
    """What "Sync translated pages" does: refresh the source, then update every translation."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)


def legacy_file_with(seed, count, workdir):
    """A copy of a legacy page whose questions are the seed's, repeated up to ``count``.

    Both languages cycle through the same number of seed questions (the Chinese page has one
    fewer), so item *i* of the English copy still pairs with item *i* of the Chinese one.
    """
    text = seed.read_text()
    _, front_matter, body = text.split("---", 2)
    soup = BeautifulSoup(body, "html.parser")
    items = soup.select("div.content-faq")[:SEED_QUESTIONS_IN_BOTH]
    container = items[0].parent
    for item in soup.select("div.content-faq"):
        item.extract()
    for number in range(count):
        item = copy.copy(items[number % len(items)])
        item.label.string = f"{item.label.get_text(strip=True)} ({number + 1})"
        container.append(item)
    target = Path(workdir) / f"{seed.stem}-{count}.txt"
    target.write_text(f"---{front_matter}---{soup}")
    return target


def _edit_an_answer(page):
    page = FAQPage.objects.get(pk=page.pk)
    data = page.faqs.raw_data
    first = data[0]
    first["value"]["answer"] = first["value"]["answer"].replace("<p>", "<p>Updated. ", 1)
    page.save_revision().publish()


def _timed(function, *args, **kwargs):
    with counted_queries() as queries:
        started = time.perf_counter()
        function(*args, **kwargs)
        seconds = time.perf_counter() - started
    return seconds, queries[0]


@contextlib.contextmanager
def counted_queries():
    """Count queries without keeping them (Django keeps at most 9,000)."""
    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        yield count


def _get_ok(client, url, **headers):
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return response


def targets():
    """The paths measured."""
    english = FAQPage.objects.get(slug="faq", locale__language_code="en")
    return {
        "page": "/en/faq/",
        "page_zh": "/zh-hans/faq/",
        "long_zh": f"/zh-hans/{LONG_SLUG}/",
        "generated": _largest_generated_page(),
        "api": f"/api/v2/pages/{english.pk}/",
        "search": "/en/search/?q=data",
    }


def _largest_generated_page():
    slug = (
        FAQPage.objects.filter(locale__language_code="en", slug__startswith="generated-")
        .order_by("-slug")
        .values_list("slug", flat=True)
        .first()
    )
    return f"/en/{slug}/"


# What a browser sends: the bench's compressed rows ask as it does.
BROTLI_CLIENT = "gzip, deflate, br, zstd"


def query_counts(paths):
    """Queries per request, measured in this process with the servers' settings."""
    client = Client(HTTP_HOST=HOST)
    counts = {}

    def count(path, **headers):
        client.get(path, **headers)  # warm: the route and the page's frame are remembered once
        with counted_queries() as queries:
            _get_ok(client, path, **headers)
        return queries[0]

    counts["cached"], counts["cached_zh"] = count(paths["page"]), count(paths["page_zh"])
    counts["cached_br"] = count(paths["page"], HTTP_ACCEPT_ENCODING=BROTLI_CLIENT)
    with override_settings(PAGE_CACHE_ENABLED=False):
        counts["uncached"], counts["uncached_zh"] = count(paths["page"]), count(paths["page_zh"])
        for key in ("long_zh", "generated", "api", "search"):
            counts[key] = count(paths[key])
    return counts


def stale_responses(servers, rounds):
    """Publish, then ask every app server at once: count the answers without the change."""
    stale = 0
    for number in range(rounds):
        language = ("en", "zh-hans")[number % 2]
        path = f"/{language}/faq/"
        for server in servers:
            _fetch(server + path)  # cached on every server before the change
        page = FAQPage.objects.get(slug="faq", locale__language_code=language)
        marker = f"Stale check {number}"
        page.hero_title = marker
        page.save_revision().publish()
        for server in servers:
            if marker not in _fetch(server + path):
                stale += 1
    return stale


def _fetch(url):
    with urlopen(url) as response:
        return response.read().decode()
