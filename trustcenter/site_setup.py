"""Makes an empty, migrated database a working bilingual Trust Center.

Runs after every ``migrate`` (and after the test runner flushes the database). It is
idempotent: it creates only what is missing and never touches what editors changed.
It uses the current models, not historical ones, because the Chinese home is made
through wagtail-localize's own translation machinery, which needs them; so it waits
until every migration is applied.
"""

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .models import TrustCenterHomePage
from .roles import ensure_role_page_permissions

SOURCE_LANGUAGE = "en"
TRANSLATED_LANGUAGE = "zh-hans"
HOME_TITLES = {SOURCE_LANGUAGE: "Trust Center", TRANSLATED_LANGUAGE: "信任中心"}
HOME_SLUG = "trust-center"


def ensure_bilingual_site_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    connection = connections[using]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return  # a partial migrate: the models may not match the tables yet
    ensure_bilingual_site(using=using)


@transaction.atomic
def ensure_bilingual_site(using=DEFAULT_DB_ALIAS):
    source_locale, _ = Locale.objects.using(using).get_or_create(language_code=SOURCE_LANGUAGE)
    target_locale, _ = Locale.objects.using(using).get_or_create(language_code=TRANSLATED_LANGUAGE)
    home = _ensure_source_home(source_locale)
    _ensure_default_site(home)
    if home.get_translation_or_none(target_locale) is None:
        _translate_home(home, target_locale)
    ensure_role_page_permissions(
        {SOURCE_LANGUAGE: home, TRANSLATED_LANGUAGE: home.get_translation(target_locale)}
    )
    return home


def _ensure_source_home(locale):
    home = TrustCenterHomePage.objects.filter(locale=locale).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's own first migration leaves a "Welcome to Wagtail" page where our home goes.
    for page in root.get_children().filter(content_type__model="page", numchild=0):
        page.delete()
    home = TrustCenterHomePage(title=HOME_TITLES[locale.language_code], slug=HOME_SLUG)
    home.locale = locale
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_default_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=""
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()


def _translate_home(home, locale):
    """Translate the home through wagtail-localize, so translators see it as a translation."""
    source, _ = TranslationSource.get_or_create_from_instance(home)
    title_segment = source.stringsegment_set.select_related("context").get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=title_segment.string,
        locale=locale,
        context=title_segment.context,
        defaults={
            "data": HOME_TITLES[locale.language_code],
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        },
    )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=True)
