"""The office's dashboard, the safety map of defenceless spaces, needs-assessment results and monthly
reports: every figure against hand-counted data, Jalali month boundaries in Tehran time, scoping through
real admin URLs, query budgets, and bad input."""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forms.models import FormField, ParticipationFormPage, Status, Submission, SubmissionEvent
from neighborhoods.permissions import coordinator_group_name, staff_group_name
from programmes.models import Attendance, ProgramPage, ProgramSession, Registration
from reports import figures
from reports.periods import month_period

pytestmark = pytest.mark.django_db

UTC = datetime.timezone.utc
DASHBOARD = "/admin/reports/"
STAFF_MAP = "/admin/reports/safety/"
PUBLIC_MAP = "/safety-map/"
# Aban 1404 runs from 23 October to 21 November 2025 (Gregorian).
ABAN = {"year": "1404", "month": "8"}
OTHER_SECRET = "گزارش محرمانه اسماعیل‌آباد"


def at(*args):
    """An aware datetime given in UTC."""
    return datetime.datetime(*args, tzinfo=UTC)


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def form_page(neighborhood, slug, kind, fields):
    page = ParticipationFormPage(title=f"فرم {slug}", slug=slug, kind=kind)
    page.form_fields = [FormField(**field) for field in fields]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return page


PROBLEM_FIELDS = [
    {"label": "موضوع", "key": "topic", "field_type": "dropdown", "choices": "فضای بی‌دفاع شهری\nروشنایی"},
    {"label": "شرح", "key": "description", "field_type": "multiline"},
    {"label": "موقعیت", "key": "location", "field_type": "location"},
]


def submit(page, neighborhood, created, data=None, status=None, **fields):
    submission = Submission.objects.create(
        page=page,
        neighborhood=neighborhood,
        form_title=page.title if page else "ثبت‌نام",
        data=data or {},
        labels={key: key for key in (data or {})},
        types={},
        status=status or Status.objects.initial(),
        **fields,
    )
    Submission.objects.filter(pk=submission.pk).update(created_at=created)
    submission.created_at = created
    return submission


def event(submission, user, action, created, changes=None):
    item = SubmissionEvent.objects.create(submission=submission, user=user, action=action, changes=changes or {})
    SubmissionEvent.objects.filter(pk=item.pk).update(created_at=created)
    return item


def programme(neighborhood, slug, dates, capacity=10, cancelled=False):
    page = ProgramPage(title=f"برنامه {slug}", slug=slug, summary="خلاصه", capacity=capacity, cancelled=cancelled)
    page.sessions = [ProgramSession(date=day, starts=datetime.time(16), ends=datetime.time(18)) for day in dates]
    neighborhood.add_child(instance=page)
    page.save_revision().publish()
    return ProgramPage.objects.get(pk=page.pk)


def sign_up(program, mobile, people=1, state="confirmed"):
    submission = Submission.objects.create(
        kind="registration", page=program, neighborhood=program.neighborhood, form_title=program.title, mobile=mobile
    )
    return Registration.objects.create(submission=submission, program=program, mobile=mobile, people=people, state=state)


