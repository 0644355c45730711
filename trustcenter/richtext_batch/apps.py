from django.apps import AppConfig


class RichTextBatchConfig(AppConfig):
    name = "trustcenter.richtext_batch"
    verbose_name = "Batched rich-text links"
