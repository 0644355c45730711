from wagtail import hooks

from .views import GlossaryTermViewSet


@hooks.register("register_admin_viewset")
def register_glossary_viewset():
    return GlossaryTermViewSet("glossary")
