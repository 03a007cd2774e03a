from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "برنامه‌ها"

    def ready(self):
        from . import signals  # noqa: F401
