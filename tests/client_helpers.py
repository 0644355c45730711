"""What a client gets, and what it costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_and_response(client, path, warm=False):
    """A successful GET of ``path``: how many database queries it cost, and its response.

    ``warm`` first asks once unmeasured, filling Django's own per-process caches (site root
    paths), as any running site has.
    """
    if warm:
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries), response


def queries_to_get(client, path):
    """How many database queries a successful GET of ``path`` costs."""
    return queries_and_response(client, path)[0]


def get(client, path):
    """A GET's response and its decoded body."""
    response = client.get(path)
    return response, response.content.decode()
