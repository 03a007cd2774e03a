from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "ظرفیت‌ها و سمن‌ها"

    def ready(self):
        from . import signals  # noqa: F401
