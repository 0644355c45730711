from django.apps import AppConfig


class LocalizeBulkConfig(AppConfig):
    name = "trustcenter.localize_bulk"
    verbose_name = "wagtail-localize segments in bulk"

    def ready(self):
        from wagtail_localize.models import TranslationSource

        from . import editor, segments
        from .segments import refresh_segments_in_bulk

        # wagtail-localize refreshes a source's segments one by one, about ten queries each:
        # 500 questions are 2,000 segments and tens of seconds. Same result, a dozen queries.
        if TranslationSource.refresh_segments is not refresh_segments_in_bulk:
            segments.wagtail_localize_refresh_segments = TranslationSource.refresh_segments
            TranslationSource.refresh_segments = refresh_segments_in_bulk

        # Its translation editor reads each segment's context, string and translator one by
        # one: 4,673 queries for a 500-question Chinese page. Same data, a fixed number.
        editor.install()
