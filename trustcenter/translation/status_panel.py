"""The page editor's status panel lists every translation of the page.

Wagtail lists only the translations the user may edit, so an editor (who may not edit the
Chinese page) read "No other translations" on an English page that has one. Here a translation
the user may edit links to its editor, as in Wagtail; another links to the live page, and one
neither editable nor live stays unlisted (there is nothing the user could open).
"""

from django.urls import reverse


class EveryTranslationListed:
    """For Wagtail's page ``EditView``."""

    def get_translations(self):
        listed = []
        for translation in self.page.get_translations().select_related("locale"):
            if translation.permissions_for_user(self.request.user).can_edit():
                url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
            elif translation.live:
                url = translation.get_url(self.request)
            else:
                continue
            listed.append({"locale": translation.locale, "url": url})
        return listed
