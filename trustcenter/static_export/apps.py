from django.apps import AppConfig


class StaticExportConfig(AppConfig):
    name = "trustcenter.static_export"
    verbose_name = "Static export"
