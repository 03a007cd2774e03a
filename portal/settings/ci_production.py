"""The test suite on production settings: PostgreSQL, Redis, the production middleware and headers.

Layers what tests need on top of production.py: plain HTTP (the test client and the live server do
not speak TLS), an in-memory mailbox and SMS, immediate tasks, fast password hashing. Each pytest-xdist
worker gets its own Redis database, because tests clear the cache (FLUSHDB) between requests.
"""

import os

os.environ.setdefault("SECRET_KEY", "ci-production-only-" + "k" * 48)
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/8")

from .production import *  # noqa: E402,F401,F403


def _redis_db_for_worker(url):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    offset = int(worker[2:]) if worker[2:].isdigit() else 0
    base, _, db = url.rpartition("/")
    return f"{base}/{int(db or 0) + offset}"


for _alias in CACHES.values():  # noqa: F405
    _alias["LOCATION"] = _redis_db_for_worker(_alias["LOCATION"])

ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
# Hundreds of tests log staff in without a phone; tests/test_two_factor.py turns the second factor on.
WAGTAIL_2FA_REQUIRED = False
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "forms.sms.LocmemBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No quiet hours unless a test sets them: the suite runs at any hour of Tehran's night.
ALERTS_QUIET_HOURS = ("00:00", "00:00")
# Tests share one process-wide cache across cases whose database is rolled back, so a stored page
# would outlive its content; the page-cache tests switch it on for themselves.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
LOGGING = {"version": 1, "disable_existing_loggers": False}
