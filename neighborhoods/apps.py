from django.apps import AppConfig


class NeighborhoodsConfig(AppConfig):
    name = "neighborhoods"
    verbose_name = "محله‌ها"

    def ready(self):
        from . import signals  # noqa: F401
