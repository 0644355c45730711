from django.shortcuts import render
from django.utils.translation import gettext as _

from .translation_status import translation_status


def translation_status_report(request):
    """Admin report: for each FAQ page, how far each translation is behind the source."""
    return render(
        request,
        "faq/admin/translation_status.html",
        {
            "title": _("Translation status"),
            "statuses": translation_status(),
            # Starting and syncing translations is wagtail-localize's "submit" permission.
            "can_submit": request.user.has_perm("wagtail_localize.submit_translation"),
        },
    )
