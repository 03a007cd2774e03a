from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "درگاه"

    def ready(self):
        # Registered here, after wagtail.admin has registered its own, so ours replaces it.
        from . import admin_fields  # noqa: F401
        from . import admin_timestamps, content_version, purge

        purge.register()
        content_version.register()
        admin_timestamps.install()
