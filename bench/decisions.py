"""The councils' decisions at volume (the council app; rows from bench/build_volume.py's build_council): the
public decisions page of the busiest neighbourhood, its RSS feed, the province's view of the resolutions in
the reports (/admin/reports/council/?province=<id>) and the open data (/api/v2/resolutions/), timed through
gunicorn beside the plain Django project (bench/plain) and the portal's trivial view with the same session,
in alternating rounds like pages.py; and the SQL queries of each, counted in process with the test client.

(Named decisions.py, not council.py: bench/ is on the path, and a council module there would hide the app.)

Timed, one client (sequential requests: what one reader waits), each figure in five rounds of (plain
project, trivial view, figure):
- the decisions page ``<neighbourhood>/decisions/`` **cold**: the shared cache emptied before each request
  (FLUSHDB of bench/run's Redis database: page cache, scope versions, fragments, routes; the workers' own
  copies are then stale, since the versions they were kept under are gone), and **from the page cache**;
- the same page filtered, ``?status=overdue`` (a query string: the page cache is skipped, the fragments
  kept under the neighbourhood's scope are used);
- its RSS feed ``decisions/feed/``, cold and from the page cache;
- the province's view as the coordinator of the busiest neighbourhood's province (a logged-in session, as
  bench/dashboard.py; /admin/ is never in the page cache), and over every neighbourhood as a superuser;
- ``/api/v2/resolutions/?neighborhood=<id>`` (a query string: rendered every time), and the first page of
  the unfiltered listing (every public resolution counted and ordered).

Counted in process (tests' client, every cache emptied first, after one untimed request as in cold.py): the
SQL queries of each page cold and of the request right after it, for the busiest and the quietest
neighbourhood (and province), so that a count that grew with the rows would show.
"""

import statistics
import time
from urllib.parse import urlsplit

from django.conf import settings

from cold import empty_every_cache
from dashboard import SUPERUSER, user_in
from inbox import session_cookie
from load import HOST, run, summary
from pages import ROUNDS, TRIVIAL

COORDINATOR = "bench-council-coordinator"


def subjects():
    """The busiest neighbourhood (most public resolutions), the quietest one (fewest, none if any has none),
    the busiest's province and the province of several neighbourhoods with the fewest resolutions."""
    from django.db.models import Count

    from council.models import Resolution
    from neighborhoods.models import NeighborhoodPage, ProvincePage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    public = dict(Resolution.objects.public().order_by().values("neighborhood").annotate(n=Count("pk"))
                  .values_list("neighborhood", "n"))
    every = dict(Resolution.objects.order_by().values("neighborhood").annotate(n=Count("pk")).values_list("neighborhood", "n"))
    neighborhoods = list(NeighborhoodPage.objects.live().filter(**persian).order_by("pk").only("pk", "path", "title", "url_path"))
    busiest = max(neighborhoods, key=lambda n: (public.get(n.pk, 0), -n.pk))
    quietest = min(neighborhoods, key=lambda n: (public.get(n.pk, 0), n.pk))
    provinces = []
    for province in ProvincePage.objects.live().filter(**persian).order_by("pk"):
        inside = [n for n in neighborhoods if n.path.startswith(province.path)]
        if inside:
            provinces.append((province, len(inside), sum(every.get(n.pk, 0) for n in inside)))
    busy_province = next(p for p in provinces if busiest.path.startswith(p[0].path))
    # Among provinces of more than one neighbourhood, like the busiest's: the view reads the provinces a
    # coordinator may choose only when there is more than one neighbourhood (reports/scope.py, choices_for),
    # a query that has nothing to do with the number of resolutions.
    several = [p for p in provinces if p[1] > 1] or provinces
    quiet_province = min(several, key=lambda p: (p[2], p[0].pk))
    return {
        "busiest": (busiest, public.get(busiest.pk, 0)),
        "quietest": (quietest, public.get(quietest.pk, 0)),
        "province": busy_province,
        "quiet province": quiet_province,
    }


