from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RichTextBatchConfig(AppConfig):
    name = "trustcenter.richtext_batch"
    label = "richtext_batch"
    verbose_name = _("Batched rich-text links")
