"""Council meetings and resolutions: overdue worked out in Tehran's day, counts by hand, the public
decisions page (with its feed and CSV) holding only public resolutions of public meetings, /track/ telling
the resident what the council decided on their case, and the admin scoped like the inbox."""

import csv
import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from council.choices import Status
from council.models import Agency, Meeting, ProgressNote, Resolution
from council.models.resolution import today_in_tehran
from forms.models import Submission
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from portal import jalali
from portal.digits import to_persian_digits

pytestmark = pytest.mark.django_db

TEHRAN = ZoneInfo("Asia/Tehran")
INTERNAL_WORDS = "پرونده خانواده معتاد کوچه نهم"


def agency(slug):
    return Agency.objects.get(slug=slug)


def meeting(neighborhood, days_ago=30, public=True, **fields):
    held = timezone.now() - datetime.timedelta(days=days_ago)
    return Meeting.objects.create(
        neighborhood=neighborhood, held_at=held, place="سرای محله", agenda="روشنایی کوچه‌ها\nپسماند", public=public, **fields
    )


def resolve(meeting_, text, slug="municipality", due_in=10, status=Status.OPEN, public=True, **fields):
    due = today_in_tehran() + datetime.timedelta(days=due_in) if due_in is not None else None
    return Resolution.objects.create(
        meeting=meeting_, text=text, agency=agency(slug), due_date=due, status=status, public=public, **fields
    )


@pytest.fixture
def world(tree):
    cache.clear()

    class World:
        pass

    w = World()
    w.tree = tree
    w.public = meeting(tree.bagh)
    w.internal = meeting(tree.bagh, days_ago=20, public=False, minutes=INTERNAL_WORDS)
    w.done = resolve(w.public, "شهرداری چراغ‌های کوچه هفتم یاس را تعمیر کند.", status=Status.DONE, due_in=-5)
    w.overdue = resolve(w.public, "بهزیستی برای سه خانواده بی‌سرپرست پرونده حمایتی باز کند.", "welfare", due_in=-3)
    w.progress = resolve(w.public, "مدرسه محله کلاس تقویتی عصرها برگزار کند.", "education", status=Status.IN_PROGRESS, due_in=20)
    w.failed = resolve(
        w.public, "کلانتری گشت شبانه بوستان را دو برابر کند.", "police", status=Status.NOT_DONE, due_in=-1,
        reason="نیروی کافی در کلانتری نبود.",
    )
    w.hidden_in_public = resolve(w.public, "جلسه جداگانه با خانواده آقای الف برگزار شود.", "office", public=False)
    w.hidden = resolve(w.internal, INTERNAL_WORDS, "relief")
    ProgressNote.objects.create(resolution=w.progress, date=today_in_tehran(), text="کلاس ریاضی از شنبه آغاز شد.")
    w.elsewhere = resolve(meeting(tree.esmaeil), "کمیته امداد بسته معیشتی اسماعیل‌آباد را برساند.", "relief")
    w.staff = get_user_model().objects.create_user("staff_a", password="x")
    w.staff.groups.add(Group.objects.get(name=staff_group_name(tree.bagh)))
    w.other_staff = get_user_model().objects.create_user("staff_b", password="x")
    w.other_staff.groups.add(Group.objects.get(name=staff_group_name(tree.esmaeil)))
    w.coordinator = get_user_model().objects.create_user("coordinator", password="x")
    w.coordinator.groups.add(Group.objects.get(name=coordinator_group_name(tree.markazi)))
    return w


def decisions_url(w, neighborhood=None):
    return f"{(neighborhood or w.tree.bagh).url}decisions/"


# --- overdue, in Tehran's day ---------------------------------------------------------------------