@pytest.fixture
def world(tree):
    w = SimpleNamespace(tree=tree)
    w.done = Status.objects.get(slug="done")
    w.in_review = Status.objects.get(slug="in_review")
    w.new = Status.objects.initial()
    w.staff_a = make_user("staff_a", staff_group_name(tree.bagh), first_name="سارا", last_name="باغی")
    w.helper_a = make_user("helper_a", staff_group_name(tree.bagh), first_name="نادر", last_name="کمکی")
    w.staff_b = make_user("staff_b", staff_group_name(tree.esmaeil))
    w.coordinator = make_user("coord", coordinator_group_name(tree.markazi))
    w.second = tree.add_neighborhood(tree.markazi, "رودکی", "roudaki", "اراک")
    w.second_staff = make_user("staff_second", staff_group_name(w.second))

    w.problem = form_page(tree.bagh, "problem", "problem_report", PROBLEM_FIELDS)
    w.survey = form_page(
        tree.bagh,
        "survey",
        "needs_assessment",
        [
            {"label": "مسئله اصلی", "key": "main", "field_type": "radio", "choices": "اعتیاد\nبیکاری\nروشنایی"},
            {"label": "رضایت", "key": "rating", "field_type": "scale"},
            {"label": "دوره‌ها", "key": "courses", "field_type": "checkboxes", "choices": "خیاطی\nرایانه\nآشپزی"},
            {"label": "پیشنهاد", "key": "idea", "field_type": "multiline"},
        ],
    )
    w.problem_b = form_page(tree.esmaeil, "problem-b", "problem_report", PROBLEM_FIELDS)

    # --- Aban 1404 in Bagh-e Khalaj ---------------------------------------------------------------
    # 23:30 Tehran on 30 Aban (the month's last day) is 20:00 UTC: in Aban.
    w.last_minute = submit(w.problem, tree.bagh, at(2025, 11, 21, 20, 0), {"topic": "روشنایی"}, assignee=w.staff_a)
    # 00:00 Tehran on 1 Aban is 20:30 UTC on 22 October: in Aban.
    w.first_minute = submit(w.problem, tree.bagh, at(2025, 10, 22, 20, 30), {"topic": "روشنایی"}, status=w.done)
    w.survey_1 = submit(
        w.survey,
        tree.bagh,
        at(2025, 11, 1, 8, 0),
        {"main": "اعتیاد", "rating": "2", "courses": ["خیاطی", "رایانه"], "idea": "کلاس آگاهی اعتیاد برای مادرها"},
        status=w.in_review,
        assignee=w.helper_a,
    )
    w.survey_2 = submit(
        w.survey,
        tree.bagh,
        at(2025, 11, 2, 8, 0),
        {"main": "اعتیاد", "rating": "4", "courses": ["خیاطی"], "idea": "كلاس‌های آگاهی و ورزش برای جوانان"},
    )
    w.survey_3 = submit(
        w.survey, tree.bagh, at(2025, 11, 3, 8, 0), {"main": "بیکاری", "rating": "5", "courses": [], "idea": ""}
    )
    # Outside Aban: 00:00 Tehran on 1 Azar (20:30 UTC on 21 November) and 23:59 Tehran on 30 Mehr.
    w.next_month = submit(w.problem, tree.bagh, at(2025, 11, 21, 20, 30), {"topic": "روشنایی"})
    w.last_month = submit(w.problem, tree.bagh, at(2025, 10, 22, 20, 29), {"topic": "روشنایی"}, status=w.done)

    # First responses: 2 h (a change by staff), 10 h (the public reply, before the change at 20 h).
    # A view by staff and the "created" row are not responses.
    event(w.last_minute, w.staff_a, "viewed", at(2025, 11, 21, 20, 30))
    event(w.last_minute, w.staff_a, "changed", at(2025, 11, 21, 22, 0), {"assignee": ["", "سارا باغی"]})
    event(w.first_minute, None, "created", at(2025, 10, 22, 20, 30))
    Submission.objects.filter(pk=w.first_minute.pk).update(replied_at=at(2025, 10, 23, 6, 30), public_reply="درست شد")
    event(w.first_minute, w.staff_a, "changed", at(2025, 10, 23, 16, 30), {"status": ["تازه", "انجام شد"]})
    # survey_1: status changed after 30 h (in review, not closed): a first response of 30 h.
    event(w.survey_1, w.helper_a, "changed", at(2025, 11, 2, 14, 0), {"status": ["تازه", "در حال بررسی"]})

    # --- Programmes in Aban -------------------------------------------------------------------------
    w.course = programme(
        tree.bagh, "sewing", [datetime.date(2025, 11, 1), datetime.date(2025, 11, 8), datetime.date(2025, 11, 25)]
    )
    first, second, _later = w.course.sorted_sessions()
    r1, r2 = sign_up(w.course, "09120000001", people=2), sign_up(w.course, "09120000002")
    sign_up(w.course, "09120000003", state="waitlisted")
    sign_up(w.course, "09120000004", state="cancelled")
    Attendance.objects.create(registration=r1, session=first, present=True)
    Attendance.objects.create(registration=r2, session=first, present=True)
    Attendance.objects.create(registration=r1, session=second, present=True)
    Attendance.objects.create(registration=r2, session=second, present=False)
    w.cancelled_course = programme(tree.bagh, "cancelled", [datetime.date(2025, 11, 5)], cancelled=True)
    w.later_course = programme(tree.bagh, "later", [datetime.date(2025, 12, 5)])

    # --- The other neighbourhood (another province) ------------------------------------------------
    w.other = submit(
        w.problem_b,
        tree.esmaeil,
        at(2025, 11, 5, 8, 0),
        {"topic": "فضای بی‌دفاع شهری", "description": OTHER_SECRET},
        latitude=Decimal("34.641234"),
        longitude=Decimal("50.881234"),
        private_notes=OTHER_SECRET,
        confirmed=True,
    )
    w.other_course = programme(tree.esmaeil, "qom-course", [datetime.date(2025, 11, 10)])
    return w


def client_for(client, user):
    client.force_login(user)
    return client


# --- periods -----------------------------------------------------------------------------------------


def test_a_jalali_month_is_a_range_of_tehran_days():
    aban = month_period(1404, 8)
    assert (aban.first, aban.last) == (datetime.date(2025, 10, 23), datetime.date(2025, 11, 21))
    assert aban.start == datetime.datetime(2025, 10, 22, 20, 30, tzinfo=UTC)
    assert aban.end == datetime.datetime(2025, 11, 21, 20, 30, tzinfo=UTC)
    esfand = month_period(1404, 12)
    assert esfand.last == datetime.date(2026, 3, 20)
    assert esfand.next_month().first == datetime.date(2026, 3, 21)


# --- the figures -------------------------------------------------------------------------------------


