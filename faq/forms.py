from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail_localize.models import Translation

SYNCED_TRANSLATION_REFUSAL = _(
    "This page is a synced wagtail-localize translation: change it in the translation "
    "editor, or stop syncing it (convert it to a manual translation) first."
)


def is_synced_translation(page):
    """Whether wagtail-localize owns ``page``'s content: its next sync would overwrite a
    change made elsewhere."""
    return Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).exists()


class TranslatedPageAPIForm(WagtailAdminPageForm):
    """A page form for Wagtail's v3 write API (a page type's ``api_base_form_class``) that
    keeps it off pages wagtail-localize owns."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and is_synced_translation(self.instance):
            # The admin sends such a page to wagtail-localize's editor; v3 would save it,
            # and the next sync from the source page would silently overwrite the change.
            raise ValidationError(SYNCED_TRANSLATION_REFUSAL, code="synced_translation")
        return cleaned_data


class FAQPageAPIForm(TranslatedPageAPIForm):
    def clean_faqs(self):
        # The API shows only the items visitors see: a client sending back what it read
        # would silently delete the items held back until they are translated.
        faqs = self.cleaned_data["faqs"]
        held_back = set(self.instance.untranslated_faq_ids) - {item.id for item in faqs}
        if held_back:
            raise ValidationError(
                _(
                    "This page holds back %(count)d question(s) awaiting translation, which "
                    "the API does not show; they would be deleted. Translate or delete them "
                    "in the admin first."
                ),
                code="held_back_items",
                params={"count": len(held_back)},
            )
        return faqs

    def clean_intro(self):
        # v3 feeds a rich text field it was not sent through the editor's converter as "",
        # which stores an empty paragraph: the page would show an empty intro box.
        intro = self.cleaned_data["intro"]
        return intro if strip_tags(intro).strip() else ""


class FAQPageForm(WagtailAdminPageForm):
    """The FAQ page's admin form: a question repeated by this change is refused when
    publishing; a draft is saved with it (``faq.wagtail_hooks`` warns)."""

    def clean(self):
        cleaned_data = super().clean()
        faqs = cleaned_data.get("faqs")
        if faqs is not None and not self.is_deferred_validation:
            for problem in self.instance.new_repeated_questions(faqs):
                self.add_error("faqs", problem)
        return cleaned_data
