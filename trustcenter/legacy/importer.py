"""Importing legacy FAQ pages into Wagtail, in both languages, as one transaction.

The English page is the source; a Chinese page becomes its wagtail-localize translation
with the Chinese text stored as the translations of the English page's strings, so a
translator opening it sees the Chinese. Item *i* of the Chinese page translates item *i*
of the English page (the legacy pages list their questions in the same order). See the
README ("Importing the legacy FAQ") for the rules on mismatches.
"""

import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import quote_path_component
from wagtail_localize.strings import extract_strings

from bs4 import BeautifulSoup

from faq.blocks import ANSWER_FEATURES
from faq.models import INTRO_FEATURES, FAQPage
from faq.translation.publishing import prefill_translation
from faq.validation import carrying_repeats_over, describe_validation_error, question_repeats

from .. import languages
from .parser import LegacyPage, clean_legacy_html
from .redirects import LegacyRedirectError, set_legacy_redirects


class ImportRefused(Exception):
    """The import cannot go ahead; the message names the file and the reason."""


@dataclass
class PreparedPage:
    """A legacy page cleaned into the values an FAQPage holds."""

    legacy: LegacyPage
    intro: str
    items: list[tuple[str, str]]  # (question, answer rich text)
    dropped: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    hero_image: object = None  # a Wagtail image, once imported (``--images``)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_legacy(cls, legacy):
        dropped, unmapped = [], []
        intro, intro_dropped, intro_unmapped = clean_legacy_html(legacy.intro_html, INTRO_FEATURES)
        dropped += [f"intro: {what}" for what in intro_dropped]
        unmapped += [f"intro: {what}" for what in intro_unmapped]
        items = []
        for position, item in enumerate(legacy.items, start=1):
            answer, answer_dropped, answer_unmapped = clean_legacy_html(
                item.answer_html, ANSWER_FEATURES
            )
            dropped += [f"item {position} answer: {what}" for what in answer_dropped]
            unmapped += [f"item {position} answer: {what}" for what in answer_unmapped]
            items.append((item.question, answer))
        # Carried over as the legacy site shows them (``carrying_repeats_over``), said aloud.
        notes = [
            f"{repeat}: kept as on the legacy site"
            for repeat in question_repeats([question for question, _ in items])
        ]
        return cls(legacy, intro, items, dropped, unmapped, notes=notes)

    @property
    def language(self):
        return self.legacy.language

    def field_values(self):
        values = {
            "title": self.legacy.title,
            "hero_title": self.legacy.hero_title,
            "hero_image_alt": self.legacy.hero_image_alt,
            "hero_image_legacy_path": self.legacy.hero_image_path,
            "intro": self.intro,
            "numbered": self.legacy.numbered,
        }
        # Without an image found, the page keeps whatever image an editor chose.
        if self.hero_image is not None:
            values["hero_image"] = self.hero_image
        return values

    def attach_hero_image(self, images):
        """Find the legacy hero image among ``images`` and import it; a missing or unreadable
        image is noted, and the page imported without it."""
        legacy_path = self.legacy.hero_image_path
        if not legacy_path:
            return
        path = images.find(legacy_path, self.legacy.path)
        if path is None:
            self.notes.append(
                f"hero image {legacy_path!r} not found under {images.directory}: no hero image set"
            )
            return
        try:
            image, created = images.import_image(path)
        except ValueError as error:
            self.notes.append(f"hero image {path}: {error}: no hero image set")
            return
        self.hero_image = image
        where = "imported into" if created else "already in"
        self.notes.append(
            f"hero image {path.name}: {where} the image library (image {image.pk}), "
            f"alt text {self.legacy.hero_image_alt!r}"
        )


@dataclass
class ImportReport:
    lines: list[str] = field(default_factory=list)

    def add(self, line=""):
        self.lines.append(line)

    def __str__(self):
        return "\n".join(self.lines)


