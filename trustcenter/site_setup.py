"""Makes an empty, migrated database a working bilingual Trust Center.

Runs after every ``migrate`` (and after the test runner flushes the database). It is
idempotent: it creates only what is missing and never touches what editors changed.
It uses the current models, not historical ones, because the Chinese home is made
through wagtail-localize's own translation machinery, which needs them; so it waits
until every migration is applied.
"""

import os

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from . import languages
from .models import TrustCenterHomePage
from .roles import ensure_role_page_permissions

HOME_SLUG = "trust-center"


def home_title(language_code):
    with translation.override(language_code):
        return _("Trust Center")


def ensure_bilingual_site_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return  # post_migrate is sent once per app with models: act after the last one
    ContentType.objects.clear_cache()  # a flush recreates content types with new ids
    connection = connections[using]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return  # a partial migrate: the models may not match the tables yet
    if using == DEFAULT_DB_ALIAS:
        ensure_bilingual_site()


@transaction.atomic
def ensure_bilingual_site():
    """The source language's home as the default site's root, translated into every other
    content language, with the roles' permissions on each."""
    source_locale, _ = Locale.objects.get_or_create(language_code=languages.source_language())
    home = _ensure_source_home(source_locale)
    _ensure_default_site(home)
    homes = {source_locale.language_code: home}
    for code in languages.translated_languages():
        locale, _ = Locale.objects.get_or_create(language_code=code)
        homes[code] = home.get_translation_or_none(locale) or _translate_home(home, locale)
    ensure_role_page_permissions(homes)
    return home


def _ensure_source_home(locale):
    home = TrustCenterHomePage.objects.filter(locale=locale).first()
    if home is not None:
        return home
    # A flushed database (the test runner's) has lost even the tree's root.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    # Wagtail's own first migration leaves a "Welcome to Wagtail" page where our home goes.
    for page in root.get_children().filter(content_type__model="page", numchild=0):
        page.delete()
    home = TrustCenterHomePage(title=home_title(locale.language_code), slug=HOME_SLUG)
    home.locale = locale
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_default_site(home):
    """The default site serves the English home, at the address the environment names.

    Absolute URLs (sitemap, hreflang, structured data) come from this record, so production
    sets SITE_HOSTNAME (and SITE_PORT, 443 for https) and every migrate applies them.
    """
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {"root_page_id": home.pk}
    if site.pk is None or "SITE_HOSTNAME" in os.environ:
        wanted["hostname"] = os.environ.get("SITE_HOSTNAME", "localhost")
        wanted["port"] = int(os.environ.get("SITE_PORT", "80"))
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
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
            "data": home_title(locale.language_code),
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        },
    )
    home_translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    home_translation.save_target(publish=True)
    return home.get_translation(locale)
