from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from .factories import make_faq_page, translate

ENGLISH = [
    ("Where is my data stored?", "<p>In <b>one</b> region.</p>"),
    ("Who audits the service?", "<p>Independent assessors.</p>"),
]
CHINESE = {
    "Questions": "常见问题",
    "What people ask.": "大家常问的问题。",
    "Where is my data stored?": "我的数据存储在哪里？",
    "In <b>one</b> region.": "在<b>一个</b>区域。",
    "Who audits the service?": "谁审计这项服务？",
    "Independent assessors.": "独立的评估机构。",
}


@pytest.fixture(autouse=True)
def site_language(settings):
    """Each test starts in English: a Chinese request may leave Chinese active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def english_page(db):
    return make_faq_page(ENGLISH)


@pytest.fixture
def chinese_page(english_page):
    return translate(english_page, CHINESE)


@pytest.fixture
def soup():
    def parse(response):
        assert response.status_code == 200, response.status_code
        return BeautifulSoup(response.content, "html.parser")

    return parse
