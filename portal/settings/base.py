"""Settings shared by every environment. Environment-specific layers import * from here."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # `portal` comes before wagtail.admin so its template overrides win.
    "portal",
    "home",
    "neighborhoods",
    "news",
    "forms",
    "programmes",
    "directory",
    "council",
    "reports",
    "search",
    "content",
    "alerts",
    "demo",
    # A second factor (TOTP) for admin logins: wagtail-2fa's screens over django-otp's devices.
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped on their way out (static files are already: WhiteNoise serves the .gz that collectstatic
    # made, and nginx its gzip_static copies). Below WhiteNoise so static files pass by it, above the page
    # cache so the cache keeps one plain copy. BREACH (reading a secret from compressed lengths): Django masks
    # the CSRF token anew in every response and this middleware adds random padding to each body.
    "django.middleware.gzip.GZipMiddleware",
    # Early, so that a cached page skips everything below; also the request's scope versions and its
    # Wagtail site from the cache (portal/caching/middleware.py).
    "portal.caching.middleware.CacheMiddleware",
    # A form body that declares a charset other than UTF-8: the Persian 400 before CSRF reads it.
    "portal.request_checks.FormBodyEncodingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL prefix (none = Persian), never from a cookie or Accept-Language on
    # the pages, so the page cache above, keyed by path, cannot serve one language's page for another
    # (and responses do not claim to vary on Accept-Language: portal/languages.py).
    "portal.languages.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff who read confidential cases (the caseworkers' groups hold `wagtailadmin.enable_2fa`) and
    # superusers must log in with a second factor; anyone else who enrols a device is asked for it too.
    "portal.two_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.ScopedCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
            "builtins": ["portal.templatetags.persian"],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the zero-set-up default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so two sign-ups for the last seat are served one
    # after the other instead of one failing with "database is locked" (PostgreSQL locks rows instead).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Persian first. Dates are stored in UTC and shown in Tehran time, as Jalali.
LANGUAGE_CODE = "fa"
# The portal's languages, each named in itself for the language switcher. Persian has no URL prefix,
# the others do (/en/…). A language needs a catalogue in locale/<code>/ and a Locale in the admin
# (Settings → Locales); see «Languages» in the README.
LANGUAGES = [("fa", "فارسی"), ("en", "English"), ("ar", "العربية")]
# Right-to-left languages (Django's list plus Azerbaijani and Sorani Kurdish in Arabic script): <html dir>.
LANGUAGES_BIDI = ["fa", "ar", "ckb", "azb", "ur", "ps", "he", "ug", "sd", "ar-dz", "ar-ly"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Dates on Arabic pages: "hijri" (Umm al-Qura, through hijridate) or "gregorian".
ARABIC_CALENDAR = os.environ.get("ARABIC_CALENDAR", "hijri")
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# The Iranian week starts on Saturday (0 = Saturday … 6 = Friday in our own models).
FIRST_DAY_OF_WEEK = 6

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Front-end packages come from the npm registry (package.json) and are served as our own files.
    ("vendor/vazirmatn", BASE_DIR / "node_modules" / "vazirmatn" / "fonts" / "webfonts"),
    ("vendor/jalalidatepicker", BASE_DIR / "node_modules" / "@majidh1" / "jalalidatepicker" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "محله"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# No SVG or HTML: either can carry script that would run on our origin.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "mp4", "webm", "vtt"]
# Documents go through Wagtail's view (never a redirect to storage), so our headers apply: only PDF
# opens in the browser, everything else is an attachment, and nosniff comes from SecurityMiddleware.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fa", "فارسی"), ("en", "English"), ("ar", "العربية")]

# Listing sizes.
NEWS_PER_PAGE = 12
HOME_LATEST_NEWS = 6
NEIGHBORHOOD_LATEST_NEWS = 5
PROGRAMMES_PER_PAGE = 12
NEIGHBORHOOD_UPCOMING_PROGRAMMES = 4
HOME_UPCOMING_PROGRAMMES = 4

DIRECTORY_PER_PAGE = 12
ASSETS_PER_PAGE = 20
# Organisations listed on a neighbourhood's page (the rest are one link away, in the filtered directory).
NEIGHBORHOOD_ORGANIZATIONS = 6
NEIGHBORHOOD_DECISIONS = 3  # the council's latest public resolutions on the neighbourhood page
DECISIONS_PER_PAGE = 20
DECISIONS_FEED_ITEMS = 30
RESOLUTION_REMINDER_DAYS = 3  # the responsible body is reminded this many days before a due date
# A city's neighbourhoods a page at a time, and as many answers of the neighbourhood finder (neighborhoods/finder.py).
NEIGHBORHOODS_PER_PAGE = 30
FINDER_RESULTS = 20
FINDER_SUGGESTIONS = 8

# Money is stored in rials and shown in this unit ("toman" or "rial"); a toman is ten rials.
MONEY_DISPLAY_UNIT = "toman"
RIALS_PER_TOMAN = 10

# Maps: a tile server URL template such as https://tiles.example.ir/{z}/{x}/{y}.png. Empty means no
# tiles: maps show their markers on a blank ground, and every page lists the same places as text.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
# Its origin, let through the Content-Security-Policy's img-src below ({s} is one of its subdomains).
_tiles = urlsplit(MAP_TILE_URL.replace("{s}", "*"))
MAP_TILE_ORIGINS = [f"{_tiles.scheme}://{_tiles.netloc}"] if _tiles.scheme and _tiles.netloc else []

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous readers (portal/caching/middleware.py); 0 turns the cache off. Production
# sets it.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = 0
PAGE_CACHE_EXCLUDE_PREFIXES = ["/admin/", "/documents/", "/health/"]
# Front caches (nginx, Varnish, a CDN) purged through wagtail.contrib.frontend_cache of the URLs they may
# hold for the scopes a change bumps (portal/caching/purge.py); production adds one when
# FRONTEND_CACHE_PURGE_URL is set. The URLs purged are the ones served, each in its own language, so
# Wagtail must not multiply them across languages.
WAGTAILFRONTENDCACHE = {}
WAGTAILFRONTENDCACHE_LANGUAGES = []
# How long a front cache may keep a page (nginx keeps them 60 s): what it may hold is remembered this long.
FRONT_CACHE_SECONDS = 120

# Content-Security-Policy (django-csp 4). Public pages load only our own files: no inline script or
# style, nothing from another origin. The admin gets ADMIN_CONTENT_SECURITY_POLICY (portal/security.py).
MEDIA_ORIGINS = []  # production adds the object storage's origin
APARAT_ORIGIN = "https://www.aparat.com"  # content/video.py
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MAP_TILE_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Aparat's player, put on the page only when a reader presses play (content/video.py).
        "frame-src": [APARAT_ORIGIN],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin uses inline scripts and styles, previews pages in a same-origin iframe and shows
# uploads as blob: previews.
ADMIN_CSP_PREFIXES = ["/admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *MAP_TILE_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, APARAT_ORIGIN],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Admin login brute force (django-axes): a visitor's address, as portal/client_ip.py reads it behind
# our proxy, is locked out for a while after too many failures, and so is a user name from that
# address. Never a user name alone, so nobody can lock a member of staff out by typing their user
# name; and a successful login clears only that account's failures (portal/login_lockout.py).
AXES_CLIENT_IP_CALLABLE = "portal.client_ip.client_ip"
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_HANDLER = "portal.login_lockout.AccountScopedHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_VERBOSE = False

# Two-factor login (wagtail-2fa): on unless WAGTAIL_2FA_REQUIRED=0; the test settings turn it off for the
# suite's many admin logins, and the tests of the second factor turn it on.
WAGTAIL_2FA_REQUIRED = os.environ.get("WAGTAIL_2FA_REQUIRED", "1") == "1"
WAGTAIL_2FA_OTP_TOTP_NAME = "Mahalle"

LOGIN_URL = "wagtailadmin_login"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)

# Background work (e-mail, SMS). Immediate here; production uses the database queue and a db_worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Participation forms: limits against abuse. Rates are django-ratelimit strings.
PARTICIPATION_RATE_PER_IP = os.environ.get("PARTICIPATION_RATE_PER_IP", "30/h")
PARTICIPATION_RATE_PER_MOBILE = os.environ.get("PARTICIPATION_RATE_PER_MOBILE", "10/h")
TRACKING_LOOKUP_FAILURES_PER_IP = os.environ.get("TRACKING_LOOKUP_FAILURES_PER_IP", "10/h")
PARTICIPATION_PHOTO_MAX_BYTES = 5 * 1024 * 1024
PARTICIPATION_PHOTO_MAX_PIXELS = 40_000_000
PARTICIPATION_MAX_REQUEST_BYTES = 6 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # text fields; files are counted separately above
# A page with a gallery of thirty pictures posts some 300 fields from the admin (Django's default is 1,000);
# a public form's request is bounded in bytes (PARTICIPATION_MAX_REQUEST_BYTES).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# "each": an e-mail to the neighbourhood's staff per submission; "digest": one a day (send_inbox_digest).
PARTICIPATION_STAFF_EMAIL = os.environ.get("PARTICIPATION_STAFF_EMAIL", "each")
# Submissions older than this are anonymised by `manage.py anonymise_submissions`.
SUBMISSION_RETENTION_DAYS = int(os.environ.get("SUBMISSION_RETENTION_DAYS", str(3 * 365)))

# Rate limits count in this cache alias (portal/limits.py); production gives them one whose errors are
# raised, so RATELIMIT_FAIL_OPEN decides what an unreachable counter means.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True

# Per-IP limits use the address nginx reports in X-Real-IP, when the request comes from it.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
RATELIMIT_IP_META_KEY = "portal.client_ip.client_ip"

SMS_BACKEND = os.environ.get("SMS_BACKEND", "forms.sms.ConsoleBackend")
SMS_API_KEY = os.environ.get("SMS_API_KEY", "")
SMS_SENDER = os.environ.get("SMS_SENDER", "")
# forms.sms.KavenegarBackend: the provider's address (a test points it at a local server) and how long a call may take.
SMS_API_HOST = os.environ.get("SMS_API_HOST", "api.kavenegar.com")
SMS_TIMEOUT = int(os.environ.get("SMS_TIMEOUT", "10"))

# Subscriptions (alerts/): nothing but urgent notices goes out in Tehran's quiet hours, at most
# ALERTS_DAILY_CAP messages a day to one subscriber, ALERTS_BATCH messages per task run, a failed provider
# call is tried ALERTS_ATTEMPTS times in all, backing off. Codes: per address and per IP (django-ratelimit).
ALERTS_QUIET_HOURS = (os.environ.get("ALERTS_QUIET_START", "22:00"), os.environ.get("ALERTS_QUIET_END", "08:00"))
ALERTS_DAILY_CAP = int(os.environ.get("ALERTS_DAILY_CAP", "3"))
ALERTS_BATCH = int(os.environ.get("ALERTS_BATCH", "200"))
ALERTS_ATTEMPTS = 5
ALERTS_CODES_PER_ADDRESS = os.environ.get("ALERTS_CODES_PER_ADDRESS", "3/h")
ALERTS_REQUESTS_PER_IP = os.environ.get("ALERTS_REQUESTS_PER_IP", "20/h")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
