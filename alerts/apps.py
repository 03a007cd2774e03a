from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Residents hear from their office: subscriptions by SMS and e-mail, what is sent to them, and urgent notices."""

    name = "alerts"
    verbose_name = "اطلاع‌رسانی به ساکنان"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import triggers  # noqa: F401  (publishing a page or a meeting queues what it announces)
