"""The header and footer's admin form, as the browser posts it."""

from django.test import TestCase
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data


def stream(blocks, value_of):
    data = {
        str(index): {
            "type": block.block_type,
            "id": block.id,
            "deleted": "",
            "order": str(index),
            "value": value_of(block.value),
        }
        for index, block in enumerate(blocks)
    }
    data["count"] = str(len(blocks))
    return data


def list_items(items, value_of):
    data = {
        str(index): {
            "id": item.id,
            "deleted": "",
            "order": str(index),
            "value": value_of(item.value),
        }
        for index, item in enumerate(items.bound_blocks)
    }
    data["count"] = str(len(items))
    return data


def link(value):
    return {"text": value["text"], "url": value["url"]}


def edit_form_data(item, **fields):
    """The snippet's edit form as the browser posts it, with ``fields`` changed."""
    data = {
        name: getattr(item, name)
        for name in (
            "site_name",
            "legal_line",
            "icp_number",
            "icp_url",
            "public_security_number",
            "public_security_url",
        )
    }
    data["menu"] = stream(item.menu, link)
    data["footer_columns"] = stream(
        item.footer_columns,
        lambda column: {"heading": column["heading"], "links": list_items(column["links"], link)},
    )
    data.update(fields)
    return nested_form_data(data)


def publish_in_admin(client, item, data):
    data["action-publish"] = "action-publish"
    url = reverse("wagtailsnippets_navigation_headerfooter:edit", args=[item.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)
