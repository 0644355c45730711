"""Which query parameters a view read, so that ones it ignores make no cache entries of their own.

Without this, ``?junk=1`` … ``?junk=100`` are a hundred pages in the cache, each kept for a day:
anyone can fill the cache's memory. The page cache stores a response only if the view read
every parameter of the request; the next visitor with the same ignored parameter renders again.
"""

from django.http import QueryDict


class ReadTrackingQueryDict(QueryDict):
    """A request's ``GET`` that notes each parameter read, by name or by reading them all.

    Listing the names (``keys()``, iterating, ``len()``) is not reading: a view that checks for
    parameters it does not know and refuses them reads nothing it ignores.
    """

    def __init__(self, *args, **kwargs):
        self.read = set()
        super().__init__(*args, **kwargs)
        self.read.clear()  # building it was no view's reading

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def lists(self):
        self.read.update(self.keys())
        return super().lists()

    def copy(self):
        self.read.update(self.keys())
        return super().copy()

    def unread(self):
        return set(self.keys()) - self.read


def track_query_reads(request):
    request.GET = ReadTrackingQueryDict(
        request.META.get("QUERY_STRING", ""), encoding=request.encoding
    )


def count_only(request, names):
    """Forget reads but of ``names``: for code that reads every parameter it is sent to pick the
    ones it knows (django-ninja's query parsing)."""
    if isinstance(request.GET, ReadTrackingQueryDict):
        request.GET.read &= set(names)


def has_unread_parameters(request):
    return isinstance(request.GET, ReadTrackingQueryDict) and bool(request.GET.unread())
