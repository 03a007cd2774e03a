"""Participation forms under concurrent load, over real HTTP against pytest-django's live server.

PostgreSQL only: the guarantees tested here (one row per form token, distinct tracking codes) rest on unique
indexes and row locks that SQLite, with its single writer, never exercises. Each simulated resident has its own
cookie jar, opens the form (CSRF cookie and token, form token) and posts it, as a browser does.
"""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection

from forms.models import Submission, SubmissionEvent
from tests.conftest import add_form_page

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL only (set DATABASE_URL=postgres://…); SQLite serialises writers",
    ),
    # The live server answers from other threads, so the data must be committed (transaction=True);
    # serialized_rollback restores the migrations' rows (root page, statuses) for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKERS = 32
REQUEST_TIMEOUT = 60  # seconds, for each HTTP request
OVERALL_TIMEOUT = 300  # seconds, for each batch of threads
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_INPUT = re.compile(r'name="form_token" value="([^"]+)"')
TRACKING_CODE = re.compile(r'data-tracking-code="([0-9]{8})"')


class Resident:
    """One browser: its own cookies, the form's hidden fields as it last saw them."""

    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = self.form_token = None

    def open_form(self):
        html = self.open_form_without_token()
        self.form_token = FORM_TOKEN_INPUT.search(html).group(1)

    def open_form_without_token(self):
        """GET the page for its CSRF cookie and token (forms without a form token, such as lookups)."""
        with self.opener.open(self.url, timeout=REQUEST_TIMEOUT) as response:
            assert response.status == 200
            html = response.read().decode()
        self.csrf = CSRF_INPUT.search(html).group(1)
        return html

    def send(self, answers, form_token=None):
        """POST the form with its form token; (status, html) whatever the status."""
        fields = {**answers, "form_token": form_token or self.form_token}
        fields["website"] = ""  # the honeypot, left empty as people leave it
        return self.post(fields)

    def post(self, fields):
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self.csrf}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": self.url},
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


def answers(mobile):
    return {
        "name": "مریم احمدی",
        "mobile": mobile,
        "problem": "چراغ‌های کوچه سوم خاموش است.",
        "topic": "روشنایی",
        "people": "۳",
        "location": "34.0917, 49.6892",
    }


def tracking_code(html):
    codes = set(TRACKING_CODE.findall(html))
    return codes.pop() if len(codes) == 1 else None


def run_all(jobs, workers=WORKERS):
    """Run the callables on a thread pool; their results in order, or the first exception."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(job) for job in jobs]
        return [future.result(timeout=OVERALL_TIMEOUT) for future in futures]


@pytest.fixture
def form_url(tree, live_server, settings):
    # The live server's threads read django.conf.settings, which this fixture patches for the test.
    settings.PARTICIPATION_RATE_PER_IP = "100000/h"
    settings.PARTICIPATION_RATE_PER_MOBILE = "100000/h"
    cache.clear()
    page = add_form_page(tree.bagh)
    yield live_server.url + page.get_url()
    cache.clear()


def assert_one_created_event_each():
    assert SubmissionEvent.objects.filter(action=SubmissionEvent.Action.CREATED).count() == Submission.objects.count()
    assert not Submission.objects.exclude(events__action=SubmissionEvent.Action.CREATED).exists()


def test_two_hundred_residents_at_once_each_get_their_own_submission(form_url):
    count = 200
    mobiles = [f"0912{number:07d}" for number in range(count)]

    def resident(mobile):
        browser = Resident(form_url)
        browser.open_form()
        return browser.send(answers(mobile))

    results = run_all([lambda mobile=mobile: resident(mobile) for mobile in mobiles])

    statuses = [status for status, _ in results]
    assert statuses == [200] * count, {status: statuses.count(status) for status in set(statuses)}
    codes = [tracking_code(html) for _, html in results]
    assert None not in codes
    assert len(set(codes)) == count
    assert Submission.objects.count() == count
    stored = dict(Submission.objects.values_list("mobile", "tracking_code"))
    # each resident was shown the code of their own submission
    assert stored == dict(zip(mobiles, codes))
    assert Submission.objects.exclude(form_token=None).values("form_token").distinct().count() == count
    assert_one_created_event_each()


def test_one_form_posted_twenty_times_at_once_makes_one_submission(form_url):
    """A double tap or a resend, many times over: one form token, one row, and every answer shows its code."""
    count = 20
    browsers = [Resident(form_url) for _ in range(count)]
    run_all([browser.open_form for browser in browsers], workers=count)
    form_token = browsers[0].form_token
    start = threading.Barrier(count, timeout=REQUEST_TIMEOUT)

    def post(browser):
        start.wait()  # all twenty leave together
        return browser.send(answers("09121234567"), form_token=form_token)

    results = run_all([lambda browser=browser: post(browser) for browser in browsers], workers=count)

    statuses = [status for status, _ in results]
    assert statuses == [200] * count, {status: statuses.count(status) for status in set(statuses)}
    assert Submission.objects.count() == 1
    submission = Submission.objects.get()
    assert {tracking_code(html) for _, html in results} == {submission.tracking_code}
    assert_one_created_event_each()


def test_the_mobile_limit_holds_under_concurrent_posts(form_url, settings):
    """Twenty different forms from one mobile at once: exactly the allowed number are stored, the rest get 429."""
    settings.PARTICIPATION_RATE_PER_MOBILE = "5/h"
    count = 20
    browsers = [Resident(form_url) for _ in range(count)]
    run_all([browser.open_form for browser in browsers], workers=count)
    start = threading.Barrier(count, timeout=REQUEST_TIMEOUT)

    def post(browser):
        start.wait()
        return browser.send(answers("09351112233"))

    results = run_all([lambda browser=browser: post(browser) for browser in browsers], workers=count)

    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * 5 + [429] * 15
    assert Submission.objects.count() == 5
    assert {tracking_code(html) for status, html in results if status == 200} == set(
        Submission.objects.values_list("tracking_code", flat=True)
    )
    assert all("کمی بعد دوباره تلاش کنید" in html for status, html in results if status == 429)
    assert_one_created_event_each()