@dataclass
class ImportSet:
    """One FAQ page to import: its language versions, slug and legacy addresses."""

    pages: dict  # language -> PreparedPage
    slug: str = "faq"
    redirects: tuple = ()


def import_legacy_pages(
    legacy_pages, slug="faq", publish=True, dry_run=False, user=None, redirects=(), images=None
):
    """Import legacy pages (at most one per language). Returns an ``ImportReport``.

    ``redirects``: ``(language, old path)`` pairs (see ``trustcenter.legacy.redirects``),
    each made a permanent redirect to the imported page in that language, in the same transaction.
    ``images``: a ``LegacyImages`` to find and import the hero image from.

    Raises ``ImportRefused`` before writing anything if the set of files can't be imported.
    With ``dry_run`` everything is done inside a transaction that is then rolled back, and
    nothing is published, so the report is exact and nothing is written.
    """
    import_set = prepare_set(legacy_pages, slug, redirects, published=publish and not dry_run)
    return import_sets([import_set], publish, dry_run, user, images)


def prepare_set(legacy_pages, slug, redirects, published):
    """An ``ImportSet`` of legacy pages, checked: ``ImportRefused`` if it can't be imported."""
    by_language = {}
    for legacy in legacy_pages:
        if legacy.language in by_language:
            raise ImportRefused(
                f"{legacy.path}: a second {legacy.language} file "
                f"({by_language[legacy.language].legacy.path} is {legacy.language} too)"
            )
        by_language[legacy.language] = PreparedPage.from_legacy(legacy)
    for prepared in by_language.values():
        check_page(prepared, slug, published=published)
    return ImportSet(by_language, slug, tuple(redirects))


def import_sets(sets, publish=True, dry_run=False, user=None, images=None, report=None):
    """Import checked ``ImportSet``s in one transaction: all of them, or (on an error, or a
    dry run) nothing, not even an image file."""
    report = report or ImportReport()
    try:
        with transaction.atomic(), carrying_repeats_over():
            for import_set in sets:
                _import_set(import_set, publish and not dry_run, user, images, report)
            if dry_run:
                transaction.set_rollback(True)
                report.add("Dry run: nothing was written.")
    except BaseException:
        if images is not None:
            images.discard_stored()
        raise
    if dry_run and images is not None:
        images.discard_stored()
    return report


def _import_set(import_set, publish, user, images, report):
    by_language = dict(import_set.pages)
    if images is not None:
        for prepared in by_language.values():
            prepared.attach_hero_image(images)
    english = by_language.pop(languages.source_language(), None)
    importer = _Importer(import_set.slug, publish, user, report)
    source_page = importer.import_source(english) if english else importer.find_source()
    for prepared in by_language.values():
        if source_page is not None:
            importer.import_translation(source_page, english, prepared)
        else:
            importer.import_standalone(prepared)
    if import_set.redirects:
        importer.redirect(source_page, list(by_language), import_set.redirects)


def check_page(prepared, slug, published):
    """Refuse, before anything is written, what the FAQ page would refuse (the admin's and
    the API's checks): its fields' limits and ``FAQPage.content_errors()``."""
    values = {**prepared.field_values(), "slug": slug}
    page = FAQPage(
        **values, faqs=_stream_data([None] * len(prepared.items), prepared.items), live=published
    )
    problems = []
    try:
        # Only what the importer sets: the rest (tree position, locale) is Wagtail's.
        page.clean_fields(exclude=[f.name for f in FAQPage._meta.fields if f.name not in values])
    except ValidationError as error:
        problems.append(describe_validation_error(error))
    content_errors = page.content_errors()
    if content_errors:
        problems.append(describe_validation_error(ValidationError(content_errors)))
    if problems:
        raise ImportRefused(f"{prepared.legacy.path}: {'; '.join(problems)}")


