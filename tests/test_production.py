"""Production readiness: the page cache, security headers and policies, login lockout, documents,
the health check, a Redis that is away, and `check --deploy` under production settings."""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from django_redis.cache import RedisCache
from tests.conftest import add_form_page

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[1]
BAGH = "/neighborhoods/markazi/bagh-khalaj/"
INLINE_STYLE_OR_HANDLER = re.compile(r"<style|\sstyle=|\son[a-z]+=")


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


# --- the page cache ---------------------------------------------------------------------------


def test_anonymous_pages_are_served_from_the_cache_without_cookies(tree, page_cache, client):
    first = client.get(BAGH)
    second = client.get(BAGH)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not first.cookies and not second.cookies
    assert "Cookie" not in first.get("Vary", "")
    # Security headers and the policy travel with the cached copy.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY" and second["X-Content-Type-Options"] == "nosniff"


def test_head_is_answered_from_the_cache_without_a_body(tree, page_cache, client):
    client.get(BAGH)
    response = client.head(BAGH)
    assert response["X-Page-Cache"] == "hit" and response.content == b""


def test_form_pages_query_strings_and_staff_bypass_the_cache(tree, page_cache, client, admin_user):
    form = add_form_page(tree.bagh)
    for _ in range(2):
        response = client.get(form.url)
        assert "X-Page-Cache" not in response  # it carries a CSRF token and a form token
        assert "csrftoken" in response.cookies
    client.get(BAGH)
    assert "X-Page-Cache" not in client.get(BAGH + "?utm=x")

    staff = Client()
    staff.force_login(admin_user)
    response = staff.get(BAGH)
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()  # staff see the live page with its userbar


def test_a_cached_page_is_never_served_to_a_foreign_host(tree, page_cache, settings):
    settings.ALLOWED_HOSTS = ["mahalle.example.ir"]
    reader = Client(HTTP_HOST="mahalle.example.ir", raise_request_exception=False)
    reader.get(BAGH)
    assert reader.get(BAGH)["X-Page-Cache"] == "hit"
    foreign = Client(HTTP_HOST="attacker.example", raise_request_exception=False).get(BAGH)
    assert foreign.status_code == 400 and "X-Page-Cache" not in foreign
    assert "درخواست نادرست" in foreign.content.decode() and "باغ خلج" not in foreign.content.decode()


def test_refused_and_missing_pages_are_not_cached(tree, page_cache, client):
    assert client.get("/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/no-such-page/")
    assert "X-Page-Cache" not in client.get("/track/")


# --- security headers and policies --------------------------------------------------------------


