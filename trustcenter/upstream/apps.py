from importlib import import_module

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

# Installed in this order, after every app is loaded.
PATCH_MODULES = ["wagtail", "wagtail_localize", "v3_api"]


class UpstreamPatchesConfig(AppConfig):
    name = "trustcenter.upstream"
    label = "trustcenter_upstream"
    verbose_name = _("Upstream patches")

    def ready(self):
        from faq.patching import check_patches

        for module in PATCH_MODULES:
            import_module(f"{self.name}.{module}").install()
        checks.register(check_patches)
