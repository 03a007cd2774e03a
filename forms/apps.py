from django.apps import AppConfig


class FormsConfig(AppConfig):
    # The label avoids clashing with wagtail.contrib.forms ("wagtailforms") and reads well in tables.
    name = "forms"
    label = "participation"
    verbose_name = "مشارکت"
