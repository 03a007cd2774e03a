from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("جلسه‌ها و مصوبه‌های شورا")

    def ready(self):
        from . import signals  # noqa: F401
