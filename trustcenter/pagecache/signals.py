"""What makes the cached pages stale: every change a visitor could see."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .generation import bump_generation
from .purge import purge_page


def invalidate_pages(**kwargs):
    bump_generation()


def invalidate_page(sender, instance, url_path_before=None, parent_page_before=None, **kwargs):
    if isinstance(instance, Page):
        bump_generation()
        purge_page(instance, url_path_before=url_path_before, parent_before=parent_page_before)


def invalidate_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_generation()


def purge_deleted_page(sender, instance, **kwargs):
    # Before the delete: its parent and URL can still be found.
    if isinstance(instance, Page):
        purge_page(instance)


def connect():
    # Page publishing covers translations too: wagtail-localize publishes through revisions.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_page, dispatch_uid=f"pagecache-page-{id(signal)}")
    # Snippets and other publishable models a page may show.
    for signal in (published, unpublished):
        signal.connect(invalidate_pages, dispatch_uid=f"pagecache-{id(signal)}")
    pre_delete.connect(purge_deleted_page, dispatch_uid="pagecache-page-pre-delete")
    post_delete.connect(invalidate_deleted_page, dispatch_uid="pagecache-page-delete")
    # What pages show or how they are reached, edited outside of page publishing.
    from django.apps import apps

    for model in (
        Site,
        Locale,
        PageViewRestriction,
        apps.get_model("wagtailredirects", "Redirect"),
        apps.get_model("wagtailimages", "Image"),
        apps.get_model("wagtaildocs", "Document"),
    ):
        for signal in (post_save, post_delete):
            signal.connect(invalidate_pages, sender=model, dispatch_uid=f"pagecache-{model}")
