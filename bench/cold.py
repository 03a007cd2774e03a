"""Every public page type rendered with every cache empty, in process with the Django test client.

Before each request the shared cache is emptied (``django.core.cache.cache.clear()``: in the bench
settings that is Redis, FLUSHDB of bench/run's database, so the page cache, the scope versions, kept
fragments, values and routes, and the renditions' cache go too) and so are the worker's copies
(``portal.caching.store._local``): what a page costs after a flush, or for the first reader after an
edit of everything it shows. Per page: the SQL queries of each request and the in-process time (p50,
p95) over a bounded number of requests, after one untimed request (templates compiled, renditions made,
content types loaded, as in a running worker).

Beside it, warm: the same page with a query string (the page cache is skipped, the fragments and values
kept under its scopes are used), after two untimed requests. The programme calendar's warm figure has a
target of its own. Also recorded: ``X-Page-Cache`` of a cold request and of the request after it (a page
type that never becomes a hit is rendered for every reader).

Deterministic counts are enforced as budgets in tests/test_query_budgets.py; here they are measured at
the benchmark volume.
"""

import statistics
import time
from urllib.parse import urlsplit

from django.conf import settings

from load import percentile

# The targets, printed beside the figures (report.py).
COLD_QUERIES = 15
COLD_NEIGHBOURHOOD_P50_MS = 40
WARM_CALENDAR_P50_MS = 10


def examples():
    """{page type: path}: one page of each public type, around the busiest neighbourhood where it can."""
    from django.db.models import Count

    from directory.models import AssetPage, DirectoryIndexPage, OrganizationPage
    from forms.models import ParticipationFormPage
    from home.models import HomePage
    from neighborhoods.models import NeighborhoodIndexPage, NeighborhoodPage, ProvincePage
    from news.models import NewsIndexPage, NewsPage
    from programmes.models import ProgramCalendarPage, ProgramPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    path = lambda page: urlsplit(page.get_url()).path if page else None  # noqa: E731
    home = HomePage.objects.live().filter(**persian).first()
    neighborhood = (NeighborhoodPage.objects.live().filter(**persian).annotate(n=Count("news_items"))
                    .order_by("-n", "pk").first())
    province = ProvincePage.objects.live().ancestor_of(neighborhood).first()
    programmes = ProgramPage.objects.live().filter(neighborhood=neighborhood)
    organisations = OrganizationPage.objects.live().filter(**persian)
    pages = {
        "home": path(home),
        "neighbourhood index": path(NeighborhoodIndexPage.objects.live().filter(**persian).first()),
        "province": path(province),
        "neighbourhood": path(neighborhood),
        "news index (neighbourhood)": path(NewsIndexPage.objects.live().child_of(neighborhood).first()),
        "portal news": path(NewsIndexPage.objects.live().child_of(home).first()),
        "news item": path(NewsPage.objects.live().filter(neighborhood=neighborhood).order_by("-date", "-pk").first()),
        "programme": path(programmes.filter(starts_at__gte=time_now()).order_by("starts_at").first()
                          or programmes.order_by("-starts_at").first()),
        "calendar": path(ProgramCalendarPage.objects.live().filter(**persian).first()),
        "asset": path(AssetPage.objects.live().descendant_of(neighborhood).order_by("-pk").first()),
        "assets listing": f"{path(neighborhood)}assets/",
        "organisation": path(organisations.filter(neighborhoods=neighborhood).order_by("-pk").first()
                             or organisations.order_by("-pk").first()),
        "directory": path(DirectoryIndexPage.objects.live().filter(**persian).first()),
        "participation form": path(ParticipationFormPage.objects.live().filter(**persian).order_by("path").first()),
    }
    return {name: p for name, p in pages.items() if p}


def time_now():
    from django.utils import timezone

    return timezone.now()


def empty_every_cache():
    from django.core.cache import cache

    from portal.caching import store

    cache.clear()
    store._local.clear()


def timed(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - start
    return elapsed, len(queries), response


def figures(samples):
    latencies = [s[0] for s in samples]
    counts = [s[1] for s in samples]
    return {
        "requests": len(samples),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "queries": max(counts),
        "queries_min": min(counts),
        "statuses": sorted({s[2] for s in samples}),
    }


def measure(requests=15, time_limit=60):
    """{"pages": {type: {path, cold: {...}, warm: {...}, page cache: [cold header, next header]}}, …}.
    Each page stops after ``requests`` requests or ``time_limit`` seconds per leg."""
    from django.test import Client

    client = Client()
    results = {}
    for name, path in examples().items():
        # One cold request, untimed: compiled templates, renditions, imports, content types -- what a running
        # worker has (none of them is a cache the issue empties).
        empty_every_cache()
        client.get(path)
        cold = []
        deadline = time.perf_counter() + time_limit
        while len(cold) < requests and time.perf_counter() < deadline:
            empty_every_cache()
            elapsed, queries, response = timed(client, path)
            cold.append((elapsed, queries, response.status_code))
        # Which page types the page cache keeps: a cold request, then the next one.
        empty_every_cache()
        first = client.get(path).get("X-Page-Cache", "—")
        second = client.get(path).get("X-Page-Cache", "—")
        warm = []
        client.get(f"{path}?bench")
        client.get(f"{path}?bench")
        deadline = time.perf_counter() + time_limit
        while len(warm) < requests and time.perf_counter() < deadline:
            elapsed, queries, response = timed(client, f"{path}?bench")
            warm.append((elapsed, queries, response.status_code))
        results[name] = {"path": path, "cold": figures(cold), "warm": figures(warm), "page cache": [first, second]}
    most = max(results, key=lambda n: results[n]["cold"]["queries"])
    summary = {
        "pages": results,
        "most queries cold": {"page": most, "queries": results[most]["cold"]["queries"]},
        "pages over the query target": sorted(n for n, f in results.items() if f["cold"]["queries"] > COLD_QUERIES),
        "neighbourhood cold p50_ms": results.get("neighbourhood", {}).get("cold", {}).get("p50_ms"),
        "calendar warm p50_ms": results.get("calendar", {}).get("warm", {}).get("p50_ms"),
        "requests per page": requests,
    }
    return summary