def test_programmes_count_only_the_sessions_whose_day_has_come_in_tehran(world):
    """The sewing course meets on 1 and 8 November 2025 in Aban. Its second session is held from Tehran's
    midnight, 20:30 UTC on 7 November; before that second, it is neither a session held nor one whose
    attendance counts, and before the first the course is not a programme held at all."""
    scope = world.tree.bagh.__class__.objects.filter(pk=world.tree.bagh.pk)
    aban = month_period(1404, 8)

    def sewing(now):
        data = figures.programmes(scope, aban, now=now)
        return data["held"], [(item["sessions"], item["present"], item["expected"]) for item in data["items"]]

    assert sewing(at(2025, 10, 31, 20, 29, 59)) == (0, [])
    assert sewing(at(2025, 10, 31, 20, 30)) == (1, [(1, 2, 2)])
    assert sewing(at(2025, 11, 7, 20, 29, 59)) == (1, [(1, 2, 2)])
    assert sewing(at(2025, 11, 7, 20, 30)) == (1, [(2, 3, 4)])


def test_dashboard_figures_by_hand(world):
    w = world
    data = figures.dashboard(w.tree.bagh.__class__.objects.filter(pk=w.tree.bagh.pk), month_period(1404, 8))
    subs = data["submissions"]
    # 2 problem reports (the first and the last minute) and 3 surveys; the sign-ups were made today,
    # outside Aban.
    assert subs["total"] == 5
    assert {row["label"]: row["count"] for row in subs["by_kind"]} == {"گزارش مسئله": 2, "نیازسنجی": 3}
    by_status = {row["name"]: row["count"] for row in subs["by_status"]}
    assert by_status == {w.new.name: 3, w.in_review.name: 1, w.done.name: 1}
    table = {row["label"]: dict(zip(subs["statuses"], row["counts"])) for row in subs["table"]}
    assert table["گزارش مسئله"] == {w.new.name: 1, w.in_review.name: 0, w.done.name: 1}
    assert table["نیازسنجی"] == {w.new.name: 2, w.in_review.name: 1, w.done.name: 0}

    days = {point["date"]: point["count"] for point in data["over_time"]["points"]}
    assert len(days) == 30
    assert days["2025-10-23"] == 1  # 1 Aban: the first minute
    assert days["2025-11-21"] == 1  # 30 Aban: the last minute, 23:30 in Tehran
    assert days["2025-11-01"] == days["2025-11-02"] == days["2025-11-03"] == 1
    assert sum(days.values()) == 5

    response = data["response"]
    # First responses: 2 h, 10 h and 30 h → median 10 h.
    assert response["first_response_count"] == 3
    assert response["first_response_seconds"] == 10 * 3600
    # Closed: only first_minute (done), whose status changed 20 h after it arrived.
    assert response["closing_count"] == 1
    assert response["closing_seconds"] == 20 * 3600

    # Open now, whenever received: last_minute (staff_a), survey_1 (helper_a), survey_2, survey_3,
    # next_month (nobody), and the four sign-ups' cases (new, nobody; a cancelled seat leaves its case
    # open until staff close it). last_month and first_minute are done.
    open_rows = {row["name"]: row["count"] for row in data["open"]["rows"]}
    assert open_rows == {"بدون مسئول پیگیری": 7, "سارا باغی": 1, "نادر کمکی": 1}
    assert data["open"]["total"] == 9

    programmes = data["programmes"]
    assert programmes["held"] == 1  # the cancelled one and the one in Azar are left out
    item = programmes["items"][0]
    assert item["title"] == "برنامه sewing"
    assert item["sessions"] == 2  # the third session is in Azar
    assert item["seats"] == 3  # 2 + 1 confirmed people
    assert item["capacity"] == 10
    assert item["present"] == 3
    assert item["expected"] == 4  # 2 confirmed sign-ups × 2 sessions
    assert item["rate"] == 75
    assert programmes["fill_rate"] == 30
    assert programmes["attendance_rate"] == 75
    assert [item["count"] for item in data["directory"]] == [0, 0]  # nothing was published in Aban 1404


def test_a_range_and_a_province(world):
    w = world
    from reports.periods import Period

    # 30 Aban 1404 to 1 Azar 1404: the last minute of Aban and the first minute of Azar.
    period = Period(first=datetime.date(2025, 11, 21), last=datetime.date(2025, 11, 22))
    province = w.tree.bagh.__class__.objects.filter(path__startswith=w.tree.markazi.path)
    data = figures.dashboard(province, period)
    assert data["submissions"]["total"] == 2
    assert [row["title"] for row in data["neighborhoods"]] == ["باغ خلج", "رودکی"]
    assert data["neighborhoods"][0]["received"] == 2


# --- the admin dashboard -----------------------------------------------------------------------------


def test_dashboard_page_shows_the_numbers(world, client):
    response = client_for(client, world.staff_a).get(DASHBOARD, ABAN)
    assert response.status_code == 200
    body = response.content.decode()
    assert "محله باغ خلج — آبان ۱۴۰۴" in body
    assert "۱۰ ساعت" in body and "۲۰ ساعت" in body
    assert "۷۵٪" in body
    assert "<svg" in body and "<table" in body
    assert "برنامه sewing" in body
    assert 'type="number"' not in body