def test_a_resolution_due_on_the_last_day_of_aban_is_overdue_only_from_the_first_minute_of_azar(world, monkeypatch):
    due = jalali.parse_date("1404/08/30")  # the last day of Aban 1404
    world.overdue.due_date = due
    world.overdue.save()

    def at(text):
        moment = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=TEHRAN)
        monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(datetime.timezone.utc))
        return world.overdue.is_overdue(), Resolution.objects.overdue().filter(pk=world.overdue.pk).exists()

    assert due == datetime.date(2025, 11, 21)
    assert at("2025-11-21 23:59") == (False, False)
    # 00:00 in Tehran is still the 21st in UTC (20:30): the day is Tehran's, not the server's.
    assert at("2025-11-22 00:00") == (True, True)
    world.overdue.status = Status.DONE
    world.overdue.save()
    assert at("2025-12-30 12:00") == (False, False)  # done is never overdue


def test_counts_per_status_are_the_public_ones_counted_by_hand(world):
    from council.neighborhood_section import counts

    found = counts(Resolution.objects.public().filter(neighborhood=world.tree.bagh), today_in_tehran())
    assert found == {"open": 1, "in_progress": 1, "done": 1, "not_done": 1, "overdue": 1, "total": 4}


# --- the public page, its feed and CSV -------------------------------------------------------------


