"""A checkout of the legacy site (a Jekyll site): its FAQ pages in both languages, paired by
path, each imported with its hero image and its legacy addresses as redirects.

A FAQ page is a page whose front matter names a Trust Center layout (``TrustCenterPage``,
``TrustCenterPageCN``) and whose file is named FAQ (``FAQ.md``, ``FAQ-cn.md``) or holds
``.content-faq`` items: the layout alone is every page of the Trust Center.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from .images import LegacyImages
from .importer import ImportReport, import_sets, prepare_set
from .parser import (
    FRONT_MATTER,
    LAYOUT_LANGUAGES,
    LAYOUT_LINE,
    MAX_FILE_BYTES,
    LegacyFileError,
    read_legacy_page,
)
from .redirects import LegacyRedirectError, normalise_old_path

PAGE_SUFFIXES = {".md", ".markdown", ".html", ".htm"}
# The newer legacy site keeps each language in a tree of its own: en-us/..., zh-cn/...
LANGUAGE_TREES = {"en-us", "zh-cn"}
CHINESE_SUFFIX = re.compile(r"-cn$", re.I)
PERMALINK_LINE = re.compile(r"^permalink:\s*['\"]?(?P<permalink>/\S*?)['\"]?\s*$", re.M)


@dataclass
class SitePage:
    path: Path
    relative: Path
    language: str
    address: str  # where the legacy site served it

    @property
    def place(self):
        """The page's path with its language taken out: ``resources/FAQ`` for all four of
        ``resources/FAQ.md``, ``resources/FAQ-cn.md``, ``en-us/resources/FAQ.md`` and
        ``zh-cn/resources/FAQ.md``."""
        parts = list(self.relative.parts)
        if self.in_language_tree:
            parts.pop(0)
        parts[-1] = CHINESE_SUFFIX.sub("", Path(parts[-1]).stem)
        return "/".join(parts)

    @property
    def in_language_tree(self):
        return len(self.relative.parts) > 1 and self.relative.parts[0].lower() in LANGUAGE_TREES


@dataclass
class SiteFAQ:
    """One FAQ page of the legacy site: the version imported per language (the newest
    generation: the language trees), and every version's address."""

    place: str
    slug: str
    imported: dict = field(default_factory=dict)  # language -> SitePage
    versions: list = field(default_factory=list)


def find_faq_pages(site_dir):
    """The legacy site's FAQ pages, as ``SiteFAQ``s; ``LegacyFileError`` on bad input."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise LegacyFileError(site_dir, "not a folder (--site takes a checkout of the legacy site)")
    pages = [page for path in sorted(_page_files(site_dir)) if (page := _site_page(path, site_dir))]
    if not pages:
        raise LegacyFileError(
            site_dir,
            "no FAQ pages (no page with layout TrustCenterPage or TrustCenterPageCN "
            "named FAQ or holding .content-faq items)",
        )
    by_place = {}
    for page in pages:
        by_place.setdefault(page.place, []).append(page)
    faqs = []
    for place, versions in sorted(by_place.items()):
        slug = None if len(by_place) == 1 else slugify(place.replace("/", "-"))
        faq = SiteFAQ(place, slug, versions=versions)
        for page in sorted(versions, key=lambda page: page.in_language_tree):
            same = faq.imported.get(page.language)
            if same is not None and same.in_language_tree == page.in_language_tree:
                raise LegacyFileError(
                    page.path, f"a second {page.language} version of {place} ({same.path})"
                )
            faq.imported[page.language] = page  # the language tree's, when there is one
        faqs.append(faq)
    return faqs


def _page_files(site_dir):
    for path in site_dir.rglob("*"):
        relative = path.relative_to(site_dir)
        # _site is Jekyll's output, _layouts and the like its machinery; .git is no page.
        if any(part.startswith(("_", ".")) for part in relative.parts[:-1]):
            continue
        if path.suffix.lower() in PAGE_SUFFIXES and path.is_file():
            yield path


def _site_page(path, site_dir):
    try:
        with path.open("rb") as file:
            text = file.read(MAX_FILE_BYTES).decode("utf-8-sig", errors="replace")
    except OSError as error:
        raise LegacyFileError(path, f"cannot read it ({error.strerror.lower()})") from error
    front_matter = FRONT_MATTER.match(text)
    layout = front_matter and LAYOUT_LINE.search(front_matter.group("body"))
    language = layout and LAYOUT_LANGUAGES.get(layout.group("layout"))
    if not language:
        return None
    named_faq = CHINESE_SUFFIX.sub("", path.stem).lower() == "faq"
    if not named_faq and "content-faq" not in text:
        return None
    relative = path.relative_to(site_dir)
    permalink = PERMALINK_LINE.search(front_matter.group("body"))
    if permalink:
        address = permalink.group("permalink")
    else:
        served = relative.with_suffix(".html") if path.suffix.lower() != ".htm" else relative
        address = "/" + served.as_posix()
    try:
        address = normalise_old_path(address)
    except LegacyRedirectError as error:
        raise LegacyFileError(path, f"its address {error}") from error
    return SitePage(path, relative, language, address)


def import_legacy_site(site_dir, slug="faq", publish=True, dry_run=False, user=None):
    """Import every FAQ page of a legacy site checkout in one transaction; the report
    starts with the plan. ``LegacyFileError`` or ``ImportRefused`` before anything is written."""
    faqs = find_faq_pages(site_dir)
    report = ImportReport()
    report.add(f"Plan: {len(faqs)} FAQ page{'s' if len(faqs) != 1 else ''} in {site_dir}")
    sets = []
    for faq in faqs:
        page_slug = faq.slug or slug
        redirects = [(page.language, page.address) for page in faq.versions]
        imported = sorted(faq.imported.values(), key=lambda page: page.language)
        report.add(
            f"  {faq.place} -> slug {page_slug!r}: "
            + ", ".join(f"{page.language} from {page.relative}" for page in imported)
        )
        for page in faq.versions:
            if page not in imported:
                report.add(f"    {page.relative}: an older version, its address redirected only")
        for language, address in redirects:
            report.add(f"    redirect {address} -> the {language} page")
        legacy_pages = [read_legacy_page(page.path, page.language) for page in imported]
        sets.append(
            prepare_set(legacy_pages, page_slug, redirects, published=publish and not dry_run)
        )
    return import_sets(sets, publish, dry_run, user, LegacyImages(site_dir), report)
