"""Wagtail search over the news items on the backend production settings use (the database backend on
PostgreSQL), in process: median and p95 of a few Persian queries, beside a primary-key lookup."""

import statistics
import time

from load import percentile

QUERIES = ["مسجد", "پارک", "کارگاه آموزش", "فضای سبز", "درختکاری محله", "جشن نوروز"]
ROUNDS = 10


def timed(call, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def figures(times):
    return {"runs": len(times), "p50_ms": statistics.median(times) * 1000, "p95_ms": percentile(times, 0.95) * 1000}


def measure():
    from news.models import NewsPage
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    items = NewsPage.objects.live().count()
    pk = NewsPage.objects.live().order_by("pk").values_list("pk", flat=True).last()
    baseline = timed(lambda: NewsPage.objects.get(pk=pk), ROUNDS * len(QUERIES))
    times, hits = [], {}
    for query in QUERIES:
        search = lambda: list(NewsPage.objects.live().search(query)[:20])  # noqa: E731 — the first page of results
        search()  # warm
        times += timed(search, ROUNDS)
        hits[query] = len(search())
    return {
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "news_items": items,
        "baseline (primary-key lookup)": figures(baseline),
        "search": {**figures(times), "first_page_hits": hits},
    }