def test_the_decisions_page_shows_public_resolutions_with_status_responsible_and_progress(world, client):
    response = client.get(decisions_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    for resolution in (world.done, world.overdue, world.progress, world.failed):
        assert resolution.text in html
    assert "نیروی کافی در کلانتری نبود." in html and "کلاس ریاضی از شنبه آغاز شد." in html
    assert "گذشته از مهلت" in html and "بهزیستی" in html
    assert to_persian_digits(jalali.format_numeric(world.overdue.due_date)).split("/")[0] in html
    assert 'lang="fa"' in html and 'dir="rtl"' in html


def test_nothing_internal_is_on_any_public_surface(world, client):
    surfaces = [
        world.tree.bagh.url,
        decisions_url(world),
        decisions_url(world) + "feed/",
        decisions_url(world) + "csv/",
        decisions_url(world) + "?status=open",
        "/api/v2/pages/?type=neighborhoods.NeighborhoodPage&fields=*",
        "/sitemap.xml",
        "/search/?q=" + "خانواده",
    ]
    for url in surfaces:
        response = client.get(url)
        body = response.content.decode("utf-8", "replace")
        assert response.status_code in (200, 404), (url, response.status_code)
        assert INTERNAL_WORDS not in body and world.hidden_in_public.text not in body, url
        assert world.elsewhere.text not in body, url


def test_filters_sort_and_paging(world, client, settings):
    only_overdue = client.get(decisions_url(world), {"status": "overdue"}).content.decode()
    assert world.overdue.text in only_overdue and world.done.text not in only_overdue
    by_agency = client.get(decisions_url(world), {"agency": "education"}).content.decode()
    assert world.progress.text in by_agency and world.overdue.text not in by_agency
    by_due = client.get(decisions_url(world), {"sort": "due"}).content.decode()
    assert by_due.index(world.done.text) < by_due.index(world.overdue.text) < by_due.index(world.progress.text)
    settings.DECISIONS_PER_PAGE = 2
    assert client.get(decisions_url(world), {"page": "2"}).status_code == 200
    missing = client.get(decisions_url(world), {"page": "9"})
    assert missing.status_code == 404 and 'lang="fa"' in missing.content.decode()


def test_the_feed_and_the_csv_hold_the_public_resolutions(world, client):
    feed = client.get(decisions_url(world) + "feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert len(re.findall(r"<item>", feed.content.decode())) == 4
    response = client.get(decisions_url(world) + "csv/")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 5 and rows[0][0] == "meeting_date"
    by_text = {row[2]: row for row in rows[1:]}
    assert by_text[world.overdue.text][6] == "1" and by_text[world.done.text][6] == "0"
    assert by_text[world.progress.text][7] == "کلاس ریاضی از شنبه آغاز شد."


def test_the_neighbourhood_page_summarises_and_follows_a_change(world, client):
    html = client.get(world.tree.bagh.url).content.decode()
    assert "مصوبه‌های شورای محله" in html and to_persian_digits("4") in html
    world.overdue.status = Status.DONE
    world.overdue.save()
    cache_after = client.get(decisions_url(world), {"status": "overdue"}).content.decode()
    assert world.overdue.text not in cache_after


@pytest.mark.parametrize("where", ["decisions", "neighbourhood"])
def test_the_decisions_page_costs_the_same_queries_with_4_or_60_resolutions(world, client, where):
    url = decisions_url(world) if where == "decisions" else world.tree.bagh.url

    def queries():
        cache.clear()  # cold: nothing kept, every section rendered
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries()  # the process's own first-use lookups (content types, locales), as on any later request
    few = queries()
    extra = meeting(world.tree.bagh, days_ago=5)
    for number in range(56):
        made = resolve(extra, f"مصوبه آزمایشی {number}", ["municipality", "welfare", "relief"][number % 3], due_in=number - 20)
        ProgressNote.objects.create(resolution=made, text=f"گزارش {number}")
    many = queries()
    assert many == few, (few, many)
    assert few <= 21


# --- /track/ ---------------------------------------------------------------------------------------


def test_track_tells_the_resident_what_the_council_decided_on_their_case(world, client):
    case = Submission.objects.create(
        neighborhood=world.tree.bagh, form_title="گزارش مسئله محله", name="لیلا", mobile="09120001101"
    )
    world.done.cases.add(case)
    world.hidden.cases.add(case)  # an internal resolution on the same case stays unsaid
    response = client.post("/track/", {"code": case.tracking_code, "last_digits": "1101"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "در شورای محله" in html and world.done.text in html and "شهرداری" in html
    assert jalali.format_date(world.public.held_at) in html
    assert INTERNAL_WORDS not in html


# --- the admin, scoped like the inbox --------------------------------------------------------------


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_list_and_open_only_their_own_neighbourhoods_meetings_and_resolutions(world):
    client = logged_in(world.staff)
    meetings = client.get("/admin/council_meetings/").content.decode()
    resolutions = client.get("/admin/council_resolutions/").content.decode()
    assert world.tree.bagh.title in meetings and world.tree.esmaeil.title not in meetings
    assert world.overdue.text[:40] in resolutions and world.elsewhere.text[:40] not in resolutions
    assert client.get(f"/admin/council_resolutions/edit/{world.overdue.pk}/").status_code == 200

    other_meeting = world.elsewhere.meeting
    for url in (
        f"/admin/council_meetings/edit/{other_meeting.pk}/",
        f"/admin/council_meetings/delete/{other_meeting.pk}/",
        f"/admin/council_meetings/history/{other_meeting.pk}/",
        f"/admin/council_resolutions/edit/{world.elsewhere.pk}/",
        f"/admin/council_resolutions/delete/{world.elsewhere.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert world.elsewhere.text not in response.content.decode(), url
    assert client.post(f"/admin/council_resolutions/delete/{world.elsewhere.pk}/").status_code == 404
    assert Resolution.objects.filter(pk=world.elsewhere.pk).exists()


@pytest.mark.parametrize("who", ["other_staff", None])
def test_nobody_outside_reaches_a_resolution(world, who):
    client = logged_in(getattr(world, who)) if who else Client()
    for url in ("/admin/council_resolutions/", f"/admin/council_resolutions/edit/{world.overdue.pk}/"):
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert world.overdue.text not in response.content.decode(), url


def meeting_form(w, **overrides):
    data = {
        "neighborhood": w.tree.bagh.pk,
        "body": "council",
        "committee": "",
        "held_at": "۱۴۰۴/۰۸/۲۰ ۱۷:۰۰",
        "place_asset": "",
        "place": "مسجد جامع محله",
        "public": "on",
        "agenda": "روشنایی\nپسماند",
        "minutes": "",
        "attendees": inline_formset([{"kind": "member", "member": "", "name": "علی رضایی", "organization": ""}]),
        "attachments": inline_formset([]),
        "resolutions": inline_formset(
            [
                {"text": f"مصوبه {n}", "agency": agency("municipality").pk, "organization": "", "due_date": "۱۴۰۴/۰۹/۳۰",
                 "status": "open", "public": "on"}
                for n in range(3)
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_a_meeting_with_attendees_and_three_resolutions_is_recorded_on_one_screen(world):
    client = logged_in(world.staff)
    response = client.post("/admin/council_meetings/new/", meeting_form(world))
    assert response.status_code == 302, response.content.decode()[:3000]
    made = Meeting.objects.latest("pk")
    assert made.created_by == world.staff and made.neighborhood == world.tree.bagh
    held = made.held_at.astimezone(TEHRAN)
    assert (jalali.to_jalali_date(held).year, jalali.to_jalali_date(held).month, jalali.to_jalali_date(held).day) == (1404, 8, 20)
    assert (held.hour, held.minute) == (17, 0)
    assert list(made.attendees.values_list("name", flat=True)) == ["علی رضایی"]
    assert [r.text for r in made.resolutions.all()] == ["مصوبه 0", "مصوبه 1", "مصوبه 2"]
    assert {r.neighborhood_id for r in made.resolutions.all()} == {world.tree.bagh.pk}
    assert {r.due_date for r in made.resolutions.all()} == {jalali.parse_date("1404/09/30")}


def test_a_meeting_cannot_be_filed_under_another_neighbourhood_and_nothing_is_half_saved(world):
    client = logged_in(world.staff)
    before = (Meeting.objects.count(), Resolution.objects.count())
    response = client.post("/admin/council_meetings/new/", meeting_form(world, neighborhood=world.tree.esmaeil.pk))
    assert response.status_code == 200  # the form again, with the error
    assert (Meeting.objects.count(), Resolution.objects.count()) == before


def test_a_not_done_resolution_needs_its_reason_and_cases_link_by_tracking_code_in_scope(world):
    client = logged_in(world.staff)
    own = Submission.objects.create(neighborhood=world.tree.bagh, form_title="فرم", name="الف", mobile="09120000009")
    theirs = Submission.objects.create(neighborhood=world.tree.esmaeil, form_title="فرم", name="ب", mobile="09120000008")
    url = f"/admin/council_resolutions/edit/{world.overdue.pk}/"

    def post(**overrides):
        data = {
            "text": world.overdue.text, "agency": world.overdue.agency_id, "organization": "", "due_date": "۱۴۰۴/۰۹/۳۰",
            "status": "open", "public": "on", "reason": "", "case_codes": "",
            "notes": inline_formset([]),
        }
        data.update(overrides)
        return client.post(url, nested_form_data(data))

    refused = post(status="not_done")
    assert refused.status_code == 200 and "بنویسید چرا" in refused.content.decode()
    leak = post(case_codes=theirs.tracking_code)
    assert leak.status_code == 200 and "در صندوق این محله نیست" in leak.content.decode()
    assert not world.overdue.cases.exists()
    done = post(
        case_codes=to_persian_digits(own.tracking_display),
        status="in_progress",
        notes=inline_formset([{"date": "۱۴۰۴/۰۹/۰۱", "text": "بهزیستی دو پرونده را باز کرد."}]),
    )
    assert done.status_code == 302
    world.overdue.refresh_from_db()
    assert list(world.overdue.cases.all()) == [own] and world.overdue.status == "in_progress"
    note = world.overdue.notes.get()
    assert note.author == world.staff and note.text == "بهزیستی دو پرونده را باز کرد."


# --- open data -------------------------------------------------------------------------------------


def test_the_api_lists_public_resolutions_with_status_and_responsible_body(world, client):
    response = client.get("/api/v2/resolutions/", {"neighborhood": world.tree.bagh.pk})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["text"] for item in items} == {r.text for r in (world.done, world.overdue, world.progress, world.failed)}
    overdue = next(item for item in items if item["text"] == world.overdue.text)
    assert overdue["status"] == "open" and overdue["overdue"] is True and overdue["agency"] == "welfare"
    assert overdue["responsible"] == "بهزیستی" and overdue["neighborhood"]["id"] == world.tree.bagh.pk
    assert overdue["due_date"] == world.overdue.due_date.isoformat()
    detail = client.get(f"/api/v2/resolutions/{world.progress.pk}/").json()
    assert detail["progress"] == [{"date": today_in_tehran().isoformat(), "text": "کلاس ریاضی از شنبه آغاز شد."}]
    only_overdue = client.get("/api/v2/resolutions/", {"overdue": "1"}).json()["items"]
    assert [item["text"] for item in only_overdue] == [world.overdue.text]
    for hidden in (world.hidden, world.hidden_in_public):
        assert client.get(f"/api/v2/resolutions/{hidden.pk}/").status_code == 404
    everything = client.get("/api/v2/resolutions/").content.decode()
    assert INTERNAL_WORDS not in everything and world.hidden_in_public.text not in everything
    assert client.get("/api/v2/resolutions/", {"status": "nonsense"}).status_code == 400


# --- what a cache does with it ---------------------------------------------------------------------


def test_a_resolution_change_makes_its_neighbourhood_stale_and_no_other(world, settings):
    from portal.caching import store

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    reader = Client()
    urls = [decisions_url(world), world.tree.bagh.url, decisions_url(world, world.tree.esmaeil), world.tree.esmaeil.url]
    for url in urls:
        reader.get(url)
    assert {reader.get(url)["X-Page-Cache"] for url in urls} == {"hit"}

    world.overdue.status = Status.DONE
    world.overdue.save()

    states = {url: reader.get(url)["X-Page-Cache"] for url in urls}
    assert states[decisions_url(world)] == states[world.tree.bagh.url] == "miss"
    assert states[decisions_url(world, world.tree.esmaeil)] == states[world.tree.esmaeil.url] == "hit"
    assert "گذشته از مهلت" not in reader.get(decisions_url(world), {"status": "overdue"}).content.decode().split("decision-list")[-1]


def test_staff_editing_a_resolution_never_fill_the_public_cache(world, settings):
    from portal.caching import store

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    staff = logged_in(world.staff)
    assert staff.get(decisions_url(world)).get("X-Page-Cache") is None  # a session: never read or kept
    assert Client().get(decisions_url(world))["X-Page-Cache"] == "miss"


# --- the dashboard and the monthly report ----------------------------------------------------------


def test_the_dashboard_and_the_monthly_report_count_the_months_meetings_and_resolutions(world):
    from reports.figures import council
    from reports.periods import month_period
    from reports.views.monthly import make_report
    from neighborhoods.models import NeighborhoodPage

    today = jalali.to_jalali_date(today_in_tehran())
    period = month_period(today.year, today.month)
    # By hand: the fixture's two Bagh-e Khalaj meetings were held 30 and 20 days ago; one more today.
    this_month = meeting(world.tree.bagh, days_ago=0)
    resolve(this_month, "شهرداری سطل‌های تفکیک زباله را در سه کوچه بگذارد.", status=Status.DONE, due_in=5)
    held_in_month = Meeting.objects.filter(
        neighborhood=world.tree.bagh, held_at__gte=period.start, held_at__lt=period.end
    ).count()
    made_in_month = Resolution.objects.filter(
        neighborhood=world.tree.bagh, meeting__held_at__gte=period.start, meeting__held_at__lt=period.end
    ).count()

    found = council(NeighborhoodPage.objects.filter(pk=world.tree.bagh.pk), period)
    summary = [row["count"] for row in found["summary"]]
    # Done this month: the fixture's done one (created today, so closed today) and today's.
    # Pending now: overdue, progress, hidden_in_public, hidden (internal counts here); overdue now: world.overdue.
    assert summary == [held_in_month, made_in_month, 2, 4, 1]
    by_agency = {row["label"]: (row["pending"], row["overdue"], row["done"]) for row in found["by_agency"]}
    assert by_agency["بهزیستی"] == (1, 1, 0) and by_agency["شهرداری"] == (0, 0, 2)

    staff = get_user_model().objects.create_user("reporter", password="x")
    report = make_report(world.tree.bagh, today.year, today.month, "", staff)
    assert [row["count"] for row in report.figures["council"]["summary"]] == summary
    printed = logged_in(world.staff).get(f"/admin/reports/monthly/{report.pk}/").content.decode()
    assert "جلسه‌ها و مصوبه‌های شورا" in printed and "بهزیستی" in printed


# --- the province's view ---------------------------------------------------------------------------

OVERVIEW = "/admin/reports/council/"


def test_a_coordinator_sees_open_and_overdue_per_agency_and_neighbourhood_with_a_csv(world):
    from neighborhoods.models import NeighborhoodPage

    client = logged_in(world.coordinator)
    response = client.get(OVERVIEW, {"province": world.tree.markazi.pk})
    assert response.status_code == 200
    by_agency = {row["label"]: (row["pending"], row["overdue"]) for row in response.context["by_agency"]}
    # By hand, Markazi (Bagh-e Khalaj only here): welfare 1 overdue; education 1 in progress; the office
    # 1 open (internal counts: these are the office's figures); relief 1 open in the internal meeting; the
    # municipality none open, listed for the one it finished this month.
    assert by_agency == {
        "بهزیستی": (1, 1), "آموزش و پرورش": (1, 0), "دفتر تسهیلگری محله": (1, 0), "کمیته امداد امام خمینی": (1, 0),
        "شهرداری": (0, 0),
    }
    rows = response.context["by_neighborhood"]
    assert [(row["label"], row["pending"], row["overdue"]) for row in rows] == [(world.tree.bagh.title, 4, 1)]
    assert world.tree.esmaeil.title not in response.content.decode()
    exported = client.get(OVERVIEW, {"province": world.tree.markazi.pk, "format": "csv"})
    text = exported.content.decode("utf-8")
    from reports.periods import month_period

    today = jalali.to_jalali_date(today_in_tehran())
    period = month_period(today.year, today.month)
    held = Meeting.objects.filter(neighborhood=world.tree.bagh, held_at__gte=period.start, held_at__lt=period.end).count()
    assert text.startswith("\ufeff") and f"neighborhood,{world.tree.bagh.title},{held},4,1,1" in text.replace("\r", "")


@pytest.mark.parametrize("who", ["other_staff", None])
def test_nobody_outside_the_province_reads_its_overview(world, who):
    client = logged_in(getattr(world, who)) if who else Client()
    response = client.get(OVERVIEW, {"province": world.tree.markazi.pk})
    assert response.status_code == 302
    own = client.get(OVERVIEW)
    assert world.tree.bagh.title not in own.content.decode() and world.overdue.text not in own.content.decode()


def test_the_overview_costs_the_same_queries_with_few_or_many_resolutions(world):
    client = logged_in(world.coordinator)

    def queries():
        client.get(OVERVIEW)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(OVERVIEW, {"province": world.tree.markazi.pk}).status_code == 200
        return len(captured)

    few = queries()
    extra = meeting(world.tree.bagh, days_ago=3)
    for number in range(40):
        resolve(extra, f"مصوبه شمارش {number}", ["municipality", "welfare", "health", "police"][number % 4], due_in=number - 20)
    assert queries() == few


def test_the_minutes_print_for_staff_in_scope_only(world):
    Attendee = world.public.attendees.model
    Attendee.objects.create(meeting=world.public, name="علی رضایی", kind="member")
    page = logged_in(world.staff).get(f"/admin/council/minutes/{world.public.pk}/")
    html = page.content.decode()
    assert page.status_code == 200 and 'dir="rtl"' in html
    assert "علی رضایی" in html and world.overdue.text in html and "روشنایی کوچه‌ها" in html
    assert jalali.format_date(world.public.held_at) in html
    assert f"/admin/council/minutes/{world.public.pk}/" in logged_in(world.staff).get(
        f"/admin/council_meetings/edit/{world.public.pk}/"
    ).content.decode()
    for who in (world.other_staff, None):
        response = (logged_in(who) if who else Client()).get(f"/admin/council/minutes/{world.public.pk}/")
        assert response.status_code in (302, 404) and world.overdue.text not in response.content.decode()


def test_a_meetings_papers_are_uploaded_on_its_screen_and_streamed_to_staff_in_scope_only(world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = str(tmp_path)
    client = logged_in(world.staff)
    data = meeting_form(world, attachments=inline_formset([{"title": "صورت‌جلسه امضاشده", "file": SimpleUploadedFile(
        "minutes.pdf", b"%PDF-1.4 signed minutes", content_type="application/pdf")}]))
    response = client.post("/admin/council_meetings/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    paper = Meeting.objects.latest("pk").attachments.get()
    assert paper.file.name.startswith("private/council/") and "minutes" not in paper.file.name

    url = f"/admin/council/attachments/{paper.pk}/"
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 signed minutes"
    assert "private" in download["Cache-Control"] and "no-store" in download["Cache-Control"]
    assert url in client.get(f"/admin/council/minutes/{paper.meeting_id}/").content.decode()
    for who in (world.other_staff, None):
        refused = (logged_in(who) if who else Client()).get(url)
        assert refused.status_code in (302, 404)

    bad = meeting_form(world, attachments=inline_formset([{"title": "نقشه", "file": SimpleUploadedFile(
        "map.svg", b"<svg onload=alert(1)>", content_type="image/svg+xml")}]))
    before = Meeting.objects.count()
    assert client.post("/admin/council_meetings/new/", bad).status_code == 200
    assert Meeting.objects.count() == before


def test_every_council_screen_is_persian(world):
    from council.accounts import ensure_agency_account
    from tests.test_admin_catalogue import ALLOWED_LATIN, visible_text

    agency_user, _ = ensure_agency_account(agency("welfare"), "welfare-bagh", [world.tree.bagh], password="x")
    screens = {
        world.staff: [
            "/admin/council_meetings/", "/admin/council_meetings/new/", f"/admin/council_meetings/edit/{world.public.pk}/",
            "/admin/council_resolutions/", "/admin/council_resolutions/?overdue=1",
            f"/admin/council_resolutions/edit/{world.overdue.pk}/", f"/admin/council/minutes/{world.public.pk}/",
            f"/admin/council_meetings/delete/{world.public.pk}/", "/admin/reports/council/",
        ],
        agency_user: ["/admin/council/agency/", f"/admin/council/agency/{world.overdue.pk}/"],
        None: [decisions_url(world)],
    }
    for user, urls in screens.items():
        client = logged_in(user) if user else Client()
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            text = visible_text(response.content.decode())
            # "None": the empty counter Wagtail keeps in a hidden element of its side-panel toggle.
            latin = set(re.findall(r"[A-Za-z][A-Za-z'-]+", text)) - ALLOWED_LATIN - {"RSS", "CSV", "PDF", "None"}
            assert not latin, (url, sorted(latin))
            # Wagtail's own listing chrome (its pager, its result count) prints Latin digits on every model list;
            # our own screens must not.
            if not url.startswith(("/admin/council_meetings/", "/admin/council_resolutions/")):
                assert not re.search(r"[0-9]", text), (url, re.findall(r".{20}[0-9].{5}", text)[:3])


# --- the English page ------------------------------------------------------------------------------


def test_the_english_neighbourhood_shows_its_councils_decisions_marked_persian_and_follows_a_change(world, settings):
    from portal.caching import store
    from tests.test_neighborhood_translations import translate

    english = translate(world.tree.bagh, "Bagh Khalaj")
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    store._local.clear()
    reader = Client()
    url = f"{english.url}decisions/"
    html = reader.get(url).content.decode()
    assert 'lang="en"' in html and "Bagh Khalaj" in html
    assert f'<p class="card__title decision__text" lang="fa" dir="rtl">{world.overdue.text}</p>' in html
    assert INTERNAL_WORDS not in html and world.hidden_in_public.text not in html
    assert "Overdue" in html and "Responsible:" in html
    page = reader.get(english.url).content.decode()
    assert world.overdue.text in page  # the page's own section, too
    persian = Client().get(decisions_url(world)).content.decode()
    assert f'<p class="card__title decision__text">{world.overdue.text}</p>' in persian

    assert reader.get(url)["X-Page-Cache"] == "hit"
    world.overdue.text = "بهزیستی برای چهار خانواده پرونده حمایتی باز کند."
    world.overdue.save()
    assert reader.get(url)["X-Page-Cache"] == "miss"
    assert world.overdue.text in reader.get(url).content.decode()
