"""Uploaded media served by the app itself, for a site on one machine without object storage.

WhiteNoise serves only files that exist when the app starts (collectstatic's); images and
their renditions are uploaded while it runs, so ``serve`` answers ``MEDIA_URL`` from the local
storage. With object storage (production's Azure settings) media are that storage's to serve
and this view answers 404. Several app servers need object storage: each would see only its
own uploads.

In production every new file gets a name never used before (``UniquelyNamedStorage``), so a
file is cached for a year (``immutable``): Wagtail deletes an image's old file and renditions
when its file is replaced, and the new upload, even of a file with the same name, gets new
names. Elsewhere (development) a browser revalidates each file by its modification time.
"""

import os
import posixpath

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views import static

ONE_YEAR = 60 * 60 * 24 * 365
# Wagtail serves documents through /documents/<id>/, which checks their collection's privacy:
# their files must not be reachable behind its back.
PRIVATE_FOLDERS = ("documents/",)


class UniquelyNamedStorage(FileSystemStorage):
    """Local files, each new one under a name no file had before (a random suffix)."""

    def get_available_name(self, name, max_length=None):
        root, extension = os.path.splitext(name)
        return super().get_available_name(
            self.get_alternative_name(root, extension), max_length=max_length
        )


def serve(request, path):
    # Checked as ``static.serve`` will read it: ``images/../documents/…`` is a document.
    read_as = posixpath.normpath(path).lstrip("/") + "/"
    if not isinstance(default_storage, FileSystemStorage) or read_as.startswith(PRIVATE_FOLDERS):
        raise Http404
    response = static.serve(request, path, document_root=default_storage.location)
    if isinstance(default_storage, UniquelyNamedStorage):
        patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    else:
        patch_cache_control(response, no_cache=True)
    return response
