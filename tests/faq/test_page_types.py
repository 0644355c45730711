from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from faq.models import FAQPage
from trustcenter.models import TrustCenterHomePage


class PageTypeRulesTest(WagtailPageTestCase):
    def test_faq_pages_live_only_under_the_trust_center_home(self):
        self.assertAllowedParentPageTypes(FAQPage, {TrustCenterHomePage})
        self.assertCanCreateAt(TrustCenterHomePage, FAQPage)
        self.assertCanNotCreateAt(Page, FAQPage)

    def test_faq_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(FAQPage, set())

    def test_home_takes_only_faq_pages(self):
        self.assertAllowedSubpageTypes(TrustCenterHomePage, {FAQPage})
        self.assertAllowedParentPageTypes(TrustCenterHomePage, {Page})

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
