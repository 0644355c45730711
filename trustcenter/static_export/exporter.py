"""Write the published site as files a plain web server serves, as the legacy site was served.

Every live, public page of the default site in every language is rendered exactly as an
anonymous visitor receives it and written to ``<path>/index.html``; static files, media, the
sitemap, the favicon and a 404 page per language (``<language>/404.html``, the source
language's also at the root) go beside them, and Wagtail's redirects become an nginx ``map``
include.
"""

import os
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.files.storage import FileSystemStorage, default_storage
from django.test import Client

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from trustcenter import languages

NOT_FOUND_PROBE = "/{language}/this-page-does-not-exist-static-export/"


class ExportError(Exception):
    pass


def export_site(outdir, log=print):
    """Export into ``outdir`` (replaced whole, only once everything is written)."""
    outdir = Path(outdir).resolve()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ExportError("there is no default site to export")
    if outdir.exists() and not outdir.is_dir():
        raise ExportError(f"{outdir} exists and is not a directory")
    outdir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-", dir=outdir.parent))
    # mkdtemp makes it private; a web server running as another user must read it.
    building.chmod(0o777 & ~_umask())
    try:
        counts = _write_site(site, building)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    if outdir.exists():
        shutil.rmtree(outdir)
    building.rename(outdir)
    log(
        f"Exported {counts['pages']} pages, {counts['static']} static files, "
        f"{counts['media']} media files and {counts['redirects']} redirects to {outdir}"
    )
    return counts


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_site(site, out):
    # Static files first: pages cannot render without them when their names are hashed.
    static = _copy_static(out / settings.STATIC_URL.strip("/"))
    client = Client(HTTP_HOST=site.hostname, SERVER_PORT=str(site.port))
    pages = 0
    for url in _page_urls(site):
        try:
            response = client.get(url)
        except Exception as error:
            raise ExportError(f"{url} failed to render: {error}") from error
        if response.status_code != 200:
            raise ExportError(f"{url} answered {response.status_code}, not 200")
        _write(out, url, response.content)
        pages += 1
    sitemap = client.get("/sitemap.xml")
    if sitemap.status_code == 200:
        (out / "sitemap.xml").write_bytes(sitemap.content)
    favicon = client.get("/favicon.ico")
    if favicon.status_code == 200:
        (out / "favicon.ico").write_bytes(b"".join(favicon.streaming_content))
    # A 404 in each language under its prefix (the URL's language decides, as on the site), and
    # the source language's at the root for every other address.
    for language in languages.codes():
        not_found = client.get(NOT_FOUND_PROBE.format(language=language))
        if not_found.status_code == 404:
            (out / language).mkdir(exist_ok=True)
            (out / language / "404.html").write_bytes(not_found.content)
            if language == languages.source_language():
                (out / "404.html").write_bytes(not_found.content)
    return {
        "pages": pages,
        "static": static,
        "media": _copy_media(out / settings.MEDIA_URL.strip("/")),
        "redirects": _write_redirects(site, out / "nginx"),
    }


def _page_urls(site):
    """The path of every live, public page under the site's root, in every language."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    # Wagtail caches the site root paths on whatever object is passed as the request.
    site_root_paths_cache = SimpleNamespace()
    urls = []
    for page in pages.live().public().defer_streamfields().specific(defer=True):
        parts = page.get_url_parts(request=site_root_paths_cache)
        if parts is not None and parts[2] is not None:
            urls.append(parts[2])
    return sorted(set(urls))


def _write(out, url, content):
    path = urlsplit(url).path
    target = out / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _copy_static(target):
    """Static files as pages reference them: the collected, hashed files when names are hashed."""
    if isinstance(staticfiles_storage, ManifestFilesMixin):
        source = Path(settings.STATIC_ROOT)
        if not (source / "staticfiles.json").exists():
            raise ExportError(f"run collectstatic first: {source} has no staticfiles.json")
        shutil.copytree(source, target, dirs_exist_ok=True)
        return sum(1 for path in target.rglob("*") if path.is_file())
    copied = 0
    for finder in finders.get_finders():
        for name, storage in finder.list([]):
            destination = target / name
            if destination.exists():
                continue  # the first finder wins, as in collectstatic
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(storage.path(name), destination)
            copied += 1
    return copied


def _copy_media(target):
    """Local images and their renditions; object storage serves its own. Not documents: the
    site links them through ``/documents/<id>/``, whose privacy check a static copy can't make."""
    if not isinstance(default_storage, FileSystemStorage) or not Path(settings.MEDIA_ROOT).is_dir():
        return 0
    media_root = Path(settings.MEDIA_ROOT).resolve()

    def documents_folder(folder, names):
        return [name for name in names if Path(folder, name).resolve() == media_root / "documents"]

    shutil.copytree(media_root, target, dirs_exist_ok=True, ignore=documents_folder)
    return sum(1 for path in target.rglob("*") if path.is_file())


def _write_redirects(site, target):
    """Wagtail's redirects as nginx maps; README "Static export" shows the server block."""
    target.mkdir(parents=True, exist_ok=True)
    entries = {True: [], False: []}
    redirects = Redirect.get_for_site(site).select_related("redirect_page")
    for redirect in redirects:
        link = redirect.link
        if not link:
            continue
        old = redirect.old_path
        for path in {old, old.rstrip("/") + "/"} if "." not in old.rsplit("/", 1)[-1] else {old}:
            entries[redirect.is_permanent].append(f'    "{_quote(path)}" "{_quote(link)}";')
    # The app picks a visitor's language; a plain web server sends everyone to the default one.
    entries[False].append(f'    "/" "/{languages.source_language()}/";')
    (target / "redirects.conf").write_text(
        '# Include in nginx\'s http block; see README, "Static export".\n'
        + _map("$uri $static_export_permanent_redirect", entries[True])
        + _map("$uri $static_export_temporary_redirect", entries[False])
    )
    return len(entries[True]) + len(entries[False])


def _map(header, lines):
    return f'map {header} {{\n    default "";\n' + "\n".join(sorted(set(lines))) + "\n}\n"


def _quote(value):
    return value.replace("\\", "\\\\").replace('"', '\\"')