class _Importer:
    def __init__(self, slug, publish, user, report):
        self.slug = slug
        self.publish = publish
        self.user = user
        self.report = report

    # -- the English source page --------------------------------------------------------

    def find_source(self):
        home = _home(languages.source_language())
        return FAQPage.objects.child_of(home).filter(slug=self.slug).first()

    def import_source(self, prepared):
        return self._import_page(
            prepared, _home(languages.source_language()), adopt=self._untranslated_chinese_page
        )

    def _import_page(self, prepared, home, adopt=None):
        """Create or update the page of ``prepared`` under ``home``; returns it.

        ``adopt`` finds a page whose translation key a new page takes, becoming its source.
        """
        page = FAQPage.objects.child_of(home).filter(slug=self.slug).first()
        created = page is None
        if created:
            # Not live until its first revision is published.
            current = FAQPage(slug=self.slug, locale=home.locale, live=False)
            translation = adopt() if adopt else None
            if translation is not None:
                current.translation_key = translation.translation_key
            old_blocks = []
        else:
            current = page.get_latest_revision_as_object()
            old_blocks = [(block.id, block.value["question"]) for block in current.faqs]

        ids = match_block_ids(old_blocks, [question for question, _ in prepared.items])
        values = prepared.field_values()
        values["faqs"] = _stream_data(ids, prepared.items)
        if _editor_chose_another_image(current, values.get("hero_image")):
            # The legacy site had one image and no choice: an editor's choice wins.
            del values["hero_image"]
            prepared.notes.append(
                f"kept the hero image an editor chose (image {current.hero_image.pk})"
            )
        changed = created or _differs(current, values)
        for name, value in values.items():
            setattr(current, name, value)

        if created:
            home.add_child(instance=current)
        if changed:
            self._save(current)
        elif self.publish and (not page.live or page.has_unpublished_changes):
            page.get_latest_revision().publish(user=self.user)
            changed = True
        page = FAQPage.objects.get(pk=current.pk)
        self._report_page(prepared, page, created, changed)
        return page

    def _untranslated_chinese_page(self):
        for locale in Locale.objects.exclude(language_code=languages.source_language()):
            home = _home(locale.language_code)
            candidate = FAQPage.objects.child_of(home).filter(slug=self.slug).first()
            if candidate and not candidate.get_translations().exists():
                return candidate
        return None

    def _save(self, page):
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)

    # -- a translation of the English page ----------------------------------------------

    def import_translation(self, source_page, english, prepared):
        locale = Locale.objects.get(language_code=prepared.language)
        existing_target = source_page.get_translation_or_none(locale)
        source_revision = source_page.get_latest_revision_as_object()
        source_items = [
            (block.id, block.value["question"], block.value["answer"].source)
            for block in source_revision.faqs
        ]
        pairing = pair_translation(source_revision, source_items, prepared)
        pending = [
            (position, question)
            for position, (_id, question, _answer) in enumerate(source_items, start=1)
            if position > len(prepared.items)
        ]
        extra = prepared.items[len(source_items) :]
        if extra:
            raise ImportRefused(
                f"{prepared.legacy.path}: {len(prepared.items)} items, but the English page has "
                f"only {len(source_items)}: add the English for the last {len(extra)} first, "
                "or import the Chinese file on its own with another --slug"
            )

        source, source_changed = TranslationSource.update_or_create_from_instance(source_revision)
        translation, translation_created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])
        changed = prefill_translation(
            source, locale, pairing.strings, pairing.overrides, user=self.user
        )
        target = existing_target
        needs_save = (
            target is None
            or changed
            or source_changed
            or translation_created
            or target.numbered != prepared.legacy.numbered
            or (self.publish and (not target.live or target.has_unpublished_changes))
        )
        if needs_save:
            translation.save_target(user=self.user, publish=False)
            target = translation.get_target_instance().specific
            if target.numbered != prepared.legacy.numbered:
                target.numbered = prepared.legacy.numbered
                target.save_revision(user=self.user)
            if self.publish:
                target.get_latest_revision().publish(user=self.user)
            target = FAQPage.objects.get(pk=target.pk)
        self._report_page(prepared, target, existing_target is None, needs_save)
        paired = min(len(source_items), len(prepared.items))
        self.report.add(
            f"  paired {paired} of {len(source_items)} English items with "
            f"{prepared.language} items by position"
        )
        for position, question in pending:
            self.report.add(
                f"  English item {position} has no {prepared.language} counterpart: "
                f"held back from the {prepared.language} page until translated: {question!r}"
            )
        if prepared.hero_image is not None and prepared.hero_image != source_revision.hero_image:
            self.report.add(
                "  its hero image differs from the English page's: translations share the "
                "English page's"
            )
        for note in pairing.notes:
            self.report.add(f"  {note}")
        for problem in pairing.problems:
            self.report.add(f"  could not map {problem}")

    # -- a Chinese page with no English source ------------------------------------------

    def import_standalone(self, prepared):
        """A translated page with no source page: a page of its own in its language."""
        page = self._import_page(prepared, _home(prepared.language))
        self.report.add("  no English source: a page of its own, not a translation")
        return page

    # -- the legacy site's addresses ----------------------------------------------------

    def redirect(self, source_page, languages, redirects):
        page = source_page
        if page is None:  # no English page: redirect to the page imported on its own
            page = FAQPage.objects.child_of(_home(languages[0])).filter(slug=self.slug).first()
        try:
            saved = set_legacy_redirects(page, redirects)
        except LegacyRedirectError as error:
            raise ImportRefused(f"--redirect-from {error}") from error
        for redirect in saved:
            target = redirect.redirect_page
            self.report.add(
                f"redirect {redirect.old_path} -> {target.url or target.url_path} (permanent)"
            )

    # -- reporting ----------------------------------------------------------------------

    def _report_page(self, prepared, page, created, changed):
        verb = "created" if created else ("updated" if changed else "unchanged")
        state = "published" if page.live and not page.has_unpublished_changes else "draft"
        if not changed:
            state = "published" if page.live else "draft"
        self.report.add(
            f"{prepared.language}: {verb} {page.title!r} at {page.url or page.url_path} "
            f"({len(prepared.items)} items, {state}) from {prepared.legacy.path}"
        )
        numbers = [item.number for item in prepared.legacy.items if item.number]
        if numbers:
            self.report.add(
                f"  stripped typed numbering from {len(numbers)} questions "
                "(the page numbers them itself)"
            )
        for note in prepared.notes:
            self.report.add(f"  {note}")
        for what in prepared.dropped:
            self.report.add(f"  dropped {what}")
        for what in prepared.unmapped:
            self.report.add(f"  could not map {what}")


