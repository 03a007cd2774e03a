"""The figures of the dashboard and the monthly report, counted in the database.

Every function takes the neighbourhoods (a queryset, already limited to the user's scope) and a
``Period``, and returns plain JSON-safe values, so a monthly report can keep them exactly as they were
when it was made. The number of queries is fixed: nothing here reads submissions one by one.

Definitions (also in the README):

- A submission belongs to the period in which it was *received* (created_at, Tehran days).
- **First response**: the earliest of (a) the first change or reply a staff member made in the inbox
  (a SubmissionEvent of action «changed» or «replied» with a user; being viewed or exported is not a
  response, and a service-desk entry's «created» is not either) and (b) replied_at, the time the
  public reply was written. The median is over the period's submissions that have one.
- **Closing**: a submission whose status is now a closed one (Status.is_closed) was closed at the
  latest change of its status recorded in its history. The median is over the period's submissions
  closed that way.
- **Open items** are counted now, not in the period: not archived and in a status that is not closed.
- **Programmes held**: live, not cancelled programmes with at least one session held on a day of the
  period; a session is held once its day has come in Tehran (programmes.held), so the rest of the
  period's sessions are not counted yet. Seats filled are the people of their confirmed sign-ups; the
  attendance rate is the «present» marks on the period's held sessions divided by confirmed sign-ups ×
  the period's held sessions.
"""

import datetime

import jdatetime
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Least, TruncDate
from django.utils.translation import gettext, gettext_lazy as _

from council.choices import PENDING
from council.choices import Status as CouncilStatus
from council.models import Meeting, Resolution
from council.models.resolution import overdue_q, today_in_tehran
from directory.models import AssetPage, OrganizationPage
from forms.models import Submission, SubmissionEvent
from forms.models.page import FormKind
from forms.models.submission import Kind
from portal import jalali
from portal.digits import to_persian_digits
from programmes.choices import Seat
from programmes.held import held_q
from programmes.models import Attendance, ProgramPage, Registration
from programmes.models.page import confirmed_seats

RESPONSE_ACTIONS = [SubmissionEvent.Action.CHANGED, SubmissionEvent.Action.REPLIED]
UNASSIGNED = _("بدون مسئول پیگیری")
# Longer periods are drawn month by month instead of day by day.
DAILY_LIMIT = 62


def submissions_in(neighborhoods, period):
    return Submission.objects.filter(neighborhood__in=neighborhoods, **period.created_in()).order_by()


def kind_label(kind, form_kind):
    if kind == Kind.FORM and form_kind:
        try:
            return str(FormKind(form_kind).label)
        except ValueError:
            pass
    try:
        return str(Kind(kind).label)
    except ValueError:
        return kind


def submission_counts(neighborhoods, period):
    """Totals by kind (forms by the kind of their form), by status, and kind × status: one query."""
    rows = list(
        submissions_in(neighborhoods, period)
        .values("kind", "page__participationformpage__kind", "status__name", "status__order", "status__is_closed")
        .annotate(count=Count("pk"))
        .order_by("status__order", "status__name")
    )
    statuses, kinds, cells = {}, {}, {}
    for row in rows:
        label = kind_label(row["kind"], row["page__participationformpage__kind"])
        status = row["status__name"]
        statuses.setdefault(status, {"name": status, "closed": row["status__is_closed"], "count": 0})
        statuses[status]["count"] += row["count"]
        kinds[label] = kinds.get(label, 0) + row["count"]
        cells[(label, status)] = cells.get((label, status), 0) + row["count"]
    status_names = list(statuses)
    table = [
        {
            "label": label,
            "counts": [cells.get((label, status), 0) for status in status_names],
            "total": total,
        }
        for label, total in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    ]
    return {
        "total": sum(kinds.values()),
        "by_kind": [{"label": row["label"], "count": row["total"]} for row in table],
        "by_status": list(statuses.values()),
        "statuses": status_names,
        "table": table,
    }


