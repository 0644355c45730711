from django.db import migrations


def create_roles(apps, schema_editor):
    from trustcenter.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    """The "Trust Center editors" and "Chinese translators" groups (see trustcenter/roles.py;
    their page permissions are granted after migrate, once the home pages exist)."""

    dependencies = [
        ("trustcenter", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
