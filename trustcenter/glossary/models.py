from django.db import models
from django.utils.translation import gettext_lazy as _


class GlossaryTerm(models.Model):
    """How one source-language term is translated into one language."""

    source_term = models.CharField(
        _("source term"),
        max_length=200,
        help_text=_("As the source language writes it; matched ignoring case."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
    )
    target_term = models.CharField(_("translation"), max_length=200)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["locale", "source_term"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("source_term"),
                "locale",
                name="unique_glossary_term_per_language",
                violation_error_message=_("This term already has a translation in this language."),
            )
        ]

    def __str__(self):
        return f"{self.source_term} → {self.target_term}"


class DeepLGlossary(models.Model):
    """The glossary DeepL holds for one language, and which terms it was made from: DeepL
    glossaries can't be changed, so a changed glossary is replaced (``deepl``)."""

    locale = models.OneToOneField("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    glossary_id = models.CharField(max_length=100)
    entries_digest = models.CharField(max_length=64)

    def __str__(self):
        return self.glossary_id