def test_default_is_the_current_month(world, client):
    from reports.periods import current_month

    response = client_for(client, world.staff_a).get(DASHBOARD)
    assert response.status_code == 200
    assert current_month().label in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ({"year": "1404", "month": "13"}, "ماه باید عددی از ۱ تا ۱۲ باشد."),
        ({"year": "۱۴۰۴", "month": "0"}, "ماه باید عددی از ۱ تا ۱۲ باشد."),
        ({"year": "abc", "month": "2"}, "سال را چهاررقمی و شمسی بنویسید"),
        ({"from": "1404/08/20", "to": "1404/08/10"}, "روز پایان بازه نمی‌تواند پیش از روز آغاز آن باشد."),
        ({"from": "1404/12/30", "to": "1405/01/10"}, "در تقویم وجود ندارد"),
        ({"from": "1404/08/01"}, "هر دو روز آغاز و پایان"),
    ],
)
def test_bad_periods_get_a_persian_message_and_a_400(world, client, query, message):
    response = client_for(client, world.staff_a).get(DASHBOARD, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_range_in_persian_digits(world, client):
    response = client_for(client, world.staff_a).get(DASHBOARD, {"from": "۱۴۰۴/۰۸/۳۰", "to": "۱۴۰۴/۰۹/۰۱"})
    assert response.status_code == 200
    assert response.context["figures"]["submissions"]["total"] == 2


def other_needles(w):
    return [OTHER_SECRET, w.tree.esmaeil.title, "34.641234", "50.881234", w.other.tracking_display, "qom-course"]


def assert_nothing_of_b(w, response):
    body = response.content.decode()
    leaked = [needle for needle in other_needles(w) if needle in body]
    assert not leaked, f"{response.status_code} leaked {leaked}"


@pytest.mark.parametrize("url", [DASHBOARD, STAFF_MAP])
@pytest.mark.parametrize(
    "query",
    [
        {},
        ABAN,
        {"neighborhood": "OTHER", **ABAN},
        {"province": "QOM", **ABAN},
        {"neighborhood": "x"},
        {"province": "999999"},
    ],
)
def test_staff_never_see_another_neighborhood(world, client, url, query):
    w = world
    query = {
        key: {"OTHER": str(w.tree.esmaeil.pk), "QOM": str(w.tree.qom.pk)}.get(value, value)
        for key, value in query.items()
    }
    c = client_for(client, w.staff_a)
    response = c.get(url, query, follow=True)
    assert response.status_code == 200
    assert_nothing_of_b(w, response)
    if "neighborhood" in query or "province" in query:
        assert "این محله یا استان پیدا نشد یا در محدوده کار شما نیست." in response.content.decode()
        assert response.redirect_chain and response.redirect_chain[0][1] == 302


def test_coordinators_see_their_province_together(world, client):
    w = world
    c = client_for(client, w.coordinator)
    response = c.get(DASHBOARD, {"province": w.tree.markazi.pk, **ABAN})
    assert response.status_code == 200
    body = response.content.decode()
    assert "استان مرکزی" in body and "مقایسه محله‌ها" in body and "رودکی" in body
    assert_nothing_of_b(w, response)
    response = c.get(DASHBOARD, {"neighborhood": w.second.pk, **ABAN})
    assert response.context["figures"]["submissions"]["total"] == 0


def test_people_without_a_neighborhood_are_sent_away(world, client):
    outsider = make_user("outsider")
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client_for(client, outsider).get(DASHBOARD, follow=True)
    assert "گزارشی برای دیدن ندارید" in response.content.decode()
    assert_nothing_of_b(world, response)


def count_queries(client, url, query):
    client.get(url, query)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(queries)


def add_submissions(w, count):
    rows = []
    for number in range(count):
        created = at(2025, 11, 1 + number % 20, 6, number % 60)
        rows.append(
            Submission(
                page=w.problem,
                neighborhood=w.tree.bagh,
                form_title="فرم",
                data={"topic": "فضای بی‌دفاع شهری", "description": f"گزارش {number}"},
                status=[w.new, w.in_review, w.done][number % 3],
                assignee=[None, w.staff_a, w.helper_a][number % 3],
                tracking_code=f"{50000000 + len(rows) + Submission.objects.count() * 1000:08d}",
                latitude=Decimal("34.1") + Decimal(number % 7) / 1000,
                longitude=Decimal("49.7"),
            )
        )
    made = Submission.objects.bulk_create(rows)
    Submission.objects.filter(pk__in=[row.pk for row in made]).update(created_at=at(2025, 11, 5, 6, 0))
    SubmissionEvent.objects.bulk_create(
        [SubmissionEvent(submission=row, user=w.staff_a, action="changed", changes={"status": ["a", "b"]}) for row in made]
    )


@pytest.mark.parametrize("url, query", [(DASHBOARD, ABAN), (STAFF_MAP, {}), (PUBLIC_MAP, {})])
def test_query_count_does_not_grow_with_submissions(world, client, url, query):
    c = client_for(client, world.coordinator) if url != PUBLIC_MAP else client
    add_submissions(world, 10)
    with_ten = count_queries(c, url, query)
    add_submissions(world, 190)
    with_two_hundred = count_queries(c, url, query)
    assert with_two_hundred == with_ten, f"{url}: {with_ten} queries with 10, {with_two_hundred} with 200"
    assert with_ten <= 44  # 40, the audit trail's row for the dashboard, and the council's three counts


def add_spread(w, count, neighborhood=None):
    """``count`` submissions of Bagh-e Khalaj over ten months (Ordibehesht 1404 to Bahman 1404), in every
    status and with every assignee, each with a staff change and some with a public reply."""
    rows = []
    for number in range(count):
        rows.append(
            Submission(
                page=[w.problem, w.survey][number % 2],
                neighborhood=neighborhood or w.tree.bagh,
                form_title="فرم",
                data={"topic": "روشنایی", "main": "بیکاری", "rating": str(1 + number % 5)},
                status=[w.new, w.in_review, w.done][number % 3],
                assignee=[None, w.staff_a, w.helper_a][number % 3],
                tracking_code=f"{60000000 + number + Submission.objects.count() * 1000:08d}",
                replied_at=at(2025, 12, 1) if number % 4 == 0 else None,
            )
        )
    made = Submission.objects.bulk_create(rows)
    for number, row in enumerate(made):
        created = at(2025, 5, 1) + datetime.timedelta(days=29 * (number % 10) + number % 25, hours=number % 24)
        Submission.objects.filter(pk=row.pk).update(created_at=created)
    SubmissionEvent.objects.bulk_create(
        [SubmissionEvent(submission=row, user=w.staff_a, action="changed", changes={"status": ["a", "b"]}) for row in made]
    )


@pytest.mark.parametrize(
    "query",
    [
        pytest.param({}, id="this-month"),
        pytest.param(ABAN, id="aban"),
        pytest.param({"from": "1404/02/01", "to": "1404/11/30"}, id="ten-months"),
    ],
)
def test_a_neighbourhoods_dashboard_costs_the_same_queries_with_5_or_60_submissions(world, client, query):
    """The staff member's own dashboard: every figure is counted in the database, so sixty submissions
    across ten months, three statuses and three assignees cost exactly the queries five do."""
    c = client_for(client, world.staff_a)
    add_spread(world, 5)
    with_five = count_queries(c, DASHBOARD, query)
    add_spread(world, 55)
    with_sixty = count_queries(c, DASHBOARD, query)
    assert with_sixty == with_five, f"{with_five} queries with 5 submissions, {with_sixty} with 60"
    assert with_five <= 43  # with the council's three counts (reports.figures.council)


def test_an_empty_dashboard_costs_what_a_busy_one_does(world, client):
    """Nothing to measure (no submissions, so no response times) is not a cheaper page either."""
    c = client_for(client, world.second_staff)
    query = {"from": "1404/02/01", "to": "1404/11/30"}
    empty = count_queries(c, DASHBOARD, query)
    add_spread(world, 60, neighborhood=world.second)
    busy = count_queries(c, DASHBOARD, query)
    assert c.get(DASHBOARD, query).context["figures"]["response"]["first_response_count"] == 60
    assert busy == empty, f"{empty} queries with none, {busy} with 60"


# --- the safety map ----------------------------------------------------------------------------------


@pytest.fixture
def reports_on_the_map(world):
    """Four defenceless-space reports in one 500 m cell of Bagh-e Khalaj, two in another, one elsewhere."""
    w = world
    points = [
        ("34.101110", "49.701110"),
        ("34.101220", "49.702220"),
        ("34.102330", "49.703330"),
        ("34.102440", "49.701440"),
        ("34.121550", "49.731550"),
        ("34.121660", "49.731660"),
    ]
    w.map_reports = []
    for number, (lat, lng) in enumerate(points):
        w.map_reports.append(
            submit(
                w.problem,
                w.tree.bagh,
                at(2025, 11, 3 + number, 6, 0),
                {"topic": "فضای بی‌دفاع شهری", "description": f"ساختمان نیمه‌کاره شماره {number}"},
                status=w.done if number == 0 else w.new,
                latitude=Decimal(lat),
                longitude=Decimal(lng),
                public_reply="ورودی ساختمان بسته شد." if number == 0 else "",
                referral_agency="municipality" if number < 2 else "",
                name=f"مهین رستمی {number}",
                mobile=f"0912000000{number}",
                confirmed=True,
            )
        )
    # Not defenceless: a lighting report at a point of its own.
    submit(w.problem, w.tree.bagh, at(2025, 11, 4, 6, 0), {"topic": "روشنایی"}, latitude=Decimal("34.131770"), longitude=Decimal("49.741770"))
    return w


def exact_strings(reports):
    strings = []
    for report in reports:
        for value in (report.latitude, report.longitude):
            strings += [str(value), str(value).rstrip("0"), str(value)[:7]]
    return strings


def test_public_map_shows_counts_per_cell_and_no_point(reports_on_the_map, client):
    w = reports_on_the_map
    response = client.get(PUBLIC_MAP)
    assert response.status_code == 200
    body = response.content.decode()
    leaked = [value for value in exact_strings(w.map_reports + [w.other]) if value in body]
    assert not leaked, leaked
    for secret in ("ساختمان نیمه‌کاره شماره", "مهین رستمی", OTHER_SECRET, "ورودی ساختمان بسته شد"):
        assert secret not in body
    # No inline style or code: scripts come from files, the map's data as JSON.
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", body)
    assert " style=" not in body and not inline_scripts, inline_scripts
    data = response.context["map_data"]
    bagh = next(item for item in data["neighborhoods"] if item["title"] == "باغ خلج")
    assert bagh["total"] == 6 and bagh["closed"] == 1
    # Only the cell with four reports is shown; the cell with two is suppressed.
    assert [cell["count"] for cell in bagh["cells"]] == [4]
    summary = next(item for item in response.context["summary"] if item["title"] == "باغ خلج")
    assert summary["unmapped"] == 2
    assert summary["replied"] == 1
    assert summary["referrals"] == [{"label": "شهرداری", "count": 2}]
    qom = next(item for item in data["neighborhoods"] if item["title"] == "اسماعیل‌آباد")
    assert qom["total"] == 1 and qom["cells"] == []


def public_cells(client, title="باغ خلج"):
    data = client.get(PUBLIC_MAP).context["map_data"]
    item = next((item for item in data["neighborhoods"] if item["title"] == title), None)
    return None if item is None else (item["total"], sorted(cell["count"] for cell in item["cells"]))


def test_posts_staff_have_not_confirmed_never_change_the_public_map(reports_on_the_map, client):
    """One real report beside two fake ones: the fakes neither reveal its cell nor draw one of their own."""
    w = reports_on_the_map
    before = public_cells(client)
    assert before == (6, [4])
    real = w.map_reports[4]  # alone with one other report in its cell
    for number in range(2):
        submit(
            w.problem, w.tree.bagh, at(2025, 11, 20, 6, number), {"topic": "فضای بی‌دفاع شهری"},
            latitude=real.latitude, longitude=real.longitude, mobile=f"0935000000{number}",
        )
    # And two fakes in an empty cell far away.
    for number in range(3):
        submit(
            w.problem, w.tree.bagh, at(2025, 11, 21, 6, number), {"topic": "فضای بی‌دفاع شهری"},
            latitude=Decimal("34.151000"), longitude=Decimal("49.781000"), mobile=f"0936000000{number}",
        )
    assert public_cells(client) == before
    body = client.get(PUBLIC_MAP).content.decode()
    assert "34.15" not in body and str(real.latitude)[:7] not in body


def test_a_cell_needs_confirmed_reports_from_three_different_mobiles(reports_on_the_map, client):
    w = reports_on_the_map
    # A third confirmed report in the cell of two, from a mobile that already reported there.
    third = submit(
        w.problem, w.tree.bagh, at(2025, 11, 22, 6, 0), {"topic": "فضای بی‌دفاع شهری"},
        latitude=w.map_reports[4].latitude, longitude=w.map_reports[4].longitude,
        mobile=w.map_reports[5].mobile, confirmed=True,
    )
    assert public_cells(client) == (7, [4])
    Submission.objects.filter(pk=third.pk).update(mobile="09120000099")
    assert public_cells(client) == (7, [3, 4])


def test_confirming_a_report_in_the_inbox_puts_it_on_the_public_map_with_its_history(reports_on_the_map, client):
    w = reports_on_the_map
    Submission.objects.filter(pk__in=[r.pk for r in w.map_reports[4:]]).update(confirmed=False)
    assert public_cells(client) == (4, [4])
    staff = client_for(Client(), w.staff_a)
    report = w.map_reports[4]
    response = staff.post(
        f"/admin/inbox/{report.pk}/",
        {"status": report.status_id, "confirmed": "on", "public_reply": "", "private_notes": "", "referral_outcome": ""},
    )
    assert response.status_code == 302
    assert public_cells(client) == (5, [4])
    event = report.events.get(action="changed")
    assert event.user == w.staff_a and event.changes["confirmed"] == [False, True]


def test_a_confidential_report_is_counted_and_never_placed(reports_on_the_map, client):
    w = reports_on_the_map
    Submission.objects.filter(pk=w.map_reports[3].pk).update(confidential=True)
    assert public_cells(client) == (6, [3])


def test_staff_map_lists_points_of_the_scope_only(reports_on_the_map, client):
    w = reports_on_the_map
    response = client_for(client, w.staff_a).get(STAFF_MAP)
    assert response.status_code == 200
    body = response.content.decode()
    assert "34.101110" in body and w.map_reports[0].tracking_display in body
    assert "34.131770" not in body  # not a defenceless space
    assert_nothing_of_b(w, response)
    assert len(response.context["reports"]) == 6
    response = client_for(client, w.staff_b).get(STAFF_MAP)
    assert "34.641234" in response.content.decode() and "34.101110" not in response.content.decode()


# --- needs assessment --------------------------------------------------------------------------------

NEEDS = "/admin/reports/needs/"


def test_needs_assessment_results_by_hand(world):
    from reports import needs
    from neighborhoods.models import NeighborhoodPage

    w = world
    data = needs.results(NeighborhoodPage.objects.filter(pk=w.tree.bagh.pk), month_period(1404, 8))
    assert data["forms"] == 1 and data["respondents"] == 3
    by_key = {question["key"]: question for question in data["questions"]}
    assert list(by_key) == ["main", "rating", "courses", "idea"]
    main = by_key["main"]["total"]
    assert main["answered"] == 3
    assert [(o["label"], o["count"], o["share"]) for o in main["options"]] == [
        ("اعتیاد", 2, 67),
        ("بیکاری", 1, 33),
        ("روشنایی", 0, 0),
    ]
    rating = by_key["rating"]["total"]
    assert rating["average"] == round(11 / 3, 2) and rating["answered"] == 3
    assert [o["count"] for o in rating["options"]] == [0, 1, 0, 1, 1]
    courses = by_key["courses"]["total"]
    assert courses["answered"] == 2  # the empty list is no answer
    assert [(o["label"], o["count"], o["share"]) for o in courses["options"]] == [
        ("خیاطی", 2, 100),
        ("رایانه", 1, 50),
        ("آشپزی", 0, 0),
    ]
    words = {word["label"]: word["count"] for word in by_key["idea"]["total"]["words"]}
    # «كلاس» with an Arabic kaf and «کلاس‌های» with a half-space fold into «کلاس»; «برای», «و», «های» are dropped.
    assert words == {"کلاس": 2, "آگاهی": 2, "اعتیاد": 1, "مادرها": 1, "ورزش": 1, "جوانان": 1}
    assert by_key["idea"]["total"]["answered"] == 2


def test_needs_assessment_compared_across_neighborhoods_and_months(world):
    from reports import needs
    from reports.periods import Period
    from neighborhoods.models import NeighborhoodPage

    w = world
    survey_second = form_page(
        w.second,
        "survey",
        "needs_assessment",
        [{"label": "مسئله اصلی", "key": "main", "field_type": "radio", "choices": "اعتیاد\nبیکاری\nروشنایی"}],
    )
    submit(survey_second, w.second, at(2025, 11, 10, 8, 0), {"main": "روشنایی"})
    # 23:30 Tehran on 30 Mehr: in Mehr, not Aban.
    submit(w.survey, w.tree.bagh, at(2025, 10, 22, 20, 0), {"main": "بیکاری", "rating": "1"})
    province = NeighborhoodPage.objects.filter(path__startswith=w.tree.markazi.path)
    data = needs.results(province, month_period(1404, 8))
    main = next(q for q in data["questions"] if q["key"] == "main")
    groups = {label: {o["label"]: o["count"] for o in summary["options"]} for label, summary in main["groups"]}
    assert groups == {
        "باغ خلج": {"اعتیاد": 2, "بیکاری": 1, "روشنایی": 0},
        "رودکی": {"اعتیاد": 0, "بیکاری": 0, "روشنایی": 1},
    }
    mehr_to_aban = Period(first=datetime.date(2025, 9, 23), last=datetime.date(2025, 11, 21))
    data = needs.results(province, mehr_to_aban, group_by="month")
    main = next(q for q in data["questions"] if q["key"] == "main")
    groups = {label: {o["label"]: o["count"] for o in summary["options"]} for label, summary in main["groups"]}
    assert groups == {
        "مهر ۱۴۰۴": {"اعتیاد": 0, "بیکاری": 1, "روشنایی": 0},
        "آبان ۱۴۰۴": {"اعتیاد": 2, "بیکاری": 1, "روشنایی": 1},
    }


def test_needs_assessment_page_and_csv(world, client):
    w = world
    c = client_for(client, w.staff_a)
    response = c.get(NEEDS, ABAN)
    assert response.status_code == 200
    body = response.content.decode()
    assert "مسئله اصلی" in body and "اعتیاد" in body and "۶۷٪" in body
    response = c.get(NEEDS, {**ABAN, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    assert "مسئله اصلی,همه,اعتیاد,2,67" in content
    assert "کلاس" in content
    response = c.get(NEEDS, {"neighborhood": w.tree.esmaeil.pk, "format": "csv"}, follow=True)
    assert "text/csv" not in response["Content-Type"]
    assert_nothing_of_b(w, response)
    response = c.get(NEEDS, {"year": "1404", "month": "13"})
    assert response.status_code == 400 and "ماه باید عددی از ۱ تا ۱۲ باشد." in response.content.decode()


def test_needs_query_count_does_not_grow(world, client):
    c = client_for(client, world.coordinator)
    with_three = count_queries(c, NEEDS, ABAN)
    for number in range(30):
        submit(world.survey, world.tree.bagh, at(2025, 11, 4, 8, number), {"main": "اعتیاد", "rating": "3", "courses": ["آشپزی"], "idea": "پارک"})
    assert count_queries(c, NEEDS, ABAN) == with_three


# --- monthly reports ---------------------------------------------------------------------------------

MONTHLY = "/admin/reports/monthly/"


def make(c, neighborhood, highlights="همکاری با شهرداری برای روشنایی کوچه‌ها", **extra):
    data = {"neighborhood": neighborhood.pk, "year": "۱۴۰۴", "month": "8", "highlights": highlights, **extra}
    return c.post(MONTHLY, data)


def test_a_monthly_report_is_made_kept_and_printed(world, client):
    from reports.models import MonthlyReport

    w = world
    c = client_for(client, w.staff_a)
    response = make(c, w.tree.bagh)
    report = MonthlyReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{MONTHLY}{report.pk}/"
    assert (report.year, report.month, report.created_by) == (1404, 8, w.staff_a)
    kept = report.figures
    assert kept["submissions"]["total"] == 5
    assert kept["response"]["first_response_seconds"] == 10 * 3600
    assert kept["programmes"]["attendance_rate"] == 75
    assert kept["needs"]["respondents"] == 3

    # What happens in the inbox afterwards does not change the kept report.
    submit(w.problem, w.tree.bagh, at(2025, 11, 10, 8, 0), {"topic": "روشنایی"})
    Submission.objects.filter(pk=w.last_minute.pk).update(status=w.done)
    report.refresh_from_db()
    assert report.figures == kept

    response = c.get(f"{MONTHLY}{report.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in body and "report-print.css" in body
    assert "گزارش ماهانه آبان ۱۴۰۴" in body
    assert "همکاری با شهرداری برای روشنایی کوچه‌ها" in body
    assert "برنامه sewing" in body and "۷۵٪" in body
    assert "۱ آبان ۱۴۰۴" in body and "۳۰ آبان ۱۴۰۴" in body
    assert " style=" not in body and "<script" not in body
    assert client.get(MONTHLY).status_code == 200


def test_reports_of_other_neighborhoods_stay_hidden(world, client):
    from reports.models import MonthlyReport

    w = world
    make(client_for(client, w.staff_b), w.tree.esmaeil, highlights=OTHER_SECRET)
    other = MonthlyReport.objects.get()
    client.logout()
    c = client_for(client, w.staff_a)
    for response in (
        c.get(f"{MONTHLY}{other.pk}/", follow=True),
        c.get(MONTHLY, follow=True),
        c.get(MONTHLY, {"neighborhood": w.tree.esmaeil.pk}, follow=True),
        c.get(f"{MONTHLY}province/", {"province": w.tree.qom.pk, "year": "1404", "month": "8"}, follow=True),
        c.get(f"{MONTHLY}province/", {"province": "x", "year": "1404", "month": "13"}, follow=True),
        c.get(f"{MONTHLY}999999/", follow=True),
    ):
        assert response.status_code == 200
        assert_nothing_of_b(w, response)
    # Making a report for another neighbourhood is refused with a Persian message.
    response = make(c, w.tree.esmaeil)
    assert response.status_code == 400
    assert "این محله یا استان پیدا نشد یا در محدوده کار شما نیست." in response.content.decode()
    assert MonthlyReport.objects.count() == 1
    response = make(c, w.tree.bagh, month="13")
    assert response.status_code == 400 and "ماه باید عددی از ۱ تا ۱۲ باشد." in response.content.decode()
    response = make(c, w.tree.bagh, year="1499")
    assert response.status_code == 400 and "گزارش ماهی که هنوز نیامده است ساخته نمی‌شود." in response.content.decode()
    assert MonthlyReport.objects.count() == 1


def test_coordinators_print_the_province_together(world, client):
    w = world
    make(client_for(client, w.staff_a), w.tree.bagh, highlights="نکته باغ خلج")
    client.logout()
    c = client_for(client, w.coordinator)
    make(c, w.second, highlights="نکته رودکی")
    response = c.get(MONTHLY, {"province": w.tree.markazi.pk})
    body = response.content.decode()
    assert "باغ خلج" in body and "رودکی" in body
    response = c.get(f"{MONTHLY}province/", {"province": w.tree.markazi.pk, "year": "1404", "month": "8"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "نکته باغ خلج" in body and "نکته رودکی" in body
    assert_nothing_of_b(w, response)


def test_new_organisations_and_assets_of_the_month(tree):
    from neighborhoods.models import NeighborhoodPage
    from reports import figures
    from reports.periods import current_month
    from tests.directory_helpers import add_asset, add_directory, add_organization

    directory = add_directory(tree)
    add_organization(directory, "سمن تازه باغ خلج", [tree.bagh])
    add_organization(directory, "سمن اسماعیل‌آباد", [tree.esmaeil])
    add_asset(tree.bagh, "مسجد تازه")
    add_asset(tree.esmaeil, "پارک اسماعیل‌آباد")
    bagh_only = NeighborhoodPage.objects.filter(pk=tree.bagh.pk)
    counts = [item["count"] for item in figures.directory_figures(bagh_only, current_month())]
    assert counts == [1, 1]
    both = NeighborhoodPage.objects.filter(pk__in=[tree.bagh.pk, tree.esmaeil.pk])
    assert [item["count"] for item in figures.directory_figures(both, current_month())] == [2, 2]
