"""How this project replaces upstream code (Wagtail, wagtail-localize, django-ninja), when no
public extension point does what it needs.

A ``Patch`` names what it replaces, installs itself once (from an ``AppConfig.ready()``),
keeps the original, and is checked at start-up by ``check_patches`` (a Django system check):

- ``upstream.E001``: the upstream code changed since the patch was written (its source's
  SHA-256 differs): read the new upstream code, adapt the patch, then its recorded hash.
- ``upstream.E002``: the patch did not take (something replaced it, or it was never installed).

Every patch is listed, with why and the upstream issue it waits for, in the README's table.
"""

import ast
import hashlib
import importlib.util
import inspect
from pathlib import Path

from django.core import checks

PATCHES = []


def definition_source(owner, name, definition=None):
    """The source of ``owner.name``'s definition, decorators included, read from the file that
    defines it (a decorated function's own object often has only its wrapper's source). An owner
    named by its dotted path is a module read without importing it (importing a module of
    ``wagtail_hooks`` registers its hooks, which must happen in ``INSTALLED_APPS`` order)."""
    if isinstance(owner, str):
        path = importlib.util.find_spec(owner).origin
        body = ast.parse(Path(path).read_text()).body
    else:
        path, class_name = _definition_place(owner, name, definition)
        body = ast.parse(Path(path).read_text()).body
        if class_name:
            body = next(node.body for node in body if getattr(node, "name", None) == class_name)
    source = Path(path).read_text().splitlines(keepends=True)
    for node in body:
        if getattr(node, "name", None) == name:
            first = min([node.lineno] + [decorator.lineno for decorator in node.decorator_list])
            return "".join(source[first - 1 : node.end_lineno])
    raise LookupError(f"{qualified_name(owner)} defines no {name}")


def _definition_place(owner, name, definition):
    """The file and class defining ``owner.name``: a class re-exported by a package
    (``wagtail.models.Page``) is defined in a submodule, a method perhaps in a base class."""
    if not inspect.isclass(owner):
        return inspect.getsourcefile(owner), None
    function = inspect.unwrap(definition or getattr(owner, name))
    if hasattr(function, "__code__"):
        return function.__code__.co_filename, function.__qualname__.rsplit(".", 1)[0]
    return inspect.getsourcefile(owner), owner.__name__


def source_sha256(*codes):
    """The hash of the upstream code's source: each code is a function, class or module, or an
    ``(owner, name)`` pair for the definition of ``name`` in ``owner``."""
    sources = [
        definition_source(*code) if isinstance(code, tuple) else inspect.getsource(code)
        for code in codes
    ]
    return hashlib.sha256("".join(sources).encode()).hexdigest()


def qualified_name(code):
    if isinstance(code, str):
        return code
    if inspect.ismodule(code):
        return code.__name__
    return f"{code.__module__}.{code.__qualname__}"


def upstream_name(code):
    if isinstance(code, tuple):
        owner, name = code[:2]
        return f"{qualified_name(owner)}.{name}"
    return qualified_name(code)


class Patch:
    """Replace ``target.name`` (a module's or class's attribute) with ``replacement``.

    ``upstream`` is the code (one or several functions, classes or modules) whose source the
    patch was written against: by default the original attribute.
    """

    def __init__(self, target, name, replacement, *, sha256, upstream=(), where=None):
        self.target = target
        self.name = name
        self.replacement = replacement
        self.sha256 = sha256
        self.original = getattr(target, name)
        # Each definition as found now, before any patch replaces it.
        self.upstream = tuple(
            (*code, getattr(*code))
            if isinstance(code, tuple) and not isinstance(code[0], str)
            else code
            for code in tuple(upstream) or ((target, name),)
        )
        self.where = where or replacement.__module__  # the module to adapt

    @property
    def label(self):
        return f"{qualified_name(self.target)}.{self.name}"

    def install(self):
        """Replace the original (once: installing again changes nothing)."""
        if self not in PATCHES:
            setattr(self.target, self.name, self.replacement)
            PATCHES.append(self)

    def has_taken(self):
        return getattr(self.target, self.name) is self.replacement

    def problems(self):
        found = []
        current = source_sha256(*self.upstream)
        if current != self.sha256:
            found.append(
                checks.Error(
                    f"{self.label}: the upstream code this patch replaces has changed.",
                    hint=f"Read {', '.join(map(upstream_name, self.upstream))}, adapt the patch "
                    f"({self.where}), then record its hash: {current}.",
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


class PrivateUse(Patch):
    """Not a replacement: this project calls or sets ``target.name``, which upstream keeps
    private (no public equivalent), so a change to it must be noticed like a patch's."""

    def __init__(self, target, name, *, used_by, sha256, upstream=()):
        super().__init__(target, name, None, sha256=sha256, upstream=upstream, where=used_by)

    def install(self):
        if self not in PATCHES:
            PATCHES.append(self)

    def has_taken(self):
        return True


def check_patches(app_configs=None, **kwargs):
    return [problem for patch in PATCHES for problem in patch.problems()]
