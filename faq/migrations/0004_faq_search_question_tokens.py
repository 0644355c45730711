"""The FAQ search's index also holds each question's own tokens, marked (see
``faq.search.index_tokens``), so that question matches can be read without ranking all."""

from django.db import migrations

from faq.search import refill_index_tokens


def refill(apps, schema_editor):
    entries = apps.get_model("faq", "FAQSearchEntry").objects.using(schema_editor.connection.alias)
    refill_index_tokens(entries)


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0003_faq_search_index_tokens"),
    ]

    operations = [
        migrations.RunPython(refill, migrations.RunPython.noop),
    ]
