from django.conf import settings
from django.db import migrations

# Terms both legacy FAQ pages (/work/shared/seeds, trustcenter/demo) translate one way
# throughout: English term, its Chinese, why it is worth keeping.
SEED_LANGUAGE = "zh-hans"
SEED_TERMS = [
    ("21Vianet", "世纪互联", "The operator's name: never translated word by word."),
    ("Customer Data", "客户数据", "A defined term of the agreements."),
    ("Usage Data", "使用数据", "A defined term of the agreements."),
    ("mainland China", "中国大陆", ""),
    ("datacenter", "数据中心", "Also spelled “data center” in the source."),
    ("data center", "数据中心", "Also spelled “datacenter” in the source."),
    ("subcontractor", "分包商", ""),
    ("Service Level Agreement", "服务级别协议", ""),
    ("Privacy Statement", "隐私声明", ""),
    ("law enforcement", "执法机关", ""),
    ("third party", "第三方", ""),
    ("privacy standards", "隐私标准", ""),
    ("personally identifiable information", "个人身份信息", ""),
    ("end user", "最终用户", ""),
    ("service credits", "服务信用额度", ""),
]


def seed(apps, schema_editor):
    if SEED_LANGUAGE not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return
    Locale = apps.get_model("wagtailcore", "Locale")
    GlossaryTerm = apps.get_model("trustcenter_glossary", "GlossaryTerm")
    locale, _ = Locale.objects.get_or_create(language_code=SEED_LANGUAGE)
    for source_term, target_term, note in SEED_TERMS:
        GlossaryTerm.objects.get_or_create(
            source_term=source_term,
            locale=locale,
            defaults={"target_term": target_term, "note": note},
        )


class Migration(migrations.Migration):
    """The legacy pages' terms (an administrator's later changes are theirs to keep)."""

    dependencies = [("trustcenter_glossary", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
