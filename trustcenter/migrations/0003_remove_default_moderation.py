from django.db import migrations

# What Wagtail's own migrations make in every new site (wagtailcore 0002 and 0048).
DEFAULT_GROUPS = ["Moderators", "Editors"]
DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_moderation(apps, schema_editor):
    """Remove Wagtail's default "Moderators approval" workflow and its groups while nobody is
    in them: "Submit to Moderators approval" reached nobody (the roles are the Trust Center's,
    trustcenter/roles.py). Whatever an administrator put people into is kept. Idempotent."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    empty = Group.objects.filter(name__in=DEFAULT_GROUPS, user__isnull=True)
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
        if tasks.filter(groups__user__isnull=False).exists():
            continue  # someone reviews with it
        workflow.workflow_pages.all().delete()
        workflow.workflow_content_types.all().delete()
        states = WorkflowState.objects.filter(workflow=workflow)
        TaskState.objects.filter(workflow_state__in=states, status="in_progress").update(
            status="cancelled"
        )
        states.filter(status__in=["in_progress", "needs_changes"]).update(status="cancelled")
        if states.exists():  # its history stays readable
            workflow.active = False
            workflow.save(update_fields=["active"])
            continue
        others = Workflow.objects.exclude(pk=workflow.pk)
        unused = list(
            tasks.exclude(workflow_tasks__workflow__in=others).filter(task_states__isnull=True)
        )
        workflow.delete()
        for task in unused:
            task.delete()
    for group in empty.distinct():
        in_use = GroupApprovalTask.objects.filter(
            groups=group, workflow_tasks__workflow__active=True
        )
        if not in_use.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trustcenter", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_default_moderation, migrations.RunPython.noop)]
