"""Programmes in the Wagtail admin: creating one through the real page editor, and the registrations screen
(scope, attendance, exports, messages, cancelling) for the staff of its neighbourhood only."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from forms import sms
from forms.models import SubmissionEvent
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from portal import jalali
from programmes.choices import Seat
from programmes.held import held_q, is_held, today_in_tehran
from programmes.models import Attendance, ProgramPage, ProgramSession, Registration
from programmes.seats import Signup, register
from tests.conftest import add_program, body_form

ADMIN = "/admin/programmes/"


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username=username, password="x", first_name=username)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def world(tree):
    cache.clear()
    sms.outbox.clear()
    w = type("World", (), {})()
    w.tree = tree
    w.program = add_program(tree.bagh, title="دوره خیاطی باغ خلج", capacity=2, waitlist_capacity=5)
    w.other = add_program(tree.esmaeil, slug="other", title="برنامه ویژه اسماعیل‌آباد")
    w.alice = register(w.program, Signup(name="آلیس باغی", mobile="09121110001", people=1))
    w.bahar = register(w.program, Signup(name="بهار باغی", mobile="09121110002", people=1))
    w.waiting = register(w.program, Signup(name="وحید منتظر", mobile="09121110003", people=1))
    w.secret = register(w.other, Signup(name="مریم اسماعیلی", mobile="09357654321", people=1))
    w.staff_a = make_user("staff_a", staff_group_name(tree.bagh))
    w.staff_b = make_user("staff_b", staff_group_name(tree.esmaeil))
    w.coordinator = make_user("coordinator", coordinator_group_name(tree.markazi))
    sms.outbox.clear()
    return w


def test_staff_see_their_programmes_and_registrations(client, world):
    client.force_login(world.staff_a)
    listing = client.get(ADMIN).content.decode()
    assert "دوره خیاطی باغ خلج" in listing and "برنامه ویژه اسماعیل‌آباد" not in listing
    page = client.get(f"{ADMIN}{world.program.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "آلیس باغی" in html and "بهار باغی" in html and "وحید منتظر" in html
    assert "۰۹۱۲***۰۰۰۱" in html and "09121110001" not in html and "0912***0001" not in html  # masked, Persian digits
    assert world.alice.submission.tracking_display in html


@pytest.mark.parametrize("path", ["", "export/?format=csv", "export/?format=xlsx"])
def test_another_neighbourhoods_programme_is_never_shown(client, world, path):
    client.force_login(world.staff_a)
    response = client.get(f"{ADMIN}{world.other.pk}/{path}", follow=True)
    body = response.content
    for needle in ["مریم اسماعیلی", "09357654321", world.secret.submission.tracking_code, world.secret.submission.tracking_display]:
        assert needle.encode() not in body
    assert "این برنامه پیدا نشد" in response.content.decode()


def test_posts_to_another_neighbourhoods_programme_change_nothing(client, world):
    world.other = move_sessions(world.other, -7, 0)  # held, so only the scope stands in the way
    client.force_login(world.staff_a)
    client.post(f"{ADMIN}{world.other.pk}/cancel/{world.secret.pk}/")
    client.post(f"{ADMIN}{world.other.pk}/message/", {"audience": "confirmed", "text": "سلام"})
    session = world.other.sorted_sessions()[0]
    client.post(f"{ADMIN}{world.other.pk}/attendance/", {f"present-{world.secret.pk}-{session.pk}": "on"})
    # and a registration of another programme through this programme's URL
    client.post(f"{ADMIN}{world.program.pk}/cancel/{world.secret.pk}/")
    assert Registration.objects.get(pk=world.secret.pk).state == Seat.CONFIRMED
    assert not Attendance.objects.exists()
    assert sms.outbox == []


def test_a_coordinator_sees_the_provinces_programmes_only(client, world):
    client.force_login(world.coordinator)
    assert client.get(f"{ADMIN}{world.program.pk}/").status_code == 200
    assert "مریم اسماعیلی".encode() not in client.get(f"{ADMIN}{world.other.pk}/", follow=True).content


def move_sessions(program, *days):
    """Put the programme's sessions on these days from today in Tehran (signed up before, held now)."""
    today = today_in_tehran()
    for session, offset in zip(program.sorted_sessions(), days, strict=True):
        ProgramSession.objects.filter(pk=session.pk).update(date=today + datetime.timedelta(days=offset))
    return ProgramPage.objects.get(pk=program.pk)