def test_public_pages_carry_a_strict_policy_and_security_headers(tree, client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get(BAGH, secure=True)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_has_its_own_looser_policy(tree, admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy
    login_policy = Client().get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in login_policy


def test_templates_have_no_inline_script_or_style():
    offenders = []
    for template in (REPO / "templates").rglob("*.html"):
        if "admin" in template.parts or template.parent.name == "email":
            continue
        text = template.read_text(encoding="utf-8")
        for line_number, line in enumerate(text.splitlines(), 1):
            data_block = "application/json" in line or "ld+json" in line
            inline_script = "<script" in line and "src=" not in line and not data_block
            if inline_script or INLINE_STYLE_OR_HANDLER.search(line):
                offenders.append(f"{template.relative_to(REPO)}:{line_number}")
    assert offenders == []


# --- login lockout (django-axes) ---------------------------------------------------------------


@pytest.fixture
def lockout(tree, settings):
    """Three failures lock out; a member of staff, and the address behind nginx of whoever logs in."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    get_user_model().objects.create_user(username="staff", password="right-password-1404")
    return lambda address: Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=address)


def log_in(client, username="staff", password="right-password-1404"):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_admin_login_is_locked_per_visitor_after_repeated_failures(lockout):
    attacker = lockout("203.0.113.9")
    for _ in range(3):
        log_in(attacker, password="wrong")
    response = log_in(attacker)
    assert response.status_code == 429
    assert "ورود موقتاً بسته شد" in response.content.decode()

    # Another resident behind the same proxy is not locked out with the attacker.
    assert log_in(lockout("198.51.100.7")).status_code == 302


def test_another_accounts_login_does_not_lift_a_lockout(lockout):
    get_user_model().objects.create_user(username="ngo-account", password="ngo-password-1404")
    attacker = lockout("203.0.113.9")
    for _ in range(2):
        assert log_in(attacker, password="wrong").status_code == 200
    # The attacker's own account logs in from the same address: the staff member's failures stay.
    assert log_in(attacker, "ngo-account", "ngo-password-1404").status_code == 302
    attacker.logout()
    log_in(attacker, password="wrong-again")
    response = log_in(attacker)
    assert response.status_code == 429 and "ورود موقتاً بسته شد" in response.content.decode()


def test_a_successful_login_clears_its_own_failures(lockout):
    staff = lockout("198.51.100.20")
    for _ in range(2):
        log_in(staff, password="typo")
    assert log_in(staff).status_code == 302
    staff.logout()
    log_in(staff, password="typo")
    assert log_in(staff).status_code == 302


# --- documents and uploads --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "disposition"), [("report.pdf", "inline"), ("list.csv", "attachment"), ("notes.txt", "attachment")]
)
def test_documents_are_served_with_safe_headers(tree, client, settings, tmp_path, name, disposition):
    # On disk as in production (the test settings' in-memory storage has no real paths to send).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    document = get_document_model().objects.create(title="سند", file=ContentFile(b"%PDF-1.4 test", name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["drawing.svg", "page.html", "page.htm"])
def test_svg_and_html_uploads_are_refused(tree, admin_client, name):
    body = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    response = admin_client.post(
        "/admin/documents/multiple/add/", {"files[]": ContentFile(body, name=name)}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert get_document_model().objects.count() == 0, response.content[:300]
    response = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": ContentFile(body, name=name)}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    from wagtail.images import get_image_model

    assert get_image_model().objects.count() == 0


# --- health and a Redis that is away -------------------------------------------------------------


def test_health_checks_database_cache_and_storage(tree, client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checked": ["database", "cache", "storage"]}


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing listens there


def dead_redis(ignore_exceptions):
    options = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": ignore_exceptions}
    return RedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": options})


def test_the_page_caches_turn_a_lost_redis_into_misses_and_the_limits_see_it():
    from redis.exceptions import ConnectionError as RedisConnectionError

    dead = dead_redis(ignore_exceptions=True)  # as production's default and renditions aliases
    assert dead.get("key", "default") == "default"
    assert dead.get_many(["a", "b"]) == {}
    dead.set("key", "value")
    assert not dead.add("key", 1)
    limits = dead_redis(ignore_exceptions=False)  # as production's limits alias
    with pytest.raises(RedisConnectionError):
        limits.add("counter", 1)


# --- check --deploy -----------------------------------------------------------------------------

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "q8#vX2!mZp7Lr4@tWk9&Yh3^Nc6*Bf1%Jd5+Gs0-Ua8=Ee2_Ri7~Oo4",
    "ALLOWED_HOSTS": "mahalle.example.ir",
    "CSRF_TRUSTED_ORIGINS": "https://mahalle.example.ir",
    "DATABASE_URL": "postgres://mahalle:secret@127.0.0.1:5432/mahalle",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://mahalle.example.ir",
    "EMAIL_HOST": "smtp.example.ir",
    "AWS_STORAGE_BUCKET_NAME": "mahalle-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.ir",
    "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:8080",
}


def production_env():
    # Only what a server's environment file would hold: nothing inherited from the test run's settings.
    return {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"), **PRODUCTION_ENV}


def test_check_deploy_is_clean_under_production_settings():
    env = production_env()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output and "System check identified no issues" in output


def test_production_settings_read_the_environment():
    env = production_env()
    script = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND'], s.CACHES['renditions']['LOCATION'], s.SESSION_ENGINE,"
        " s.STORAGES['default']['BACKEND'], s.DATABASES['default']['CONN_HEALTH_CHECKS'],"
        " s.DATABASES['default']['CONN_MAX_AGE'], sorted(s.WAGTAILFRONTENDCACHE),"
        " s.WAGTAILSEARCH_BACKENDS['default']['SEARCH_CONFIG'], s.TASKS['default']['BACKEND'],"
        " 'https://s3.example.ir' in s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_redis.cache.RedisCache",
        "redis://127.0.0.1:6379/0",
        "django.contrib.sessions.backends.cached_db",
        "storages.backends.s3.S3Storage",
        "True",
        "60",
        "['proxy']",
        "simple",
        "django_tasks_db.DatabaseBackend",
        "True",
    ]


# --- the plain-http trial -------------------------------------------------------------------------

# A member of staff logs into the admin over plain http, as a browser on http://server/ would before a
# certificate exists: the login page's status and redirect, then (when it is served) the login itself
# with CSRF checks on, and each cookie's Secure flag (a browser drops a Secure cookie sent over http,
# so every form and the login would fail). Static files come from the app folders (no collectstatic
# in a test run) and the database is a fresh in-memory one; the security settings are production's.
HTTP_LOOK = """
import django; django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

def flag(response, name):
    cookie = response.cookies.get(name)
    return "none" if cookie is None else "secure" if cookie["secure"] else "plain"

static = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=static):
    if not settings.SECURE_SSL_REDIRECT:  # pages will be rendered: they need the tables
        call_command("migrate", verbosity=0)
        get_user_model().objects.create_user("staff", password="right-password-1404", is_staff=True)
    browser = Client(HTTP_HOST="mahalle.example.ir", enforce_csrf_checks=True)
    page = browser.get("/admin/login/")
    print(page.status_code, page.get("Location", "-"), flag(page, "csrftoken"), settings.SECURE_HSTS_SECONDS)
    if page.status_code == 200:
        login = browser.post(
            "/admin/login/",
            {"username": "staff", "password": "right-password-1404",
             "csrfmiddlewaretoken": page.cookies["csrftoken"].value},
            HTTP_ORIGIN="http://mahalle.example.ir",
        )
        print(login.status_code, login.get("Location", "-"), flag(login, "sessionid"))
"""


def run_production(code, **extra):
    env = {**production_env(), "DATABASE_URL": "sqlite:///:memory:", **extra}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("insecure", [{"SECURE_SSL_REDIRECT": "0"}, {"SECURE_HSTS_SECONDS": "0"}])
def test_production_refuses_plain_http_unless_the_trial_is_asked_for(insecure):
    result = run_production(HTTP_LOOK, **insecure)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "MAHALLE_PLAIN_HTTP_TRIAL=1" in result.stderr


def test_without_the_trial_plain_http_is_sent_to_https():
    result = run_production(HTTP_LOOK)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["301", "https://mahalle.example.ir/admin/login/", "none", "31536000"]
    assert "plain-http trial" not in result.stderr


def test_the_plain_http_trial_serves_http_and_says_so_loudly():
    result = run_production(HTTP_LOOK, MAHALLE_PLAIN_HTTP_TRIAL="1")
    assert result.returncode == 0, result.stderr
    # The login page over http, no HSTS, and a login that passes the CSRF check and keeps its session.
    page, login = result.stdout.splitlines()
    assert page.split() == ["200", "-", "plain", "0"]
    assert login.split() == ["302", "/admin/", "plain"]
    assert "WARNING: MAHALLE_PLAIN_HTTP_TRIAL=1: plain-http trial mode" in result.stderr


def test_the_environment_example_is_not_a_trial():
    lines = (REPO / "site" / "env.example").read_text(encoding="utf-8").splitlines()
    assert "# MAHALLE_PLAIN_HTTP_TRIAL=1" in lines  # documented, commented out
    assert not any(line.startswith("MAHALLE_PLAIN_HTTP_TRIAL") for line in lines)
