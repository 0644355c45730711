"""The Trust Center's roles: who may edit, translate and publish which language's tree.

Groups and their model permissions are created by a data migration (``0002_roles``). Page
permissions hang on the language homes, which only exist after ``migrate`` has finished
(``site_setup`` makes them in a ``post_migrate`` hook), so the same hook grants them, and
recreates a role group that is missing (e.g. after a test flush). Both steps are
idempotent: they add what is missing and never remove what an administrator granted on top.

Translators translate and publish their language's pages and nothing else:
``RolePagePermissionTester`` (installed by ``trustcenter.upstream.wagtail``) lets only those who
may add pages somewhere delete, move or copy pages there.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.utils.translation import get_language_info

from wagtail.models import PagePermissionTester

from . import languages

EDITORS = "Trust Center editors"

# (app label, model, codename): the model permissions each role needs.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
# The header and footer snippet, edited (editors) or translated (translators) in the role's own
# language only (``may_edit_in`` and trustcenter/navigation/wagtail_hooks.py).
CHANGE_HEADER_FOOTER = ("navigation", "headerfooter", "change_headerfooter")
PUBLISH_HEADER_FOOTER = ("navigation", "headerfooter", "publish_headerfooter")
# The glossary (trustcenter/glossary): editors keep every language's terms, translators their
# own language's (``trustcenter.glossary.views.may_keep``).
KEEP_GLOSSARY = [
    ("trustcenter_glossary", "glossaryterm", f"{action}_glossaryterm")
    for action in ("add", "change", "delete", "view")
]
# Editors start translations and sync them after changing a page in the source language.
EDITOR_MODEL_PERMISSIONS = [
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    ("navigation", "headerfooter", "add_headerfooter"),
    CHANGE_HEADER_FOOTER,
    PUBLISH_HEADER_FOOTER,
    *KEEP_GLOSSARY,
]
# Translators work in the translation editor of pages that already exist in their language.
TRANSLATOR_MODEL_PERMISSIONS = [
    ACCESS_ADMIN,
    CHANGE_HEADER_FOOTER,
    PUBLISH_HEADER_FOOTER,
    *KEEP_GLOSSARY,
]
# Editors choose and upload hero images and linked documents (root collection).
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}
# Page permissions, on the home of the role's language (and so on its whole tree).
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]


def translator_group(language_code):
    """The name of the group translating into ``language_code`` (``TRANSLATOR_GROUPS``)."""
    default = f"{get_language_info(language_code)['name']} translators"
    return settings.TRANSLATOR_GROUPS.get(language_code, default)


def _roles():
    """``{group name: (language code, model permissions, page permission codenames)}``."""
    roles = {
        EDITORS: (languages.source_language(), EDITOR_MODEL_PERMISSIONS, EDITOR_PAGE_PERMISSIONS)
    }
    for code in languages.translated_languages():
        roles[translator_group(code)] = (
            code,
            TRANSLATOR_MODEL_PERMISSIONS,
            TRANSLATOR_PAGE_PERMISSIONS,
        )
    return roles


def may_edit_in(user, language_code):
    """Whether ``user``'s roles cover content in ``language_code`` (superusers: every language).

    For what model permissions can't say per language, such as a snippet's (pages have their
    page permissions on each language's home instead).
    """
    if user.is_superuser:
        return True
    groups = set(user.groups.values_list("name", flat=True))
    return any(role in groups and code == language_code for role, (code, _, _) in _roles().items())


def _permission(apps, app_label, model, codename):
    # A fresh database gets its permissions after migrate (post_migrate), so make them here.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def ensure_roles(apps=global_apps):
    """Create the role groups with their model and collection permissions (``apps``: a
    migration's historical apps, or the current ones)."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    for role, (_, permissions, _) in _roles().items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*[_permission(apps, *permission) for permission in permissions])
        if root_collection is None:
            continue
        for permission in COLLECTION_PERMISSIONS.get(role, []):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, *permission),
            )


def ensure_role_page_permissions(homes):
    """Make sure the roles exist and grant each its page permissions on its language's home
    (``homes``: language code -> home page)."""
    from django.contrib.auth.models import Group

    from wagtail.models import GroupPagePermission

    ensure_roles()
    for role, (language_code, _, codenames) in _roles().items():
        group = Group.objects.get(name=role)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=homes[language_code],
                permission=_permission(global_apps, "wagtailcore", "page", codename),
            )


class RolePagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, where deleting, moving and copying a page also needs the
    "add" page permission on it: Wagtail lets anyone who may change a page delete, move and copy
    it, which would let a translator (change and publish) delete or move the Chinese page."""

    def _may_add_here(self):
        return self.user.is_superuser or "add" in getattr(self, "permissions", ())

    def can_delete(self, ignore_bulk=False):
        return self._may_add_here() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._may_add_here() and super().can_move()

    def can_copy(self):
        return self._may_add_here() and super().can_copy()
