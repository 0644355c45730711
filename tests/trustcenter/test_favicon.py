"""The site's icon, where browsers and crawlers look for it."""

import io

from django.contrib.staticfiles import finders
from django.templatetags.static import static

import pytest
from bs4 import BeautifulSoup
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/"])
def test_pages_link_the_icon(client, path):
    link = BeautifulSoup(client.get(path).content, "html.parser").select_one('link[rel="icon"]')
    assert link["href"] == static("favicon.ico")
    assert finders.find("favicon.ico")  # collected with the other static files
