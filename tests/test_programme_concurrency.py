"""Seats under concurrent sign-ups and cancellations, over real HTTP against the live server (PostgreSQL only,
as tests/test_concurrency.py explains: SQLite serialises writers and would prove nothing)."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum

from forms.models import Submission
from programmes.choices import Seat
from programmes.models import Registration
from tests.conftest import add_program
from tests.test_concurrency import REQUEST_TIMEOUT, Resident, run_all, tracking_code

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is tested on PostgreSQL only"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def answers(mobile):
    return {"name": "ساکن محله", "mobile": mobile, "people": "1", "consent": "on"}


@pytest.fixture
def open_limits(settings):
    settings.PARTICIPATION_RATE_PER_IP = "100000/h"
    settings.PARTICIPATION_RATE_PER_MOBILE = "100000/h"
    settings.TRACKING_LOOKUP_FAILURES_PER_IP = "100000/h"
    cache.clear()
    yield
    cache.clear()


def confirmed_seats(program):
    return Registration.objects.filter(program=program, state=Seat.CONFIRMED).aggregate(n=Sum("people"))["n"] or 0


def test_fifty_sign_ups_at_once_for_twenty_seats(tree, live_server, open_limits):
    program = add_program(tree.bagh, capacity=20, waitlist_capacity=40, max_people_per_signup=1)
    url = live_server.url + program.url
    count = 50
    browsers = [Resident(url) for _ in range(count)]
    run_all([browser.open_form for browser in browsers], workers=count)
    start = threading.Barrier(count, timeout=REQUEST_TIMEOUT)

    def sign_up(number, browser):
        start.wait()  # all fifty leave together
        return browser.send(answers(f"0912{number:07d}"))

    results = run_all([lambda n=n, b=b: sign_up(n, b) for n, b in enumerate(browsers)], workers=count)

    statuses = [status for status, _ in results]
    assert statuses == [200] * count, {status: statuses.count(status) for status in set(statuses)}
    states = list(Registration.objects.filter(program=program).values_list("state", flat=True))
    assert states.count(Seat.CONFIRMED) == 20 and states.count(Seat.WAITLISTED) == 30
    assert Submission.objects.filter(kind="registration").count() == 50  # none lost
    confirmed_pages = sum("ثبت‌نام شما قطعی شد" in html for _, html in results)
    waiting_pages = sum("در فهرست انتظار هستید" in html for _, html in results)
    assert (confirmed_pages, waiting_pages) == (20, 30)
    # each resident saw the code of their own registration
    shown = {tracking_code(html) for _, html in results}
    assert shown == set(Submission.objects.values_list("tracking_code", flat=True))

    # the waitlist's order is the order the database took them in: positions 1…30 with no gap or repeat
    positions = sorted(r.waitlist_position() for r in Registration.objects.filter(state=Seat.WAITLISTED))
    assert positions == list(range(1, 31))

    # one cancellation promotes exactly one
    first = Registration.objects.filter(program=program, state=Seat.CONFIRMED).select_related("submission").first()
    head = Registration.objects.filter(program=program).waiting_in_order().first()
    resident = Resident(url + "cancel/")
    resident.open_form_without_token()
    status, html = resident.post({"code": first.submission.tracking_code, "mobile": first.mobile})
    assert status == 200, html[:500]
    assert confirmed_seats(program) == 20
    assert Registration.objects.filter(program=program, state=Seat.WAITLISTED).count() == 29
    assert Registration.objects.get(pk=head.pk).state == Seat.CONFIRMED


def test_simultaneous_cancellations_promote_one_each_and_never_overfill(tree, live_server, open_limits):
    from programmes.seats import Signup, register

    program = add_program(tree.bagh, capacity=10, waitlist_capacity=20, max_people_per_signup=1)
    registrations = [register(program, Signup(name="ساکن", mobile=f"0935{n:07d}")) for n in range(20)]
    leaving = [r for r in registrations if r.state == Seat.CONFIRMED][:6]
    url = live_server.url + program.url + "cancel/"
    browsers = [Resident(url) for _ in leaving]
    for browser in browsers:
        browser.open_form_without_token()
    start = threading.Barrier(len(leaving), timeout=REQUEST_TIMEOUT)

    def leave(browser, registration):
        start.wait()
        return browser.post({"code": registration.submission.tracking_code, "mobile": registration.mobile})

    results = run_all([lambda b=b, r=r: leave(b, r) for b, r in zip(browsers, leaving)], workers=len(leaving))
    assert [status for status, _ in results] == [200] * 6
    assert confirmed_seats(program) == 10
    assert Registration.objects.filter(program=program, state=Seat.WAITLISTED).count() == 4
    assert Registration.objects.filter(program=program, state=Seat.CANCELLED).count() == 6
    promoted = Registration.objects.filter(program=program, promoted_at__isnull=False)
    # the first six who waited, in order
    assert set(promoted.values_list("pk", flat=True)) == {r.pk for r in registrations[10:16]}
