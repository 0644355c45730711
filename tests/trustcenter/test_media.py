"""Uploaded media on one machine: served by the app, cached as long as their names allow."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents import get_document_model

import pytest

from tests.factories import upload_image

pytestmark = pytest.mark.django_db

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "trustcenter.media.UniquelyNamedStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def production_storage(settings):
    settings.STORAGES = PRODUCTION_STORAGES


def test_an_uploaded_image_and_its_rendition_are_served_for_a_year(client, production_storage):
    image = upload_image()
    rendition = image.get_rendition("fill-800x400|format-webp")
    for url, file in ((rendition.url, rendition.file), (image.file.url, image.file)):
        response = client.get(url)
        assert response.status_code == 200, url
        file.open("rb")
        assert b"".join(response.streaming_content) == file.read()
        cache_control = response["Cache-Control"]
        assert "max-age=31536000" in cache_control and "immutable" in cache_control
    assert client.get(rendition.url)["Content-Type"] == "image/webp"


def test_a_replaced_image_file_gets_new_addresses(production_storage):
    # What makes a year's caching safe: an editor replacing the hero with another "hero.jpg".
    first = upload_image("hero.jpg")
    first_rendition = first.get_rendition("width-400").url
    first.file.delete(save=False)
    second = upload_image("hero.jpg")
    assert second.file.name != first.file.name
    assert second.get_rendition("width-400").url != first_rendition


def test_a_missing_file_or_a_path_outside_media_is_refused(production_storage):
    client = Client(raise_request_exception=False)  # as a server answers
    assert client.get("/media/original_images/none.jpg").status_code == 404
    # Django's SuspiciousFileOperation: a 400, and nothing read.
    assert client.get("/media/../trustcenter/settings/base.py").status_code == 400
    assert client.get("/media/%2e%2e/manage.py").status_code == 400


def test_document_files_are_only_served_through_their_privacy_check(client, production_storage):
    document = get_document_model().objects.create(
        title="Report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 confidential")
    )
    assert client.get(document.file.url).status_code == 404
    # Nor by a path that only leads there once normalised (curl --path-as-is sends it so).
    name = document.file.name
    for sneaky in (f"images/../{name}", f"./{name}", f"/{name}", f"images/%2e%2e/{name}"):
        assert client.get(f"/media/{sneaky}").status_code == 404, sneaky
    assert client.get(document.url).status_code == 200  # /documents/<id>/report.pdf


def test_with_object_storage_the_app_serves_no_media(client, settings):
    image = upload_image()
    settings.STORAGES = {
        **PRODUCTION_STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    assert client.get(f"/media/{image.file.name}").status_code == 404


def test_in_development_media_are_revalidated(client):
    image = upload_image()
    response = client.get(image.file.url)
    assert response.status_code == 200 and response["Cache-Control"] == "no-cache"
    again = client.get(image.file.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304
