"""Anonymous page throughput and latency against gunicorn, beside the trivial view under the same server.

Each page is measured twice: as is (served from the page cache after the first request) and with a
query string (which bypasses the page cache, so the page is rendered every time; the fragments kept
under the content version — menu, lists of neighbourhoods, counts — stay on and are warm after the
first request, as they are for readers between two edits).
"""

from urllib.parse import urlsplit

from django.conf import settings

from load import get, run

THREADS = 4


def public_pages():
    """{name: path} of one page of each kind the figures cover (the deepest, busiest examples)."""
    from django.db.models import Count

    from directory.models import DirectoryIndexPage
    from home.models import HomePage
    from neighborhoods.models import NeighborhoodPage
    from news.models import NewsIndexPage, NewsPage

    persian = {"locale__language_code": settings.LANGUAGE_CODE}
    home = HomePage.objects.live().filter(**persian).first()
    neighborhood = NeighborhoodPage.objects.live().filter(**persian).annotate(n=Count("news_items")).order_by("-n", "pk").first()
    news = NewsPage.objects.live().filter(neighborhood=neighborhood).order_by("-date", "-pk").first()
    portal_news = NewsIndexPage.objects.live().child_of(home).first()
    directory = DirectoryIndexPage.objects.live().filter(**persian).first()
    path = lambda page: urlsplit(page.get_url()).path  # noqa: E731
    return {
        "home": path(home),
        "neighbourhood": path(neighborhood),
        "news item": path(news),
        "news listing": path(portal_news),
        "directory": path(directory),
    }


def measure(port, pages, requests_per_thread, time_limit):
    def one(path):
        run(port, get(path), 1, 5, time_limit)  # warm up: the first request fills the page cache
        return run(port, get(path), THREADS, requests_per_thread, time_limit)

    def with_baseline(path):
        # The trivial view is measured again right before each figure and the ratio taken to that
        # measurement: on a machine shared with other work the load changes from one minute to the next.
        baseline = one("/bench/trivial/")["rps"]
        figures = one(path)
        return {"path": path, **figures, "baseline_rps": baseline,
                "ratio": figures["rps"] / baseline if baseline else float("nan")}

    results = {"trivial view": with_baseline("/bench/trivial/")}
    for name, path in pages.items():
        results[f"{name} (page cache)"] = with_baseline(path)
        results[f"{name} (uncached)"] = with_baseline(f"{path}?bench")
    return results
