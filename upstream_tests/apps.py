from django.apps import AppConfig


class PatchedWagtailLocalizeConfig(AppConfig):
    """Installs this site's patches of wagtail-localize into wagtail-localize's test project.

    Only ``trustcenter.upstream.wagtail_localize`` (every site patch of wagtail-localize, one
    module per upstream package): the ``trustcenter.upstream`` app would also install the
    site's patches of Wagtail's v3 API, which need the site's own apps and settings. The FAQ
    app's review rule is installed by ``faq``'s own ``ready()``.
    """

    name = "upstream_tests"
    label = "upstream_tests"

    def ready(self):
        from trustcenter.upstream import wagtail_localize

        wagtail_localize.install()
