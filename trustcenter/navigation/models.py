from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import FooterColumnBlock, LinkBlock
from .validators import validate_link_url


class HeaderFooter(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """What the header and footer of every page show, one per language.

    A snippet rather than a site setting: wagtail-localize translates snippets (with its editor,
    PO files and sync) and not site settings, and this text differs by language. Drafts and
    publishing as for pages, so a change goes live when an editor publishes it.
    """

    site_name = models.CharField(
        _("site name"),
        max_length=100,
        help_text=_("Shown at the top of every page, linking to this language's home page."),
    )
    menu = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("header menu"),
        help_text=_("The links in the header, in order."),
    )
    footer_columns = StreamField(
        [("column", FooterColumnBlock())],
        blank=True,
        verbose_name=_("footer link columns"),
    )
    legal_line = models.CharField(
        _("legal line"),
        max_length=300,
        blank=True,
        help_text=_("A line at the very bottom, such as a copyright notice. May be empty."),
    )
    icp_number = models.CharField(
        _("ICP licence number"),
        max_length=100,
        blank=True,
        help_text=_(
            "The MIIT ICP filing number (for example 沪ICP备13015306号-36). A site served in "
            "mainland China must show it in every language."
        ),
    )
    icp_url = models.CharField(
        _("ICP licence link"),
        max_length=500,
        blank=True,
        validators=[validate_link_url],
        help_text=_("Where the ICP number links: the MIIT record, https://beian.miit.gov.cn/."),
    )
    public_security_number = models.CharField(
        _("public security record number"),
        max_length=100,
        blank=True,
        help_text=_("The public security filing number (for example 沪公网安备 31011502202224号)."),
    )
    public_security_url = models.CharField(
        _("public security record link"),
        max_length=500,
        blank=True,
        validators=[validate_link_url],
        help_text=_("Where the public security number links: its record on www.beian.gov.cn."),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("menu"),
        FieldPanel("footer_columns"),
        FieldPanel("legal_line"),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("icp_url"),
                FieldPanel("public_security_number"),
                FieldPanel("public_security_url"),
            ],
            heading=_("Records required in mainland China"),
        ),
    ]

    # The record numbers and links are the same in every language: kept in step with the source.
    translatable_fields = [
        TranslatableField("site_name"),
        TranslatableField("menu"),
        TranslatableField("footer_columns"),
        TranslatableField("legal_line"),
        SynchronizedField("icp_number"),
        SynchronizedField("icp_url"),
        SynchronizedField("public_security_number"),
        SynchronizedField("public_security_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("header and footer")
        verbose_name_plural = _("headers and footers")

    def __str__(self):
        return self.site_name

    def clean(self):
        super().clean()
        others = HeaderFooter.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                _("This language already has a header and footer: edit that one instead.")
            )
