"""Tests: fast hashing, no manifest needed, in-memory e-mail."""

from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-insecure-key-mahalle"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Serve static files from the finders (node_modules included) without a collectstatic step.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The in-process cache is fine for one process; production shares Redis between workers.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
SMS_BACKEND = "forms.sms.LocmemBackend"
# Hundreds of tests log staff in without a phone; tests/test_two_factor.py turns the second factor on.
WAGTAIL_2FA_REQUIRED = False
# No quiet hours unless a test sets them: the suite runs at any hour of Tehran's night.
ALERTS_QUIET_HOURS = ("00:00", "00:00")
