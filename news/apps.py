from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "خبرها"

    def ready(self):
        from . import signals  # noqa: F401