def test_attendance_is_saved_per_session_and_can_be_undone(client, world):
    world.program = move_sessions(world.program, -7, 0)
    client.force_login(world.staff_a)
    first, second = world.program.sorted_sessions()
    url = f"{ADMIN}{world.program.pk}/attendance/"
    client.post(url, {f"present-{world.alice.pk}-{first.pk}": "on", f"present-{world.bahar.pk}-{second.pk}": "on"})
    marked = set(Attendance.objects.filter(present=True).values_list("registration", "session"))
    assert marked == {(world.alice.pk, first.pk), (world.bahar.pk, second.pk)}
    # the waitlisted person cannot be marked, and unticking removes a mark
    client.post(url, {f"present-{world.alice.pk}-{first.pk}": "on", f"present-{world.waiting.pk}-{first.pk}": "on"})
    marked = set(Attendance.objects.filter(present=True).values_list("registration", "session"))
    assert marked == {(world.alice.pk, first.pk)}
    html = client.get(f"{ADMIN}{world.program.pk}/").content.decode()
    assert "۱ حاضر" in html


def test_a_session_whose_day_has_not_come_takes_no_attendance(client, world):
    world.program = move_sessions(world.program, 0, 1)  # today and tomorrow, in Tehran
    today, tomorrow = world.program.sorted_sessions()
    client.force_login(world.staff_a)
    url = f"{ADMIN}{world.program.pk}/attendance/"
    # Tomorrow's box alongside today's: refused whole, in Persian, with nothing saved.
    response = client.post(url, {f"present-{world.alice.pk}-{today.pk}": "on", f"present-{world.alice.pk}-{tomorrow.pk}": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "حضور جلسه‌ای که روزش هنوز نرسیده است ثبت نمی‌شود" in html and jalali.format_date(tomorrow.date) in html
    assert not Attendance.objects.exists()
    # Today's alone is saved.
    assert client.post(url, {f"present-{world.alice.pk}-{today.pk}": "on"}).status_code == 302
    assert set(Attendance.objects.filter(present=True).values_list("registration", "session")) == {(world.alice.pk, today.pk)}
    # The screen offers no box to tick for tomorrow, and says why.
    html = client.get(f"{ADMIN}{world.program.pk}/").content.decode()
    assert f'name="present-{world.alice.pk}-{today.pk}"' in html
    assert f'name="present-{world.alice.pk}-{tomorrow.pk}"' not in html
    assert "هنوز برگزار نشده" in html


def test_a_session_is_held_from_the_start_of_its_day_in_tehran(world):
    """20:30 UTC is midnight in Tehran (+03:30): the session of 1 Azar 1404 (22 November 2025) is held from
    20:30 UTC on 21 November, while it is still the 21st in UTC."""
    world.program.sessions.all().update(date=datetime.date(2025, 11, 22))
    session = world.program.sessions.first()
    before = datetime.datetime(2025, 11, 21, 20, 29, 59, tzinfo=datetime.timezone.utc)
    midnight = datetime.datetime(2025, 11, 21, 20, 30, tzinfo=datetime.timezone.utc)
    assert not is_held(session, before) and is_held(session, midnight)
    held = ProgramSession.objects.filter(page=world.program)
    assert not held.filter(held_q(before)).exists()
    assert held.filter(held_q(midnight)).count() == 2


def test_exports_have_jalali_dates_bom_and_attendance(client, world):
    client.force_login(world.staff_a)
    first = world.program.sorted_sessions()[0]
    Attendance.objects.create(registration=world.alice, session=first, present=True)
    response = client.get(f"{ADMIN}{world.program.pk}/export/?format=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    day = jalali.to_jalali_date(first.date)
    assert rows[0][-2] == f"حضور {day.year:04d}/{day.month:02d}/{day.day:02d}"
    by_name = {row[3]: row for row in rows[1:]}
    assert by_name["آلیس باغی"][1] == "قطعی" and by_name["آلیس باغی"][-2] == "حاضر"
    assert by_name["وحید منتظر"][1] == "فهرست انتظار" and by_name["وحید منتظر"][2] == "1"
    registered = jalali.to_jalali_date(timezone.localtime(world.alice.created_at))
    assert by_name["آلیس باغی"][7].startswith(f"{registered.year:04d}/{registered.month:02d}/{registered.day:02d}")
    assert "مریم اسماعیلی" not in body
    assert SubmissionEvent.objects.filter(action="exported", submission=world.alice.submission).exists()

    xlsx = client.get(f"{ADMIN}{world.program.pk}/export/?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.sheet_view.rightToLeft
    names = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(["آلیس باغی", "بهار باغی", "وحید منتظر"])


def test_staff_cancel_promotes_the_first_waiting_person_and_tells_them(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{ADMIN}{world.program.pk}/cancel/{world.alice.pk}/", follow=True)
    assert "از فهرست انتظار قطعی شدند" in response.content.decode()
    assert Registration.objects.get(pk=world.waiting.pk).state == Seat.CONFIRMED
    assert [message["to"] for message in sms.outbox] == ["09121110003"]
    event = SubmissionEvent.objects.filter(submission=world.alice.submission, action="changed").first()
    assert event.user == world.staff_a


def test_message_goes_to_the_chosen_registrants(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.staff_a)
    url = f"{ADMIN}{world.program.pk}/message/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"audience": "confirmed", "text": "جلسه فردا در سرای محله است."})
    assert sorted(message["to"] for message in sms.outbox) == ["09121110001", "09121110002"]
    assert all("جلسه فردا" in message["text"] for message in sms.outbox)
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"audience": "waitlisted", "text": "هنوز جا باز نشده است."})
    assert [message["to"] for message in sms.outbox] == ["09121110003"]
    empty = client.post(url, {"audience": "confirmed", "text": ""})
    assert empty.status_code == 400
    too_long = client.post(url, {"audience": "confirmed", "text": "پ" * 301})
    assert too_long.status_code == 400


def test_the_page_editor_shows_a_registrations_button(client, world):
    client.force_login(world.staff_a)
    html = client.get(f"/admin/pages/{world.program.pk}/edit/").content.decode()
    assert f"{ADMIN}{world.program.pk}/" in html


def programme_form_data(sessions):
    return nested_form_data(
        {
            "title": "دوره آموزش رایانه",
            "slug": "computer",
            "kind": "course",
            "audience": "youth",
            "summary": "آموزش رایانه برای جوانان محله.",
            "body": body_form("<p>ده جلسه آموزش.</p>"),
            "sessions": inline_formset(sessions),
            "partner_links": inline_formset([]),
            "venue_name": "سرای محله",
            "venue_address": "",
            "cost_rials": "۰",
            "organiser": "",
            "partners": "",
            "signup_enabled": "on",
            "capacity": "۲۰",
            "waitlist_capacity": "10",
            "max_people_per_signup": "2",
            "national_code": "no",
            "signup_opens": "",
            "signup_closes": "",
            "cancellation_note": "",
            "action-publish": "publish",
        }
    )


def test_staff_create_a_programme_with_jalali_session_dates_in_the_admin(client, world):
    client.force_login(world.staff_a)
    url = f"/admin/pages/add/programmes/programpage/{world.tree.bagh.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, programme_form_data([{"date": "۱۴۰۵/۱۰/۰۱", "starts": "16:00", "ends": "18:00", "note": ""}]))
    assert response.status_code == 302, response.content.decode()[:2000]
    program = ProgramPage.objects.get(slug="computer")
    assert program.live and program.neighborhood_id == world.tree.bagh.pk
    session = program.sessions.get()
    assert session.date == datetime.date(2026, 12, 22)  # 1 Dey 1405
    assert program.starts_at == datetime.datetime(2026, 12, 22, 16, tzinfo=jalali.tehran_tz())


def test_a_programme_without_sessions_is_refused_in_the_admin(client, world):
    client.force_login(world.staff_a)
    url = f"/admin/pages/add/programmes/programpage/{world.tree.bagh.pk}/"
    response = client.post(url, programme_form_data([]))
    assert response.status_code == 200
    assert not ProgramPage.objects.filter(slug="computer").exists()
    bad_times = client.post(url, programme_form_data([{"date": "۱۴۰۵/۱۰/۰۱", "starts": "18:00", "ends": "16:00", "note": ""}]))
    assert "ساعت پایان باید پس از ساعت شروع باشد" in bad_times.content.decode()
    assert not ProgramPage.objects.filter(slug="computer").exists()


def test_staff_cannot_add_a_programme_under_another_neighbourhood(client, world):
    client.force_login(world.staff_a)
    url = f"/admin/pages/add/programmes/programpage/{world.tree.esmaeil.pk}/"
    client.post(url, programme_form_data([{"date": "۱۴۰۵/۱۰/۰۱", "starts": "16:00", "ends": "18:00", "note": ""}]))
    assert not ProgramPage.objects.filter(slug="computer").exists()


def test_the_venue_must_be_an_asset_of_the_same_neighbourhood(client, world):
    from tests.directory_helpers import add_asset

    ours = add_asset(world.tree.bagh, "مسجد محله", can_host_programmes=True)
    theirs = add_asset(world.tree.esmaeil, "مسجد محله دیگر", can_host_programmes=True)
    client.force_login(world.staff_a)
    url = f"/admin/pages/add/programmes/programpage/{world.tree.bagh.pk}/"
    session = [{"date": "۱۴۰۵/۱۰/۰۱", "starts": "16:00", "ends": "18:00", "note": ""}]
    refused = client.post(url, {**programme_form_data(session), "venue": str(theirs.pk)})
    assert "مکان باید یکی از ظرفیت‌های همین محله باشد" in refused.content.decode()
    assert not ProgramPage.objects.filter(slug="computer").exists()
    client.post(url, {**programme_form_data(session), "venue": str(ours.pk)})
    assert ProgramPage.objects.get(slug="computer").venue_id == ours.pk
