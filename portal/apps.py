from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "درگاه"

    def ready(self):
        # Registered here, after wagtail.admin has registered its own, so ours replaces it.
        from . import admin_fields  # noqa: F401
        from . import admin_filters, admin_timestamps, slugs
        from .caching import invalidation

        invalidation.register()
        admin_timestamps.install()
        admin_filters.install()
        slugs.install()

        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .languages import ensure_locales

        # After Wagtail's migrations, which make the default locale.
        post_migrate.connect(ensure_locales, sender=apps.get_app_config("wagtailcore"), dispatch_uid="portal-ensure-locales")
