"""The reports dashboard (/admin/reports/) at volume, timed through gunicorn with logged-in sessions, beside the
trivial view with the same session; and its SQL queries counted in process for the busiest and the quietest
neighbourhood, to show they do not depend on the number of submissions.

Who looks at what:
- the staff member of the neighbourhood holding the most submissions: this month, and the last twelve
  months as a range (the longest the dashboard allows);
- the coordinator of that neighbourhood's province: this month, the neighbourhoods side by side;
- a superuser over every neighbourhood (all the submissions of the volume): this month.
"""

import datetime
from urllib.parse import urlencode

from inbox import session_cookie
from load import get, run

STAFF = "bench-dashboard-staff"
COORDINATOR = "bench-dashboard-coordinator"
SUPERUSER = "bench-dashboard-admin"


def user_in(username, group=None, **fields):
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=username, defaults=fields)
    if group is not None:
        user.groups.add(group)
    return user


def subjects():
    """(busiest neighbourhood, quietest neighbourhood, its province) with their submission counts."""
    from django.db.models import Count

    from forms.models import Submission
    from neighborhoods.models import NeighborhoodPage, ProvincePage

    counts = list(
        Submission.objects.order_by().values("neighborhood").annotate(n=Count("pk")).order_by("-n", "neighborhood")
    )
    busiest = NeighborhoodPage.objects.get(pk=counts[0]["neighborhood"])
    with_some = {row["neighborhood"] for row in counts}
    quietest = NeighborhoodPage.objects.exclude(pk__in=with_some).order_by("pk").first()
    quiet_count = 0
    if quietest is None:
        quietest, quiet_count = NeighborhoodPage.objects.get(pk=counts[-1]["neighborhood"]), counts[-1]["n"]
    province = ProvincePage.objects.filter(path=busiest.path[: -busiest.steplen]).first()
    return busiest, counts[0]["n"], quietest, quiet_count, province


def a_year_back():
    """?from=…&to=… covering the last twelve months in Jalali (the dashboard's longest range)."""
    from django.utils import timezone

    from portal import jalali

    today = timezone.localdate()
    first = jalali.to_jalali_date(today - datetime.timedelta(days=364))
    last = jalali.to_jalali_date(today)
    return {"from": f"{first.year}/{first.month:02d}/{first.day:02d}", "to": f"{last.year}/{last.month:02d}/{last.day:02d}"}


def count_queries(user, query):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get("/admin/reports/", query)  # warm per-process caches, as a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/reports/", query)
    return {"status": response.status_code, "queries": len(queries)}


def measure(port, requests, time_limit):
    from forms.models import Submission
    from neighborhoods.permissions import ensure_coordinator_group, ensure_staff_group

    busiest, busiest_count, quietest, quiet_count, province = subjects()
    staff = user_in(STAFF, ensure_staff_group(busiest))
    quiet_staff = user_in(f"{STAFF}-quiet", ensure_staff_group(quietest))
    coordinator = user_in(COORDINATOR, ensure_coordinator_group(province)) if province else None
    admin = user_in(SUPERUSER, is_superuser=True, is_staff=True)
    year = a_year_back()

    results = {
        "neighbourhood": {"title": busiest.title, "submissions": busiest_count},
        "province": {"title": province.title if province else None},
        "all submissions": Submission.objects.count(),
        "queries": {
            f"busiest neighbourhood ({busiest_count} submissions), this month": count_queries(staff, {}),
            f"busiest neighbourhood ({busiest_count} submissions), twelve months": count_queries(staff, year),
            f"quietest neighbourhood ({quiet_count} submissions), this month": count_queries(quiet_staff, {}),
            f"quietest neighbourhood ({quiet_count} submissions), twelve months": count_queries(quiet_staff, year),
        },
    }
    staff_cookie = {"Cookie": session_cookie(staff)}
    timed = {
        "trivial view (same session)": ("/bench/trivial/", staff_cookie),
        "neighbourhood, this month": ("/admin/reports/", staff_cookie),
        "neighbourhood, twelve months": (f"/admin/reports/?{urlencode(year)}", staff_cookie),
    }
    if coordinator:
        timed["province, this month"] = (f"/admin/reports/?{urlencode({'province': province.pk})}",
                                         {"Cookie": session_cookie(coordinator)})
    timed["every neighbourhood (superuser), this month"] = ("/admin/reports/", {"Cookie": session_cookie(admin)})
    for name, (path, cookie) in timed.items():
        results[name] = run(port, get(path, cookie), 1, requests, time_limit)
    return results