def match_block_ids(old_blocks, new_questions):
    """Keep each item's block id (and so its anchor) across re-imports.

    An item keeps the id of an old item with the same question; otherwise, of the old item
    at its position if that one is not taken; otherwise it gets a new id.
    """
    by_question = defaultdict(deque)
    for block_id, question in old_blocks:
        by_question[question].append(block_id)
    ids = [None] * len(new_questions)
    taken = set()
    for position, question in enumerate(new_questions):
        if by_question[question]:
            ids[position] = by_question[question].popleft()
            taken.add(ids[position])
    for position in range(len(new_questions)):
        if ids[position] is None and position < len(old_blocks):
            candidate = old_blocks[position][0]
            if candidate not in taken:
                ids[position] = candidate
                taken.add(candidate)
    return [block_id or str(uuid.uuid4()) for block_id in ids]


@dataclass
class TranslationPairing:
    """What a translated legacy page contributes to a wagtail-localize translation."""

    strings: dict = field(default_factory=dict)  # (context path, source string) -> translation
    overrides: dict = field(default_factory=dict)  # overridable segment path -> value
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add_string(self, path, source, translated):
        if source and translated:
            self.strings[(path, source)] = translated

    def add_rich_text(self, path, source_html, translated_html, where):
        source_template, source_strings = extract_strings(source_html)
        translated_template, translated_strings = extract_strings(translated_html)
        groups = align_segments(
            _segment_shapes(source_template, source_strings),
            _segment_shapes(translated_template, translated_strings),
        )
        if groups is None:
            self.problems.append(
                f"{where}: {len(source_strings)} paragraphs or list items in English, "
                f"{len(translated_strings)} in the translation, and they could not be "
                "aligned (left for a translator)"
            )
            return
        for source_indices, translated_indices in groups:
            sources = [source_strings[index] for index in source_indices]
            translations = [translated_strings[index] for index in translated_indices]
            if len(sources) == len(translations) == 1:
                (source, source_attrs), (translated, translated_attrs) = sources[0], translations[0]
                data = self._relink(path, source_attrs, translated.data, translated_attrs, where)
                if data is None:
                    self.problems.append(
                        f"{where}: not the same links as the English "
                        f"({translated.data[:60]!r}, left for a translator)"
                    )
                else:
                    self.add_string(path, source.data, data)
            elif any(attrs for _, attrs in sources + translations):
                self.problems.append(
                    f"{where}: the translation merges or splits paragraphs that hold links "
                    "(left for a translator)"
                )
            elif len(translations) == 1:
                # The translation merged English paragraphs: the first English paragraph
                # carries the whole text, the others a blank (shown as nothing).
                self.add_string(path, sources[0][0].data, translations[0][0].data)
                for source, _attrs in sources[1:]:
                    self.add_string(path, source.data, MERGED_PARAGRAPH)
                self.notes.append(
                    f"{where}: the translation merges English paragraphs "
                    f"{_span(source_indices)} into one; kept as one"
                )
            else:
                joined = "<br/>".join(translated.data for translated, _attrs in translations)
                self.add_string(path, sources[0][0].data, joined)
                self.notes.append(
                    f"{where}: the translation splits English paragraph "
                    f"{source_indices[0] + 1} in {len(translations)}; kept as line breaks"
                )

    def _relink(self, path, source_attrs, data, translated_attrs, where):
        """Give a translated string the source string's link ids; differing URLs are overrides."""
        source_links = [(key, attrs.get("href")) for key, attrs in source_attrs.items()]
        translated_links = [(key, attrs.get("href")) for key, attrs in translated_attrs.items()]
        if len(source_links) != len(translated_links):
            return None
        renames, unmatched, free = {}, [], list(source_links)
        for key, href in translated_links:
            same = next((link for link in free if link[1] == href), None)
            if same is None:
                unmatched.append((key, href))
            else:
                free.remove(same)
                renames[key] = same[0]
        for (key, href), (source_key, source_href) in zip(unmatched, free, strict=True):
            renames[key] = source_key
            self.overrides[f"{path}.{quote_path_component(source_href)}"] = href
            self.notes.append(f"{where}: link {source_href} is {href} in this language")
        # Two passes, so that swapping a1 and a2 does not rename one twice.
        for translated_key, source_key in renames.items():
            data = data.replace(f'<a id="{translated_key}">', f'<a id="@{source_key}">')
        return data.replace('<a id="@', '<a id="')


