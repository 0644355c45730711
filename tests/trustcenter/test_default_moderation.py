"""Wagtail's default "Moderators approval" workflow, which reached nobody, is gone; its empty
default groups too (issue 16.8). The migration keeps what an administrator made use of."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

import pytest

from tests import admin_flows as flows
from tests.factories import make_faq_page

pytestmark = pytest.mark.django_db

migration = import_module("trustcenter.migrations.0003_remove_default_moderation")


def default_moderation(groups=("Moderators", "Editors")):
    """Wagtail's default set-up, as its migrations make it in a new site."""
    made = [Group.objects.get_or_create(name=name)[0] for name in groups]
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set(made[:1])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return made


def test_a_migrated_site_has_no_default_moderation(django_user_model):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not WorkflowPage.objects.exists()
    page = make_faq_page(questions=1)
    editor = Client()
    editor.force_login(flows.editor(django_user_model))
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "Submit to" not in response.content.decode()


def test_the_migration_removes_it_and_is_idempotent():
    default_moderation()
    migration.remove_default_moderation(apps, None)
    migration.remove_default_moderation(apps, None)
    assert not Workflow.objects.exists()
    assert not GroupApprovalTask.objects.exists()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert Group.objects.filter(name=flows.TRANSLATORS).exists()


def test_the_migration_keeps_a_workflow_someone_reviews_with(django_user_model):
    moderators, editors = default_moderation()
    django_user_model.objects.create_user("reviewer").groups.add(moderators)
    migration.remove_default_moderation(apps, None)
    assert Workflow.objects.get(name="Moderators approval").active
    assert WorkflowPage.objects.exists()
    assert list(Group.objects.filter(name__in=["Moderators", "Editors"])) == [moderators]
