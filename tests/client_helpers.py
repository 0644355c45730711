"""What a client gets, and what it costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_get(client, path):
    """How many database queries a successful GET of ``path`` costs."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def get(client, path):
    """A GET's response and its decoded body."""
    response = client.get(path)
    return response, response.content.decode()
