"""The FAQ search's full-text index on PostgreSQL (see ``faq.search``).

Adds ``FAQSearchEntry.index_tokens`` (migration 0004 fills it from the entries' text), and on
PostgreSQL ``index_vector``, the tokens as a stored tsvector, with a GIN index. SQLite has no
such index: its search reads every entry.
"""

from django.db import migrations, models

INDEX_NAME = "faq_search_entry_vector_gin"


def add_indexed_vector(apps, schema_editor):
    # Stored, so that a search matching most entries doesn't rebuild each one's tsvector.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE faq_faqsearchentry ADD COLUMN index_vector tsvector GENERATED ALWAYS"
            " AS (array_to_tsvector(string_to_array(index_tokens, ' '))) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {INDEX_NAME} ON faq_faqsearchentry USING gin (index_vector)"
        )


def drop_indexed_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE faq_faqsearchentry DROP COLUMN index_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0002_faq_search_entry"),
    ]

    operations = [
        migrations.AddField(
            model_name="faqsearchentry",
            name="index_tokens",
            field=models.TextField(default=""),
        ),
        migrations.RunPython(add_indexed_vector, drop_indexed_vector),
    ]
