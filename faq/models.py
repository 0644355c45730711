from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .api import FAQItemsSerializerField, LocalizedRichTextSerializerField
from .blocks import FAQStreamBlock, faq_anchor
from .forms import FAQPageAPIForm, FAQPageForm
from .panels import RemovedQuestionsPanel
from .summary import DescribedByIntroMixin
from .validation import (
    asks_a_question_twice,
    block_problems,
    faq_item_problems,
    is_being_published,
    new_repeats_refused,
    repeated_questions,
)

INTRO_FEATURES = ["bold", "italic", "link"]


class FAQPage(DescribedByIntroMixin, Page):
    """A page of questions and answers, each an expandable item with a stable anchor."""

    hero_title = models.CharField(
        _("hero title"),
        max_length=255,
        blank=True,
        help_text=_("Shown in the dark box over the hero image. Defaults to the page title."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for screen readers. Leave empty if it is decoration only."),
    )
    hero_image_legacy_path = models.CharField(
        _("legacy hero image path"),
        max_length=255,
        blank=True,
        help_text=_(
            "Where the legacy site kept this page's hero image. For reference when uploading "
            "it; nothing is shown until a hero image is chosen above."
        ),
    )
    intro = RichTextField(
        _("intro"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("The paragraph above the questions."),
    )
    # Not synchronised by wagtail-localize: each language keeps its own (the legacy Chinese
    # page was numbered, the English one not). The importer sets it per language.
    numbered = models.BooleanField(
        _("number the questions"),
        default=False,
        help_text=_("Show 1., 2., 3. before the questions. Never type numbers into a question."),
    )
    faqs = StreamField(
        FAQStreamBlock(),
        blank=True,
        verbose_name=_("questions and answers"),
        help_text=_("Drag to reorder. Each item keeps its link anchor when edited or moved."),
    )
    # On a translation: the items whose text is not (fully) translated yet. wagtail-localize
    # would show their source text; visitors see them only once translated.
    untranslated_faq_ids = models.JSONField(default=list, blank=True, editable=False)
    # On a translation: the items whose source changed since they were published, shown in
    # their last published translation until a translator publishes the update.
    outdated_faq_ids = models.JSONField(default=list, blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_legacy_path", read_only=True),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("numbered"),
        FieldPanel("faqs"),
        RemovedQuestionsPanel(
            heading=_("Removed questions"),
            help_text=_(
                "Questions in this page's recent saved versions that its latest version lacks, "
                "most recently removed first. Restore saves a draft with the question back "
                "where it was, its link unchanged; publish it as usual. Changes you have not "
                "saved yet are lost."
            ),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("intro"),
        index.SearchField("faqs"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        # Chinese URLs mirror the English ones (/zh-hans/faq/): readable and stable. Not
        # overridable: wagtail-localize would drop a Chinese slug (ASCII slugify).
        SynchronizedField("slug", overridable=False),
        TranslatableField("hero_title"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        SynchronizedField("hero_image_legacy_path"),
        TranslatableField("intro"),
        TranslatableField("faqs"),
    ]

    # The serializers are API v2's; faq.api types these fields for v3 (see FAQConfig.ready).
    api_fields = [
        APIField("hero_title", writable=True),
        APIField("hero_image", writable=True),
        APIField("hero_image_alt", writable=True),
        APIField("intro", serializer=LocalizedRichTextSerializerField(), writable=True),
        APIField("numbered", writable=True),
        APIField("faqs", serializer=FAQItemsSerializerField(), writable=True),
    ]
    base_form_class = FAQPageForm
    api_base_form_class = FAQPageAPIForm

    parent_page_types = getattr(settings, "FAQ_PAGE_PARENT_TYPES", None)
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")

    def clean(self):
        """The rules every write obeys (see ``faq.validation``): the admin's and the API's
        forms call this, and so do ``save_revision()`` and publishing (``save()`` of a live
        page), which the importer, wagtail-localize and scheduled publishing go through. A
        new repeated question is refused on publishing only."""
        super().clean()
        errors = self.content_errors()
        if errors:
            raise ValidationError(errors)

    def content_errors(self):
        """What is wrong with the page's content (not its place in the tree), by field."""
        errors = {
            field.name: [_("Contains a NUL character.")]
            for field in self._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and "\x00" in (getattr(self, field.attname) or "")
        }
        # Answers are required on publishing only, as the admin defers required fields
        # for a draft; ``live`` is set by then (publishing a revision saves a live page).
        problems = faq_item_problems(self.faqs, self.live) or block_problems(self.faqs, self.live)
        # The cheap test first: most publishes repeat nothing, and need no query for it.
        if (
            not problems
            and new_repeats_refused()
            and asks_a_question_twice(self.faqs)
            and is_being_published(self)
        ):
            problems = self.new_repeated_questions()
        if problems:
            errors["faqs"] = problems
        return errors

    def publishing_problems(self):
        """What publishing this content would refuse beyond the rules of every save (for a
        caller that stores content published later, as wagtail-localize does)."""
        return self.new_repeated_questions()

    def new_repeated_questions(self, items=None):
        """The repeated questions of ``items`` (this content's own by default) that the page's
        published version (or a version of it in another language) doesn't ask: what
        publishing them refuses. Those versions are read only if there is a repeat."""
        return repeated_questions(
            self.faqs if items is None else items,
            already=self._published_items(),
            translations=self.translated_items(),
        )

    def translated_items(self):
        """The items of the page's live versions in other languages, read when iterated."""
        if self.translation_key is None:
            return
        for page in (
            FAQPage.objects.live()
            .filter(translation_key=self.translation_key)
            .exclude(locale_id=self.locale_id)
            .only("faqs")
        ):
            yield page.faqs

    def _published_items(self):
        """The items of the page's published revision, as its row names it, read when
        iterated. (Not the row's own content: wagtail-localize writes a translation's new
        content to the row before publishing it.)"""
        if self.pk is None:
            return
        published = (
            FAQPage.objects.filter(pk=self.pk)
            .select_related("live_revision")
            .only("live", "faqs", "live_revision")
            .first()
        )
        if published is None or not published.live:
            return
        if published.live_revision is None:  # created live, without a revision
            yield from published.faqs
        else:
            yield from published.live_revision.as_object().faqs

    @property
    def display_hero_title(self):
        return self.hero_title or self.title

    def serve_preview(self, request, mode_name):
        # A preview (e.g. wagtail-localize's preview of a translation) is never saved, so the
        # pre_save hook hasn't recorded which items are held back: record them here.
        from .translation.publishing import hold_back_untranslated_items

        hold_back_untranslated_items(type(self), self)
        return super().serve_preview(request, mode_name)

    @property
    def visible_faqs(self):
        """The items visitors see: all of them, less those awaiting translation."""
        held_back = set(self.untranslated_faq_ids)
        return [item for item in self.faqs if item.id not in held_back]


class FAQSearchEntry(models.Model):
    """One question of a live FAQ page, as the FAQ search finds it (see ``faq.search``)."""

    page = models.ForeignKey(FAQPage, on_delete=models.CASCADE, related_name="search_entries")
    block_id = models.CharField(max_length=64)
    position = models.PositiveIntegerField()
    question = models.TextField()
    answer = models.TextField()
    question_terms = models.TextField()
    answer_terms = models.TextField()
    # Searched through a full-text index on PostgreSQL only (migration 0003).
    index_tokens = models.TextField(default="")

    class Meta:
        verbose_name = _("FAQ search entry")
        verbose_name_plural = _("FAQ search entries")
        ordering = ["page", "position"]

    def __str__(self):
        return self.question

    @property
    def anchor(self):
        return faq_anchor(self.block_id)
