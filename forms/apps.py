from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    # The label avoids clashing with wagtail.contrib.forms ("wagtailforms") and reads well in tables.
    name = "forms"
    label = "participation"
    verbose_name = _("مشارکت")
