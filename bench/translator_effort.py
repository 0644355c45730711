"""What a translator must type after one English sentence is added, without and with the
translation memory (issue 16: "Measure it").

    .venv/bin/python bench/translator_effort.py

In a throw-away SQLite database: imports the legacy seed pages (English and Chinese) as
``setup_demo`` does, adds one sentence to the first paragraph of an English answer, publishes
and syncs the Chinese translation (without publishing it), then opens the Chinese page's
translation editor as the translator would and reads what it shows. For every segment with
no reviewed translation, the characters to type are those of the wanted Chinese that the
editor's box doesn't already hold (difflib: inserted and replaced characters). The wanted
Chinese of the changed paragraph is its previous Chinese plus the new sentence's.

"before" opens the editor with the memory's pre-fill switched off (as the site was); "after"
with it on. Each runs in a transaction that is rolled back.
"""

import difflib
import json
import os
import sys
import tempfile
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Backups are kept in the same region."
SENTENCE_ZH = "备份保存在同一区域。"


def to_type(wanted, shown):
    """Characters of ``wanted`` the translator types, starting from ``shown``."""
    matcher = difflib.SequenceMatcher(None, shown, wanted, autojunk=False)
    return sum(j2 - j1 for op, _, _, j1, j2 in matcher.get_opcodes() if op != "equal")


def main():
    sys.path.insert(0, str(ROOT))
    workdir = tempfile.mkdtemp(prefix="translator-effort-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "trustcenter.settings.test"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from wagtail_localize.models import StringTranslation, TranslationSource

    from bs4 import BeautifulSoup

    from faq.models import FAQPage
    from faq.translation.publishing import untranslated_segments
    from trustcenter.management.commands.setup_demo import LEGACY_PAGES
    from trustcenter.translation import memory

    call_command("migrate", "--no-input", verbosity=0)
    call_command("import_legacy_faq", *LEGACY_PAGES, verbosity=0, stdout=open(os.devnull, "w"))
    translator = get_user_model().objects.create_superuser("bench", "bench@example.com", "b")
    english = FAQPage.objects.get(slug="faq", locale__language_code="en")
    chinese = FAQPage.objects.get(slug="faq", locale__language_code="zh-hans")
    seeded = memory.reviewed_translations(chinese.locale).count()

    def run(prefill_on):
        with transaction.atomic():
            source = TranslationSource.objects.get_for_instance(english)
            # The legacy Chinese page lacks an item: what awaited translation before the edit
            # is not what the edit costs.
            waiting = set(
                untranslated_segments([source], chinese.locale).values_list(
                    "string_id", "context_id"
                )
            )
            data = [dict(item) for item in english.faqs.raw_data]
            answer = data[0]["value"]["answer"]
            data[0] = {
                **data[0],
                "value": {
                    **data[0]["value"],
                    "answer": answer.replace("</p>", f" {SENTENCE}</p>", 1),
                },
            }
            page = FAQPage.objects.get(pk=english.pk)
            page.faqs = data
            page.save_revision().publish()
            source, _ = TranslationSource.update_or_create_from_instance(page)
            for translation in source.translations.filter(enabled=True):
                translation.save_target(publish=False)
            translation = source.translations.get(target_locale=chinese.locale)
            # The memory's pre-fill, or what the site did before it: nothing.
            switch = mock.patch.object(
                memory, "prefill", memory.prefill if prefill_on else lambda translation: 0
            )
            client = Client()
            client.force_login(translator)
            with switch:
                response = client.get(f"/admin/pages/{chinese.pk}/edit/")
            assert response.status_code == 200, response.status_code
            editor = BeautifulSoup(response.content, "html.parser").select_one(
                ".js-translation-editor"
            )
            props = json.loads(editor["data-props"])
            shown = {row["segment_id"]: row["data"] for row in props["initialStringTranslations"]}
            pending = untranslated_segments([source], chinese.locale).select_related("string")
            typed, segments, prefilled = 0, 0, 0
            for segment in pending:
                if (segment.string_id, segment.context_id) in waiting:
                    continue
                replaced = memory.previous_translations(source, chinese.locale, [segment])
                wanted = (
                    replaced[segment.pk].translation + SENTENCE_ZH
                    if segment.pk in replaced
                    else StringTranslation.objects.filter(translation_of=segment.string)
                    .values_list("data", flat=True)
                    .first()
                    or segment.string.data
                )
                box = shown.get(segment.pk, "")
                segments += 1
                prefilled += bool(box)
                typed += to_type(wanted, box)
            transaction.set_rollback(True)
            return segments, prefilled, typed, len(SENTENCE_ZH)

    print(f"Seed pages imported: {seeded} reviewed Chinese strings in the translation memory.")
    print(f'Added to the first paragraph of answer 1: "{SENTENCE}" (Chinese: {SENTENCE_ZH})')
    print()
    print(
        "| | segments to translate | pre-filled | characters to type | of which the new sentence |"
    )
    print("|---|---|---|---|---|")
    for label, prefill_on in (("before (no memory)", False), ("after (memory)", True)):
        segments, prefilled, typed, sentence = run(prefill_on)
        print(f"| {label} | {segments} | {prefilled} | {typed} | {sentence} |")


if __name__ == "__main__":
    main()