def volume():
    from council.models import Attendee, Meeting, ProgressNote, Resolution
    from council.models.resolution import today_in_tehran

    today = today_in_tehran()
    return {
        "meetings": Meeting.objects.count(),
        "internal meetings": Meeting.objects.filter(public=False).count(),
        "attendees": Attendee.objects.count(),
        "resolutions": Resolution.objects.count(),
        "public resolutions": Resolution.objects.public().count(),
        "overdue": Resolution.objects.overdue(today).count(),
        "progress notes": ProgressNote.objects.count(),
    }


def path_of(page):
    return urlsplit(page.get_url()).path


# --- SQL queries, in process ------------------------------------------------------------------------


def count_queries(path, user=None):
    """{"cold": queries with every cache empty, "next": queries of the request right after, "status",
    "page cache": [cold header, next header], "bytes"}."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if user is not None:
        client.force_login(user)
    empty_every_cache()
    client.get(path)  # the process's first use: templates, content types (not caches the figure empties)
    empty_every_cache()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(path)
    with CaptureQueriesContext(connection) as after:
        second = client.get(path)
    return {"cold": len(cold), "next": len(after), "status": first.status_code,
            "page cache": [first.get("X-Page-Cache", "—"), second.get("X-Page-Cache", "—")],
            "bytes": len(first.content)}


# --- latency through gunicorn -----------------------------------------------------------------------


def fetch(path, headers=None, cold=False):
    """A load.run worker: one GET, timed; with ``cold`` the shared cache is emptied first (not timed)."""
    from django.core.cache import cache

    def worker(connection):
        if cold:
            cache.clear()
        start = time.perf_counter()
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return [(time.perf_counter() - start, response.status)]

    return worker


def timed(port, plain_port, path, headers, cold, requests, time_limit):
    """The figure and its baselines in ROUNDS alternating rounds of one sequential client: the plain project,
    the trivial view (with the same headers: the same session), then the figure."""
    per_round = max(1, requests // ROUNDS)

    def one(on_port, worker):
        return run(on_port, worker, 1, per_round, time_limit / ROUNDS, raw=True)

    if not cold:
        run(port, fetch(path, headers), 1, 3, time_limit)  # warm up: the page cache filled, the fragments kept
    plains, trivials, rounds = [], [], []
    for _ in range(ROUNDS):
        if plain_port:
            plains.append(one(plain_port, fetch("/")))
        trivials.append(one(port, fetch(TRIVIAL, headers)))
        rounds.append(one(port, fetch(path, headers, cold=cold)))

    def combined(parts):
        latencies = [latency for part in parts for latency in part["latencies"]]
        statuses = {}
        for part in parts:
            for status, count in part["raw_statuses"].items():
                statuses[status] = statuses.get(status, 0) + count
        return summary(latencies, sum(part["elapsed"] for part in parts), statuses)

    figure = {"path": path, "cold": cold, **combined(rounds)}
    trivial = combined(trivials)
    figure.update(trivial_p50_ms=trivial["p50_ms"], trivial_p95_ms=trivial["p95_ms"],
                  x_trivial_p50=figure["p50_ms"] / trivial["p50_ms"], x_trivial_p95=figure["p95_ms"] / trivial["p95_ms"])
    if plains:
        plain = combined(plains)
        by_round = sorted(statistics.median(r["latencies"]) / statistics.median(p["latencies"])
                          for r, p in zip(rounds, plains) if r["latencies"] and p["latencies"])
        figure.update(plain_p50_ms=plain["p50_ms"], plain_p95_ms=plain["p95_ms"],
                      x_plain_p50=figure["p50_ms"] / plain["p50_ms"], x_plain_p95=figure["p95_ms"] / plain["p95_ms"],
                      round_x_plain_p50=[round(ratio, 1) for ratio in by_round])
    return figure


def measure(port, requests, cold_requests, time_limit, plain_port=None):
    from neighborhoods.permissions import ensure_coordinator_group

    if HOST != "127.0.0.1":
        raise SystemExit("loopback only")
    found = subjects()
    busiest, busiest_count = found["busiest"]
    quietest, quiet_count = found["quietest"]
    province, province_neighborhoods, province_count = found["province"]
    quiet_province, quiet_province_neighborhoods, quiet_province_count = found["quiet province"]
    coordinator = user_in(COORDINATOR, ensure_coordinator_group(province))
    quiet_coordinator = user_in(f"{COORDINATOR}-quiet", ensure_coordinator_group(quiet_province))
    admin = user_in(SUPERUSER, is_superuser=True, is_staff=True)

    decisions = f"{path_of(busiest)}decisions/"
    quiet_decisions = f"{path_of(quietest)}decisions/"
    overview = "/admin/reports/council/"
    api = "/api/v2/resolutions/"
    results = {
        "volume": volume(),
        "neighbourhood": {"title": busiest.title, "id": busiest.pk, "public resolutions": busiest_count},
        "quietest neighbourhood": {"title": quietest.title, "id": quietest.pk, "public resolutions": quiet_count},
        "province": {"title": province.title, "id": province.pk, "neighbourhoods": province_neighborhoods,
                     "resolutions": province_count},
        "quiet province": {"title": quiet_province.title, "id": quiet_province.pk,
                           "neighbourhoods": quiet_province_neighborhoods, "resolutions": quiet_province_count},
    }

    results["queries"] = {
        f"decisions, busiest ({busiest_count} public resolutions)": {"path": decisions, **count_queries(decisions)},
        f"decisions, quietest ({quiet_count})": {"path": quiet_decisions, **count_queries(quiet_decisions)},
        "decisions ?status=overdue, busiest": {"path": f"{decisions}?status=overdue",
                                               **count_queries(f"{decisions}?status=overdue")},
        "RSS feed, busiest": {"path": f"{decisions}feed/", **count_queries(f"{decisions}feed/")},
        f"province view, busiest ({province_count} resolutions)": {
            "path": f"{overview}?province={province.pk}", **count_queries(f"{overview}?province={province.pk}", coordinator)},
        f"province view, quietest ({quiet_province_count})": {
            "path": f"{overview}?province={quiet_province.pk}",
            **count_queries(f"{overview}?province={quiet_province.pk}", quiet_coordinator)},
        "every neighbourhood (superuser)": {"path": overview, **count_queries(overview, admin)},
        "API ?neighborhood=, busiest": {"path": f"{api}?neighborhood={busiest.pk}",
                                        **count_queries(f"{api}?neighborhood={busiest.pk}")},
        "API ?neighborhood=, quietest": {"path": f"{api}?neighborhood={quietest.pk}",
                                         **count_queries(f"{api}?neighborhood={quietest.pk}")},
        "API, every resolution (first page)": {"path": api, **count_queries(api)},
    }

    coordinator_cookie = {"Cookie": session_cookie(coordinator)}
    admin_cookie = {"Cookie": session_cookie(admin)}
    figures = {  # name: (path, headers, cold, requests)
        "decisions, cold": (decisions, None, True, cold_requests),
        "decisions, page cache": (decisions, None, False, requests),
        "decisions ?status=overdue": (f"{decisions}?status=overdue", None, False, requests),
        "RSS feed, cold": (f"{decisions}feed/", None, True, cold_requests),
        "RSS feed, page cache": (f"{decisions}feed/", None, False, requests),
        "province view (coordinator)": (f"{overview}?province={province.pk}", coordinator_cookie, False, requests),
        "every neighbourhood (superuser)": (overview, admin_cookie, False, cold_requests),
        "API ?neighborhood=": (f"{api}?neighborhood={busiest.pk}", None, False, requests),
        "API, every resolution (first page)": (api, None, False, cold_requests),
    }
    results["timed"] = {}
    for name, (path, headers, cold, count) in figures.items():
        results["timed"][name] = timed(port, plain_port, path, headers, cold, count, time_limit)
    empty_every_cache()  # nothing the cold figures left half-filled for the next benchmark
    return results
