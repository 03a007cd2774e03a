"""Production: every secret and address comes from the environment (see site/env.example).

App servers keep no state of their own: PostgreSQL holds content and submissions, Redis the cache,
sessions, rate limits and renditions, object storage (or a shared disk) the media, and the task
worker (`manage.py db_worker`) the e-mail, SMS and purge work.
"""

import sys
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403


def env(name, default=""):
    return os.environ.get(name, default)  # noqa: F405


def env_flag(name, default="0"):
    return env(name, default).lower() in ("1", "true", "yes", "on")


DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment")

# --- PostgreSQL: persistent connections that are checked before reuse, so a restarted server
# costs one failed request per worker at most, then the site recovers by itself.
DATABASES["default"]["CONN_MAX_AGE"] = int(env("CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # Fail fast while the database is unreachable instead of holding a worker for minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(env("DB_CONNECT_TIMEOUT", "5"))  # noqa: F405

# --- Redis (django-redis): cache, sessions, rate limits, renditions and the page cache.
REDIS_URL = env("REDIS_URL")
if not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL must be set: workers share the cache, sessions and rate limits")


def redis_cache(prefix, ignore_exceptions=True, **extra):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
            "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
            "CONNECTION_POOL_KWARGS": {"health_check_interval": 30},
            # The caches hold only what can be rebuilt: while Redis is away reads miss and writes are
            # dropped, and pages come from PostgreSQL. /health/ still reports the outage.
            "IGNORE_EXCEPTIONS": ignore_exceptions,
        },
        **extra,
    }


CACHES = {
    "default": redis_cache("mahalle"),
    # Wagtail looks renditions up in this alias before the database.
    "renditions": redis_cache("renditions", TIMEOUT=7 * 24 * 3600),
    # Rate limits (portal/limits.py) see the errors, so an unreachable counter fails open or closed as
    # RATELIMIT_FAIL_OPEN says instead of reading 0.
    "limits": redis_cache("limits", ignore_exceptions=False),
}
RATELIMIT_USE_CACHE = "limits"
# Sessions are cached_db, so staff stay logged in while Redis is away.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# While Redis is away the counters cannot be read: forms and the tracking lookup keep working
# (open) rather than refusing every resident (closed). Set to 0 to refuse instead: /track/, programme
# cancellation and the forms then answer a Persian 503 until Redis is back.
RATELIMIT_FAIL_OPEN = env_flag("RATELIMIT_FAIL_OPEN", "1")

# --- A front cache (nginx with a purge module, Varnish, a CDN) that accepts HTTP PURGE.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_PURGE_URL},
    }

# --- Media: S3-compatible object storage when a bucket is named, the local MEDIA_ROOT otherwise.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public media are read without signatures (cached pages outlive signed URLs); the bucket
            # policy must keep private/ (submission photos) closed, which staff read through the admin.
            "querystring_auth": env_flag("AWS_QUERYSTRING_AUTH", "0"),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    media_origin = env("AWS_S3_CUSTOM_DOMAIN") or env("AWS_S3_ENDPOINT_URL")
    if media_origin:
        parts = urlsplit(media_origin if "//" in media_origin else f"https://{media_origin}")
        MEDIA_ORIGINS = [f"{parts.scheme}://{parts.netloc}"]
        for policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
            policy["DIRECTIVES"]["img-src"] = [*policy["DIRECTIVES"]["img-src"], *MEDIA_ORIGINS]

# --- Search: Wagtail's database backend on PostgreSQL with the "simple" configuration (there is
# no Persian one; our normalisation runs before indexing and querying). OPENSEARCH_URL (or
# ELASTICSEARCH_URL) switches to Wagtail's Elasticsearch backend; install the client it names.
SEARCH_URL = env("OPENSEARCH_URL") or env("ELASTICSEARCH_URL")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env("WAGTAILSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [SEARCH_URL],
            "INDEX": env("WAGTAILSEARCH_INDEX", "mahalle"),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    }

# --- HTTPS and response headers, behind nginx which terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # probed over plain HTTP from the machine itself
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A first look over plain http, before a certificate exists (README, «Running in production»): asked
# for by name and never the default, because it sends the session and CSRF cookies in clear text.
# Without it the site insists on HTTPS, and turning the redirect or HSTS off is refused rather than
# quietly serving staff logins over http.
PLAIN_HTTP_TRIAL = env_flag("MAHALLE_PLAIN_HTTP_TRIAL")
if PLAIN_HTTP_TRIAL:
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    sys.stderr.write(
        "WARNING: MAHALLE_PLAIN_HTTP_TRIAL=1: plain-http trial mode. No HTTPS redirect, no HSTS, cookies\n"
        "WARNING: (staff logins included) travel unencrypted. For a first look only: remove it from\n"
        "WARNING: /etc/mahalle/env once the certificate is in place, and restart the services.\n"
    )
else:
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", "1")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    if not SECURE_SSL_REDIRECT or SECURE_HSTS_SECONDS <= 0:
        raise ImproperlyConfigured(
            "SECURE_SSL_REDIRECT=0 or SECURE_HSTS_SECONDS=0 would serve the site over plain http: "
            "set MAHALLE_PLAIN_HTTP_TRIAL=1 instead for a first look before the certificate exists"
        )
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not PLAIN_HTTP_TRIAL

# --- Background work: the database queue, run by `manage.py db_worker` (site/mahalle-worker.service).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
ADMINS = [("admin", address) for address in env_list("ADMIN_EMAILS")]  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
