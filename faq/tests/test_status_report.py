"""The "Translation status" report, with faq alone: "source changed" means a sync would
bring translators something new, not that the source was published again."""

from django.urls import reverse

import pytest

from faq.models import FAQPage

pytestmark = pytest.mark.django_db

URL = reverse("faq_admin:translation_status")


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    return client


def state(admin, soup, page):
    row = soup(admin.get(URL)).select_one(f'[data-page="{page.pk}"]')
    return row.select_one("[data-state]").get_text(strip=True), bool(
        row.select("[data-source-changed]")
    )


def test_a_republish_is_a_source_change_only_when_its_text_changed(
    admin, soup, english_page, chinese_page
):
    assert state(admin, soup, english_page) == ("Up to date", False)
    english_page.save_revision().publish()
    assert state(admin, soup, english_page) == ("Up to date", False)

    english = FAQPage.objects.get(pk=english_page.pk)
    english.intro = "<p>What people ask most.</p>"
    english.save_revision().publish()
    assert state(admin, soup, english) == ("Translated", True)
