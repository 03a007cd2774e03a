"""Agency logins: an agency's contact person sees only the resolutions assigned to that agency in the
neighbourhoods it serves, adds progress notes and proposes a status that the office confirms; no other
login reaches those screens, and the agency reaches nothing else."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from council.accounts import ensure_agency_account
from council.choices import Status
from council.models import Agency, AgencyAccount, Resolution
from directory.accounts import ensure_organization_account
from forms.models import Submission
from neighborhoods.permissions import staff_group_name
from tests.test_council import meeting, resolve

pytestmark = pytest.mark.django_db

AGENCY = "/admin/council/agency/"


@pytest.fixture
def world(tree):
    class World:
        pass

    w = World()
    w.tree = tree
    here, there = meeting(tree.bagh), meeting(tree.esmaeil)
    w.ours = resolve(here, "بهزیستی برای سه خانواده بی‌سرپرست پرونده حمایتی باز کند.", "welfare", due_in=-2)
    w.ours_internal = resolve(meeting(tree.bagh, public=False), "بهزیستی خانواده ساکن کوچه نهم را بپذیرد.", "welfare")
    w.relief_here = resolve(here, "کمیته امداد سبد معیشتی خانواده‌های باغ خلج را برساند.", "relief")
    w.welfare_there = resolve(there, "بهزیستی اسماعیل‌آباد مهد کودک محله را پشتیبانی کند.", "welfare")
    w.case = Submission.objects.create(neighborhood=tree.bagh, form_title="فرم", name="نام پنهان", mobile="09121234567")
    w.ours.cases.add(w.case)
    w.welfare, _ = ensure_agency_account(Agency.objects.get(slug="welfare"), "welfare-arak", [tree.bagh], password="x")
    w.relief, _ = ensure_agency_account(Agency.objects.get(slug="relief"), "relief-arak", [tree.bagh], password="x")
    w.welfare_qom, _ = ensure_agency_account(Agency.objects.get(slug="welfare"), "welfare-qom", [tree.esmaeil], password="x")
    w.staff = get_user_model().objects.create_user("staff_a", password="x")
    w.staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    w.other_staff = get_user_model().objects.create_user("staff_b", password="x")
    w.other_staff.groups.add(Group.objects.get(name=staff_group_name(tree.esmaeil)))
    from directory.models import DirectoryIndexPage

    directory = tree.home.add_child(instance=DirectoryIndexPage(title="سمن‌ها", slug="directory"))
    w.ngo, _ = ensure_organization_account(directory, "ngo", password="x")
    return w


def logged_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_an_agency_sees_its_own_resolutions_in_its_neighbourhoods_only(world):
    html = logged_in(world.welfare).get(AGENCY).content.decode()
    assert str(world.ours) in html and str(world.ours_internal) in html  # assigned to it, internal or not
    assert str(world.relief_here) not in html and str(world.welfare_there) not in html
    assert "گذشته از مهلت" in html
    overdue = logged_in(world.welfare).get(AGENCY, {"status": "overdue"}).content.decode()
    assert str(world.ours) in overdue and str(world.ours_internal) not in overdue


def test_a_progress_note_and_a_proposed_status_wait_for_the_office(world):
    client = logged_in(world.welfare)
    url = f"{AGENCY}{world.ours.pk}/"
    page = client.get(url).content.decode()
    assert world.ours.text in page and "نام پنهان" not in page  # the case it answers is the office's, not the agency's

    refused = client.post(url, {"text": "", "proposed_status": "done"})
    assert refused.status_code == 400 and "بنویسید چه کاری انجام شد" in refused.content.decode()
    assert not world.ours.notes.exists()

    assert client.post(url, {"text": "دو خانواده پرونده گرفتند.", "proposed_status": "done"}).status_code == 302
    resolution = Resolution.objects.get(pk=world.ours.pk)
    note = resolution.notes.get()
    assert (note.author, note.text) == (world.welfare, "دو خانواده پرونده گرفتند.")
    assert resolution.status == Status.OPEN and resolution.proposed_status == Status.DONE
    assert resolution.proposed_by == world.welfare

    # The office sees the proposal in its list and on the resolution's screen, and accepts it.
    office = logged_in(world.staff)
    assert "پیشنهاد دستگاه: انجام شد" in office.get("/admin/council_resolutions/").content.decode()
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = nested_form_data({
        "text": resolution.text, "agency": resolution.agency_id, "organization": "", "due_date": "", "status": "open",
        "public": "on", "reason": "", "case_codes": "", "accept_proposal": "on",
        "notes": inline_formset([{"id": note.pk, "date": "۱۴۰۴/۰۹/۰۱", "text": note.text}]),
    })
    assert office.post(f"/admin/council_resolutions/edit/{resolution.pk}/", data).status_code == 302
    resolution.refresh_from_db()
    assert resolution.status == Status.DONE and resolution.proposed_status == "" and resolution.proposed_by is None


@pytest.mark.parametrize("who", ["relief", "welfare_qom", "other_staff", "staff", "ngo", None])
def test_no_other_login_reaches_an_agencys_resolution(world, who):
    client = logged_in(getattr(world, who) if who else None)
    url = f"{AGENCY}{world.ours.pk}/"
    own_list = who in ("relief", "welfare_qom")  # an agency's own list answers, without this resolution
    for response in (client.get(AGENCY), client.get(url), client.post(url, {"text": "نفوذ", "proposed_status": "done"})):
        expected = (200, 302, 404) if own_list and response.request["PATH_INFO"] == AGENCY else (302, 404)
        assert response.status_code in expected, (who, response.status_code)
        assert world.ours.text not in response.content.decode() and str(world.ours) not in response.content.decode()
    assert not world.ours.notes.exists() and Resolution.objects.get(pk=world.ours.pk).proposed_status == ""


def test_an_agency_login_reaches_nothing_else(world):
    client = logged_in(world.welfare)
    for url in (
        "/admin/inbox/", f"/admin/inbox/{world.case.pk}/", "/admin/inbox/export/?format=csv", "/admin/council_resolutions/",
        f"/admin/council_resolutions/edit/{world.ours.pk}/", "/admin/council_meetings/", "/admin/reports/",
        f"/admin/pages/{world.tree.bagh.pk}/",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code in (200, 302, 403, 404), url
        assert "نام پنهان" not in body.decode() and world.relief_here.text not in body.decode(), url
    assert AGENCY in client.get("/admin/").content.decode()  # its menu item
    assert AGENCY not in logged_in(world.staff).get("/admin/").content.decode()


def test_the_command_makes_an_account_for_an_agency_and_its_neighbourhoods(world):
    out = io.StringIO()
    call_command("agency_account", "health", "health-arak", "bagh-khalaj", stdout=out)
    account = AgencyAccount.objects.get(user__username="health-arak")
    assert account.agency.slug == "health" and list(account.neighborhoods.all()) == [world.tree.bagh]
    assert "گذرواژه نخست" in out.getvalue()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("agency_account", "nope", "x", "bagh-khalaj", stdout=io.StringIO())


def test_the_responsible_body_is_reminded_once_before_the_due_date(world, settings):
    import datetime

    from django.core import mail

    from council.models.resolution import today_in_tehran
    from council.reminders import send_reminders
    from tests.test_council import meeting as make_meeting

    settings.RESOLUTION_REMINDER_DAYS = 3
    world.welfare.email = "welfare@example.org"
    world.welfare.save()
    office = get_user_model().objects.create_user("office", email="office@example.org", password="x")
    office.groups.add(Group.objects.get(name=staff_group_name(world.tree.bagh)))
    here = make_meeting(world.tree.bagh)
    soon = resolve(here, "بهزیستی تا سه روز دیگر فهرست خانواده‌ها را بفرستد.", "welfare", due_in=2)
    municipality_soon = resolve(here, "شهرداری چاله خیابان یاس را پر کند.", "municipality", due_in=3)
    later = resolve(here, "بهزیستی کارگاه مهارت برگزار کند.", "welfare", due_in=10)
    finished = resolve(here, "بهزیستی بسته‌ها را برساند.", "welfare", due_in=1, status=Status.DONE)

    assert send_reminders() == 2
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"welfare@example.org", "office@example.org"}  # no welfare login is asked for the municipality
    assert soon.text in sent["welfare@example.org"].body and f"/admin/council/agency/{soon.pk}/" in sent["welfare@example.org"].body
    assert municipality_soon.text in sent["office@example.org"].body
    assert "یادآوری مهلت" in sent["welfare@example.org"].subject
    assert later.text not in "".join(m.body for m in mail.outbox) and finished.text not in "".join(m.body for m in mail.outbox)

    mail.outbox.clear()
    assert send_reminders() == 0 and not mail.outbox  # once per due date
    soon.due_date = today_in_tehran() + datetime.timedelta(days=1)
    soon.save()
    assert send_reminders() == 1 and [m.to for m in mail.outbox] == [["welfare@example.org"]]
