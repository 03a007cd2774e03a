"""A real server losing PostgreSQL and Redis: gunicorn on 127.0.0.1 with production-like settings, its
connections to both services running through TCP proxies that the test cuts and restores.

Runs in the production-like CI leg (portal.settings.ci_production on PostgreSQL and Redis); skipped
elsewhere, and with `-m "not services"`. Every wait is a bounded number of tries.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from forms.models import Submission, SubmissionEvent
from tests.conftest import add_form_page, problem_answers
from tests.tcp_proxy import TcpProxy

requests = pytest.importorskip("requests")

REPO = Path(__file__).resolve().parents[1]
BAGH = "/neighborhoods/markazi/bagh-khalaj/"
PROVINCE = "/neighborhoods/markazi/"
UNAVAILABLE = "سامانه موقتاً در دسترس نیست"

pytestmark = [
    pytest.mark.services,
    # Committed data, so the server sees it; serialized_rollback restores the root page and locales
    # that the migrations created, which the flush after a transactional test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
        or "Redis" not in settings.CACHES["default"]["BACKEND"],
        reason="needs the production-like settings on PostgreSQL and Redis (portal.settings.ci_production)",
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def with_port(url, port):
    parts = urlsplit(url)
    netloc = f"{parts.username}:{parts.password}@" if parts.password else (f"{parts.username}@" if parts.username else "")
    return urlunsplit((parts.scheme, f"{netloc}127.0.0.1:{port}", parts.path, parts.query, ""))


@pytest.fixture
def proxies():
    db = settings.DATABASES["default"]
    redis_url = settings.CACHES["default"]["LOCATION"]
    redis = urlsplit(redis_url)
    with TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)) as pg, TcpProxy(redis.hostname, redis.port or 6379) as rd:
        yield pg, rd


@pytest.fixture
def server_env():
    """Extra environment for the server (a test parametrizes it to change a setting)."""
    return {}


@pytest.fixture
def server(proxies, tmp_path, server_env):
    pg, rd = proxies
    db = settings.DATABASES["default"]
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.ci_production",
        DATABASE_URL=f"postgres://{user}@127.0.0.1:{pg.port}/{db['NAME']}",
        REDIS_URL=with_port(settings.CACHES["default"]["LOCATION"], rd.port),
        PAGE_CACHE_SECONDS="300",
        CONN_MAX_AGE="60",
        DB_CONNECT_TIMEOUT="2",
        REDIS_TIMEOUT="0.5",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="1",
    )
    env.update(server_env)
    log = open(tmp_path / "gunicorn.log", "w+")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "site/gunicorn.conf.py", "portal.wsgi"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if requests.get(base + "/health/", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None:
                break
            time.sleep(0.25)
        else:
            pytest.fail("gunicorn did not become healthy")
        if process.poll() is not None:
            log.seek(0)
            pytest.fail("gunicorn exited:\n" + log.read()[-3000:])
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@pytest.fixture
def site(tree):
    cache.clear()
    form = add_form_page(tree.bagh)
    yield form
    cache.clear()


def until(check, tries=60, pause=0.5):
    """Try ``check`` until it returns something true, a bounded number of times."""
    for _ in range(tries):
        result = check()
        if result:
            return result
        time.sleep(pause)
    return check()


def fetch_form(session, base, form):
    response = session.get(base + form.url, timeout=10)
    assert response.status_code == 200
    html = response.text
    return {
        "form_token": re.search(r'name="form_token" value="([^"]+)"', html).group(1),
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
    }


def test_database_outage_gives_persian_503_no_partial_rows_and_recovers(server, proxies, site):
    pg, _rd = proxies
    session = requests.Session()
    assert session.get(server + BAGH, timeout=10).headers.get("X-Page-Cache") == "miss"
    assert session.get(server + BAGH, timeout=10).headers.get("X-Page-Cache") == "hit"
    tokens = fetch_form(session, server, site)

    pg.cut()
    page = session.get(server + PROVINCE, timeout=10)
    assert page.status_code == 503 and UNAVAILABLE in page.text
    assert page.headers["Retry-After"] and page.headers["Content-Type"].startswith("text/html")
    cached = session.get(server + BAGH, timeout=10)
    assert cached.status_code == 200 and cached.headers["X-Page-Cache"] == "hit"  # cached pages keep serving
    health = session.get(server + "/health/", timeout=10)
    assert health.status_code == 503 and health.json()["failed"] == ["database"]
    sent = session.post(server + site.url, data=problem_answers(**tokens), timeout=10)
    assert sent.status_code == 503 and UNAVAILABLE in sent.text

    pg.restore()
    assert until(lambda: session.get(server + PROVINCE, timeout=10).status_code == 200)
    assert session.get(server + "/health/", timeout=10).status_code == 200
    assert Submission.objects.count() == 0 and SubmissionEvent.objects.count() == 0
    # The same form, sent again once the database is back, is stored once and whole.
    sent = session.post(server + site.url, data=problem_answers(**tokens), timeout=10)
    assert sent.status_code == 200
    submission = Submission.objects.get()
    assert submission.tracking_display in sent.text
    assert SubmissionEvent.objects.filter(submission=submission).count() == 1


def test_redis_outage_degrades_to_uncached_pages_and_recovers(server, proxies, site):
    _pg, rd = proxies
    session = requests.Session()
    session.get(server + BAGH, timeout=10)
    assert session.get(server + BAGH, timeout=10).headers.get("X-Page-Cache") == "hit"

    rd.cut()
    page = session.get(server + BAGH, timeout=10)
    assert page.status_code == 200 and "باغ خلج" in page.text
    assert page.headers.get("X-Page-Cache") == "miss"
    assert session.get(server + PROVINCE, timeout=10).status_code == 200
    health = session.get(server + "/health/", timeout=10)
    assert health.status_code == 503 and health.json()["failed"] == ["cache"]
    # Forms keep working: rate limits fail open while their counters are out of reach.
    sent = session.post(server + site.url, data=problem_answers(**fetch_form(session, server, site)), timeout=10)
    assert sent.status_code == 200
    assert Submission.objects.count() == 1

    rd.restore()
    assert until(lambda: session.get(server + BAGH, timeout=10).headers.get("X-Page-Cache") == "hit")
    assert session.get(server + "/health/", timeout=10).status_code == 200


@pytest.mark.parametrize("server_env", [{"RATELIMIT_FAIL_OPEN": "0"}])
def test_with_limits_failing_closed_a_redis_outage_refuses_guesses_and_forms(server, proxies, site):
    _pg, rd = proxies
    session = requests.Session()
    tokens = fetch_form(session, server, site)
    lookup = {"code": "12345678", "last_digits": "4567"}
    track = session.get(server + "/track/", timeout=10).text
    lookup["csrfmiddlewaretoken"] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', track).group(1)
    assert session.post(server + "/track/", data=lookup, timeout=10).status_code == 404

    rd.cut()
    for _ in range(15):  # more than TRACKING_LOOKUP_FAILURES_PER_IP would ever allow unlimited
        refused = session.post(server + "/track/", data=lookup, timeout=10)
        assert refused.status_code == 503 and UNAVAILABLE in refused.text
    sent = session.post(server + site.url, data=problem_answers(**tokens), timeout=10)
    assert sent.status_code == 503 and Submission.objects.count() == 0
    # Pages that need no limit are still served, from PostgreSQL.
    assert session.get(server + BAGH, timeout=10).status_code == 200

    rd.restore()
    assert until(lambda: session.post(server + "/track/", data=lookup, timeout=10).status_code == 404)


def test_a_form_stored_just_before_a_cut_gets_its_own_code_when_sent_again(server, proxies, site):
    from forms.pipeline import read_form_token
    from forms.submit import create_submission

    pg, _rd = proxies
    session = requests.Session()
    tokens = fetch_form(session, server, site)
    answers = problem_answers(**tokens)
    # The server stored the form, and then the database went away before the resident saw the answer
    # (the thank-you page, or the task queue after the commit, needed it again).
    form = site.get_form(answers, page=site)
    assert form.is_valid(), form.errors
    stored = create_submission(site, form, token=read_form_token(tokens["form_token"]))

    pg.cut()
    told = session.post(server + site.url, data=answers, timeout=10)
    assert told.status_code == 503
    # The outage page tells the resident to send the same form again, and that it is never recorded twice.
    assert "همان کد رهگیری" in told.text and "دوباره ثبت نمی‌شود" in told.text

    pg.restore()
    again = until(lambda: (r := session.post(server + site.url, data=answers, timeout=10)).status_code == 200 and r)
    assert stored.tracking_display in again.text
    assert Submission.objects.count() == 1
