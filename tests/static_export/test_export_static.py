import http.server
import threading
import urllib.request
from functools import partial

from django.core.management import CommandError, call_command

from wagtail.contrib.redirects.models import Redirect

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_faq_page, upload_image
from tests.translations import translate_fully

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_content():
    page = make_faq_page(questions=2)
    translate_fully(page, strings={"Question 1?": "问题一？"})
    make_faq_page(questions=1, slug="draft", title="Draft", publish=False)
    Redirect.objects.create(old_path="/resources/faq.html", redirect_page=page)
    Redirect.objects.create(
        old_path="/zh-cn/resources/faq.html", redirect_link="/zh-hans/faq/", is_permanent=False
    )
    return page


@pytest.fixture
def served(tmp_path):
    """A plain web server (Python's) serving a directory on loopback."""
    servers = []

    def serve(directory):
        handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
        handler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return BeautifulSoup(response.read(), "html.parser")


def test_export_is_served_by_a_plain_web_server_in_both_languages(
    client, site_content, tmp_path, served, capsys
):
    outdir = tmp_path / "site"
    call_command("export_static", str(outdir))
    assert "Exported 4 pages" in capsys.readouterr().out  # two homes, two FAQ pages
    base = served(outdir)
    english = fetch(f"{base}/en/faq/")
    assert english.select_one("h3.box-title").get_text(strip=True) == "Frequently Asked Questions"
    assert str(english) == str(BeautifulSoup(client.get("/en/faq/").content, "html.parser"))
    chinese = fetch(f"{base}/zh-hans/faq/")
    assert chinese.html["lang"] == "zh-hans"
    assert chinese.select_one(".content-faq h2").get_text(strip=True) == "问题一？"
    assert fetch(f"{base}/zh-hans/").select_one('a[href="/zh-hans/faq/"]')
    # Every script and stylesheet the pages use is there.
    for asset in english.select("script[src], link[rel=stylesheet]"):
        with urllib.request.urlopen(base + (asset.get("src") or asset["href"])) as response:
            assert response.status == 200
    assert not (outdir / "en" / "draft").exists()
    assert outdir.stat().st_mode & 0o005 == 0o005, "a web server's user can read the export"
    assert (outdir / "404.html").exists()


def test_redirects_become_an_nginx_map(site_content, tmp_path):
    call_command("export_static", str(tmp_path / "site"))
    conf = (tmp_path / "site" / "nginx" / "redirects.conf").read_text()
    permanent, temporary = conf.split("map $uri $static_export_temporary_redirect")
    assert '"/resources/faq.html" "/en/faq/";' in permanent
    assert '"/zh-cn/resources/faq.html" "/zh-hans/faq/";' in temporary
    assert '"/" "/en/";' in temporary


def test_a_failed_export_leaves_the_previous_one_untouched(site_content, tmp_path, settings):
    outdir = tmp_path / "site"
    call_command("export_static", str(outdir))
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path / "never-collected"
    with pytest.raises(CommandError, match="run collectstatic first"):
        call_command("export_static", str(outdir))
    assert (outdir / "en" / "faq" / "index.html").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["site"]  # nothing half-written


def test_uploaded_images_and_the_favicon_are_exported(client, site_content, tmp_path, served):
    image = upload_image()
    rendition = image.get_rendition("fill-800x400|format-webp")
    outdir = tmp_path / "site"
    call_command("export_static", str(outdir))
    base = served(outdir)
    for url, file in ((image.file.url, image.file), (rendition.url, rendition.file)):
        file.open("rb")
        with urllib.request.urlopen(base + url) as response:
            assert response.read() == file.read()
    with urllib.request.urlopen(f"{base}/favicon.ico") as response:
        assert response.read() == b"".join(client.get("/favicon.ico").streaming_content)


def test_document_files_stay_out_of_the_export(site_content, tmp_path):
    """A document may be private (its collection's privacy, checked by /documents/<id>/): a
    static copy of its file would publish it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 confidential")
    )
    outdir = tmp_path / "site"
    call_command("export_static", str(outdir))
    assert not (outdir / "media" / document.file.name).exists()
    assert not list(outdir.rglob("report*.pdf"))


def test_a_404_page_per_language(site_content, tmp_path):
    outdir = tmp_path / "site"
    call_command("export_static", str(outdir))
    headings = {
        path: BeautifulSoup((outdir / path).read_bytes(), "html.parser").h1.get_text(strip=True)
        for path in ("404.html", "en/404.html", "zh-hans/404.html")
    }
    assert headings == {
        "404.html": "Page not found",
        "en/404.html": "Page not found",
        "zh-hans/404.html": "找不到页面",
    }