# A translation of an English paragraph whose text the translation put in the previous one.
# wagtail-localize treats an empty translation as missing, so it is a single space.
MERGED_PARAGRAPH = " "


def _segment_shapes(template, strings):
    """(kind, text length) of each string: kind is the block element holding it (p, li...)."""
    soup = BeautifulSoup(template, "html.parser")
    kinds = {int(position["position"]): position.parent.name for position in soup.find_all("text")}
    return [
        (kinds.get(index, ""), len(BeautifulSoup(string.data, "html.parser").get_text()))
        for index, (string, _attrs) in enumerate(strings)
    ]


def _span(indices):
    return f"{indices[0] + 1}-{indices[-1] + 1}"


def align_segments(source, translated, widest=3):
    """Align two sequences of (kind, length) segments, allowing merges and splits.

    Returns groups ``(source indices, translated indices)``, each one-to-one, many-to-one or
    one-to-many (up to ``widest``), covering both sequences in order; or None if the
    segments can't be aligned (different kinds of blocks). Lengths are compared after
    scaling by the overall ratio: Chinese says in fewer characters what English says.
    """
    if not source or not translated:
        return [] if not source and not translated else None
    ratio = sum(length for _, length in source) / max(1, sum(length for _, length in translated))
    best = {(0, 0): (0.0, [])}
    for i in range(len(source) + 1):
        for j in range(len(translated) + 1):
            if (i, j) not in best:
                continue
            cost, groups = best[(i, j)]
            steps = [(1, 1)] + [(1, n) for n in range(2, widest + 1)]
            steps += [(n, 1) for n in range(2, widest + 1)]
            for di, dj in steps:
                ni, nj = i + di, j + dj
                if ni > len(source) or nj > len(translated):
                    continue
                kinds = {kind for kind, _ in source[i:ni] + translated[j:nj]}
                if len(kinds) > 1:
                    continue
                source_length = sum(length for _, length in source[i:ni])
                translated_length = ratio * sum(length for _, length in translated[j:nj])
                step_cost = abs(source_length - translated_length) / max(
                    source_length, translated_length, 1
                )
                step_cost += 0 if (di, dj) == (1, 1) else 1  # prefer one-to-one
                candidate = (cost + step_cost, groups + [(range(i, ni), range(j, nj))])
                if (ni, nj) not in best or candidate[0] < best[(ni, nj)][0]:
                    best[(ni, nj)] = candidate
    result = best.get((len(source), len(translated)))
    return [(list(a), list(b)) for a, b in result[1]] if result else None


