"""The 500 page shows the header and footer when it can have them without an error, and
renders all the same when the database is what failed."""

import contextlib

from django.db import DatabaseError, connection

import pytest

from faq.models import FAQPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_page(client, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a broken page")

    monkeypatch.setattr(FAQPage, "get_context", fail)
    client.raise_request_exception = False


@contextlib.contextmanager
def failing_header_footer_queries():
    def execute(run, sql, params, many, context):
        if "navigation_headerfooter" in sql:
            raise DatabaseError("the database is gone")
        return run(sql, params, many, context)

    with connection.execute_wrapper(execute):
        yield


@pytest.mark.parametrize(
    ("language", "default_name"), [("en", "Trust Center"), ("zh-hans", "信任中心")]
)
def test_the_500_page_renders_when_the_header_and_footer_query_raises(
    client, faq_pages, broken_page, language, default_name
):
    with failing_header_footer_queries():
        response = client.get(f"/{language}/faq/")

    assert response.status_code == 500
    page = response.content.decode()
    assert f'href="/{language}/">{default_name}</a>' in page
    assert "<footer" not in page


@pytest.mark.parametrize(
    ("language", "site_name"), [("en", "Trust Center"), ("zh-hans", "信任中心")]
)
def test_the_500_page_shows_the_remembered_header_and_footer(
    client, faq_pages, broken_page, language, site_name
):
    assert client.get(f"/{language}/").status_code == 200  # remembers them
    with failing_header_footer_queries():
        response = client.get(f"/{language}/faq/")

    assert response.status_code == 500
    page = response.content.decode()
    assert f'href="/{language}/">{site_name}</a>' in page
    assert "沪ICP备13015306号-36" in page
