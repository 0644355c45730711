"""How this project replaces upstream code (Wagtail, wagtail-localize, django-ninja), when no
public extension point does what it needs.

A ``Patch`` names what it replaces, installs itself once (from an ``AppConfig.ready()``),
keeps the original, and is checked at start-up by ``check_patches`` (a Django system check):

- ``upstream.E001``: the upstream code changed since the patch was written (its source's
  SHA-256 differs): read the new upstream code, adapt the patch, then its recorded hash.
- ``upstream.E002``: the patch did not take (something replaced it, or it was never installed).

Every patch is listed, with why and the upstream issue it waits for, in the README's table.
"""

import hashlib
import inspect

from django.core import checks

PATCHES = []


def source_sha256(code):
    return hashlib.sha256(inspect.getsource(code).encode()).hexdigest()


class Patch:
    """Replace ``target.name`` (a module's or class's attribute) with ``replacement``.

    ``upstream`` is the code whose source the patch was written against: by default the
    original attribute; for a patch that wraps or reaches into other upstream code, that code.
    """

    def __init__(self, target, name, replacement, *, sha256, upstream=None):
        self.target = target
        self.name = name
        self.replacement = replacement
        self.sha256 = sha256
        self.original = getattr(target, name)
        self.upstream = upstream if upstream is not None else self.original

    @property
    def label(self):
        if inspect.ismodule(self.target):
            return f"{self.target.__name__}.{self.name}"
        return f"{self.target.__module__}.{self.target.__qualname__}.{self.name}"

    def install(self):
        """Replace the original (once: installing again changes nothing)."""
        if self not in PATCHES:
            setattr(self.target, self.name, self.replacement)
            PATCHES.append(self)

    def has_taken(self):
        return getattr(self.target, self.name) is self.replacement

    def problems(self):
        found = []
        current = source_sha256(self.upstream)
        if current != self.sha256:
            found.append(
                checks.Error(
                    f"{self.label}: the upstream code this patch replaces has changed.",
                    hint=f"Read {self.upstream.__module__}.{self.upstream.__qualname__}, adapt "
                    f"the patch ({self.replacement.__module__}), then record its hash: {current}.",
                    id="upstream.E001",
                )
            )
        if not self.has_taken():
            found.append(
                checks.Error(
                    f"{self.label}: the patch is not installed.",
                    hint="Something replaced it after its app's ready(), or it never ran.",
                    id="upstream.E002",
                )
            )
        return found


def check_patches(app_configs=None, **kwargs):
    return [problem for patch in PATCHES for problem in patch.problems()]