def pair_translation(source_page, source_items, prepared):
    """Pair a translated legacy page with the source page's strings, item by item."""
    pairing = TranslationPairing()
    legacy = prepared.legacy
    pairing.add_string("title", source_page.title, legacy.title)
    pairing.add_string("hero_title", source_page.hero_title, legacy.hero_title)
    pairing.add_string("hero_image_alt", source_page.hero_image_alt, legacy.hero_image_alt)
    pairing.add_rich_text("intro", source_page.intro, prepared.intro, "intro")
    for position, (
        (block_id, question, answer),
        (translated_question, translated_answer),
    ) in enumerate(zip(source_items, prepared.items, strict=False), start=1):
        pairing.add_string(f"faqs.{block_id}.question", question, translated_question)
        pairing.add_rich_text(
            f"faqs.{block_id}.answer", answer, translated_answer, f"item {position} answer"
        )
    return pairing


def _stream_data(ids, items):
    return [
        {"type": "faq", "id": block_id, "value": {"question": question, "answer": answer}}
        for block_id, (question, answer) in zip(ids, items, strict=True)
    ]


def _differs(page, values):
    for name, value in values.items():
        current = getattr(page, name)
        if name == "faqs":
            current = [
                {
                    "type": block.block_type,
                    "id": block.id,
                    "value": {
                        "question": block.value["question"],
                        "answer": block.value["answer"].source,
                    },
                }
                for block in current
            ]
        if current != value:
            return True
    return False


def _editor_chose_another_image(page, legacy_image):
    chosen = page.hero_image
    return (
        legacy_image is not None
        and chosen is not None
        and chosen.pk != legacy_image.pk
        and chosen.file_hash != legacy_image.file_hash
    )


def _home(language_code):
    """The default site's home page in a language: where FAQ pages are imported."""
    home = languages.home_for(Site.objects.get(is_default_site=True).root_page, language_code)
    if home is None:
        raise ImportRefused(f"the site has no {language_code} home to import into (run migrate)")
    return home.specific
