"""Search over the news items on PostgreSQL, in process: median and p95 of a few Persian queries,
beside a primary-key fetch of a page measured in the same run.

- `site search`: what /search/ does (search.query.search: match, count, type and neighbourhood
  counts, ranking of the newest candidates) plus fetching the first page of specific pages.
- `suggestions`: what /search/suggest/ asks the database for (prefix match on titles), uncached.
- `wagtail backend`: Wagtail's database backend ranking every match, as before, for comparison.
"""

# Not named search.py: bench/ comes first on the path in bench/run and would hide the project's `search` app.
import statistics
import time

from load import percentile

QUERIES = ["مسجد", "پارک", "کارگاه آموزش", "فضای سبز", "درختکاری محله", "جشن نوروز", "كتابخانه", "۱۲۳"]
SUGGEST = ["مس", "پار", "کارگا", "فضای س", "درخت"]
ROUNDS = 10
WAGTAIL_ROUNDS = 3


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
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage
    from search import query as site_search
    from search.text import Query

    backend = get_search_backend()
    locale = Locale.get_default()
    items = NewsPage.objects.live().count()
    pk = NewsPage.objects.live().order_by("pk").values_list("pk", flat=True).last()
    baseline = timed(lambda: Page.objects.get(pk=pk).specific, ROUNDS * len(QUERIES))
    depth = 5

    def site(text):
        outcome = site_search.search(Query(text), locale, neighborhood_depth=depth)
        list(Page.objects.filter(pk__in=outcome.ids[:10]).specific())
        return outcome

    times, hits = [], {}
    for text in QUERIES:
        site(text)  # warm
        times += timed(lambda: site(text), ROUNDS)
        hits[text] = site(text).total
    suggest_times = []
    for text in SUGGEST:
        suggest_times += timed(lambda: site_search.suggest(Query(text), locale), ROUNDS)
    wagtail_times = []
    for text in QUERIES[:3]:
        search = lambda: list(NewsPage.objects.live().search(text)[:20])  # noqa: E731 — the first page of results
        search()
        wagtail_times += timed(search, WAGTAIL_ROUNDS)
    return {
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "news_items": items,
        "baseline (primary-key fetch)": figures(baseline),
        "search": {**figures(times), "matches": hits},
        "suggestions": figures(suggest_times),
        "wagtail backend (ranks every match)": figures(wagtail_times),
    }
