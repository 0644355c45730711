from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "trustcenter.signin"
    label = "signin"
    verbose_name = _("Sign-in")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import APIToken

        post_save.connect(issue_validity_of_new_token, sender=APIToken)


def issue_validity_of_new_token(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .tokens import issue_validity

        issue_validity(instance)