def submissions_over_time(neighborhoods, period):
    """Submissions per Tehran day (or per Jalali month for long ranges), zeros included."""
    per_day = dict(
        submissions_in(neighborhoods, period)
        .annotate(day=TruncDate("created_at", tzinfo=jalali.tehran_tz()))
        .values("day")
        .annotate(count=Count("pk"))
        .values_list("day", "count")
    )
    days = [period.first + datetime.timedelta(days=offset) for offset in range(period.days)]
    if period.days <= DAILY_LIMIT:
        return {
            "unit": "day",
            "points": [
                {"date": day.isoformat(), "label": jalali.format_date(day), "count": per_day.get(day, 0)}
                for day in days
            ],
        }
    months = {}
    for day in days:
        j = jdatetime.date.fromgregorian(date=day, locale=jalali.LOCALE)
        key = (j.year, j.month)
        months[key] = months.get(key, 0) + per_day.get(day, 0)
    return {
        "unit": "month",
        "points": [
            {
                "date": f"{year:04d}-{month:02d}",
                "label": to_persian_digits(f"{jalali.month_name(month)} {year}"),
                "count": count,
            }
            for (year, month), count in months.items()
        ],
    }


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the middle value, or the mean of the two middle ones."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def _median(queryset, expression):
    """The median of ``expression`` over the rows where it is known, in seconds.

    One aggregate query on PostgreSQL; elsewhere (SQLite) a count and a read of the one or two middle
    values: two queries, whether or not there is anything to measure, so the budget stays fixed."""
    measured = queryset.annotate(measure=expression).filter(measure__isnull=False)
    if connection.vendor == "postgresql":
        result = measured.aggregate(count=Count("pk"), median=Median("measure", output_field=DurationField()))
        median = result["median"]
        return (median.total_seconds() if median is not None else None), result["count"]
    count = measured.count()
    low, high = max((count - 1) // 2, 0), count // 2
    values = list(measured.order_by("measure").values_list("measure", flat=True)[low : high + 1])
    if not count:
        return None, 0
    seconds = [value.total_seconds() for value in values]
    return sum(seconds) / len(seconds), count


def first_response_expression():
    first_event = Subquery(
        SubmissionEvent.objects.filter(
            submission=OuterRef("pk"), user__isnull=False, action__in=RESPONSE_ACTIONS
        )
        .order_by("created_at", "pk")
        .values("created_at")[:1]
    )
    # LEAST ignores NULL on PostgreSQL but not on SQLite: give both sides a value when either has one.
    return Least(Coalesce(first_event, F("replied_at")), Coalesce(F("replied_at"), first_event))


def closed_at_expression():
    return Subquery(
        SubmissionEvent.objects.filter(
            submission=OuterRef("pk"), action__in=RESPONSE_ACTIONS, changes__has_key="status"
        )
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )


def response_times(neighborhoods, period):
    submissions = submissions_in(neighborhoods, period)
    first = ExpressionWrapper(first_response_expression() - F("created_at"), output_field=DurationField())
    closing = ExpressionWrapper(closed_at_expression() - F("created_at"), output_field=DurationField())
    first_median, first_count = _median(submissions, first)
    closing_median, closing_count = _median(submissions.filter(status__is_closed=True), closing)
    return {
        "first_response_seconds": first_median,
        "first_response_count": first_count,
        "closing_seconds": closing_median,
        "closing_count": closing_count,
    }


def open_by_assignee(neighborhoods):
    rows = (
        Submission.objects.open()
        .filter(neighborhood__in=neighborhoods)
        .order_by()
        .values("assignee", "assignee__first_name", "assignee__last_name", "assignee__username")
        .annotate(count=Count("pk"))
        .order_by("-count", "assignee__username")
    )
    result = []
    for row in rows:
        if row["assignee"] is None:
            name = str(UNASSIGNED)
        else:
            name = f"{row['assignee__first_name']} {row['assignee__last_name']}".strip() or row["assignee__username"]
        result.append({"name": name, "count": row["count"]})
    return {"total": sum(row["count"] for row in result), "rows": result}


def by_neighborhood(neighborhoods, period):
    """Received in the period and open now, per neighbourhood (for coordinators' comparison)."""
    received = dict(
        submissions_in(neighborhoods, period).values("neighborhood").annotate(n=Count("pk")).values_list("neighborhood", "n")
    )
    still_open = dict(
        Submission.objects.open()
        .filter(neighborhood__in=neighborhoods)
        .order_by()
        .values("neighborhood")
        .annotate(n=Count("pk"))
        .values_list("neighborhood", "n")
    )
    return [
        {"title": title, "received": received.get(pk, 0), "open": still_open.get(pk, 0)}
        for pk, title in neighborhoods.order_by("path").values_list("pk", "title")
    ]


def _count_subquery(queryset, group):
    return Coalesce(
        Subquery(queryset.order_by().values(group).annotate(total=Count("pk")).values("total")[:1]),
        0,
        output_field=IntegerField(),
    )


def programmes(neighborhoods, period, now=None):
    # Only sessions already held count (programmes.held): a session later in the period is still to come.
    in_period = Q(sessions__date__gte=period.first, sessions__date__lte=period.last) & held_q(now, prefix="sessions__")
    confirmed = Registration.objects.filter(program=OuterRef("pk"), state=Seat.CONFIRMED)
    present = Attendance.objects.filter(
        held_q(now, prefix="session__"),
        registration__program=OuterRef("pk"),
        registration__state=Seat.CONFIRMED,
        present=True,
        session__date__gte=period.first,
        session__date__lte=period.last,
    )
    rows = (
        ProgramPage.objects.live()
        .filter(neighborhood__in=neighborhoods, cancelled=False)
        .annotate(
            sessions_in_period=Count("sessions", filter=in_period, distinct=True),
        )
        .filter(sessions_in_period__gt=0)
        .annotate(
            seats=confirmed_seats(),
            confirmed_signups=_count_subquery(confirmed, "program"),
            present_marks=_count_subquery(present, "registration__program"),
        )
        .order_by("starts_at", "pk")
        .values(
            "title",
            "neighborhood__title",
            "kind",
            "starts_at",
            "capacity",
            "sessions_in_period",
            "seats",
            "confirmed_signups",
            "present_marks",
        )
    )
    items = []
    for row in rows:
        expected = row["confirmed_signups"] * row["sessions_in_period"]
        items.append(
            {
                "title": row["title"],
                "neighborhood": row["neighborhood__title"],
                "starts": row["starts_at"].isoformat() if row["starts_at"] else "",
                "sessions": row["sessions_in_period"],
                "capacity": row["capacity"],
                "seats": row["seats"],
                "present": row["present_marks"],
                "expected": expected,
                "rate": _percent(row["present_marks"], expected),
            }
        )
    expected = sum(item["expected"] for item in items)
    present_total = sum(item["present"] for item in items)
    with_capacity = [item for item in items if item["capacity"]]
    capacity = sum(item["capacity"] for item in with_capacity)
    return {
        "held": len(items),
        "sessions": sum(item["sessions"] for item in items),
        "seats": sum(item["seats"] for item in items),
        "capacity": capacity,
        "fill_rate": _percent(sum(item["seats"] for item in with_capacity), capacity),
        "present": present_total,
        "expected": expected,
        "attendance_rate": _percent(present_total, expected),
        "items": items,
    }


def directory_figures(neighborhoods, period):
    """New NGOs and assets of the period: organisations serving these neighbourhoods and assets under them,
    first published in the period (two counts, each one query)."""
    in_period = {"first_published_at__gte": period.start, "first_published_at__lt": period.end}
    below = Q(pk__in=[])
    for path in neighborhoods.values_list("path", flat=True):
        below |= Q(path__startswith=path)
    organizations = (
        OrganizationPage.objects.live().filter(neighborhoods__in=neighborhoods, **in_period).distinct().count()
    )
    assets = AssetPage.objects.live().filter(below, **in_period).count()
    return [
        {"label": gettext("سمن‌ها و خیریه‌های تازه در فهرست"), "count": organizations},
        {"label": gettext("ظرفیت‌ها و دارایی‌های تازه ثبت‌شده"), "count": assets},
    ]


def _percent(part, whole):
    return round(100 * part / whole) if whole else None


def dashboard(neighborhoods, period):
    """Every figure of the dashboard and of a monthly report."""
    return {
        "period": {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "year": period.year,
            "month": period.month,
            "label": period.label,
        },
        "submissions": submission_counts(neighborhoods, period),
        "over_time": submissions_over_time(neighborhoods, period),
        "response": response_times(neighborhoods, period),
        "open": open_by_assignee(neighborhoods),
        "neighborhoods": by_neighborhood(neighborhoods, period),
        "programmes": programmes(neighborhoods, period),
        "directory": directory_figures(neighborhoods, period),
        "council": council(neighborhoods, period),
    }


def council(neighborhoods, period):
    """The councils' meetings and resolutions (the council app): meetings held in the period, resolutions
    made at them, resolutions done in the period (closed as done, by closed_at), and, counted now, those
    still awaiting action or in progress and those of them past their due date in Tehran; then the same per
    responsible body. Public and internal alike: these are counts, for the office and the governorate.
    Three queries."""
    # A province's meeting counts for the neighbourhoods its resolutions concern.
    meetings = (
        Meeting.objects.filter(held_at__gte=period.start, held_at__lt=period.end)
        .filter(Q(neighborhood__in=neighborhoods) | Q(province__isnull=False, resolutions__neighborhood__in=neighborhoods))
        .distinct()
        .count()
    )
    today = today_in_tehran()
    resolutions = Resolution.objects.filter(neighborhood__in=neighborhoods)
    counted = resolutions.aggregate(
        made=Count("pk", filter=Q(meeting__held_at__gte=period.start, meeting__held_at__lt=period.end)),
        done=Count("pk", filter=Q(status=CouncilStatus.DONE, closed_at__gte=period.start, closed_at__lt=period.end)),
        pending=Count("pk", filter=Q(status__in=PENDING)),
        overdue=Count("pk", filter=overdue_q(today)),
    )
    by_agency = council_by_agency(neighborhoods, period, today)
    return {
        "summary": [
            {"label": gettext("جلسه‌های برگزارشده"), "count": meetings},
            {"label": gettext("مصوبه‌های این دوره"), "count": counted["made"]},
            {"label": gettext("مصوبه‌های انجام‌شده در این دوره"), "count": counted["done"]},
            {"label": gettext("مصوبه‌های در انتظار یا در حال انجام (اکنون)"), "count": counted["pending"]},
            {"label": gettext("مصوبه‌های گذشته از مهلت (اکنون)"), "count": counted["overdue"]},
        ],
        "by_agency": by_agency,
    }


def council_by_neighborhood(neighborhoods, period):
    """Per neighbourhood of the scope: meetings held in the period (its own, and its province's meetings that
    made resolutions for it), resolutions awaiting action or in progress and past their due date (now), and
    done in the period. Two queries, whatever the number."""
    today = today_in_tehran()
    meetings = dict(
        Meeting.objects.filter(neighborhood__in=neighborhoods, held_at__gte=period.start, held_at__lt=period.end)
        .values("neighborhood").annotate(count=Count("pk")).values_list("neighborhood", "count")
    )
    counted = {
        row["neighborhood"]: row
        for row in Resolution.objects.filter(neighborhood__in=neighborhoods)
        .values("neighborhood")
        .annotate(
            pending=Count("pk", filter=Q(status__in=PENDING)),
            overdue=Count("pk", filter=overdue_q(today)),
            done=Count("pk", filter=Q(status=CouncilStatus.DONE, closed_at__gte=period.start, closed_at__lt=period.end)),
            province_meetings=Count(
                "meeting",
                filter=Q(meeting__province__isnull=False, meeting__held_at__gte=period.start, meeting__held_at__lt=period.end),
                distinct=True,
            ),
        )
    }
    rows = []
    for pk, title in neighborhoods.order_by("path").values_list("pk", "title"):
        found = counted.get(pk, {})
        rows.append(
            {
                "id": pk,
                "label": title,
                "meetings": meetings.get(pk, 0) + found.get("province_meetings", 0),
                "pending": found.get("pending", 0),
                "overdue": found.get("overdue", 0),
                "done": found.get("done", 0),
            }
        )
    return rows


def council_by_agency(neighborhoods, period, today=None):
    """Per responsible body: resolutions awaiting action or in progress and past their due date (now), and
    done in the period; bodies with none of these left out. One query."""
    today = today or today_in_tehran()
    resolutions = Resolution.objects.filter(neighborhood__in=neighborhoods)
    return [
        {
            "label": row["agency__name"] or gettext("سازمان‌های فهرست"),
            "pending": row["pending"],
            "overdue": row["overdue"],
            "done": row["done"],
        }
        for row in resolutions.values("agency__name", "agency__order")
        .annotate(
            pending=Count("pk", filter=Q(status__in=PENDING)),
            overdue=Count("pk", filter=overdue_q(today)),
            done=Count("pk", filter=Q(status=CouncilStatus.DONE, closed_at__gte=period.start, closed_at__lt=period.end)),
        )
        .order_by("agency__order", "agency__name")
        if row["pending"] or row["overdue"] or row["done"]
    ]
