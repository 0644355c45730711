from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from faq.models import FAQPage
from trustcenter.models import TrustCenterHomePage


class PageTypeRulesTest(WagtailPageTestCase):
    def test_the_admin_adds_only_faq_pages_under_a_home_and_nothing_under_them(self):
        from django.contrib.auth import get_user_model

        from tests.factories import make_faq_page

        user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        self.client.force_login(user)
        english_home = TrustCenterHomePage.objects.get(locale__language_code="en")
        response = self.client.get(f"/admin/pages/{english_home.pk}/add_subpage/")
        # One page type allowed: Wagtail goes straight to its form.
        self.assertRedirects(response, f"/admin/pages/add/faq/faqpage/{english_home.pk}/")
        faq = make_faq_page()
        response = self.client.get(f"/admin/pages/{faq.pk}/add_subpage/", follow=True)
        self.assertContains(response, "Sorry, you do not have permission to access this area.")

    def test_admin_offers_faq_page_under_home_only(self):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        self.client.force_login(user)
        english_home = TrustCenterHomePage.objects.get(locale__language_code="en")
        response = self.client.get(f"/admin/pages/add/faq/faqpage/{english_home.pk}/")
        self.assertEqual(response.status_code, 200)
        root = Page.get_first_root_node()
        response = self.client.get(f"/admin/pages/add/faq/faqpage/{root.pk}/", follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "Sorry, you do not have permission to access this area.")

    def test_search_finds_words_of_questions_and_answers(self):
        from tests.factories import faq_items, make_faq_page

        items = faq_items(1)
        items[0]["value"] = {
            "question": "Who audits the datacenters?",
            "answer": "<p>Assessors</p>",
        }
        page = make_faq_page(questions=items)
        self.assertEqual(list(FAQPage.objects.live().search("audits")), [page])
        self.assertEqual(list(FAQPage.objects.live().search("assessors")), [page])
