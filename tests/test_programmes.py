"""Programmes on the public site: status from the data, sign-up with seats and a waitlist, cancelling with
the tracking code, and what a programme page tells machines (JSON-LD, iCalendar)."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.cache import cache
from django.utils import timezone

from forms import sms
from forms.models import Submission, SubmissionEvent
from forms.pipeline import new_form_token
from programmes.choices import Seat, Status
from programmes.models import Registration
from programmes.seats import Signup, cancel, register
from tests.conftest import add_program, signup_answers

TEHRAN = ZoneInfo("Asia/Tehran")
TRACKING_CODE = re.compile(r'data-tracking-code="([0-9]{8})"')


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    sms.outbox.clear()
    yield
    cache.clear()


def post_signup(client, program, **answers):
    data = signup_answers(**answers)
    data.setdefault("form_token", new_form_token())
    return client.post(program.url, data)


def signup(program, mobile, people=1):
    return register(program, Signup(name="ساکن محله", mobile=mobile, people=people))


# --- status -----------------------------------------------------------------------------------


def test_status_follows_dates_seats_and_flags(tree):
    program = add_program(tree.bagh, capacity=2, waitlist_capacity=5)
    assert program.status() == Status.OPEN
    signup(program, "09120000001", people=2)
    program = type(program).objects.get(pk=program.pk)
    assert program.status() == Status.FULL

    first_start = program.starts_at
    assert program.status(now=first_start + datetime.timedelta(minutes=1)) == Status.RUNNING
    assert program.status(now=program.ends_at + datetime.timedelta(minutes=1)) == Status.FINISHED

    later = add_program(tree.bagh, slug="later", signup_opens=timezone.localdate() + datetime.timedelta(days=3))
    assert later.status() == Status.UPCOMING
    program.cancelled = True
    assert program.status() == Status.CANCELLED


def test_derived_columns_are_the_first_start_and_last_end_in_tehran_time(tree):
    program = add_program(tree.bagh, sessions=3)
    sessions = program.sorted_sessions()
    assert program.starts_at == datetime.datetime.combine(sessions[0].date, datetime.time(16), tzinfo=TEHRAN)
    assert program.ends_at == datetime.datetime.combine(sessions[-1].date, datetime.time(18), tzinfo=TEHRAN)
    assert program.neighborhood_id == tree.bagh.pk


# --- sign-up ----------------------------------------------------------------------------------


def test_signup_confirms_a_seat_and_shows_the_tracking_code(client, tree, django_capture_on_commit_callbacks):
    program = add_program(tree.bagh)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signup(client, program, people="۲")
    html = response.content.decode()
    assert response.status_code == 200
    assert "ثبت‌نام شما قطعی شد" in html
    submission = Submission.objects.get()
    assert TRACKING_CODE.search(html).group(1) == submission.tracking_code
    assert submission.kind == "registration" and submission.page_id == program.pk
    assert submission.neighborhood_id == tree.bagh.pk
    assert submission.mobile == "09123456789" and submission.name == "زهرا کریمی"
    registration = submission.registration
    assert (registration.state, registration.people) == (Seat.CONFIRMED, 2)
    assert SubmissionEvent.objects.filter(submission=submission, action="created").count() == 1
    # the resident gets the code by SMS
    assert sms.outbox[-1]["to"] == "09123456789" and submission.tracking_display in sms.outbox[-1]["text"]


def test_a_full_programme_puts_people_on_the_waitlist_in_order(client, tree):
    program = add_program(tree.bagh, capacity=1, waitlist_capacity=2)
    assert post_signup(client, program, mobile="09120000001").status_code == 200
    response = post_signup(client, program, mobile="09120000002")
    assert response.status_code == 200
    assert "در فهرست انتظار هستید" in response.content.decode()
    assert "نفر ۱ فهرست انتظار" in response.content.decode()
    page = client.get(program.url).content.decode()
    assert "ثبت‌نام در فهرست انتظار" in page
    states = list(Registration.objects.order_by("pk").values_list("state", flat=True))
    assert states == [Seat.CONFIRMED, Seat.WAITLISTED]


def test_a_full_waitlist_refuses_with_a_persian_message_and_stores_nothing(client, tree):
    program = add_program(tree.bagh, capacity=1, waitlist_capacity=0)
    post_signup(client, program, mobile="09120000001")
    response = post_signup(client, program, mobile="09120000002")
    assert response.status_code == 409
    assert "ظرفیت این برنامه و فهرست انتظار آن تکمیل است" in response.content.decode()
    assert Submission.objects.count() == 1 and Registration.objects.count() == 1


def test_closed_signup_is_refused(client, tree):
    program = add_program(tree.bagh, signup_closes=timezone.localdate() - datetime.timedelta(days=1))
    response = post_signup(client, program)
    assert response.status_code == 409
    assert "ثبت‌نام این برنامه اکنون باز نیست" in response.content.decode()
    assert not Submission.objects.exists()
    not_yet = add_program(tree.bagh, slug="soon", signup_opens=timezone.localdate() + datetime.timedelta(days=2))
    page = client.get(not_yet.url).content.decode()
    assert "ثبت‌نام از" in page and 'name="mobile"' not in page
    assert post_signup(client, not_yet).status_code == 409


def test_signup_without_online_registration_has_no_form(client, tree):
    program = add_program(tree.bagh, signup_enabled=False)
    page = client.get(program.url).content.decode()
    assert "ثبت‌نام برخط ندارد" in page and 'name="mobile"' not in page
    assert post_signup(client, program).status_code == 409


@pytest.mark.parametrize(
    "answers, field_message",
    [
        ({"mobile": "0912345"}, "شماره همراه باید ۱۱ رقم باشد"),
        ({"mobile": "۰۸۶۱۲۳۴۵۶۷۸"}, "شماره همراه باید ۱۱ رقم باشد"),
        ({"name": ""}, "لازم"),
        ({"people": "۹"}, "دست‌بالا ۴ نفر"),
        ({"people": "0"}, "دست‌کم یک نفر"),
        ({"people": "دو"}, "یک عدد درست بنویسید"),
        ({"consent": ""}, "باید این بند را بپذیرید"),
    ],
)
def test_bad_input_gets_a_persian_message_and_changes_nothing(client, tree, answers, field_message):
    program = add_program(tree.bagh)
    response = post_signup(client, program, **answers)
    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert not Submission.objects.exists() and not Registration.objects.exists()


def test_the_same_mobile_cannot_sign_up_twice_but_can_again_after_cancelling(client, tree):
    program = add_program(tree.bagh)
    post_signup(client, program, mobile="09121112233")
    response = post_signup(client, program, mobile="+98 912 111 2233")
    assert response.status_code == 409
    assert "پیش‌تر در این برنامه ثبت‌نام شده است" in response.content.decode()
    assert Registration.objects.count() == 1
    cancel(Registration.objects.get())
    assert post_signup(client, program, mobile="09121112233").status_code == 200
    assert Registration.objects.active().count() == 1


def test_the_same_form_posted_twice_makes_one_registration(client, tree):
    program = add_program(tree.bagh)
    token = new_form_token()
    first = post_signup(client, program, form_token=token)
    second = post_signup(client, program, form_token=token)
    assert first.status_code == second.status_code == 200
    assert Registration.objects.count() == 1
    code = Submission.objects.get().tracking_code
    assert TRACKING_CODE.search(second.content.decode()).group(1) == code


def test_honeypot_and_forged_token_are_refused(client, tree):
    program = add_program(tree.bagh)
    assert post_signup(client, program, website="http://spam.example").status_code == 400
    assert post_signup(client, program, form_token="forged").status_code == 400
    assert not Submission.objects.exists()


def test_national_code_asked_per_programme(client, tree):
    program = add_program(tree.bagh, national_code="required")
    response = post_signup(client, program)
    assert response.status_code == 400
    assert post_signup(client, program, national_code="۱۲۳۴۵۶۷۸۹۰").status_code == 400
    assert post_signup(client, program, national_code="۰۴۹۹۳۷۰۸۹۹").status_code == 200
    assert Submission.objects.get().national_code == "0499370899"
    quiet = add_program(tree.bagh, slug="quiet")
    assert 'name="national_code"' not in client.get(quiet.url).content.decode()


def test_group_sign_up_counts_every_seat(tree):
    program = add_program(tree.bagh, capacity=5, waitlist_capacity=10)
    assert signup(program, "09120000001", people=4).state == Seat.CONFIRMED
    # two more do not fit in the one seat left: the group waits together
    assert signup(program, "09120000002", people=2).state == Seat.WAITLISTED
    assert signup(program, "09120000003", people=1).state == Seat.CONFIRMED


# --- cancelling and the waitlist ------------------------------------------------------------


def test_a_resident_cancels_with_code_and_mobile_and_the_first_waiting_person_moves_up(
    client, tree, django_capture_on_commit_callbacks
):
    program = add_program(tree.bagh, capacity=1, waitlist_capacity=5)
    first = signup(program, "09120000001")
    second = signup(program, "09120000002")
    third = signup(program, "09120000003")
    sms.outbox.clear()
    cancel_url = program.url + "cancel/"

    wrong = client.post(cancel_url, {"code": first.submission.tracking_code, "mobile": "09120000009"})
    assert wrong.status_code == 404
    assert "پیدا نشد" in wrong.content.decode()
    assert Registration.objects.get(pk=first.pk).state == Seat.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            cancel_url, {"code": first.submission.tracking_display.replace("-", " - "), "mobile": "۰۹۱۲۰۰۰۰۰۰۱"}
        )
    assert response.status_code == 200
    assert "لغو شد" in response.content.decode()
    states = dict(Registration.objects.values_list("pk", "state"))
    assert states == {first.pk: Seat.CANCELLED, second.pk: Seat.CONFIRMED, third.pk: Seat.WAITLISTED}
    assert Submission.objects.get(pk=first.submission_id).status.slug == "cancelled"
    assert [message["to"] for message in sms.outbox] == ["09120000002"]
    assert "باز شد" in sms.outbox[0]["text"]
    # cancelling again changes nothing
    again = client.post(cancel_url, {"code": first.submission.tracking_code, "mobile": "09120000001"})
    assert again.status_code == 404


def test_cancelling_a_waitlisted_place_promotes_nobody(tree):
    program = add_program(tree.bagh, capacity=1, waitlist_capacity=5)
    signup(program, "09120000001")
    waiting = signup(program, "09120000002")
    behind = signup(program, "09120000003")
    assert cancel(waiting) == []
    assert Registration.objects.get(pk=behind.pk).state == Seat.WAITLISTED


def test_the_waitlist_is_served_in_order_even_when_a_smaller_group_behind_would_fit(tree):
    program = add_program(tree.bagh, capacity=2, waitlist_capacity=10)
    holder = signup(program, "09120000001", people=2)
    big = signup(program, "09120000002", people=2)
    small = signup(program, "09120000003", people=1)
    promoted = cancel(holder)
    assert [registration.pk for registration in promoted] == [big.pk]
    assert Registration.objects.get(pk=small.pk).state == Seat.WAITLISTED


def test_publishing_a_larger_capacity_confirms_waiting_people(tree):
    program = add_program(tree.bagh, capacity=1, waitlist_capacity=5)
    signup(program, "09120000001")
    waiting = [signup(program, f"0912000000{n}") for n in (2, 3)]
    program.capacity = 2
    program.save_revision().publish()
    states = [Registration.objects.get(pk=r.pk).state for r in waiting]
    assert states == [Seat.CONFIRMED, Seat.WAITLISTED]


def test_wrong_cancel_guesses_are_limited(client, tree, settings):
    settings.TRACKING_LOOKUP_FAILURES_PER_IP = "3/h"
    program = add_program(tree.bagh)
    for _ in range(3):
        assert client.post(program.url + "cancel/", {"code": "12345678", "mobile": "09120000001"}).status_code == 404
    assert client.post(program.url + "cancel/", {"code": "12345678", "mobile": "09120000001"}).status_code == 429


def test_the_tracking_page_shows_a_cancelled_registration(client, tree):
    program = add_program(tree.bagh)
    registration = signup(program, "09121234567")
    cancel(registration)
    response = client.post("/track/", {"code": registration.submission.tracking_code, "last_digits": "4567"})
    assert response.status_code == 200
    assert "لغو شد" in response.content.decode()


# --- what machines read ---------------------------------------------------------------------


def test_programme_page_carries_schema_org_event_json_ld(client, tree):
    program = add_program(tree.bagh, sessions=2, cost_rials=1_500_000, venue_name="سرای محله باغ خلج")
    html = client.get(program.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    sessions = program.sorted_sessions()
    assert data["@type"] == "Event" and data["name"] == program.title
    assert datetime.datetime.fromisoformat(data["startDate"]) == sessions[0].start_datetime
    assert data["startDate"].endswith("+03:30")
    assert datetime.datetime.fromisoformat(data["endDate"]) == sessions[-1].end_datetime
    assert len(data["subEvent"]) == 2
    assert data["location"]["name"] == "سرای محله باغ خلج"
    assert data["offers"]["price"] == "1500000" and data["isAccessibleForFree"] is False
    assert data["remainingAttendeeCapacity"] == 20
    assert "۱۵۰٬۰۰۰ تومان" in html


def test_json_ld_cannot_be_closed_by_page_text(client, tree):
    program = add_program(tree.bagh, summary="</script><script>alert(1)</script>")
    html = client.get(program.url).content.decode()
    assert "<script>alert(1)" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["description"] == "</script><script>alert(1)</script>"


def parse_ical(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_programme_ical_has_each_session_in_tehran_time(client, tree):
    program = add_program(tree.bagh, sessions=2, venue_name="مسجد جامع")
    calendar = parse_ical(client.get(program.url + "ical/"))
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    for event, session in zip(sorted(events, key=lambda e: e["DTSTART"].dt), program.sorted_sessions()):
        start = event["DTSTART"].dt
        assert start.tzinfo is not None and event["DTSTART"].params["TZID"] == "Asia/Tehran"
        assert start == session.start_datetime
        # 16:00 in Tehran is 12:30 UTC
        assert start.astimezone(datetime.timezone.utc).time() == datetime.time(12, 30)
        assert event["DTEND"].dt == session.end_datetime
        assert str(event["SUMMARY"]) == program.title
        assert str(event["LOCATION"]) == "مسجد جامع"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Tehran"


def test_cancelled_programme_is_cancelled_in_ical(client, tree):
    program = add_program(tree.bagh, cancelled=True, cancellation_note="برگزارکننده نتوانست بیاید.")
    events = parse_ical(client.get(program.url + "ical/")).walk("VEVENT")
    assert {str(event["STATUS"]) for event in events} == {"CANCELLED"}
    html = client.get(program.url).content.decode()
    assert "این برنامه لغو شده است" in html and "برگزارکننده نتوانست بیاید" in html


def test_the_tracking_page_shows_the_seat_and_a_cancel_link(client, tree):
    program = add_program(tree.bagh, capacity=1, waitlist_capacity=5)
    signup(program, "09120000001")
    waiting = signup(program, "09121234567", people=2)
    response = client.post("/track/", {"code": waiting.submission.tracking_code, "last_digits": "۴۵۶۷"})
    html = response.content.decode()
    assert "فهرست انتظار" in html and "نفر ۱ فهرست انتظار" in html and "(۲ نفر)" in html
    assert f"{program.url}cancel/?code={waiting.submission.tracking_code}" in html


def test_a_programme_held_at_an_asset_links_to_it_and_the_asset_lists_it(client, tree):
    from tests.directory_helpers import add_asset

    hall = add_asset(tree.bagh, "سرای محله باغ خلج", kind="neighbourhood_house", can_host_programmes=True, address="خیابان یاس")
    program = add_program(tree.bagh, venue=hall, venue_name="")
    html = client.get(program.url).content.decode()
    assert f'<a href="{hall.url}">سرای محله باغ خلج</a>، خیابان یاس' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    location = json.loads(block)["location"]
    assert location["name"] == "سرای محله باغ خلج" and location["geo"]["latitude"] == 34.0917
    event = icalendar.Calendar.from_ical(client.get(program.url + "ical/").content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "سرای محله باغ خلج، خیابان یاس"
    asset_html = client.get(hall.url).content.decode()
    assert "برنامه‌هایی که اینجا برگزار می‌شود" in asset_html and program.title in asset_html


def test_partner_organisations_are_linked_both_ways_and_in_json_ld(client, tree):
    from programmes.models import ProgramPartner
    from tests.directory_helpers import add_directory, add_organization

    directory = add_directory(tree)
    charity = add_organization(directory, "خیریه مهر", [tree.bagh])
    ngo = add_organization(directory, "سمن همراه", [tree.bagh])
    program = add_program(
        tree.bagh,
        partner_links=[
            ProgramPartner(organization=charity, role="sponsor", sort_order=0),
            ProgramPartner(organization=ngo, role="organiser", sort_order=1),
        ],
    )
    html = client.get(program.url).content.decode()
    assert f'<a href="{charity.url}">خیریه مهر</a>' in html and "حامی مالی" in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["organizer"]["name"] == "سمن همراه" and data["funder"][0]["name"] == "خیریه مهر"
    org_html = client.get(ngo.url).content.decode()
    assert "برنامه‌های پیش رو" in org_html and program.title in org_html
