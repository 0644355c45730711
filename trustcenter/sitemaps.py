import functools
import operator
from collections import defaultdict

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from . import languages
from .alternates import alternate_links


class TranslatedSitemap(Sitemap):
    """Every live, public page of the site in every language, with its hreflang alternates.

    Wagtail's own sitemap lists only the tree of the site's root page (one language) and
    gives no alternates.
    """

    @functools.cached_property
    def _language_trees(self):
        homes = languages.homes(self.get_wagtail_site(), live_only=False).values()
        return functools.reduce(operator.or_, (Q(path__startswith=home.path) for home in homes))

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(self._language_trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates({page.translation_key for page in pages})
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates[item.translation_key]})
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _alternates(self, translation_keys):
        translations = defaultdict(list)
        for page in (
            Page.objects.live()
            .public()
            .filter(self._language_trees, translation_key__in=translation_keys)
            .select_related("locale")
        ):
            translations[page.translation_key].append(page)
        return defaultdict(
            list,
            {key: alternate_links(pages, self.request) for key, pages in translations.items()},
        )
