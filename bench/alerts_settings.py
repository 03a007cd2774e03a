"""Settings for bench/alerts_sending.py: the production-like settings with production's task queue (the
database backend, worked by django_tasks_db's worker in the bench's process) and the real Kavenegar backend,
pointed at the bench's local fake provider (bench/alerts_sending.py sets BENCH_SMS_API_HOST and REQUESTS_CA_BUNDLE before
Django starts)."""

import os

from portal.settings.ci_production import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SMS_BACKEND = "forms.sms.KavenegarBackend"
SMS_API_KEY = os.environ["BENCH_SMS_API_KEY"]
SMS_SENDER = os.environ["BENCH_SMS_SENDER"]
SMS_API_HOST = os.environ["BENCH_SMS_API_HOST"]
SMS_TIMEOUT = 5
