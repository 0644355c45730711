"""The legacy pages' images: found by file name in a folder, imported into Wagtail's image
library once (the same content is the same image, matched by Wagtail's ``file_hash``)."""

from pathlib import Path, PurePosixPath

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike


class LegacyImages:
    """The images under one folder (``--images DIR``, or the legacy site's checkout).

    Files this import stored are remembered: the database rows go with a rolled-back
    transaction, the files do not, so ``discard_stored()`` deletes them.
    """

    def __init__(self, directory):
        self.directory = Path(directory)
        self._by_name = None
        self._stored = []

    def find(self, legacy_path, page_path=None):
        """The file a page's ``legacy_path`` (``../Images/x.jpg``) names, or None.

        Where the page is inside the folder, the path as the legacy site resolved it wins;
        otherwise the file of that name (case-insensitive: the legacy site ran on Windows)
        with the shortest path.
        """
        relative = PurePosixPath(legacy_path.replace("\\", "/").split("?")[0])
        if not relative.name:
            return None
        if page_path is not None:
            beside = (Path(page_path).parent / relative).resolve()
            if beside.is_file() and self.directory.resolve() in beside.parents:
                return beside
        matches = self._index().get(relative.name.lower(), [])
        return min(matches, key=lambda path: (len(path.parts), str(path))) if matches else None

    def _index(self):
        if self._by_name is None:
            self._by_name = {}
            for path in self.directory.rglob("*"):
                if path.is_file():
                    self._by_name.setdefault(path.name.lower(), []).append(path)
        return self._by_name

    def import_image(self, path):
        """``(image, created)``: the library's image with this file's content, made if new.

        Raises ``ValueError`` if the file is not an image Wagtail can read.
        """
        image_model = get_image_model()
        with path.open("rb") as file:
            file_hash = hash_filelike(file)
            existing = image_model.objects.filter(file_hash=file_hash).order_by("pk").first()
            if existing is not None:
                return existing, False
            image_file = ImageFile(file, name=path.name)
            if image_file.width is None:
                raise ValueError("not an image")
            image = image_model(
                title=path.stem, file=image_file, file_hash=file_hash, file_size=path.stat().st_size
            )
            image.save()
        self._stored.append(image.file.name)
        return image, True

    def discard_stored(self):
        for name in self._stored:
            get_image_model()._meta.get_field("file").storage.delete(name)
        self._stored.clear()
