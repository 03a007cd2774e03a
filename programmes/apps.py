from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("برنامه‌ها")

    def ready(self):
        from . import signals  # noqa: F401
