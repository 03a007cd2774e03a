from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "محتوا"

    def ready(self):
        from . import renditions  # noqa: F401  (renditions made ahead on publish)
