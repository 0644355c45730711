"""Bulk-generate a realistic site fast: thousands of FAQ pages in both languages.

Pages are written with bulk inserts (tree paths computed here), not one by one through
Wagtail's ``add_child``: 2,000 pages of 15 to 500 questions, in English and Chinese, take
seconds rather than an hour. Each answer links to two other pages, as real answers do. The
Chinese pages share their English page's translation key, as wagtail-localize's do.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from faq.models import FAQPage
from trustcenter.models import TrustCenterHomePage

BATCH = 50


def question_counts(pages, fewest=15, most=500):
    """From ``fewest`` to ``most`` questions, evenly spread over ``pages`` pages."""
    if pages == 1:
        return [fewest]
    return [fewest + (most - fewest) * index // (pages - 1) for index in range(pages)]


def generate_site(pages=2000, slug_prefix="generated", fewest=15, most=500):
    """Create ``pages`` FAQ pages under each language's home, of ``fewest`` to ``most``
    questions; returns the English ids."""
    counts = question_counts(pages, fewest, most)
    content_type = ContentType.objects.get_for_model(FAQPage)
    homes = {
        home.locale.language_code: home
        for home in TrustCenterHomePage.objects.select_related("locale")
    }
    keys = [uuid.uuid4() for _ in range(pages)]
    english_ids = []
    with transaction.atomic():
        for language in ("en", "zh-hans"):
            home = Page.objects.get(pk=homes[language].pk)
            locale = Locale.objects.get(language_code=language)
            first_step = home.numchild + 1
            ids = []
            for start in range(0, pages, BATCH):
                rows = range(start, min(start + BATCH, pages))
                created = Page.objects.bulk_create(
                    [
                        _page_row(
                            home,
                            first_step + n,
                            f"{slug_prefix}-{n + 1:04d}",
                            language,
                            locale,
                            keys[n],
                            content_type,
                        )
                        for n in rows
                    ]
                )
                ids += [page.pk for page in created]
            if language == "en":
                english_ids = ids
            for start in range(0, pages, BATCH):
                _insert_faq_rows(
                    [
                        (ids[n], _faqs(counts[n], english_ids, n, language), language)
                        for n in range(start, min(start + BATCH, pages))
                    ]
                )
            Page.objects.filter(pk=home.pk).update(numchild=home.numchild + pages)
    return english_ids


def _page_row(home, step, slug, language, locale, key, content_type):
    now = timezone.now()
    title = f"FAQ {slug}" if language == "en" else f"常见问题 {slug}"
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=Page._get_path(home.path, home.depth + 1, step),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        locale=locale,
        translation_key=key,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )


def _faqs(count, english_ids, index, language):
    """``count`` questions; every answer links to the next two pages (English ids, as stored)."""
    links = [english_ids[(index + step) % len(english_ids)] for step in (1, 2)]
    items = []
    for number in range(1, count + 1):
        if language == "en":
            question = f"How is customer data protected in case {number}?"
            answer = (
                f"<p>Customer data in case {number} is encrypted at rest and in transit. "
                f'See <a linktype="page" id="{links[0]}">data protection</a> and '
                f'<a linktype="page" id="{links[1]}">compliance</a>.</p>'
                "<ul><li>Encryption at rest</li><li>Encryption in transit</li></ul>"
            )
        else:
            question = f"第 {number} 种情况下如何保护客户数据？"
            answer = (
                f"<p>第 {number} 种情况下，客户数据在存储和传输时均加密。"
                f'参见<a linktype="page" id="{links[0]}">数据保护</a>和'
                f'<a linktype="page" id="{links[1]}">合规</a>。</p>'
                "<ul><li>静态加密</li><li>传输加密</li></ul>"
            )
        items.append(
            {
                "type": "faq",
                "id": str(uuid.UUID(int=index * 1000 + number)),
                "value": {"question": question, "answer": answer},
            }
        )
    return items


def _insert_faq_rows(rows):
    """The FAQ page rows of already-inserted pages (Django cannot bulk-create child models)."""
    pages = [
        FAQPage(
            page_ptr_id=page_id,
            hero_title="Frequently Asked Questions" if language == "en" else "常见问题",
            intro="<p>Popular questions.</p>" if language == "en" else "<p>热门问题。</p>",
            numbered=language != "en",
            faqs=faqs,
        )
        for page_id, faqs, language in rows
    ]
    FAQPage._base_manager.all()._insert(pages, fields=FAQPage._meta.local_concrete_fields)
